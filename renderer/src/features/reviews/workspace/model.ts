import {
  ratingValues,
  type ReviewCriterion,
  type ReviewFormDefinition,
} from '../../../../../shared/reviews/form';
import type { AnswerChange, ReviewAnswerRecord } from '../../../../../shared/ipc/contracts/reviewLifecycle';

/** A criterion with where it sits: the workspace moves through the form as one list. */
export interface FlatCriterion {
  criterion: ReviewCriterion;
  sectionId: string;
  sectionLabel: string;
  index: number;
}

export function flattenCriteria(definition: ReviewFormDefinition): FlatCriterion[] {
  const out: FlatCriterion[] = [];
  for (const section of definition.sections)
    for (const criterion of section.criteria)
      out.push({ criterion, sectionId: section.id, sectionLabel: section.label, index: out.length });
  return out;
}

/** "yes (1) or no (0)", "1 to 5", "0 to 3 points": the words the legend and refusals use. */
export function scaleWords(criterion: ReviewCriterion): string {
  switch (criterion.scale) {
    case 'yes_no_na':
      return 'yes (1) or no (0)';
    case '1-5':
      return '1 to 5';
    case 'points':
      return `0 to ${criterion.maxPoints ?? 1} points`;
  }
}

/** The label of a rating as a button shows it. */
export function ratingLabel(criterion: ReviewCriterion, rating: number): string {
  if (criterion.scale === 'yes_no_na') return rating === 1 ? 'Yes' : 'No';
  return String(rating);
}

/** The key that gives a rating: the digit itself (points above 9 have no key). */
export function ratingKey(rating: number): string | null {
  return rating >= 0 && rating <= 9 ? String(rating) : null;
}

export function anchorOf(criterion: ReviewCriterion, rating: number | 'na'): string | null {
  const text = criterion.anchors[rating === 'na' ? 'na' : String(rating)];
  return text?.trim() ? text : null;
}

export type KeyAction =
  | { kind: 'rate'; rating: number }
  | { kind: 'na' }
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'comment' }
  | { kind: 'submit' }
  | { kind: 'refused'; message: string };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Focus is in a text field, where letters and digits are typing. */
  inText: boolean;
}

/**
 * What a key press means in the workspace. Letters and digits act only outside text fields;
 * Ctrl+Enter submits from anywhere, so a comment never traps the evaluator.
 */
export function keyAction(input: KeyInput, criterion: ReviewCriterion | undefined): KeyAction | null {
  if (input.key === 'Enter' && (input.ctrlKey || input.metaKey)) return { kind: 'submit' };
  if (input.inText || input.ctrlKey || input.metaKey || input.altKey) return null;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  if (key === 'j' || key === 'ArrowDown') return { kind: 'move', by: 1 };
  if (key === 'k' || key === 'ArrowUp') return { kind: 'move', by: -1 };
  if (!criterion) return null;
  if (key === 'c') return { kind: 'comment' };
  if (key === 'n') {
    return criterion.allowNa
      ? { kind: 'na' }
      : {
          kind: 'refused',
          message: `"${criterion.label}" cannot be N/A on this form: rate it ${scaleWords(criterion)}.`,
        };
  }
  if (/^[0-9]$/.test(key)) {
    const rating = Number(key);
    return ratingValues(criterion).includes(rating)
      ? { kind: 'rate', rating }
      : {
          kind: 'refused',
          message: `"${criterion.label}" is rated ${scaleWords(criterion)}; ${key} is not one of them.`,
        };
  }
  return null;
}

/** The answer as the backend will store it, so the screen and the live score move at once. */
export function applyLocal(
  current: ReviewAnswerRecord | undefined,
  criterionId: string,
  change: Omit<AnswerChange, 'criterionId'>,
): ReviewAnswerRecord {
  const comment =
    change.comment === undefined
      ? (current?.comment ?? null)
      : change.comment?.trim()
        ? change.comment.trim()
        : null;
  if (change.notApplicable === true) return { criterionId, rating: null, notApplicable: true, comment };
  const rating = change.rating !== undefined ? change.rating : (current?.rating ?? null);
  const notApplicable =
    change.rating === undefined && change.notApplicable === undefined && !!current?.notApplicable;
  return { criterionId, rating, notApplicable, comment };
}

/** Answers keyed by criterion. */
export function byCriterion(answers: readonly ReviewAnswerRecord[]): Record<string, ReviewAnswerRecord> {
  return Object.fromEntries(answers.map((a) => [a.criterionId, a]));
}

/** The first criterion without a rating or N/A, else the first one. */
export function firstOpen(
  flat: readonly FlatCriterion[],
  answers: Record<string, ReviewAnswerRecord>,
): number {
  const open = flat.find((f) => {
    const a = answers[f.criterion.id];
    return !a || (a.rating === null && !a.notApplicable);
  });
  return open?.index ?? 0;
}

/** Changes between the answers on disk and the edited ones, as amendReview takes them. */
export function amendmentChanges(
  saved: Record<string, ReviewAnswerRecord>,
  edited: Record<string, ReviewAnswerRecord>,
): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const [criterionId, after] of Object.entries(edited)) {
    const before = saved[criterionId];
    const same =
      before?.rating === after.rating &&
      before.notApplicable === after.notApplicable &&
      (before.comment ?? null) === (after.comment ?? null);
    if (same) continue;
    changes.push(
      after.notApplicable
        ? { criterionId, notApplicable: true, comment: after.comment }
        : { criterionId, rating: after.rating, comment: after.comment },
    );
  }
  return changes;
}
