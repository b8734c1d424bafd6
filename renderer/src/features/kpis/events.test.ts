import { describe, expect, it } from 'vitest';
import type { KpiEventDto } from '../../../../shared/ipc/contracts/kpi';
import { dayIndex, eventMarkers } from './chartData';
import {
  defaultEventDraft,
  EVENT_LABEL_MAX,
  inRange,
  sortEvents,
  teamName,
  validateEventDraft,
} from './events';

const range = { from: '2026-11-01', to: '2026-11-30' };
const ev = (id: string, day: string, label: string, teamId: string | null = null): KpiEventDto => ({
  id,
  day,
  label,
  teamId,
});

describe('event drafts', () => {
  it('default to the last day of the period and the team being viewed', () => {
    expect(defaultEventDraft(range, null)).toEqual({ day: '2026-11-30', label: '', teamId: null });
    expect(defaultEventDraft(range, 'tm_1').teamId).toBe('tm_1');
  });

  it('need a label and a day', () => {
    expect(validateEventDraft({ day: '2026-11-30', label: 'Outage', teamId: null })).toEqual({});
    expect(validateEventDraft({ day: '2026-11-30', label: '   ', teamId: null }).label).toMatch(
      /Enter a label/,
    );
    expect(validateEventDraft({ day: '', label: 'Outage', teamId: null }).day).toBe('Enter a day.');
  });

  it(`limit the label to ${EVENT_LABEL_MAX} characters after trimming`, () => {
    const max = 'x'.repeat(EVENT_LABEL_MAX);
    expect(validateEventDraft({ day: '2026-11-30', label: `  ${max}  `, teamId: null })).toEqual({});
    expect(validateEventDraft({ day: '2026-11-30', label: `${max}y`, teamId: null }).label).toMatch(/81 now/);
  });
});

describe('event helpers', () => {
  const teams = [{ id: 'tm_1', name: 'Support North' }];

  it('name the scope of an event', () => {
    expect(teamName(null, teams)).toBe('All teams');
    expect(teamName('tm_1', teams)).toBe('Support North');
    expect(teamName('tm_gone', teams)).toBe('Unknown team');
  });

  it('check a day against an inclusive range', () => {
    expect(inRange('2026-11-01', range)).toBe(true);
    expect(inRange('2026-11-30', range)).toBe(true);
    expect(inRange('2026-12-01', range)).toBe(false);
    expect(inRange('2026-10-31', range)).toBe(false);
  });

  it('sort by day, then label, without mutating the input', () => {
    const input = [
      ev('a', '2026-11-20', 'Outage'),
      ev('b', '2026-11-03', 'Launch'),
      ev('c', '2026-11-20', 'Launch'),
    ];
    expect(sortEvents(input).map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(input.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('eventMarkers', () => {
  it('puts each event on its day index', () => {
    expect(dayIndex('2026-11-01', range)).toBe(0);
    expect(dayIndex('2026-11-12', range)).toBe(11);
    expect(eventMarkers([ev('a', '2026-11-12', 'Launch')], range)).toEqual([{ x: 11, label: 'Launch' }]);
  });

  it('drops events outside the range instead of pinning them to the first day', () => {
    const markers = eventMarkers([ev('a', '2026-10-30', 'Old'), ev('b', '2026-12-01', 'Later')], range);
    expect(markers).toEqual([]);
  });
});
