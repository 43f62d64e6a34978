import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The app is served by `bounceback serve` from memory; in development Vite proxies the API to a
// server started with `bounceback serve --port 8080`.
export default defineConfig({
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    target: 'es2020',
    sourcemap: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: {
    // ws: the live jump count is a WebSocket under /api.
    proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } },
  },
});
