import { randomBytes } from 'node:crypto';

export interface IdGenerator {
  /** A new text id such as `agt_0m3k9x2q7f4d1a8b`: time-ordered so ids sort by creation. */
  next(prefix: string): string;
}

export const randomIds: IdGenerator = {
  next(prefix) {
    const time = Date.now().toString(36).padStart(9, '0');
    return `${prefix}_${time}${randomBytes(6).toString('hex')}`;
  },
};

/** For tests and the seeded demo: the same sequence every run. */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${String(n).padStart(6, '0')}`;
    },
  };
}
