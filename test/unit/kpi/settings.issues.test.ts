import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KPI_SETTINGS,
  applyKpiSettingsPatch,
  kpiSettingsPatchSchema,
} from '../../../shared/kpi/settings';
import { fieldKey, settingsIssues } from '../../../shared/kpi/settingsIssues';

const patchIssues = (input: unknown) => {
  const parsed = kpiSettingsPatchSchema.safeParse(input);
  if (parsed.success) throw new Error('expected the patch to be refused');
  return settingsIssues(parsed.error.issues);
};
const mergeIssues = (patch: Parameters<typeof applyKpiSettingsPatch>[1]) => {
  const result = applyKpiSettingsPatch(DEFAULT_KPI_SETTINGS, patch);
  if (result.ok) throw new Error('expected the settings to be refused');
  return result.error;
};

describe('settings errors are plain sentences tied to a field', () => {
  it('suggests the zone meant by a misspelt time zone', () => {
    expect(patchIssues({ calendar: { timeZone: 'Europe/Berln' } })).toEqual([
      {
        path: ['calendar', 'timeZone'],
        message: 'Unknown time zone "Europe/Berln". Did you mean Europe/Berlin?',
      },
    ]);
    expect(patchIssues({ calendar: { timeZone: 'Mars/Olympus' } })[0]?.message).toBe(
      'Unknown time zone "Mars/Olympus". Use a name like Europe/Berlin.',
    );
  });

  it('says what a number field accepts instead of zod wording', () => {
    const [windowDays] = patchIssues({ fcr: { windowDays: 0 } });
    expect(windowDays).toEqual({
      path: ['fcr', 'windowDays'],
      message: 'The repeat window must be a whole number of days from 1 to 90.',
    });
    const [minN] = patchIssues({ status: { minN: 2.5 } });
    expect(minN?.message).toBe(
      'The fewest cases for a trusted value must be a whole number from 1 to 100,000.',
    );
    const [holiday] = patchIssues({ calendar: { holidays: ['2026-01-01', 'next friday'] } });
    expect(holiday).toEqual({
      path: ['calendar', 'holidays', 1],
      message: 'Holidays must be dates written YYYY-MM-DD, one per line.',
    });
    expect(fieldKey(holiday?.path ?? [])).toBe('calendar.holidays');
  });

  it('points cross-field rules at the field to change', () => {
    expect(mergeIssues({ nps: { detractorMax: 9 } })).toEqual([
      {
        path: ['nps', 'detractorMax'],
        message: 'Detractors must stop below where promoters start (detractors up to 9, promoters from 9).',
      },
    ]);
    expect(mergeIssues({ calendar: { open: '18:00' } })).toEqual([
      { path: ['calendar', 'close'], message: 'Closing time must be after the opening time (18:00).' },
    ]);
  });

  it('keys target fields by KPI and scope', () => {
    expect(fieldKey(['targets', 'csat', 'agents', 'agt_1'])).toBe('targets.csat.agents.agt_1');
    const [issue] = patchIssues({ targets: { csat: { team: 'high', teams: {}, agents: {} } } });
    expect(issue).toEqual({
      path: ['targets', 'csat', 'team'],
      message: 'The CSAT target must be a number.',
    });
  });

  it('never leaks zod wording for a path it does not know', () => {
    const issues = settingsIssues([{ code: 'custom', path: ['mystery'], message: 'odd' }]);
    expect(issues[0]?.message).toBe('The setting "mystery" is not valid: odd.');
  });
});

describe('a refused save, as the settings page shows it', () => {
  it('puts each sentence next to its field, whichever check refused it', async () => {
    const { describeSaveError } = await import('../../../renderer/src/features/settings/errors');
    const parsed = kpiSettingsPatchSchema.safeParse({
      calendar: { timeZone: 'Europe/Berln' },
      fcr: { windowDays: 0 },
    });
    if (parsed.success) throw new Error('expected a refusal');
    // The request check sends zod issues; the merge sends sentences with paths.
    const fromRequest = Object.assign(new Error('Invalid request for updateKpiSettings: …'), {
      details: parsed.error.issues,
    });
    expect(describeSaveError(fromRequest)).toEqual({
      fields: {
        'calendar.timeZone': 'Unknown time zone "Europe/Berln". Did you mean Europe/Berlin?',
        'fcr.windowDays': 'The repeat window must be a whole number of days from 1 to 90.',
      },
      sentences: [
        'Unknown time zone "Europe/Berln". Did you mean Europe/Berlin?',
        'The repeat window must be a whole number of days from 1 to 90.',
      ],
    });
    const fromMerge = Object.assign(new Error('…'), {
      details: mergeIssues({ targets: { nps: { team: 300, teams: {}, agents: {} } } }),
    });
    expect(describeSaveError(fromMerge).fields).toEqual({
      'targets.nps.team': 'The NPS target must be a score from −100 to 100; 300 is outside that range.',
    });
    expect(describeSaveError(new Error('Backend bridge unreachable.'))).toEqual({
      fields: {},
      sentences: ['Backend bridge unreachable.'],
    });
  });
});
