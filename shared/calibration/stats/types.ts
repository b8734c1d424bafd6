/**
 * Types of the agreement statistics (issue 10, item 3). Everything here is pure: no `node:`
 * imports, deterministic for a seed, safe in the renderer, the backend worker and the CLI.
 *
 * Shape of the data: one matrix per criterion, rows = evaluators (raters), columns = units
 * (interactions). `null` is a missing rating: N/A, or not scored. Yes/no is coded 1 = yes, 0 = no
 * (as in shared/reviews/form.ts), 1–5 as 1..5, points as 0..maxPoints.
 */

export type Rating = number | null;

/** rows = evaluators (raters), columns = units (interactions); all rows the same length. */
export type RatingMatrix = ReadonlyArray<ReadonlyArray<Rating>>;

export type Metric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface Interval {
  lower: number;
  upper: number;
  /** 0.95 for a 95% interval. */
  level: number;
  /**
   * Resamples whose statistic was defined, out of `resamples` drawn. Resamples where it is
   * undefined (e.g. alpha on a resample with no variation) are left out of the percentiles; the
   * interval is null when fewer than half are defined. Added to the agreed API.
   */
  definedResamples: number;
  resamples: number;
}

export interface Estimate {
  /** null when undefined (e.g. no pairable values, zero expected disagreement). */
  value: number | null;
  /** 95% bootstrap percentile interval over units, deterministic seed. */
  interval: Interval | null;
  /** Units with ≥ 2 non-missing ratings (for ICC: complete units used). */
  pairableUnits: number;
  /** Non-missing ratings in pairable units (for ICC: ratings in complete units). */
  pairableValues: number;
  /** Too little data to judge: fewer than MIN_PAIRABLE_UNITS units or MIN_PAIRABLE_VALUES values. */
  insufficient: boolean;
  /** Plain words when insufficient or when value is null; otherwise null. */
  reason: string | null;
}

export type CriterionScaleKind = 'yes_no_na' | '1-5' | 'points';

export interface CriterionScale {
  kind: CriterionScaleKind;
  /** Only for `points`: the top of the scale (0..maxPoints). */
  maxPoints?: number;
}

export type GwetWeights = 'identity' | 'linear' | 'quadratic' | 'ordinal';

export interface CriterionAgreement {
  exact: Estimate;
  alpha: Estimate & { metric: Metric };
  ac: Estimate & { kind: 'AC1' | 'AC2' };
}

export interface FormAgreement {
  exact: Estimate;
  /** Pooled alpha; see formAgreement for how criteria combine. */
  alpha: Estimate & { criteriaUsed: number; criteriaUndefined: number };
  /** ICC(2,1) on total scores. */
  icc: Estimate & { raters: number };
}

export interface BootstrapOptions {
  /** Default 1000. */
  resamples?: number;
  /** Default 1. */
  seed?: number;
}

export interface EvaluatorDeviation {
  row: number;
  /** Units where both this evaluator and the reference have a rating. */
  n: number;
  /** Mean of (rating − reference) / normaliseBy; positive = lenient. null when n = 0. */
  meanSigned: number | null;
  /** Mean of |rating − reference| / normaliseBy. null when n = 0. */
  meanAbsolute: number | null;
}
