// Stores media under the data dir by content: the file name is the SHA-256 of its bytes, so the
// same render is stored once and a path proves what it holds.

import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A stored file. */
export interface StoredFile {
  path: string;
  mime: string;
  bytes: number;
  sha256: string;
}

/** Writes `data` to `<directory>/<sha256>.<extension>` unless it is already there. */
export async function storeContentAddressed(
  directory: string,
  data: Uint8Array,
  extension: string,
  mime: string,
): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const path = join(directory, `${sha256}.${extension}`);
  await mkdir(directory, { recursive: true });
  const existing = await stat(path).catch(() => undefined);
  if (!existing)
    await writeFile(path, data, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  return { path, mime, bytes: data.byteLength, sha256 };
}
