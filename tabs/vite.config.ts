import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const host = '127.0.0.1';
const port = Number(process.env.TAB_PORT ?? 53000);
const apiTarget = process.env.PLANBOARD_API_URL ?? 'http://127.0.0.1:7071';

/** The tab always calls the API at relative `/api/...`; locally that is proxied to the Functions host. */
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiTarget, changeOrigin: true, xfwd: true },
};

export default defineConfig({
  // Relative base: the same build works at any static-hosting path (Teams contentUrl `.../index.html#/budget`).
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@planboard/contracts': fileURLToPath(new URL('../contracts/src/index.ts', import.meta.url)),
    },
  },
  server: { host, port, strictPort: true, proxy },
  preview: { host, port, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // The app, and the two pages of Teams' consent popup (TeamsUserCredential.login(): src/consent).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        'consent-start': fileURLToPath(new URL('consent-start.html', import.meta.url)),
        'consent-end': fileURLToPath(new URL('consent-end.html', import.meta.url)),
      },
    },
  },
});
