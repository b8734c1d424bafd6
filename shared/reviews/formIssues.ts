import type { z } from 'zod';

/**
 * Turns a zod path inside a form definition into words a lead recognises: "section 2 ("Knowledge"),
 * criterion 3 ("Uses the knowledge base")" rather than `sections.1.criteria.2`.
 */
export function describeFormPath(path: ReadonlyArray<string | number>, definition: unknown): string {
  const parts: string[] = [];
  const form = asRecord(definition);
  const sections = Array.isArray(form?.sections) ? (form.sections as unknown[]) : [];
  const [head, sectionIndex, sub, criterionIndex, ...rest] = path;
  if (path.length === 0) return 'the form';
  if (head !== 'sections' || typeof sectionIndex !== 'number') return `the form's field "${path.join('.')}"`;
  const section = asRecord(sections[sectionIndex]);
  parts.push(`section ${sectionIndex + 1}${quoted(section?.label)}`);
  if (sub === 'criteria' && typeof criterionIndex === 'number') {
    const criteria = Array.isArray(section?.criteria) ? (section.criteria as unknown[]) : [];
    parts.push(`criterion ${criterionIndex + 1}${quoted(asRecord(criteria[criterionIndex])?.label)}`);
    if (rest.length) parts.push(`field "${rest.join('.')}"`);
  } else if (sub !== undefined) {
    parts.push(`field "${[sub, criterionIndex, ...rest].filter((p) => p !== undefined).join('.')}"`);
  }
  return parts.join(', ');
}

/** One sentence per problem, each naming where it is. */
export function describeFormIssues(issues: readonly z.ZodIssue[], definition: unknown): string[] {
  return issues.map((issue) => `${capitalise(describeFormPath(issue.path, definition))}: ${issue.message}.`);
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
const quoted = (label: unknown): string => (typeof label === 'string' && label ? ` ("${label}")` : '');
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
