import type { SavedReviewForm } from '../../../../../shared/ipc/contracts/reviews';
import type { MeanInterval } from '../../../../../shared/reviews/stats';
import { plural } from '../../../lib/format';

export interface LatestVersion {
  version: number;
  reviewCount: number;
}

/**
 * What saving will do, said before the lead saves: a used version is frozen, so the edit becomes
 * the next version and the reviews stay on theirs; an unused one is updated in place.
 */
export function saveOutcome(latest: LatestVersion | null): { button: string; sentence: string } {
  if (!latest) return { button: 'Save form', sentence: 'Saving creates this form as version 1.' };
  const { version, reviewCount } = latest;
  if (reviewCount === 0)
    return {
      button: `Save version ${version}`,
      sentence: `No review uses version ${version} yet: saving updates it in place.`,
    };
  const keep = reviewCount === 1 ? 'that review keeps' : 'those reviews keep';
  return {
    button: `Save as version ${version + 1}`,
    sentence: `This version is used by ${plural(reviewCount, 'review')}: saving creates version ${version + 1}; ${keep} version ${version}.`,
  };
}

/** The toast after a save, from what the backend actually did (a review may have arrived meanwhile). */
export function savedMessage(saved: SavedReviewForm, name: string): string {
  switch (saved.outcome) {
    case 'new_form':
      return `Form "${name}" created as version 1.`;
    case 'updated':
      return `Version ${saved.version} of "${name}" updated.`;
    case 'new_version':
      return `Saved as version ${saved.version} of "${name}". Earlier reviews keep the version they were scored on.`;
  }
}

const points = (value: number, signed = false): string => {
  const text = Math.abs(value).toFixed(1);
  if (!signed) return text;
  if (text === '0.0') return '±0.0';
  return value > 0 ? `+${text}` : `−${text}`;
};

/** "+1.7 points (95% interval +1.2 to +2.2)"; without an interval below two reviews. */
export function describeChange(change: MeanInterval): string {
  if (change.mean === null) return 'no change to measure';
  const unit = points(change.mean) === '1.0' ? 'point' : 'points';
  const base = `${points(change.mean, true)} ${unit}`;
  if (change.low === null || change.high === null) return base;
  return `${base} (95% interval ${points(change.low, true)} to ${points(change.high, true)})`;
}

/** A score as the QA pages show it: one decimal, no unit (scores are out of 100). */
export const formatScore = (score: number | null): string => (score === null ? '—' : score.toFixed(1));
