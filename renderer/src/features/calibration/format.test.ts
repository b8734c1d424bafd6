import { describe, expect, it } from 'vitest';
import {
  deviationWords,
  estimateInterval,
  estimateN,
  formatEstimate,
  ratingText,
  signedShare,
} from './format';

const row = (meanSigned: number | null, n = 40, extra = {}) => ({
  evaluator: 'Marco',
  isExpert: false,
  n,
  meanSigned,
  meanAbsolute: meanSigned === null ? null : Math.abs(meanSigned),
  insufficient: n < 10,
  ...extra,
});

describe('calibration wording', () => {
  it('shows a figure with its interval and n, and says when it is not defined', () => {
    const e = {
      value: 0.623,
      interval: { lower: 0.21, upper: 0.664, level: 0.95, definedResamples: 1000, resamples: 1000 },
      pairableUnits: 5,
      pairableValues: 15,
    };
    expect(formatEstimate(e)).toBe('0.62');
    expect(formatEstimate(e, true)).toBe('62%');
    expect(estimateInterval(e)).toBe('95% interval 0.21 to 0.66');
    expect(estimateN(e)).toBe('n = 5 interactions, 15 ratings');
    expect(formatEstimate({ value: null })).toBe('not defined');
    expect(estimateInterval({ value: 0.5, interval: null })).toBe('no interval (too few resamples defined)');
  });

  it('writes ratings as the evaluator chose them', () => {
    expect(ratingText('yes_no_na', { rating: 1, notApplicable: false })).toBe('yes');
    expect(ratingText('yes_no_na', { rating: 0, notApplicable: false })).toBe('no');
    expect(ratingText('points', { rating: 2, notApplicable: false })).toBe('2 pts');
    expect(ratingText('1-5', { rating: null, notApplicable: true })).toBe('N/A');
    expect(ratingText('1-5', { rating: 4, notApplicable: false, answered: false })).toBe('—');
  });

  it('calls an evaluator lenient or harsh only with enough ratings and a real difference', () => {
    expect(deviationWords(row(0.063), 'consensus')).toBe(
      'lenient: rates higher than the consensus by 6.3% of the scale on average',
    );
    expect(deviationWords(row(-0.05), 'expert')).toBe(
      'harsh: rates lower than the expert by 5.0% of the scale on average',
    );
    expect(deviationWords(row(0.01), 'consensus')).toBe(
      'in line with the consensus (within 2.0% of the scale)',
    );
    expect(deviationWords(row(0.3, 4), 'consensus')).toBe('too few ratings to judge (4)');
    expect(deviationWords(row(null, 0), 'consensus')).toBe('no ratings to compare with the consensus');
    expect(deviationWords(row(0, 0, { isExpert: true }), 'expert')).toMatch(/^the expert/);
    expect(signedShare(-0.02)).toBe('−2.0%');
    expect(signedShare(0.0625)).toBe('+6.3%');
  });
});
