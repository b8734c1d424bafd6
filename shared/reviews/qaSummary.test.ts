import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseQa, type QaReviewInput } from './qaSummary';

const S1 = { id: 's1', label: 'One' };
const C1 = { id: 'c1', label: 'C1', sectionId: 's1', sectionLabel: 'One', critical: false };
const options = { minReviews: 3, passScore: 80, bucketOf: (day: string) => `${day.slice(0, 7)}-01` };

function review(overrides: Partial<QaReviewInput> & { id: string }): QaReviewInput {
  return {
    agentId: 'a1',
    agentName: 'Ann',
    teamId: 't1',
    teamName: 'Blue',
    evaluator: 'QA',
    day: '2026-01-10',
    score: 80,
    failedCritical: false,
    sections: [{ info: S1, score: 80 }],
    criteria: [{ info: C1, earned: 0.8, notApplicable: false }],
    ...overrides,
  };
}

const reviewArb = fc
  .record({
    id: fc.uuid(),
    agent: fc.constantFrom('a1', 'a2', 'a3'),
    team: fc.constantFrom('t1', 't2', null),
    month: fc.constantFrom('01', '02', '03'),
    score: fc.option(
      fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
      { nil: null },
    ),
    failedCritical: fc.boolean(),
    earned: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  })
  .map((r) =>
    review({
      id: r.id,
      agentId: r.agent,
      agentName: r.agent.toUpperCase(),
      teamId: r.team,
      teamName: r.team,
      day: `2026-${r.month}-15`,
      score: r.score,
      failedCritical: r.failedCritical,
      sections: [{ info: S1, score: r.score }],
      criteria: [{ info: C1, earned: r.earned, notApplicable: r.earned === null }],
    }),
  );

describe('summariseQa', () => {
  it('computes n, mean, interval, pass and failed-critical shares, by hand', () => {
    const summary = summariseQa(
      [
        review({ id: 'r1', score: 70 }),
        review({ id: 'r2', score: 80, failedCritical: true }),
        review({ id: 'r3', score: 90, day: '2026-02-02' }),
      ],
      options,
    );
    expect(summary.overall.score).toMatchObject({ n: 3, mean: 80, tooFew: false });
    expect(summary.overall.score.low).toBeCloseTo(55.159, 2);
    expect(summary.overall.score.high).toBe(100);
    expect(summary.overall.passed).toMatchObject({ count: 2, n: 3 });
    expect(summary.overall.failedCritical).toMatchObject({ count: 1, n: 3 });
    expect(summary.trend.map((p) => [p.period, p.score.n])).toEqual([
      ['2026-01-01', 2],
      ['2026-02-01', 1],
    ]);
    expect(summary.trend[1]?.score.tooFew).toBe(true);
  });

  it('keeps empty trend buckets as n = 0', () => {
    const summary = summariseQa([review({ id: 'r1' })], {
      ...options,
      periods: ['2025-12-01', '2026-01-01'],
    });
    expect(summary.trend.map((p) => [p.period, p.score.n, p.score.mean])).toEqual([
      ['2025-12-01', 0, null],
      ['2026-01-01', 1, 80],
    ]);
  });

  it('splits the reviews exactly across teams, agents and trend buckets, and flags too few', () => {
    fc.assert(
      fc.property(fc.array(reviewArb, { maxLength: 40 }), (reviews) => {
        const summary = summariseQa(reviews, options);
        const scored = reviews.filter((r) => r.score !== null).length;
        const sum = (rows: Array<{ score: { n: number } }>) => rows.reduce((t, r) => t + r.score.n, 0);
        expect(summary.overall.score.n).toBe(scored);
        expect(sum(summary.teams)).toBe(scored);
        expect(sum(summary.agents)).toBe(scored);
        expect(sum(summary.trend)).toBe(scored);
        expect(summary.overall.failedCritical.n).toBe(reviews.length);
        for (const row of [summary.overall, ...summary.teams, ...summary.agents, ...summary.trend]) {
          expect(row.score.tooFew).toBe(row.score.n < options.minReviews);
          if (row.score.mean !== null) {
            expect(row.score.mean).toBeGreaterThanOrEqual(0);
            expect(row.score.mean).toBeLessThanOrEqual(100);
          }
        }
        const c1 = summary.criteria.find((c) => c.id === 'c1');
        if (reviews.length > 0) expect((c1?.average.n ?? 0) + (c1?.notApplicable ?? 0)).toBe(reviews.length);
      }),
    );
  });
});
