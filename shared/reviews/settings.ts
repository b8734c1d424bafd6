import { z } from 'zod';

/**
 * Review settings (own `settings` row, key "reviews"): the sampling quota, how many reviews it
 * takes before a QA score is judged, and the pass line.
 */
export const reviewSettingsSchema = z
  .object({
    quota: z
      .object({
        /** Reviews wanted per agent and period; 0 switches the quota off. */
        perAgent: z.number().int().min(0).max(500),
        period: z.enum(['week', 'month']),
      })
      .strict(),
    /** Fewer submitted reviews than this: the QA score is shown but flagged as too few to judge. */
    minReviews: z.number().int().min(1).max(500),
    /** A review at or above this score passes. */
    passScore: z.number().min(0).max(100),
  })
  .strict();
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  quota: { perAgent: 4, period: 'month' },
  minReviews: 5,
  passScore: 80,
};

export const reviewSettingsPatchSchema = z
  .object({
    quota: reviewSettingsSchema.shape.quota.partial().optional(),
    minReviews: reviewSettingsSchema.shape.minReviews.optional(),
    passScore: reviewSettingsSchema.shape.passScore.optional(),
  })
  .strict();
export type ReviewSettingsPatch = z.infer<typeof reviewSettingsPatchSchema>;

export function mergeReviewSettings(current: ReviewSettings, patch: ReviewSettingsPatch): ReviewSettings {
  return {
    quota: { ...current.quota, ...patch.quota },
    minReviews: patch.minReviews ?? current.minReviews,
    passScore: patch.passScore ?? current.passScore,
  };
}

/** Reads a stored value leniently: missing parts take their defaults, a broken value all of them. */
export function parseStoredReviewSettings(json: string | null | undefined): ReviewSettings {
  if (!json) return DEFAULT_REVIEW_SETTINGS;
  try {
    const stored = JSON.parse(json) as Partial<ReviewSettings> | null;
    const merged = {
      quota: { ...DEFAULT_REVIEW_SETTINGS.quota, ...stored?.quota },
      minReviews: stored?.minReviews ?? DEFAULT_REVIEW_SETTINGS.minReviews,
      passScore: stored?.passScore ?? DEFAULT_REVIEW_SETTINGS.passScore,
    };
    const parsed = reviewSettingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULT_REVIEW_SETTINGS;
  } catch {
    return DEFAULT_REVIEW_SETTINGS;
  }
}
