import type { CalibrationStats, EvaluatorDeviationRow, StatsMethod } from '../../../shared/calibration/types';
import {
  consensus,
  evaluatorDeviations,
  MIN_PAIRABLE_VALUES,
  scaleRange,
  sessionAgreement,
  type CriterionScale as StatsScale,
  type RatingMatrix,
} from '../../../shared/calibration/stats';
import { maxPointsOf, type ReviewCriterion } from '../../../shared/reviews/form';
import type { BackendContext } from '../core/context';
import { criterionMatrix, loadSessionRatings, scoreMatrix, type SessionRatings } from './ratings';
import { requireRevealed } from './reveal';
import type { SessionRow } from './sessionRead';

export const STATS_RESAMPLES = 1000;
/** Fixed, so the same session always shows the same intervals. */
export const STATS_SEED = 1;
const LEVEL = 0.95;

export function statsScale(criterion: ReviewCriterion): StatsScale {
  return criterion.scale === 'points'
    ? { kind: 'points', maxPoints: maxPointsOf(criterion) }
    : { kind: criterion.scale };
}

export function statsMethod(reference: 'expert' | 'consensus' | 'mixed'): StatsMethod {
  return {
    resamples: STATS_RESAMPLES,
    seed: STATS_SEED,
    level: LEVEL,
    notes: [
      'Each criterion is a table of evaluators × interactions; N/A and unscored count as missing, never as a rating.',
      'Only submitted calibration reviews of the listed evaluators count; drafts left at the reveal do not.',
      `95% intervals are bootstrap percentiles over the interactions (${STATS_RESAMPLES} resamples, seed ${STATS_SEED}), so the same session always gives the same interval.`,
      "Krippendorff's α uses the nominal metric for yes/no and the ordinal metric for 1–5 and points; Gwet's AC1 (yes/no) and AC2 (ordinal weights) stay meaningful when nearly every rating is the same.",
      'The total score agreement is ICC(2,1), absolute agreement, over interactions every evaluator scored.',
      reference === 'mixed'
        ? "Deviation is measured against the expert where a session names one, else against the panel's most common rating, as a share of the criterion's scale."
        : reference === 'expert'
          ? "Deviation is each evaluator's rating minus the expert's, as a share of the criterion's scale (yes/no: 1 step = 100%, 1–5: 1 step = 25%), averaged over every rating both gave."
          : "Deviation is each evaluator's rating minus the panel's consensus (the most common rating; a tie goes to the tied value nearest the median, an even split has none), as a share of the criterion's scale (yes/no: 1 step = 100%, 1–5: 1 step = 25%), averaged over every rating both gave.",
      `Fewer than ${MIN_PAIRABLE_VALUES} compared ratings, or too few interactions rated by two or more evaluators, is marked as too little data to judge.`,
    ],
  };
}

function deviations(ratings: SessionRatings, matrices: RatingMatrix[]): EvaluatorDeviationRow[] {
  const expert = ratings.session.expert === null ? -1 : ratings.evaluators.indexOf(ratings.session.expert);
  const references = matrices.map((m) => (expert >= 0 ? consensus(m, expert) : consensus(m)));
  return ratings.evaluators.map((evaluator, row) => {
    let n = 0;
    let signed = 0;
    let absolute = 0;
    ratings.criteria.forEach((criterion, c) => {
      const matrix = matrices[c] ?? [];
      const own = matrix[row];
      if (!own || row === expert) return;
      const [d] = evaluatorDeviations([own], references[c] ?? [], scaleRange(statsScale(criterion)));
      if (!d || d.n === 0 || d.meanSigned === null || d.meanAbsolute === null) return;
      n += d.n;
      signed += d.meanSigned * d.n;
      absolute += d.meanAbsolute * d.n;
    });
    return {
      evaluator,
      isExpert: row === expert,
      n,
      meanSigned: n === 0 ? null : signed / n,
      meanAbsolute: n === 0 ? null : absolute / n,
      insufficient: n < MIN_PAIRABLE_VALUES,
    };
  });
}

