import { API_HEADERS } from '@/lib/public/api';
import { readSiteManifest } from '@/lib/public/manifest';

// Read straight from the database on every request, never from the page cache: the snapshot
// generator compares it with what it fetched last time, so it must describe the read model as it
// is now. Published data only, like the rest of /api/public. `?only=publication` answers just the
// publication's fingerprint, for the generator's check that nothing changed while it worked.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const only = new URL(request.url).searchParams.get('only') === 'publication' ? 'publication' : null;
  return Response.json(await readSiteManifest(only), { headers: { ...API_HEADERS, 'Cache-Control': 'no-store' } });
}
