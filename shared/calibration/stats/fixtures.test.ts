import { describe, expect, it } from 'vitest';
import {
  abstractors2raters,
  distrib6raters,
  fromContingency,
  fromDistribution,
  raw4raters,
} from './fixtures/gwet';
import { krippendorff2011, wikipediaNominal } from './fixtures/krippendorff';
import { shroutFleiss1979 } from './fixtures/shroutFleiss';
import { gwetAC, icc21, krippendorffAlpha, percentExactAgreement } from './index';

/** Published figures are rounded: ours must round to the same digits. */
const digitsOf = (published: number) => (String(published).split('.')[1] ?? '').length;
function expectPublished(actual: number | null, published: number) {
  expect(actual).not.toBeNull();
  const digits = digitsOf(published);
  expect(Math.abs((actual ?? NaN) - published)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12);
}

describe("Krippendorff's alpha against published examples", () => {
  it.each(['nominal', 'ordinal', 'interval', 'ratio'] as const)(
    'Krippendorff (2011) 4 observers × 12 units with missing values, %s metric',
    (metric) => {
      expectPublished(krippendorffAlpha(krippendorff2011.data, metric), krippendorff2011.alpha[metric]);
    },
  );

  it('matches the five-digit values irrCAC prints for the same data', () => {
    expectPublished(
      krippendorffAlpha(krippendorff2011.data, 'nominal'),
      krippendorff2011.alphaPrecise.nominal,
    );
    expectPublished(
      krippendorffAlpha(krippendorff2011.data, 'interval'),
      krippendorff2011.alphaPrecise.interval,
    );
  });

  it('the scale passed as categories does not change the value', () => {
    expect(krippendorffAlpha(krippendorff2011.data, 'ordinal', [1, 2, 3, 4, 5, 6, 7])).toBeCloseTo(
      krippendorffAlpha(krippendorff2011.data, 'ordinal') ?? NaN,
      12,
    );
  });

  it('Wikipedia nominal example (3 coders × 15 units)', () => {
    expectPublished(krippendorffAlpha(wikipediaNominal.data, 'nominal'), wikipediaNominal.alpha.nominal);
    expectPublished(
      krippendorffAlpha(wikipediaNominal.data, 'nominal'),
      wikipediaNominal.alphaPrecise.nominal,
    );
    expectPublished(
      krippendorffAlpha(wikipediaNominal.data, 'interval'),
      wikipediaNominal.alphaPrecise.interval,
    );
  });
});

describe("Gwet's AC1/AC2 against published examples", () => {
  it.each(['identity', 'linear', 'quadratic', 'ordinal'] as const)(
    'irrCAC cac.raw4raters (4 raters, missing ratings), %s weights',
    (weights) => {
      expectPublished(gwetAC(raw4raters.data, raw4raters.categories, weights), raw4raters.ac[weights]);
    },
  );

  it('percent agreement of cac.raw4raters is Gwet’s p_a', () => {
    expectPublished(percentExactAgreement(raw4raters.data), raw4raters.percentAgreement);
  });

  it('two raters, 100 subjects (cont3x3abstractors): AC1, quadratic AC2, alpha and % agreement', () => {
    const data = fromContingency(abstractors2raters.table);
    const { categories } = abstractors2raters;
    expectPublished(gwetAC(data, categories, 'identity'), abstractors2raters.ac.identity);
    expectPublished(gwetAC(data, categories, 'quadratic'), abstractors2raters.ac.quadratic);
    expectPublished(krippendorffAlpha(data, 'nominal'), abstractors2raters.alpha.nominal);
    expectPublished(krippendorffAlpha(data, 'interval'), abstractors2raters.alpha.interval);
    expectPublished(percentExactAgreement(data), abstractors2raters.percentAgreement);
  });

  it('six raters, 15 subjects, 5 categories (distrib.6raters): AC1, quadratic AC2 and alpha', () => {
    const data = fromDistribution(distrib6raters.distribution);
    expect(data).toHaveLength(6);
    const { categories } = distrib6raters;
    expectPublished(gwetAC(data, categories, 'identity'), distrib6raters.ac.identity);
    expectPublished(gwetAC(data, categories, 'quadratic'), distrib6raters.ac.quadratic);
    expectPublished(krippendorffAlpha(data, 'nominal'), distrib6raters.alpha.nominal);
    expectPublished(krippendorffAlpha(data, 'interval'), distrib6raters.alpha.interval);
  });
});

describe('ICC(2,1) against Shrout & Fleiss (1979)', () => {
  it('6 targets × 4 judges gives .29 (0.290)', () => {
    expectPublished(icc21(shroutFleiss1979.data), shroutFleiss1979.icc21);
    expect(icc21(shroutFleiss1979.data)).toBeCloseTo(0.29, 3);
  });
});
