import { defineConfig } from 'vitest/config';
import { sharedEntry } from './vite.config';

export default defineConfig({
  resolve: { alias: { '@ilteo/shared': sharedEntry } },
  test: { name: 'web', environment: 'node', include: ['src/**/*.test.ts'] },
});
