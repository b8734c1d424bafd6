import type { z } from 'zod';
import { maxPointsOf, reviewFormDefinitionSchema, type ReviewFormDefinition } from './form';
import { cleanDefinition } from './formEdit';
import { describeFormIssues } from './formIssues';

/** A problem of a draft, keyed by the field it concerns ("sections.1.criteria.0.weight"; "" = the form). */
export interface DraftIssue {
  key: string;
  path: Array<string | number>;
  message: string;
}

export const fieldKey = (path: ReadonlyArray<string | number>): string => path.join('.');

/**
 * Checks a draft the way the backend will (the same zod schema, on the same cleaned definition),
 * plus two things the schema lets through but a lead would not want: every weight at 0 (nothing
 * could be scored) and a pass minimum above the scale's top (the criterion could never pass).
 * Sentences are written for the field they sit next to.
 */
export function checkDraft(draft: ReviewFormDefinition): DraftIssue[] {
  const form = cleanDefinition(draft);
  const issues: DraftIssue[] = [];
  const parsed = reviewFormDefinitionSchema.safeParse(form);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      issues.push({ key: fieldKey(issue.path), path: issue.path, message: fieldSentence(issue, form) });
  form.sections.forEach((s, si) =>
    s.criteria.forEach((c, ci) => {
      if (c.critical && c.passMinimum !== undefined && c.passMinimum > maxPointsOf(c)) {
        const path = ['sections', si, 'criteria', ci, 'passMinimum'];
        issues.push({
          key: fieldKey(path),
          path,
          message: `The pass minimum (${c.passMinimum}) is above the top of the scale (${maxPointsOf(c)}), so this criterion could never pass.`,
        });
      }
    }),
  );
  const weights = form.sections.flatMap((s) => s.criteria.map((c) => c.weight));
  if (weights.length > 0 && weights.every((w) => Number.isFinite(w) && w <= 0))
    issues.push({ key: '', path: [], message: 'Every weight is 0, so the form cannot score anything.' });
  return issues;
}

function fieldSentence(issue: z.ZodIssue, form: ReviewFormDefinition): string {
  const field = issue.path[issue.path.length - 1];
  const onCriterion = issue.path.length === 5;
  switch (field) {
    case 'name':
      if (issue.code === 'too_small') return 'The form needs a name.';
      break;
    case 'label':
      if (issue.code === 'too_small')
        return onCriterion ? 'A criterion needs a label.' : 'A section needs a name.';
      break;
    case 'weight':
      return 'The weight must be a number from 0 to 1000.';
    case 'maxPoints':
      return 'The most points must be a whole number from 1 to 100.';
    case 'criteria':
      if (issue.code === 'too_small')
        return 'A section needs at least one criterion: add one or remove the section.';
      break;
    case 'sections':
      if (issue.code === 'too_small') return 'A form needs at least one section.';
      break;
  }
  if (issue.code === 'too_big' && issue.type === 'string')
    return `This text is too long: at most ${String(issue.maximum)} characters.`;
  return describeFormIssues([issue], form)[0] ?? issue.message;
}
