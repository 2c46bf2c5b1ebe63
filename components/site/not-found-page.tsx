import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { NOT_FOUND_TITLE, NotFoundBody } from '@/components/site/not-found-body';

// A public page whose content does not exist (or is not published) returns <NotFoundPage /> and
// notFoundMetadata instead of calling notFound() itself. A notFound() thrown while the page or its
// metadata renders makes Next answer with an empty error document (<html id="__next_error__">) and
// leave the not-found UI to client script, because the boundary that would show it only runs in the
// browser: readers without JavaScript, crawlers and the static snapshot got a blank page.

/** Metadata of a 404 page. Next adds <meta name="robots" content="noindex"> itself. */
export const notFoundMetadata: Metadata = { title: NOT_FOUND_TITLE };

function NotFoundStatus(): never {
  notFound();
}

/**
 * The 404 page in the HTML, answered with status 404. The notFound() in its own Suspense boundary
 * sets only the status: when these pages are rendered for the cache (ISR), Next takes an access
 * error raised inside a boundary as the response status and keeps the HTML around it.
 */
export function NotFoundPage() {
  return (
    <>
      <NotFoundBody />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  );
}
