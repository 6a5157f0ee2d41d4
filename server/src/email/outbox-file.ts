import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let sequence = 0;

/**
 * A file name that sorts by time and never collides: the UTC time to the millisecond, a counter for messages of the
 * same millisecond in this process, and random bits for other processes writing to the same folder.
 * e.g. `20261201T101530123Z-000042-9f3c1a7be2d4.eml`.
 */
export function outboxFileName(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  sequence = (sequence + 1) % 1_000_000;
  return `${stamp}-${String(sequence).padStart(6, '0')}-${randomBytes(6).toString('hex')}.eml`;
}

/**
 * Writes `bytes` to a new file in `dir` so that a reader never sees half a message: into a hidden temporary file in
 * the same folder, flushed to disk, then renamed into place (a rename within a folder is atomic). The folder and
 * file are readable by the server's user alone: they hold students' addresses.
 * @returns the file name written (no folder)
 */
export async function writeOutboxFile(dir: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = outboxFileName();
  const temporary = path.join(dir, `.${name}.tmp`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temporary, path.join(dir, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return name;
}
