import { fileURLToPath } from 'node:url';

/** Absolute path of a file under packages/server/reference-data (works from src and from dist). */
export function referenceDataPath(relative: string): string {
  return fileURLToPath(new URL(`../reference-data/${relative}`, import.meta.url));
}
