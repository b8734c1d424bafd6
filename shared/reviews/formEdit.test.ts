import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_FORM, reviewFormDefinitionSchema, type ReviewFormDefinition } from './form';
import { checkDraft } from './formCheck';
import {
  addCriterion,
  addSection,
  anchorKeys,
  changeScale,
  cleanDefinition,
  formatShare,
  moveCriterion,
  moveItem,
  moveSection,
  removeCriterion,
  updateCriterion,
  weightShares,
} from './formEdit';

const ids = (form: ReviewFormDefinition) => form.sections.flatMap((s) => s.criteria.map((c) => c.id));
let counter = 0;
const random = () => `r${(counter += 1)}`;

describe('moveItem', () => {
  it('keeps every item exactly once, and moving back undoes the move', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.nat(30), fc.constantFrom(-1, 1), (list, index, delta) => {
        const moved = moveItem(list, index, delta);
        expect([...moved].sort()).toEqual([...list].sort());
        const target = index + delta;
        if (index < list.length && target >= 0 && target < list.length)
          expect(moveItem(moved, target, -delta)).toEqual(list);
        else expect(moved).toEqual(list);
      }),
    );
  });
});

describe('moveCriterion', () => {
  const at = fc.nat(DEFAULT_REVIEW_FORM.sections.length - 1).chain((section) =>
    fc.record({
      section: fc.constant(section),
      criterion: fc.nat((DEFAULT_REVIEW_FORM.sections[section]?.criteria.length ?? 1) - 1),
    }),
  );

  it('keeps every criterion once and lands where it says; moving back restores the form', () => {
    fc.assert(
      fc.property(at, fc.constantFrom<-1 | 1>(-1, 1), (from, delta) => {
        const moved = moveCriterion(DEFAULT_REVIEW_FORM, from, delta);
        const original = DEFAULT_REVIEW_FORM.sections[from.section]?.criteria[from.criterion];
        if (!moved) {
          const last = DEFAULT_REVIEW_FORM.sections.length - 1;
          expect(delta < 0 ? from.section === 0 && from.criterion === 0 : from.section === last).toBe(true);
          return;
        }
        expect([...ids(moved.form)].sort()).toEqual([...ids(DEFAULT_REVIEW_FORM)].sort());
        expect(moved.form.sections[moved.at.section]?.criteria[moved.at.criterion]).toEqual(original);
        const back = moveCriterion(moved.form, moved.at, delta === 1 ? -1 : 1);
        expect(back?.form).toEqual(DEFAULT_REVIEW_FORM);
      }),
    );
  });

  it('crosses into the previous section from the top of a section', () => {
    const moved = moveCriterion(DEFAULT_REVIEW_FORM, { section: 1, criterion: 0 }, -1);
    expect(moved?.at).toEqual({ section: 0, criterion: 2 });
    expect(moved?.form.sections[0]?.criteria.map((c) => c.id)).toEqual([
      'greeting_intro',
      'greeting_valued',
      'knowledge_accuracy',
    ]);
  });
});

describe('adding and removing', () => {
  it('new criteria and sections get ids no one in the form has, even when the random part repeats', () => {
    const repeats = ['a', 'a', 'a', 'b', 'c', 'd'];
    const next = () => repeats.shift() ?? 'z';
    const one = addCriterion(DEFAULT_REVIEW_FORM, 0, next);
    const two = addCriterion(one.form, 0, next);
    const three = addSection(two.form, next);
    const all = ids(three);
    expect(new Set(all).size).toBe(all.length);
    expect(two.at).toEqual({ section: 0, criterion: 3 });
    expect(three.sections).toHaveLength(DEFAULT_REVIEW_FORM.sections.length + 1);
  });

  it('removing what was added gives the form back', () => {
    const added = addCriterion(DEFAULT_REVIEW_FORM, 2, random);
    expect(removeCriterion(added.form, added.at)).toEqual(DEFAULT_REVIEW_FORM);
  });

  it('moving a section up and down again is a no-op', () => {
    expect(moveSection(moveSection(DEFAULT_REVIEW_FORM, 2, -1), 1, 1)).toEqual(DEFAULT_REVIEW_FORM);
  });
});

