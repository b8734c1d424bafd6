import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_RETURNING_SHARE, ruleFromMonths } from '../../../electron/backend/kpi/retentionRule';
import { monthStart } from '../../../shared/kpi/periods';

const MONTHS = Array.from({ length: 6 }, (_, i) => monthStart('2025-01-01', i));

describe('retention measurability rule', () => {
  it('counts the customers of a month seen again the next month, over months the data goes on after', () => {
    // Each customer: the months (indexes) it was in contact.
    const customersArb = fc.array(
      fc.uniqueArray(fc.integer({ min: 0, max: MONTHS.length - 1 }), { maxLength: 6 }),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(customersArb, (customers) => {
        const rows = MONTHS.map((month, m) => ({
          month,
          customers: customers.filter((c) => c.includes(m)).length,
          retained: customers.filter((c) => c.includes(m) && c.includes(m - 1)).length,
        })).filter((r) => r.customers > 0);
        const rule = ruleFromMonths(rows);
        const last = Math.max(-1, ...customers.flat());
        let base = 0;
        let returning = 0;
        for (const c of customers)
          for (const m of c)
            if (m < last) {
              base += 1;
              if (c.includes(m + 1)) returning += 1;
            }
        expect({ base: rule.base, returning: rule.returning }).toEqual({ base, returning });
        expect(rule.measurable).toBe(base > 0 && returning / base >= MIN_RETURNING_SHARE);
        expect(rule.reason === null).toBe(rule.measurable);
      }),
    );
  });

  it('says why in plain words', () => {
    expect(ruleFromMonths([]).reason).toBe('No interaction in the data carries a customer id.');
    expect(ruleFromMonths([{ month: '2025-03-01', customers: 9, retained: 0 }]).reason).toMatch(
      /one calendar month/,
    );
    const kaggle = ruleFromMonths([
      { month: '2023-05-01', customers: 175, retained: 0 },
      { month: '2023-06-01', customers: 5418, retained: 4 },
    ]);
    expect(kaggle).toMatchObject({ measurable: false, base: 175, returning: 4 });
    expect(kaggle.reason).toMatch(/^Customers here do not come back: only 4 of 175 customers \(2\.3%\)/);
  });
});
