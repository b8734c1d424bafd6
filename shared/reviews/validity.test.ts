import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criterionValidity, type ValidityInput } from './validity';

const contact = (
  passed: boolean | null,
  csat: boolean | null,
  fcr: boolean | null = null,
): ValidityInput => ({
  criteria: [{ id: 'c', label: 'Empathy', sectionLabel: 'Prof', passed }],
  outcomes: { csat_satisfied: csat, fcr, repeat_contact: null },
});

const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('criterionValidity', () => {
  it("compares outcome rates of interactions that passed and failed a criterion (Newcombe's example)", () => {
    // Passed: 56 of 70 satisfied; failed: 48 of 80 satisfied → +0.2 (0.0524 to 0.3339).
    const inputs = [
      ...repeat(56, contact(true, true)),
      ...repeat(14, contact(true, false)),
      ...repeat(48, contact(false, true)),
      ...repeat(32, contact(false, false)),
      contact(null, true),
    ];
    const [row] = criterionValidity(inputs, 5);
    expect(row).toMatchObject({ criterionId: 'c', passedN: 70, failedN: 80 });
    const csat = row?.outcomes.find((o) => o.outcome === 'csat_satisfied');
    expect(csat?.difference.difference).toBeCloseTo(0.2, 10);
    expect(csat?.difference.low).toBeCloseTo(0.0524, 4);
    expect(csat?.difference.high).toBeCloseTo(0.3339, 4);
    expect(csat?.reading).toBe('associated');
    // No FCR known for anyone: not judged.
    expect(row?.outcomes.find((o) => o.outcome === 'fcr')).toMatchObject({
      passed: { n: 0 },
      failed: { n: 0 },
      reading: 'too_few',
    });
  });

  it('reads "no clear difference" when the interval spans 0 and "too few" below the minimum', () => {
    const same = [...repeat(10, contact(true, true)), ...repeat(10, contact(true, false))];
    const other = [...repeat(10, contact(false, true)), ...repeat(10, contact(false, false))];
    expect(criterionValidity([...same, ...other], 5)[0]?.outcomes[0]?.reading).toBe('no_clear_difference');
    expect(criterionValidity([...same, ...other.slice(0, 4)], 5)[0]?.outcomes[0]?.reading).toBe('too_few');
  });

  it('counts every rated criterion once per interaction, and the groups only hold known outcomes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            passed: fc.option(fc.boolean(), { nil: null }),
            csat: fc.option(fc.boolean(), { nil: null }),
            fcr: fc.option(fc.boolean(), { nil: null }),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const result = criterionValidity(
            rows.map((r) => contact(r.passed, r.csat, r.fcr)),
            3,
          );
          const rated = rows.filter((r) => r.passed !== null);
          if (rated.length === 0) {
            expect(result).toEqual([]);
            return;
          }
          const [row] = result;
          expect((row?.passedN ?? 0) + (row?.failedN ?? 0)).toBe(rated.length);
          const csat = row?.outcomes.find((o) => o.outcome === 'csat_satisfied');
          expect((csat?.passed.n ?? 0) + (csat?.failed.n ?? 0)).toBe(
            rated.filter((r) => r.csat !== null).length,
          );
        },
      ),
    );
  });
});