describe('weightShares', () => {
  const weights = fc.array(
    fc.array(
      // Quarter steps, as leads type them; subnormal doubles would only test float underflow.
      fc.integer({ min: 0, max: 4000 }).map((q) => q / 4),
      { minLength: 1, maxLength: 5 },
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  );
  const formOf = (w: number[][]): ReviewFormDefinition => ({
    name: 'F',
    sections: w.map((section, si) => ({
      id: `s${si}`,
      label: 'S',
      criteria: section.map((weight, ci) => ({
        id: `c${si}_${ci}`,
        label: 'C',
        scale: '1-5',
        weight,
        anchors: {},
      })),
    })),
  });

  it('shares add up to 1 per form, sections are the sum of their criteria, and scaling changes nothing', () => {
    fc.assert(
      fc.property(weights, fc.double({ min: 0.01, max: 100, noNaN: true }), (w, factor) => {
        const shares = weightShares(formOf(w));
        const total = w.flat().reduce((a, b) => a + b, 0);
        if (total === 0) {
          expect([...shares.criteria.values()].every((s) => s === null)).toBe(true);
          return;
        }
        const sum = [...shares.criteria.values()].reduce<number>((a, b) => a + (b ?? 0), 0);
        expect(sum).toBeCloseTo(1, 9);
        w.forEach((section, si) => {
          const fromCriteria = section.reduce(
            (a, _, ci) => a + (shares.criteria.get(`c${si}_${ci}`) ?? 0),
            0,
          );
          expect(shares.sections.get(`s${si}`)).toBeCloseTo(fromCriteria, 9);
        });
        const scaled = weightShares(formOf(w.map((s) => s.map((x) => x * factor))));
        for (const [id, share] of shares.criteria) expect(scaled.criteria.get(id)).toBeCloseTo(share ?? 0, 9);
      }),
    );
  });

  it('counts a weight that is not a number as 0', () => {
    const shares = weightShares(formOf([[Number.NaN, 1, 3]]));
    expect(shares.criteria.get('c0_0')).toBe(0);
    expect(shares.criteria.get('c0_2')).toBe(0.75);
  });

  it('writes shares as a lead reads them', () => {
    expect(formatShare(0.125)).toBe('12.5% of the score');
    expect(formatShare(0.25)).toBe('25% of the score');
    expect(formatShare(1 / 3)).toBe('33.3% of the score');
    expect(formatShare(null)).toBe('no share (every weight is 0)');
  });
});

describe('cleanDefinition', () => {
  it('leaves the default form as it is, and always yields what the schema accepts from a valid draft', () => {
    expect(cleanDefinition(DEFAULT_REVIEW_FORM)).toEqual(DEFAULT_REVIEW_FORM);
    fc.assert(
      fc.property(
        fc.constantFrom('yes_no_na', '1-5', 'points') as fc.Arbitrary<'yes_no_na' | '1-5' | 'points'>,
        fc.boolean(),
        (scale, allowNa) => {
          const draft = updateCriterion(DEFAULT_REVIEW_FORM, { section: 0, criterion: 0 }, (c) => ({
            ...changeScale(c, scale),
            allowNa,
            description: '  ',
            anchors: { ...c.anchors, '4': 'four', na: 'not applicable', '9': '' },
          }));
          const clean = cleanDefinition(draft);
          expect(reviewFormDefinitionSchema.safeParse(clean).success).toBe(true);
          const criterion = clean.sections[0]?.criteria[0];
          if (!criterion) throw new Error('criterion missing');
          expect(criterion.description).toBeUndefined();
          const keys = new Set(anchorKeys(criterion));
          expect(Object.keys(criterion.anchors).every((k) => keys.has(k))).toBe(true);
        },
      ),
    );
  });

  it('drops a pass minimum without the critical flag', () => {
    const draft = updateCriterion(DEFAULT_REVIEW_FORM, { section: 0, criterion: 1 }, (c) => ({
      ...c,
      passMinimum: 4,
    }));
    expect(cleanDefinition(draft).sections[0]?.criteria[1]?.passMinimum).toBeUndefined();
  });
});

describe('checkDraft', () => {
  it('finds nothing wrong with the default form', () => {
    expect(checkDraft(DEFAULT_REVIEW_FORM)).toEqual([]);
  });

  it('puts each problem on its field, in plain words', () => {
    let draft = updateCriterion(DEFAULT_REVIEW_FORM, { section: 1, criterion: 0 }, (c) => ({
      ...c,
      label: ' ',
      weight: Number.NaN,
    }));
    draft = updateCriterion(draft, { section: 1, criterion: 1 }, (c) => ({
      ...c,
      critical: true,
      passMinimum: 7,
    }));
    draft = { ...draft, name: '' };
    expect(checkDraft(draft).map(({ key, message }) => ({ key, message }))).toEqual([
      { key: 'name', message: 'The form needs a name.' },
      { key: 'sections.1.criteria.0.label', message: 'A criterion needs a label.' },
      { key: 'sections.1.criteria.0.weight', message: 'The weight must be a number from 0 to 1000.' },
      {
        key: 'sections.1.criteria.1.passMinimum',
        message:
          'The pass minimum (7) is above the top of the scale (5), so this criterion could never pass.',
      },
    ]);
  });

  it('refuses a form whose weights are all 0', () => {
    const zero: ReviewFormDefinition = {
      ...DEFAULT_REVIEW_FORM,
      sections: DEFAULT_REVIEW_FORM.sections.map((s) => ({
        ...s,
        criteria: s.criteria.map((c) => ({ ...c, weight: 0 })),
      })),
    };
    expect(checkDraft(zero).map(({ key, message }) => ({ key, message }))).toEqual([
      { key: '', message: 'Every weight is 0, so the form cannot score anything.' },
    ]);
  });
});
