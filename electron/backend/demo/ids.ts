import type { IdGenerator } from '../core/ids';

/**
 * Deterministic ids for a seeded demo file, in the same shape as `randomIds` (prefix, 9 base-36
 * time digits, 12 hex digits) so they sort before anything the user adds later.
 */
export function seededIds(seed: number, now: Date): IdGenerator {
  const time = now.getTime().toString(36).padStart(9, '0');
  const seedPart = ((seed >>> 0) & 0xffff).toString(16).padStart(4, '0');
  let counter = 0;
  return {
    next(prefix) {
      counter += 1;
      return `${prefix}_${time}${seedPart}${counter.toString(16).padStart(8, '0')}`;
    },
  };
}
