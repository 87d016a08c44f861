import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web reads shared's TypeScript sources directly, so it never waits for shared's build. */
const sharedEntry = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));

const server = 'http://localhost:3000';
const proxy = { '/api': server, '/healthz': server, '/readyz': server };

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '@ilteo/shared': sharedEntry } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy },
  preview: { proxy },
});
