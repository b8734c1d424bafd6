import { formatDuration, isLowCsat, LONG_HOLD_SECONDS } from './hints';

export const SAMPLING_STRATEGIES = ['random', 'stratified', 'risk'] as const;
export type SamplingStrategy = (typeof SAMPLING_STRATEGIES)[number];

/** An unreviewed interaction the queue may propose. */
export interface SamplingCandidate {
  id: number;
  agentId: string;
  channel: string;
  topic: string | null;
  csat: number | null;
  csatScale: number | null;
  isComplaint: boolean | null;
  escalated: boolean | null;
  holdSeconds: number | null;
  sentiment: -1 | 0 | 1 | null;
  repeatContact: boolean | null;
}

export interface SamplingPick {
  interactionId: number;
  /** Why it was chosen, in words: "CSAT 1 of 5; complaint; hold 4m 02s". */
  reason: string;
  /** Risk points behind a risk-weighted pick (0 for the other strategies' view of calm contacts). */
  risk: number;
}

/** Risk signals and their weights: what a lead would want heard first. */
const RISK_SIGNALS: Array<{ points: number; text: (c: SamplingCandidate) => string | null }> = [
  {
    points: 3,
    text: (c) => (isLowCsat(c.csat, c.csatScale) ? `CSAT ${c.csat} of ${c.csatScale ?? 5}` : null),
  },
  { points: 3, text: (c) => (c.isComplaint ? 'complaint' : null) },
  { points: 2, text: (c) => (c.escalated ? 'escalated' : null) },
  {
    points: 1,
    text: (c) =>
      c.holdSeconds !== null && c.holdSeconds > LONG_HOLD_SECONDS
        ? `hold ${formatDuration(c.holdSeconds)}`
        : null,
  },
  { points: 2, text: (c) => (c.sentiment === -1 ? 'negative sentiment' : null) },
  { points: 2, text: (c) => (c.repeatContact ? 'repeat contact' : null) },
];

export function riskOf(candidate: SamplingCandidate): { points: number; reasons: string[] } {
  let points = 0;
  const reasons: string[] = [];
  for (const signal of RISK_SIGNALS) {
    const text = signal.text(candidate);
    if (text === null) continue;
    points += signal.points;
    reasons.push(text);
  }
  return { points, reasons };
}

/** mulberry32: small, fast and the same sequence for a seed on every platform. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const stratumOf = (c: SamplingCandidate) => `${c.channel} · ${c.topic?.trim() || 'no topic'}`;
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

/** Largest-remainder allocation of `total` picks in proportion to the strata sizes. */
export function allocate(sizes: readonly number[], total: number): number[] {
  const all = sizes.reduce((s, n) => s + n, 0);
  if (all === 0) return sizes.map(() => 0);
  const want = Math.min(total, all);
  const exact = sizes.map((n) => (n / all) * want);
  const counts = exact.map((x, i) => Math.min(sizes[i] as number, Math.floor(x)));
  let left = want - counts.reduce((s, n) => s + n, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  while (left > 0) {
    let moved = false;
    for (const { i } of order) {
      if (left === 0) break;
      if ((counts[i] as number) < (sizes[i] as number)) {
        counts[i] = (counts[i] as number) + 1;
        left -= 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return counts;
}

function stratified(
  candidates: readonly SamplingCandidate[],
  limit: number,
  random: () => number,
): SamplingPick[] {
  const strata = new Map<string, SamplingCandidate[]>();
  for (const c of candidates) {
    const key = stratumOf(c);
    const list = strata.get(key);
    if (list) list.push(c);
    else strata.set(key, [c]);
  }
  const keys = [...strata.keys()].sort();
  const counts = allocate(
    keys.map((k) => strata.get(k)?.length ?? 0),
    limit,
  );
  const lanes = keys.map((key, i) =>
    shuffled(strata.get(key) ?? [], random)
      .slice(0, counts[i])
      .map((c) => {
        const size = strata.get(key)?.length ?? 0;
        return {
          interactionId: c.id,
          reason: `${key}: ${counts[i]} of ${size} (${percent(size, candidates.length)} of contacts)`,
          risk: riskOf(c).points,
        };
      }),
  );
  // Round-robin over the strata so the head of the queue already covers them.
  const picks: SamplingPick[] = [];
  for (let round = 0; picks.length < counts.reduce((s, n) => s + n, 0); round += 1)
    for (const lane of lanes) {
      const pick = lane[round];
      if (pick) picks.push(pick);
    }
  return picks;
}

/**
 * Weighted sampling without replacement (Efraimidis–Spirakis keys u^(1/w)) with weight 2^risk points:
 * a low-CSAT complaint (6 points) is 64 times as likely as a calm contact to be drawn first, yet a
 * calm one can still be drawn, so the queue is not only bad news and agents are not judged on it.
 */
function riskWeighted(
  candidates: readonly SamplingCandidate[],
  limit: number,
  random: () => number,
): SamplingPick[] {
  return (
    candidates
      .map((c) => {
        const risk = riskOf(c);
        return { c, risk, key: Math.log(random()) / 2 ** risk.points };
      })
      .sort((a, b) => b.key - a.key || a.c.id - b.c.id)
      .slice(0, limit)
      // The draw decides which contacts are in; the queue then lists the most worrying first.
      .sort((a, b) => b.risk.points - a.risk.points || b.key - a.key || a.c.id - b.c.id)
      .map(({ c, risk }) => ({
        interactionId: c.id,
        reason:
          risk.reasons.length > 0
            ? risk.reasons.join('; ')
            : 'no risk signal (random share of calm contacts)',
        risk: risk.points,
      }))
  );
}

/**
 * Proposes interactions to review. Already-reviewed ones never appear; the result depends only on
 * the candidates (as a set) and the seed, so a lead sees the same queue again for the same seed.
 */
export function sampleForReview(
  candidates: readonly SamplingCandidate[],
  options: { strategy: SamplingStrategy; seed: number; limit: number; reviewed?: ReadonlySet<number> },
): SamplingPick[] {
  const pool = candidates.filter((c) => !options.reviewed?.has(c.id)).sort((a, b) => a.id - b.id);
  const random = seededRandom(options.seed);
  const limit = Math.max(0, Math.floor(options.limit));
  switch (options.strategy) {
    case 'random':
      return shuffled(pool, random)
        .slice(0, limit)
        .map((c) => ({
          interactionId: c.id,
          reason: `random pick from ${pool.length} unreviewed contacts`,
          risk: riskOf(c).points,
        }));
    case 'stratified':
      return stratified(pool, limit, random);
    case 'risk':
      return riskWeighted(pool, limit, random);
  }
}
