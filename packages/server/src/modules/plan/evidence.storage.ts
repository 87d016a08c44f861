import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where evidence files live: content-addressed files under DATA_DIR/uploads. */
export interface EvidenceStore {
  /** Stores bytes (once per content) and returns their SHA-256 and the key to read them back. */
  put(bytes: Buffer): Promise<{ sha256: string; key: string }>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** The file store for evidence under `<dataDir>/uploads`, one file per SHA-256 (`ab/abcd…`). */
export function evidenceStore(dataDir: string): EvidenceStore {
  const root = path.join(dataDir, 'uploads');
  const fileOf = (key: string) => {
    // Keys come from our own database, but a path is never built from anything unchecked.
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return path.join(root, key);
  };
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const key = `${sha256.slice(0, 2)}/${sha256}`;
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write aside, then rename: a reader never sees half a file, and the same content twice is one file.
      const temp = `${file}.${randomUUID()}.part`;
      await fs.writeFile(temp, bytes, { mode: 0o600 });
      await fs.rename(temp, file);
      return { sha256, key };
    },
    read: (key) => fs.readFile(fileOf(key)),
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
