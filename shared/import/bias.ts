/**
 * How the rows an import rejects would have moved the rates. Rejected rows often share a cause
 * (the Kaggle open tickets have no time at all), so leaving them out is not neutral: the report
 * says by how much, from the flags those rows did parse.
 */

/** Flags a rate is built on, in the order the report lists them. */
export const BIAS_FLAGS = ['resolved', 'abandoned'] as const;
export type BiasFlag = (typeof BIAS_FLAGS)[number];

export interface FlagCounts {
  yes: number;
  no: number;
  unknown: number;
}

/** Per flag the mapping fills: counts over the accepted and over the rejected rows. */
export type FlagTallies = Partial<Record<BiasFlag, { accepted: FlagCounts; rejected: FlagCounts }>>;

export interface RateBias {
  flag: BiasFlag;
  accepted: FlagCounts;
  rejected: FlagCounts;
  /** Share of `yes` among the accepted rows whose flag is known. */
  acceptedRate: number;
  /** The same share with the rejected rows whose flag is known counted in. */
  countedRate: number;
  /** One plain sentence for the report. */
  note: string;
}

const WORDS: Record<BiasFlag, { rate: string; yes: string; no: string }> = {
  resolved: { rate: 'resolution rate', yes: 'resolved', no: 'unresolved' },
  abandoned: { rate: 'abandonment rate', yes: 'abandoned', no: 'answered' },
};

const noCounts = (): FlagCounts => ({ yes: 0, no: 0, unknown: 0 });

/** Counts flag values of processed rows; `index` = position of each flag in the row values. */
export class FlagTally {
  readonly tallies: FlagTallies = {};
  private readonly positions: Array<[BiasFlag, number]>;

  constructor(index: Partial<Record<BiasFlag, number>>) {
    this.positions = BIAS_FLAGS.flatMap((flag) => {
      const at = index[flag] ?? -1;
      return at >= 0 ? [[flag, at] as [BiasFlag, number]] : [];
    });
    for (const [flag] of this.positions) this.tallies[flag] = { accepted: noCounts(), rejected: noCounts() };
  }

  /** `values` null: the row could not be read at all (wrong column count), its flags are unknown. */
  count(side: 'accepted' | 'rejected', values: ReadonlyArray<string | number | null> | null): void {
    for (const [flag, at] of this.positions) {
      const counts = (this.tallies[flag] as { accepted: FlagCounts; rejected: FlagCounts })[side];
      const value = values === null ? null : values[at];
      if (value === 1) counts.yes++;
      else if (value === 0) counts.no++;
      else counts.unknown++;
    }
  }
}

export function mergeTallies(into: FlagTallies, from: FlagTallies): void {
  for (const flag of BIAS_FLAGS) {
    const add = from[flag];
    if (!add) continue;
    const target = (into[flag] ??= { accepted: noCounts(), rejected: noCounts() });
    for (const side of ['accepted', 'rejected'] as const) {
      target[side].yes += add[side].yes;
      target[side].no += add[side].no;
      target[side].unknown += add[side].unknown;
    }
  }
}

const share = (yes: number, known: number) => (known > 0 ? yes / known : null);
const count = (n: number) => n.toLocaleString('en-US');
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/**
 * One entry per flag whose rate the rejected rows would change (at the shown precision). Rows
 * whose flag is unknown are left out of both rates: nothing says which way they would go.
 */
export function rateBias(tallies: FlagTallies): RateBias[] {
  const out: RateBias[] = [];
  for (const flag of BIAS_FLAGS) {
    const tally = tallies[flag];
    if (!tally) continue;
    const { accepted, rejected } = tally;
    const acceptedRate = share(accepted.yes, accepted.yes + accepted.no);
    const countedRate = share(
      accepted.yes + rejected.yes,
      accepted.yes + accepted.no + rejected.yes + rejected.no,
    );
    if (acceptedRate === null || countedRate === null || rejected.yes + rejected.no === 0) continue;
    if (percent(acceptedRate) === percent(countedRate)) continue;
    out.push({
      flag,
      accepted,
      rejected,
      acceptedRate,
      countedRate,
      note: note(flag, rejected, acceptedRate, countedRate),
    });
  }
  return out;
}

function note(flag: BiasFlag, rejected: FlagCounts, acceptedRate: number, countedRate: number): string {
  const words = WORDS[flag];
  const total = rejected.yes + rejected.no + rejected.unknown;
  const one = total === 1;
  const subject = one ? '1 rejected row' : `${count(total)} rejected rows`;
  let what: string;
  if (rejected.unknown === 0 && rejected.yes === 0) what = one ? `is ${words.no}` : `are all ${words.no}`;
  else if (rejected.unknown === 0 && rejected.no === 0)
    what = one ? `is ${words.yes}` : `are all ${words.yes}`;
  else
    what = `include ${count(rejected.no)} ${words.no} and ${count(rejected.yes)} ${words.yes}${
      rejected.unknown > 0 ? ` (${count(rejected.unknown)} not known)` : ''
    }`;
  return `${subject} ${what}: the ${words.rate} of the accepted rows is ${percent(acceptedRate)}, against ${percent(countedRate)} if they were counted.`;
}
