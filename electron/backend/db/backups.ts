import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/ipc/contracts/store';
import { UserFacingError } from '../../../shared/ipc/result';
import { fsyncDir, journalPathFor, tempPathFor, timestamp, writeFileDurably } from './files';

export const BACKUPS_KEPT = 7;

export type { BackupInfo };

export const backupDirFor = (dataFile: string) => path.join(path.dirname(dataFile), 'backups');

function baseName(dataFile: string): string {
  return path.basename(dataFile).replace(/\.db$/i, '');
}

function backupPattern(dataFile: string): RegExp {
  const escaped = baseName(dataFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}-(\\d{4}-\\d{2}-\\d{2})\\.db$`);
}

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Newest first. */
export function listBackups(dataFile: string): BackupInfo[] {
  const dir = backupDirFor(dataFile);
  const pattern = backupPattern(dataFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const backups: BackupInfo[] = [];
  for (const fileName of names) {
    const date = pattern.exec(fileName)?.[1];
    if (!date) continue;
    const full = path.join(dir, fileName);
    backups.push({ path: full, fileName, date, sizeBytes: fs.statSync(full).size });
  }
  return backups.sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Copies the current snapshot (the caller checkpoints first) to `backups/<name>-YYYY-MM-DD.db`,
 * at most once per local day, and keeps the newest `keep`. Returns the new backup, or null when
 * today's already exists.
 */
export function ensureDailyBackup(dataFile: string, now: Date, keep = BACKUPS_KEPT): BackupInfo | null {
  const dir = backupDirFor(dataFile);
  const date = localDate(now);
  const target = path.join(dir, `${baseName(dataFile)}-${date}.db`);
  if (fs.existsSync(target)) return null;
  fs.mkdirSync(dir, { recursive: true });
  writeFileDurably(target, fs.readFileSync(dataFile));
  for (const old of listBackups(dataFile).slice(keep)) fs.rmSync(old.path, { force: true });
  return { path: target, fileName: path.basename(target), date, sizeBytes: fs.statSync(target).size };
}

/**
 * Puts a backup in place of the data file. The current file and its change log are moved aside as
 * `X.db.corrupt-<timestamp>` (never deleted). The store must be closed.
 */
export function restoreBackup(
  dataFile: string,
  backupPath: string,
  now: Date = new Date(),
): { restored: BackupInfo; movedAside: string[] } {
  const backup = listBackups(dataFile).find((b) => path.resolve(b.path) === path.resolve(backupPath));
  if (!backup) {
    throw new UserFacingError('not_found', `${backupPath} is not one of the backups of ${dataFile}.`, {
      backups: listBackups(dataFile),
    });
  }
  const bytes = fs.readFileSync(backup.path);
  // Written in full before anything moves: a failed write (disk full) must leave the current file
  // in place, not a missing one that the next open would replace with a new, empty database.
  const staged = `${dataFile}.restoring`;
  try {
    writeFileDurably(staged, bytes);
  } catch (error) {
    fs.rmSync(tempPathFor(staged), { force: true });
    throw error;
  }
  const stamp = timestamp(now);
  const movedAside: string[] = [];
  for (const file of [dataFile, journalPathFor(dataFile)]) {
    if (!fs.existsSync(file)) continue;
    const aside = `${file}.corrupt-${stamp}`;
    fs.renameSync(file, aside);
    movedAside.push(aside);
  }
  fs.renameSync(staged, dataFile);
  fsyncDir(path.dirname(dataFile));
  return { restored: backup, movedAside };
}
