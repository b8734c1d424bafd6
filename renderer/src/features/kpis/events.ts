import type { KpiEventDto } from '../../../../shared/ipc/contracts/kpi';
import { DAY_RE } from '../../../../shared/kpi/periods';
import type { DayRange } from '../../../../shared/kpi/types';

/** The backend accepts 200; a marker label longer than this no longer fits above the chart. */
export const EVENT_LABEL_MAX = 80;

export interface EventDraft {
  day: string;
  label: string;
  /** null: the event applies to every team. */
  teamId: string | null;
}

export type EventDraftErrors = Partial<Record<'day' | 'label', string>>;

/** A new event defaults to the period's last day (the spike a lead just noticed) and the team being viewed. */
export function defaultEventDraft(range: DayRange, teamId: string | null): EventDraft {
  return { day: range.to, label: '', teamId };
}

export function validateEventDraft(draft: EventDraft): EventDraftErrors {
  const errors: EventDraftErrors = {};
  if (!DAY_RE.test(draft.day)) errors.day = 'Enter a day.';
  const label = draft.label.trim();
  if (!label) errors.label = 'Enter a label, e.g. “Product launch”.';
  else if (label.length > EVENT_LABEL_MAX)
    errors.label = `Keep the label to ${EVENT_LABEL_MAX} characters (${label.length} now).`;
  return errors;
}

export function teamName(teamId: string | null, teams: ReadonlyArray<{ id: string; name: string }>): string {
  if (teamId === null) return 'All teams';
  return teams.find((t) => t.id === teamId)?.name ?? 'Unknown team';
}

export function inRange(day: string, range: DayRange): boolean {
  return day >= range.from && day <= range.to;
}

/** Chronological, then by label: the order the backend lists them in, kept after local changes. */
export function sortEvents(events: readonly KpiEventDto[]): KpiEventDto[] {
  return [...events].sort((a, b) =>
    a.day === b.day ? a.label.localeCompare(b.label) : a.day < b.day ? -1 : 1,
  );
}
