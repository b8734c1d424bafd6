import fs from 'node:fs';
import path from 'node:path';

/** File primitives shared by the store and the backups: every replacement is temp + fsync + rename. */

export const journalPathFor = (dataFile: string) => `${dataFile}.log`;
export const tempPathFor = (file: string) => `${file}.tmp`;

export function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

/** temp file in the same directory, fsync, rename over the target, fsync the directory. */
export function writeFileDurably(target: string, bytes: Uint8Array): void {
  const temp = tempPathFor(target);
  const fd = fs.openSync(temp, 'w');
  try {
    writeAll(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
  fsyncDir(path.dirname(target));
}

export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a directory; NTFS renames are journaled by the filesystem.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
