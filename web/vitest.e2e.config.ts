import { defineConfig } from 'vitest/config';

// End-to-end tests: Chromium (the system's) driven by playwright-core against the real server.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
    // The figures' stylesheet is read as text for standalone SVGs (the contact sheet).
    css: { include: [/figures\.css/] },
  },
});
