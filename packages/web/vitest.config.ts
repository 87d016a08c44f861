import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Unit tests of the web's pure modules (i18n, formatters, navigation, validation): node, no DOM. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { alias: { '@ilteo/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) } },
  test: { name: 'web', environment: 'node', include: ['src/**/*.test.ts'] },
});
