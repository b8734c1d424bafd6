import { describe, expect, it } from 'vitest';
import type { OutcomeComparison } from '../../../../../shared/reviews/validity';
import type { EvaluatorLeniencyRow } from '../../../../../shared/reviews/leniency';
import {
  criterionVerdict,
  formatPoints,
  formatShare,
  leniencyWords,
  outcomeReading,
  pointsInterval,
  scoreInterval,
  scoreTone,
  scoreWords,
  shareInterval,
} from './qaFormat';

const score = (n: number, mean: number | null, tooFew: boolean) => ({
  n,
  mean,
  sd: null,
  low: n > 1 && mean !== null ? mean - 5 : null,
  high: n > 1 && mean !== null ? mean + 5 : null,
  tooFew,
});
const settings = { passScore: 80, minReviews: 5 };

function comparison(
  outcome: OutcomeComparison['outcome'],
  reading: OutcomeComparison['reading'],
  difference: number,
): OutcomeComparison {
  const p = { count: 1, n: 10, share: 0.1, low: 0, high: 0.4 };
  return {
    outcome,
    passed: p,
    failed: p,
    difference: { difference, low: difference - 0.1, high: difference + 0.1 },
    reading,
  };
}

describe('QA score words and colours', () => {
  it('never colours a score on too few reviews, nor an empty one', () => {
    expect(scoreTone(score(2, 100, true), 80)).toBe('none');
    expect(scoreTone(score(0, null, true), 80)).toBe('none');
    expect(scoreTone(score(12, 86, false), 80)).toBe('good');
    expect(scoreTone(score(12, 70, false), 80)).toBe('bad');
  });

  it('says too few, no reviews, or the side of the pass line', () => {
    expect(scoreWords(score(2, 97, true), settings)).toBe('too few to judge (2 of 5 reviews)');
    expect(scoreWords(score(0, null, true), settings)).toBe('no reviews in this period');
    expect(scoreWords(score(12, 80, false), settings)).toBe('at or above the pass line 80');
    expect(scoreWords(score(12, 79.9, false), settings)).toBe('below the pass line 80');
  });

  it('gives an interval only from two reviews up', () => {
    expect(scoreInterval(score(1, 88, true))).toBe('no interval from one review');
    expect(scoreInterval(score(0, null, true))).toBe('no reviews');
    expect(scoreInterval({ n: 12, mean: 86.09, sd: 8, low: 80.886, high: 91.297 })).toBe(
      '95% interval 80.9–91.3',
    );
  });

  it('writes shares with their counts and a clamped interval', () => {
    const p = { count: 0, n: 12, share: 0, low: 2.7e-17, high: 0.2425 };
    expect(formatShare(p)).toBe('0% (0 of 12)');
    expect(shareInterval(p)).toBe('95% interval 0–24%');
    expect(formatShare({ count: 0, n: 0, share: null, low: null, high: null })).toBe('no data');
  });
});

describe('criterion validity words follow each outcome’s direction', () => {
  it('reads a higher CSAT and fewer repeat contacts as good, the reverse as bad', () => {
    expect(outcomeReading(comparison('csat_satisfied', 'associated', 0.2))).toEqual({
      words: 'passing goes with higher CSAT',
      tone: 'good',
    });
    expect(outcomeReading(comparison('repeat_contact', 'associated', -0.2))).toEqual({
      words: 'passing goes with fewer repeat contacts',
      tone: 'good',
    });
    expect(outcomeReading(comparison('repeat_contact', 'associated', 0.2)).tone).toBe('bad');
    expect(outcomeReading(comparison('fcr', 'associated', -0.2))).toEqual({
      words: 'passing goes with lower FCR',
      tone: 'bad',
    });
    expect(outcomeReading(comparison('fcr', 'no_clear_difference', 0.3)).tone).toBe('none');
  });

  it('sums a criterion up: predicts, no evidence, too few', () => {
    expect(
      criterionVerdict([
        comparison('csat_satisfied', 'associated', 0.2),
        comparison('fcr', 'no_clear_difference', 0.1),
        comparison('repeat_contact', 'too_few', 0),
      ]),
    ).toBe('predicts CSAT');
    expect(
      criterionVerdict([
        comparison('csat_satisfied', 'no_clear_difference', 0.2),
        comparison('fcr', 'too_few', 0.1),
      ]),
    ).toBe('no evidence it moves outcomes');
    expect(criterionVerdict([comparison('fcr', 'too_few', 0.4)])).toBe('too few to judge');
    expect(criterionVerdict([comparison('fcr', 'associated', -0.3)])).toMatch(/worse FCR/);
  });

  it('writes differences in percentage points with signs', () => {
    expect(formatPoints(0.18)).toBe('+18.0 pts');
    expect(formatPoints(-0.0102)).toBe('−1.0 pts');
    expect(pointsInterval(-0.1319, 0.5607)).toBe('95% interval −13.2 to +56.1 pts');
  });
});

describe('evaluator leniency words', () => {
  const row = (low: number, high: number, tooFew = false): EvaluatorLeniencyRow => ({
    evaluator: 'A',
    own: { n: 10, mean: 80, sd: 1, low: 79, high: 81 },
    others: { n: 10, mean: 80, sd: 1, low: 79, high: 81 },
    sharedAgents: 4,
    difference: { n: 4, mean: (low + high) / 2, sd: 1, low, high },
    tooFew,
  });
  it('names a direction only when the interval excludes 0', () => {
    expect(leniencyWords(row(1, 5))).toBe('more lenient than the others');
    expect(leniencyWords(row(-5, -1))).toBe('harsher than the others');
    expect(leniencyWords(row(-2, 5))).toBe('no clear difference');
    expect(leniencyWords(row(1, 5, true))).toBe('too few to judge');
  });
});
