import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';

const FILE_NAME = 'last-data-file.json';

/** The data file last opened from the File menu, or null when unset, unreadable or since deleted. */
export function readLastDataFile(userDataDir: string): string | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path.join(userDataDir, FILE_NAME), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const file = (parsed as { dataFile?: unknown }).dataFile;
    return typeof file === 'string' && path.isAbsolute(file) && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Best effort: losing this preference only means the next start opens the default file. */
export function writeLastDataFile(userDataDir: string, dataFile: string): void {
  const target = path.join(userDataDir, FILE_NAME);
  const temp = `${target}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ dataFile }, null, 2));
    renameSync(temp, target);
  } catch {
    // Ignored on purpose; see above.
  }
}
