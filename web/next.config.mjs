import { fileURLToPath, URL } from 'node:url';

/**
 * The dashboard is a static export (`web/out`) that `ioms server` serves on its own port: no
 * Node process of its own, no server-side rendering of fleet data. Pages that need a key (a host,
 * a job) read it from the query string, so every route is a plain file.
 * @type {import('next').NextConfig}
 */
const config = {
  output: 'export',
  trailingSlash: true,
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
  typescript: { tsconfigPath: 'tsconfig.json' },
  turbopack: { root: fileURLToPath(new URL('..', import.meta.url)) },
};

export default config;
