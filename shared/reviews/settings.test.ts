import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REVIEW_SETTINGS,
  mergeReviewSettings,
  parseStoredReviewSettings,
  reviewSettingsPatchSchema,
  reviewSettingsSchema,
} from './settings';

describe('review settings', () => {
  it('defaults: 4 reviews per agent a month, 5 reviews to judge, pass at 80', () => {
    expect(DEFAULT_REVIEW_SETTINGS).toEqual({
      quota: { perAgent: 4, period: 'month' },
      minReviews: 5,
      passScore: 80,
    });
    expect(parseStoredReviewSettings(undefined)).toEqual(DEFAULT_REVIEW_SETTINGS);
  });

  it('reads an older or damaged value leniently', () => {
    expect(parseStoredReviewSettings('{"quota":{"perAgent":8}}')).toEqual({
      ...DEFAULT_REVIEW_SETTINGS,
      quota: { perAgent: 8, period: 'month' },
    });
    expect(parseStoredReviewSettings('{oops')).toEqual(DEFAULT_REVIEW_SETTINGS);
    expect(parseStoredReviewSettings('{"minReviews":-3}')).toEqual(DEFAULT_REVIEW_SETTINGS);
    expect(parseStoredReviewSettings('null')).toEqual(DEFAULT_REVIEW_SETTINGS);
  });

  it('a valid patch always merges into valid settings that round-trip through storage', () => {
    const patchArb = fc.record(
      {
        quota: fc.record(
          {
            perAgent: fc.integer({ min: 0, max: 500 }),
            period: fc.constantFrom('week' as const, 'month' as const),
          },
          { requiredKeys: [] },
        ),
        minReviews: fc.integer({ min: 1, max: 500 }),
        passScore: fc.integer({ min: 0, max: 1000 }).map((v) => v / 10),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(patchArb, (patch) => {
        expect(reviewSettingsPatchSchema.safeParse(patch).success).toBe(true);
        const merged = mergeReviewSettings(DEFAULT_REVIEW_SETTINGS, patch);
        expect(reviewSettingsSchema.safeParse(merged).success).toBe(true);
        expect(parseStoredReviewSettings(JSON.stringify(merged))).toEqual(merged);
      }),
    );
  });
});
