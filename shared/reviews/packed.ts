import type { ReviewAnswer, ReviewFormDefinition } from './form';

/**
 * A review's ratings as one short text in its form version's criterion order: "1,4,n,,2" (a
 * rating, `n` for N/A, empty for unanswered). Reports read one column per review instead of one
 * answer row per criterion; `reviews.ratings_packed` holds it, NULL whenever the answers changed
 * without it (triggers clear it), so it is either right or absent.
 */
export function packRatings(
  definition: ReviewFormDefinition,
  answers: ReadonlyArray<Pick<ReviewAnswer, 'criterionId' | 'rating' | 'notApplicable'>>,
): string | null {
  const byId = new Map(answers.map((a) => [a.criterionId, a]));
  const parts: string[] = [];
  for (const section of definition.sections)
    for (const criterion of section.criteria) {
      const answer = byId.get(criterion.id);
      parts.push(answer?.notApplicable ? 'n' : answer?.rating == null ? '' : String(answer.rating));
    }
  return parts.length === 0 ? null : parts.join(',');
}

/** The answers back (unanswered criteria left out), in form order. */
export function unpackRatings(definition: ReviewFormDefinition, packed: string): ReviewAnswer[] {
  const parts = packed.split(',');
  const answers: ReviewAnswer[] = [];
  let i = 0;
  for (const section of definition.sections)
    for (const criterion of section.criteria) {
      const part = parts[i] ?? '';
      i += 1;
      if (part === 'n') answers.push({ criterionId: criterion.id, rating: null, notApplicable: true });
      else if (part !== '')
        answers.push({ criterionId: criterion.id, rating: Number(part), notApplicable: false });
    }
  return answers;
}
