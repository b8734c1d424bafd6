import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unusedDateColumns } from '../../../shared/import/dateColumns';
import { displayCell } from '../../../shared/import/display';
import {
  cellText,
  isFail,
  parseDateTime,
  parseTimeOfDay,
  type DateTimeValue,
} from '../../../shared/import/parse';

const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

describe('displayCell', () => {
  it('shows what exceljs reads from the PwC workbook as Excel shows it', () => {
    expect(displayCell(new Date('1899-12-30T09:12:58.000Z'))).toBe('09:12:58');
    expect(displayCell(new Date('1899-12-30T00:02:22.999Z'))).toBe('00:02:23');
    expect(displayCell(new Date('2021-01-01T00:00:00.000Z'))).toBe('2021-01-01');
    expect(displayCell(new Date('2024-05-06T14:30:00.000Z'))).toBe('2024-05-06 14:30:00');
    expect(displayCell(new Date(Number.NaN))).toBe('');
  });

  it('an Excel time reads back as the same time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_399 }), (seconds) => {
        const shown = displayCell(new Date(EXCEL_DAY_ZERO + seconds * 1000));
        expect(shown).toMatch(/^\d{2}:\d{2}:\d{2}$/);
        expect(parseTimeOfDay(shown)).toBe(seconds);
      }),
    );
  });

  it('a date or date-time reads back as the same wall-clock value', () => {
    const from = Date.UTC(1900, 0, 1) / 1000;
    const to = Date.UTC(2100, 0, 1) / 1000;
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.boolean(), (seconds, midnight) => {
        const ms = midnight ? Math.floor(seconds / 86_400) * 86_400_000 : seconds * 1000;
        const parsed = parseDateTime(displayCell(new Date(ms)));
        expect(isFail(parsed) || parsed === null).toBe(false);
        expect((parsed as DateTimeValue).ms).toBe(ms);
      }),
    );
  });

  it('leaves every other cell as its text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), (cell) => {
        expect(displayCell(cell)).toBe(cellText(cell));
      }),
    );
  });
});

describe('unusedDateColumns', () => {
  const headers = ['Id', 'Age', 'Bought', 'Created', 'Note', 'Time'];
  const rows = Array.from({ length: 50 }, (_, i) => [
    String(i),
    String(20 + i),
    i === 3 ? '' : `2021-0${1 + (i % 9)}-1${i % 10}`,
    '2023-06-01 10:00:00',
    i % 2 ? 'Call me on 5 Jan 2021' : 'no date here',
    new Date(EXCEL_DAY_ZERO + i * 60_000),
  ]);

  it('offers date columns no time field uses, never numbers, text or Excel times', () => {
    const mapping = { source: 'x', fields: { started_at: 'Created' } };
    expect(unusedDateColumns(headers, rows, mapping)).toEqual(['Bought']);
    expect(unusedDateColumns(headers, rows, { source: 'x', fields: {} })).toEqual(['Bought', 'Created']);
    const offered = { source: 'x', fields: { started_fallback: 'Bought' } };
    expect(unusedDateColumns(headers, rows, offered)).toEqual(['Created']);
  });

  it('needs nine in ten filled cells to be dates', () => {
    const column = (dates: number) =>
      Array.from({ length: 20 }, (_, i) => [i < dates ? '2021-01-01' : 'soon']);
    expect(unusedDateColumns(['D'], column(18), { source: 'x', fields: {} })).toEqual(['D']);
    expect(unusedDateColumns(['D'], column(17), { source: 'x', fields: {} })).toEqual([]);
  });
});
