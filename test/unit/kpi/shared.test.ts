import { describe, expect, it } from 'vitest';
import { businessSeconds } from '../../../shared/kpi/businessTime';
import { neutralise, toCsv } from '../../../shared/kpi/csv';
import { listBuckets, periodLabel, previousRange } from '../../../shared/kpi/periods';
import { lexiconSentiment } from '../../../shared/kpi/sentiment';
import { DEFAULT_KPI_SETTINGS, mergeKpiSettings, resolveTarget } from '../../../shared/kpi/settings';
import { kpiStatus, trendDirection } from '../../../shared/kpi/status';

const cal = DEFAULT_KPI_SETTINGS.calendar;
const ms = (iso: string) => Date.parse(iso);

describe('business time', () => {
  it('counts opening hours only, in the calendar zone, skipping weekends and holidays', () => {
    // Fri 16:00 → Mon 10:00 Berlin (CET, UTC+1).
    expect(businessSeconds(ms('2025-11-14T15:00:00Z'), ms('2025-11-17T09:00:00Z'), cal)).toBe(7200);
    expect(
      businessSeconds(ms('2025-11-14T15:00:00Z'), ms('2025-11-17T09:00:00Z'), {
        ...cal,
        holidays: ['2025-11-17'],
      }),
    ).toBe(3600);
    // Across the DST change (29 Mar 2026): opening at 09:00 local is 07:00Z afterwards.
    expect(businessSeconds(ms('2026-03-27T15:00:00Z'), ms('2026-03-30T08:00:00Z'), cal)).toBe(2 * 3600);
    expect(businessSeconds(ms('2025-11-17T09:00:00Z'), ms('2025-11-14T15:00:00Z'), cal)).toBeNull();
  });
});

describe('periods', () => {
  it('buckets by ISO week and labels periods', () => {
    expect(listBuckets({ from: '2025-12-30', to: '2026-01-06' }, 'week')).toEqual([
      { period: '2025-12-29', from: '2025-12-30', to: '2026-01-04' },
      { period: '2026-01-05', from: '2026-01-05', to: '2026-01-06' },
    ]);
    expect(periodLabel('2025-12-29', 'week')).toBe('2026-W01');
    expect(periodLabel('2026-04-01', 'quarter')).toBe('2026-Q2');
    expect(previousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousRange({ from: '2026-03-05', to: '2026-03-11' })).toEqual({
      from: '2026-02-26',
      to: '2026-03-04',
    });
  });
});

describe('csv', () => {
  it('neutralises formula cells and quotes', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('@SUM')).toBe("'@SUM");
    expect(neutralise('-x')).toBe("'-x");
    expect(neutralise('+x')).toBe("'+x");
    expect(toCsv([['=a,b', -5, null, 'plain']])).toBe(`"'=a,b",-5,,plain\r\n`);
  });
});

describe('status, targets, settings, sentiment', () => {
  const s = DEFAULT_KPI_SETTINGS;
  it('colours against target with a tolerance and NPS bands without one', () => {
    expect(kpiStatus('csat', 80, 80, 'higher', s)).toBe('good');
    expect(kpiStatus('csat', 77, 80, 'higher', s)).toBe('warn');
    expect(kpiStatus('csat', 70, 80, 'higher', s)).toBe('bad');
    expect(kpiStatus('aht', 300, 280, 'lower', s)).toBe('bad');
    expect(kpiStatus('nps', 31, null, 'higher', s)).toBe('good');
    expect(kpiStatus('nps', 10, null, 'higher', s)).toBe('warn');
    expect(kpiStatus('nps', -3, null, 'higher', s)).toBe('bad');
    expect(trendDirection(80, 70, 'higher')).toEqual({ delta: 10, direction: 'up', improving: true });
  });
  it('resolves agent over team over default targets', () => {
    const t = mergeKpiSettings(s, { targets: { csat: { team: 80, teams: { t1: 85 }, agents: { a1: 90 } } } });
    expect(resolveTarget(t, 'csat', { teamId: 't1', agentId: 'a1' })).toBe(90);
    expect(resolveTarget(t, 'csat', { teamId: 't1', agentId: 'a2' })).toBe(85);
    expect(resolveTarget(t, 'csat', { teamId: 't2' })).toBe(80);
    expect(resolveTarget(t, 'ces', {})).toBeNull();
  });
  it('scores comments with a small lexicon', () => {
    expect(lexiconSentiment('Great and fast, thanks!')).toBe(1);
    expect(lexiconSentiment('not helpful at all')).toBe(-1);
    expect(lexiconSentiment('Order 42')).toBe(0);
    expect(lexiconSentiment(null)).toBeNull();
  });
  it('keeps a negation inside its clause', () => {
    expect(lexiconSentiment('Never again. Terrible service')).toBe(-1);
    expect(lexiconSentiment("Didn't help, terrible")).toBe(-1);
    expect(lexiconSentiment('not very good')).toBe(-1);
    expect(lexiconSentiment('No problem, thanks')).toBe(1);
    expect(lexiconSentiment('!!! 42')).toBeNull();
  });
});
