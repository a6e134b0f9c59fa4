import { createRequire } from 'node:module';
import os from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships index.mjs beside index.js with no exports map: Vite would pick the .mjs
    // for our files while Node loads the .js for type-graphql, and two graphql copies break
    // `instanceof`. Everyone gets the one Node picks.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'web/**', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on real processes and timers (servers, agents, an outage, a stopped agent)
    // rather than compute, so on 2 cores two files at once finish the suite sooner; vitest's
    // default (cores - 1) would run one. Every file has its own databases, ports, state dirs and
    // Redis namespace; the browser files share one dashboard build (test/helpers/browser.ts).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
