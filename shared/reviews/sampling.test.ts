import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, riskOf, sampleForReview, SAMPLING_STRATEGIES, type SamplingCandidate } from './sampling';

const calm = (id: number, extra: Partial<SamplingCandidate> = {}): SamplingCandidate => ({
  id,
  agentId: 'a1',
  channel: 'call',
  topic: 'Billing',
  csat: 5,
  csatScale: 5,
  isComplaint: false,
  escalated: false,
  holdSeconds: 10,
  sentiment: 0,
  repeatContact: false,
  ...extra,
});

const candidateArb = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }),
  agentId: fc.constantFrom('a1', 'a2'),
  channel: fc.constantFrom('call', 'chat', 'email'),
  topic: fc.constantFrom('Billing', 'Outage', null),
  csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  csatScale: fc.constant(5),
  isComplaint: fc.option(fc.boolean(), { nil: null }),
  escalated: fc.option(fc.boolean(), { nil: null }),
  holdSeconds: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  sentiment: fc.option(fc.constantFrom(-1 as const, 0 as const, 1 as const), { nil: null }),
  repeatContact: fc.option(fc.boolean(), { nil: null }),
});
const poolArb = fc.uniqueArray(candidateArb, { selector: (c) => c.id, maxLength: 80 });
const optionsArb = fc.record({
  strategy: fc.constantFrom(...SAMPLING_STRATEGIES),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  limit: fc.integer({ min: 0, max: 100 }),
});

describe('riskOf', () => {
  it('names every risk signal, in a fixed order', () => {
    const risky = calm(1, {
      csat: 1,
      isComplaint: true,
      holdSeconds: 242,
      escalated: true,
      sentiment: -1,
      repeatContact: true,
    });
    expect(riskOf(risky)).toEqual({
      points: 13,
      reasons: [
        'CSAT 1 of 5',
        'complaint',
        'escalated',
        'hold 4m 02s',
        'negative sentiment',
        'repeat contact',
      ],
    });
    expect(riskOf(calm(2))).toEqual({ points: 0, reasons: [] });
  });
});

describe('allocate', () => {
  it('splits picks in proportion, by largest remainder', () => {
    expect(allocate([50, 30, 20], 10)).toEqual([5, 3, 2]);
    expect(allocate([1, 1, 1], 2)).toEqual([1, 1, 0]);
    expect(allocate([3, 0], 10)).toEqual([3, 0]);
  });

  it('gives each stratum its proportional share within one, never more than it holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }),
        fc.nat(200),
        (sizes, total) => {
          const counts = allocate(sizes, total);
          const all = sizes.reduce((s, n) => s + n, 0);
          const want = Math.min(total, all);
          expect(counts.reduce((s, n) => s + n, 0)).toBe(want);
          counts.forEach((n, i) => {
            expect(n).toBeLessThanOrEqual(sizes[i] as number);
            if (all > 0) expect(Math.abs(n - ((sizes[i] as number) / all) * want)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
    );
  });
});

describe('sampleForReview', () => {
  it('draws risky contacts first under risk weighting, with the reasons, without excluding calm ones', () => {
    const pool = [
      ...Array.from({ length: 30 }, (_, i) => calm(i + 1)),
      calm(100, { csat: 1, isComplaint: true, holdSeconds: 242 }),
    ];
    let topThree = 0;
    for (let seed = 0; seed < 200; seed += 1) {
      const picks = sampleForReview(pool, { strategy: 'risk', seed, limit: 3 });
      if (picks.some((p) => p.interactionId === 100)) topThree += 1;
    }
    // Weight 2^7 = 128 against 30 calm contacts of weight 1.
    expect(topThree).toBeGreaterThan(180);
    const all = sampleForReview(pool, { strategy: 'risk', seed: 7, limit: 31 });
    expect(all.find((p) => p.interactionId === 100)).toEqual({
      interactionId: 100,
      reason: 'CSAT 1 of 5; complaint; hold 4m 02s',
      risk: 7,
    });
    expect(all.filter((p) => p.reason === 'no risk signal (random share of calm contacts)')).toHaveLength(30);
    expect(all[0]?.interactionId).toBe(100);
  });

  it('covers every channel and topic stratum in proportion', () => {
    const pool = [
      ...Array.from({ length: 60 }, (_, i) => calm(i + 1)),
      ...Array.from({ length: 30 }, (_, i) => calm(100 + i, { channel: 'chat' })),
      ...Array.from({ length: 10 }, (_, i) => calm(200 + i, { channel: 'email', topic: null })),
    ];
    const picks = sampleForReview(pool, { strategy: 'stratified', seed: 1, limit: 10 });
    expect(picks.map((p) => p.reason.split(':')[0]).slice(0, 3)).toEqual([
      'call · Billing',
      'chat · Billing',
      'email · no topic',
    ]);
    const count = (prefix: string) => picks.filter((p) => p.reason.startsWith(prefix)).length;
    expect([count('call'), count('chat'), count('email')]).toEqual([6, 3, 1]);
    expect(picks[0]?.reason).toBe('call · Billing: 6 of 60 (60% of contacts)');
  });

  it('is deterministic for a seed, never repeats or proposes a reviewed contact, and explains every pick', () => {
    fc.assert(
      fc.property(
        poolArb,
        optionsArb,
        fc.array(fc.integer({ min: 1, max: 10_000 })),
        (pool, options, reviewedIds) => {
          const reviewed = new Set(reviewedIds);
          const picks = sampleForReview(pool, { ...options, reviewed });
          const reversed = sampleForReview([...pool].reverse(), { ...options, reviewed });
          expect(reversed).toEqual(picks);
          if (options.strategy === 'risk')
            picks.slice(1).forEach((pick, i) => expect(pick.risk).toBeLessThanOrEqual(picks[i]?.risk ?? 0));
          const ids = picks.map((p) => p.interactionId);
          expect(new Set(ids).size).toBe(ids.length);
          const open = pool.filter((c) => !reviewed.has(c.id));
          expect(picks).toHaveLength(Math.min(options.limit, open.length));
          for (const pick of picks) {
            expect(reviewed.has(pick.interactionId)).toBe(false);
            expect(open.some((c) => c.id === pick.interactionId)).toBe(true);
            expect(pick.reason.trim()).not.toBe('');
          }
        },
      ),
    );
  });

  it('gives a different queue for a different seed', () => {
    const pool = Array.from({ length: 200 }, (_, i) => calm(i + 1));
    const a = sampleForReview(pool, { strategy: 'random', seed: 1, limit: 10 });
    const b = sampleForReview(pool, { strategy: 'random', seed: 2, limit: 10 });
    expect(a.map((p) => p.interactionId)).not.toEqual(b.map((p) => p.interactionId));
  });
});