function compute(ratings: SessionRatings): CalibrationStats {
  const options = { resamples: STATS_RESAMPLES, seed: STATS_SEED };
  const matrices = ratings.criteria.map((c) => criterionMatrix(ratings, c.id));
  // One pass for every criterion and the form: the same figures as separate calls, a third less work.
  const agreement = sessionAgreement(
    ratings.criteria.map((criterion, c) => ({ matrix: matrices[c] ?? [], scale: statsScale(criterion) })),
    scoreMatrix(ratings),
    options,
  );
  const criteria = ratings.criteria.map((criterion, c) => ({
    criterionId: criterion.id,
    label: criterion.label,
    sectionLabel: criterion.sectionLabel,
    scale: criterion.scale,
    ...(agreement.criteria[c] as (typeof agreement.criteria)[number]),
  }));
  const form = agreement.form;
  const reference =
    ratings.session.expert !== null && ratings.evaluators.includes(ratings.session.expert)
      ? 'expert'
      : 'consensus';
  return {
    sessionId: ratings.session.id,
    evaluators: ratings.evaluators,
    interactions: ratings.interactionIds.length,
    reviews: ratings.reviewCount,
    criteria,
    form,
    reference,
    deviations: deviations(ratings, matrices),
    method: statsMethod(reference),
  };
}

/**
 * Statistics are a pure function of the ratings, and a revealed session's ratings no longer
 * change, so they are kept by their inputs: the history reads every session without bootstrapping
 * each again.
 */
const cache = new Map<string, CalibrationStats>();
const CACHE_LIMIT = 200;

/** For benchmarks that time the first, uncached computation. */
export function clearStatsCache(): void {
  cache.clear();
  byFingerprint = new WeakMap();
}

/**
 * After the reveal a session's reviews no longer change (the blind rules refuse every write), so
 * what its statistics rest on is named by a cheap fingerprint: its members, expert and form
 * version, and the count, last change and total score of its submitted reviews. The history reads
 * a dozen sessions without loading their ratings again.
 */
let byFingerprint = new WeakMap<object, Map<string, CalibrationStats>>();

function fingerprint(ctx: Pick<BackendContext, 'db'>, session: SessionRow): string {
  const reviews = ctx.db.get<{ n: number; at: string | null; total: number }>(
    `SELECT count(*) AS n, max(updated_at) AS at, total(score) AS total FROM reviews
      WHERE calibration_group = ? AND status = 'submitted'`,
    [session.id],
  );
  const members = ctx.db.values(
    `SELECT 'e', evaluator, position FROM calibration_session_evaluators WHERE session_id = ?
     UNION ALL SELECT 'i', interaction_id, position FROM calibration_session_interactions WHERE session_id = ?
     ORDER BY 1, 3`,
    [session.id, session.id],
  );
  return JSON.stringify([session.id, session.expert, session.formVersionId, reviews, members]);
}

/** Statistics of a revealed (or closed) session, loading its ratings only when they are new. */
export function revealedSessionStats(ctx: Pick<BackendContext, 'db'>, session: SessionRow): CalibrationStats {
  // Per open database: another data file may hold a session of the same id.
  let known = byFingerprint.get(ctx.db);
  if (!known) byFingerprint.set(ctx.db, (known = new Map()));
  const key = fingerprint(ctx, session);
  const hit = known.get(key);
  if (hit) return hit;
  const stats = sessionStats(loadSessionRatings(ctx, session.id));
  if (known.size >= CACHE_LIMIT) known.delete(known.keys().next().value as string);
  known.set(key, stats);
  return stats;
}

export function sessionStats(ratings: SessionRatings): CalibrationStats {
  const key = JSON.stringify([
    ratings.session.id,
    ratings.session.expert,
    ratings.evaluators,
    ratings.interactionIds,
    ratings.definition,
    ratings.reviews.map((line) => line.map((r) => (r ? [r.score, [...r.answers.values()]] : null))),
  ]);
  const hit = cache.get(key);
  if (hit) return hit;
  const stats = compute(ratings);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, stats);
  return stats;
}

export function getCalibrationStats(ctx: Pick<BackendContext, 'db'>, sessionId: string): CalibrationStats {
  const ratings = loadSessionRatings(ctx, sessionId);
  requireRevealed(ratings.session);
  return sessionStats(ratings);
}
