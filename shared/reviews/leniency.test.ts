import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatorLeniency, type LeniencyInput } from './leniency';

describe('evaluatorLeniency', () => {
  it('compares each evaluator with the others on the same agents, by hand', () => {
    const reviews: LeniencyInput[] = [
      { evaluator: 'Kim', agentId: 'a1', score: 90 },
      { evaluator: 'Kim', agentId: 'a1', score: 94 },
      { evaluator: 'Kim', agentId: 'a2', score: 80 },
      { evaluator: 'Lou', agentId: 'a1', score: 84 },
      { evaluator: 'Lou', agentId: 'a2', score: 76 },
      { evaluator: 'Lou', agentId: 'a3', score: 50 },
    ];
    const [kim, lou] = evaluatorLeniency(reviews, 2);
    // Kim: a1 92 − 84 = +8, a2 80 − 76 = +4 → mean +6, sd 2.83, t(1) = 12.706 → ±25.4.
    expect(kim).toMatchObject({
      evaluator: 'Kim',
      sharedAgents: 2,
      own: { n: 3 },
      others: { n: 2, mean: 80 },
      tooFew: false,
    });
    expect(kim?.difference.mean).toBeCloseTo(6, 10);
    expect(kim?.difference.low).toBeCloseTo(6 - 12.7062 * 2, 3);
    // Lou's agent a3 was reviewed by nobody else: it stays out of the comparison.
    expect(lou).toMatchObject({ evaluator: 'Lou', sharedAgents: 2, own: { n: 3 } });
    expect(lou?.difference.mean).toBeCloseTo(-6, 10);
  });

  it('is antisymmetric for two evaluators and never judges on fewer than two shared agents', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            evaluator: fc.constantFrom('A', 'B'),
            agentId: fc.constantFrom('x', 'y', 'z'),
            score: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 30 },
        ),
        (reviews) => {
          const rows = evaluatorLeniency(reviews, 1);
          for (const row of rows) if (row.sharedAgents < 2) expect(row.tooFew).toBe(true);
          const [a, b] = rows;
          if (a && b && a.difference.mean !== null && b.difference.mean !== null)
            expect(a.difference.mean).toBeCloseTo(-b.difference.mean, 9);
        },
      ),
    );
  });
});
