import type { CasePageData } from '@/lib/public/case-page-data';
import { renderCaseParts } from './case-parts';
import type { RenderReply, RenderRequest } from './protocol';

// The snapshot's case page renderer, a child process of the command that generates the snapshot
// (./renderer.ts starts it). It runs React for the browser-facing build, which the app's own
// server code (run with the react-server condition) cannot load, and on a second core.

function reply(message: RenderReply): void {
  process.send?.(message);
}

process.on('message', (message: RenderRequest) => {
  try {
    // The JSON-LD and metadata read the public origin from here, as they do in the app.
    process.env.CASEBOOK_SITE_URL = message.siteUrl;
    reply({ id: message.id, parts: message.pages.map((page: CasePageData) => renderCaseParts(page, message.siteUrl)) });
  } catch (error) {
    reply({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
// Ends with the command that started it.
process.on('disconnect', () => process.exit(0));
reply({ id: 0, ready: true });
