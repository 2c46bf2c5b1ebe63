'use client';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';

/** A comment box with text in it that has not been sent yet. */
export interface UnsentDraft {
  key: string;
  /** Where the comment would go, as the page names it: （二）主要成效, 整篇案例, 回复…. */
  where: string;
  body: string;
}

interface DraftSource {
  where: string;
  body: () => string;
  /** Sends the draft as it stands and empties its box; a Chinese message if it could not be sent. */
  send: () => Promise<string | null>;
}

interface Registry {
  register: (key: string, source: DraftSource) => () => void;
  unsent: () => UnsentDraft[];
  /** Sends every unsent draft in page order; stops at the first failure and returns its message. */
  sendAll: () => Promise<string | null>;
}

const DraftsContext = createContext<Registry | null>(null);

/**
 * Lets the review decision see the comment boxes on the same page, so a comment typed but not yet
 * sent is not lost when the reviewer approves or sends the case back. The boxes keep their own text;
 * this only keeps a reference to each, so typing does not re-render the page.
 */
export function ReviewDraftsProvider({ children }: { children: ReactNode }) {
  const sources = useRef(new Map<string, DraftSource>());
  const registry = useMemo<Registry>(() => {
    const pending = () => [...sources.current.entries()].filter(([, s]) => s.body().trim() !== '');
    return {
      register: (key, source) => {
        sources.current.set(key, source);
        return () => void sources.current.delete(key);
      },
      unsent: () => pending().map(([key, s]) => ({ key, where: s.where, body: s.body().trim() })),
      sendAll: async () => {
        for (const [, s] of pending()) {
          const failure = await s.send();
          if (failure) return `“${s.where}”的意见未能发表：${failure}`;
        }
        return null;
      },
    };
  }, []);
  return <DraftsContext.Provider value={registry}>{children}</DraftsContext.Provider>;
}

/** The page's drafts, or null outside a review page (the comment boxes then work on their own). */
export function useReviewDrafts(): Registry | null {
  return useContext(DraftsContext);
}

/** Registers one comment box with the page while it is on screen. */
export function useRegisterDraft(key: string, source: DraftSource): void {
  const registry = useReviewDrafts();
  const latest = useRef(source);
  useEffect(() => {
    latest.current = source;
  });
  useEffect(() => {
    if (!registry) return;
    return registry.register(key, {
      get where() {
        return latest.current.where;
      },
      body: () => latest.current.body(),
      send: () => latest.current.send(),
    });
  }, [registry, key]);
}
