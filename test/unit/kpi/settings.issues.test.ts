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
