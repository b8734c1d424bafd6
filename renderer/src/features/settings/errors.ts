import type { ZodIssue } from 'zod';
import { fieldKey, settingsIssues, type SettingsIssue } from '../../../../shared/kpi/settingsIssues';

/** A refused save: a sentence per field key ("calendar.timeZone"), and all sentences in order. */
export interface SaveFailure {
  fields: Record<string, string>;
  sentences: string[];
}

const isPath = (v: unknown): v is Array<string | number> =>
  Array.isArray(v) && v.every((p) => typeof p === 'string' || typeof p === 'number');

/**
 * The backend refuses settings in two places: the request check (details are zod issues, with
 * zod's wording for plain type errors) and the merge (details are already sentences). Both name
 * the field by path; this puts each sentence next to its field.
 */
export function describeSaveError(error: unknown): SaveFailure {
  const details = (error as { details?: unknown } | null)?.details;
  const issues: SettingsIssue[] = [];
  if (Array.isArray(details))
    for (const item of details as Array<Record<string, unknown>>) {
      if (!item || !isPath(item.path) || typeof item.message !== 'string') continue;
      if (typeof item.code === 'string') issues.push(...settingsIssues([item as unknown as ZodIssue]));
      else issues.push({ path: item.path, message: item.message });
    }
  if (issues.length === 0) {
    const message = error instanceof Error ? error.message : String(error);
    return { fields: {}, sentences: [message] };
  }
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[fieldKey(issue.path)] ??= issue.message;
  return { fields, sentences: [...new Set(issues.map((i) => i.message))] };
}
