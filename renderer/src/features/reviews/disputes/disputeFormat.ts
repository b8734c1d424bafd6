import type { DisputeStatus, ReviewDisputeView } from '../../../../../shared/ipc/contracts/reviewLifecycle';
import type { CriterionScale } from '../../../../../shared/reviews/form';

interface Scale {
  scale: CriterionScale | null;
  maxPoints: number | null;
}

/** "yes", "no", "3 of 5", "1 of 2 points", "N/A", or "not rated". */
export function ratingText(scale: Scale, rating: number | null, notApplicable: boolean): string {
  if (notApplicable) return 'N/A';
  if (rating === null) return 'not rated';
  switch (scale.scale) {
    case 'yes_no_na':
      return rating >= 1 ? 'yes' : 'no';
    case '1-5':
      return `${rating} of 5`;
    case 'points':
      return `${rating} of ${scale.maxPoints ?? 1} ${(scale.maxPoints ?? 1) === 1 ? 'point' : 'points'}`;
    default:
      return String(rating);
  }
}

export const scaleOf = (d: ReviewDisputeView): Scale => ({
  scale: d.criterionScale,
  maxPoints: d.criterionMaxPoints,
});

/** What the agent asked for, or that they named no rating. */
export function proposalText(d: ReviewDisputeView): string {
  if (!d.proposedNotApplicable && d.proposedRating === null) return 'no rating named';
  return ratingText(scaleOf(d), d.proposedRating, d.proposedNotApplicable);
}

/** "today", "1 day", "12 days": how long a dispute has waited. */
export function ageText(openedAt: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(openedAt).getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  return days === 1 ? '1 day' : `${days} days`;
}

export const OUTCOME_WORDS: Record<Exclude<DisputeStatus, 'open'>, string> = {
  kept: 'Rating kept',
  accepted: "Agent's view accepted",
  changed: 'Another rating set',
};

/** "2 of 5 → 3 of 5" for a resolved dispute; the rating stays the same when kept. */
export function ratingHistory(d: ReviewDisputeView): string {
  const before = ratingText(scaleOf(d), d.originalRating, d.originalNotApplicable);
  if (d.status === 'open' || d.resolvedNotApplicable === null) return before;
  const after = ratingText(scaleOf(d), d.resolvedRating, d.resolvedNotApplicable);
  return d.status === 'kept' ? `${before} (unchanged)` : `${before} → ${after}`;
}

const score = (v: number | null) => (v === null ? 'no score' : v.toFixed(1));

/** "77.6 → 80.0", or the review's score with "unchanged" when the resolution changed nothing. */
export function scoreHistory(d: ReviewDisputeView): string {
  if (d.scoreBefore !== null || d.scoreAfter !== null)
    return `${score(d.scoreBefore)} → ${score(d.scoreAfter)}`;
  return `${score(d.reviewScore)} (unchanged)`;
}
