import type { ZodIssue } from 'zod';
import { getKpi } from './registry';
import { isKpiId } from './types';

/**
 * Settings errors as the settings page shows them: one plain sentence per problem, tied to the
 * field (`path`) it is about. Zod's own wording ("Number must be greater than or equal to 1") and
 * dotted paths never reach the user.
 */
export interface SettingsIssue {
  path: Array<string | number>;
  message: string;
}

/** Marks a custom zod issue whose message is already a sentence for the user. */
export const PLAIN = { plain: true } as const;

/** [subject, what it must be]: "<subject> must be <rule>." */
const FIELDS: Record<string, [string, string]> = {
  'csat.mode': ['The CSAT calculation', '% satisfied or mean rating'],
  'csat.scale': ['The CSAT scale', '1–5 or 1–10'],
  'csat.satisfiedMin5': ['"Satisfied from" on the 1–5 scale', 'a whole number from 1 to 5'],
  'csat.satisfiedMin10': ['"Satisfied from" on the 1–10 scale', 'a whole number from 1 to 10'],
  'nps.promoterMin': ['"Promoters from"', 'a whole number from 0 to 10'],
  'nps.detractorMax': ['"Detractors up to"', 'a whole number from 0 to 10'],
  'nps.averageMin': ['The start of the average band', 'a number from −100 to 100'],
  'nps.averageMax': ['The end of the average band', 'a number from −100 to 100'],
  'nps.strongMin': ['"Strong from"', 'a number from −100 to 100'],
  'ces.scale': ['The effort scale', '1–5 or 1–7'],
  'ces.direction': ['The effort direction', '"easy" or "hard"'],
  'calendar.workingDays': ['Working days', 'weekdays from Monday to Sunday'],
  'calendar.open': ['The opening time', 'a time written HH:MM'],
  'calendar.close': ['The closing time', 'a time written HH:MM'],
  'calendar.holidays': ['Holidays', 'dates written YYYY-MM-DD, one per line'],
  'calendar.timeZone': ['The time zone', 'a name like Europe/Berlin'],
  'fcr.mode': ['The FCR source', 'the FCR flag or repeat contacts'],
  'fcr.windowDays': ['The repeat window', 'a whole number of days from 1 to 90'],
  'status.warnTolerancePct': ['The near-target tolerance', 'a percentage from 0 to 100'],
  'status.minN': ['The fewest cases for a trusted value', 'a whole number from 1 to 100,000'],
};

/** The field a path is about: list items (a holiday, a weekday) belong to the list's field. */
export function fieldKey(path: ReadonlyArray<string | number>): string {
  const parts = [...path];
  while (parts.length > 0 && typeof parts[parts.length - 1] === 'number') parts.pop();
  return parts.join('.');
}

function targetSubject(path: ReadonlyArray<string | number>): string | null {
  const [section, kpiId] = path;
  if (section !== 'targets' || typeof kpiId !== 'string' || !isKpiId(kpiId)) return null;
  return `The ${getKpi(kpiId).label} target`;
}

function sentence(issue: ZodIssue): string {
  if (issue.code === 'custom' && (issue.params as { plain?: boolean } | undefined)?.plain)
    return issue.message;
  const target = targetSubject(issue.path);
  if (target) return `${target} must be a number.`;
  const field = FIELDS[fieldKey(issue.path)];
  if (field) return `${field[0]} must be ${field[1]}.`;
  const where = issue.path.join('.') || 'input';
  return `The setting "${where}" is not valid: ${issue.message.replace(/\.$/, '')}.`;
}

export function settingsIssues(issues: readonly ZodIssue[]): SettingsIssue[] {
  return issues.map((issue) => ({ path: [...issue.path], message: sentence(issue) }));
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** "Unknown time zone …", with the zone most likely meant when one is a typo or two away. */
export function unknownTimeZoneMessage(tz: string): string {
  const wanted = tz.trim().toLowerCase();
  let best: { zone: string; d: number } | null = null;
  for (const zone of knownZones()) {
    const d = distance(wanted, zone.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { zone, d };
  }
  return best
    ? `Unknown time zone "${tz}". Did you mean ${best.zone}?`
    : `Unknown time zone "${tz}". Use a name like Europe/Berlin.`;
}
