import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formDefinitionArb } from '../../test/support/reviewArbitraries';
import { DEFAULT_REVIEW_FORM } from './form';
import { formatDuration, reviewHints, type HintFacts } from './hints';

const quiet: HintFacts = {
  channel: 'call',
  holdSeconds: 20,
  crossSellEligible: false,
  crossSellOffered: false,
  crossSellConverted: null,
  sentiment: 0,
  repeatContact: false,
  isComplaint: false,
  complaintCategory: null,
  escalated: false,
  escalationLevel: null,
  csat: 5,
  csatScale: 5,
  resolved: true,
};

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const factsArb: fc.Arbitrary<HintFacts> = fc.record({
  channel: fc.constantFrom('call', 'chat', 'email'),
  holdSeconds: nullable(fc.integer({ min: 0, max: 4000 })),
  crossSellEligible: nullable(fc.boolean()),
  crossSellOffered: nullable(fc.boolean()),
  crossSellConverted: nullable(fc.boolean()),
  sentiment: nullable(fc.constantFrom(-1 as const, 0 as const, 1 as const)),
  repeatContact: nullable(fc.boolean()),
  isComplaint: nullable(fc.boolean()),
  complaintCategory: nullable(fc.constantFrom('billing', ' ', 'outage')),
  escalated: nullable(fc.boolean()),
  escalationLevel: nullable(fc.constantFrom('2', 'manager')),
  csat: nullable(fc.integer({ min: 1, max: 10 })),
  csatScale: nullable(fc.constantFrom(5, 10)),
  resolved: nullable(fc.boolean()),
});

describe('reviewHints', () => {
  it('says nothing about an unremarkable contact', () => {
    expect(reviewHints(quiet, DEFAULT_REVIEW_FORM)).toEqual([]);
  });

  it('puts each fact beside the criteria of the default form it concerns', () => {
    const hints = reviewHints(
      {
        ...quiet,
        holdSeconds: 190,
        crossSellEligible: true,
        sentiment: -1,
        repeatContact: true,
        isComplaint: true,
        complaintCategory: 'billing',
        escalated: true,
        csat: 1,
        resolved: false,
      },
      DEFAULT_REVIEW_FORM,
    );
    expect(hints.map((h) => [h.text, h.criterionIds])).toEqual([
      ['hold 3m 10s', ['res_holds']],
      ['cross-sell eligible, no offer', ['cross_sell_offer']],
      ['negative sentiment', ['prof_empathy', 'closing_satisfied']],
      ['repeat contact', ['knowledge_diagnosis', 'res_ownership']],
      ['complaint (billing), escalated', ['prof_courtesy', 'prof_empathy']],
      ['CSAT 1 of 5', ['closing_satisfied']],
      ['not resolved', ['res_ownership', 'res_confirm']],
    ]);
  });

  it('finds criteria of an edited form by their label', () => {
    const form = {
      name: 'Custom',
      sections: [
        {
          id: 's',
          label: 'S',
          criteria: [
            { id: 'x1', label: 'Keeps holds short', scale: 'yes_no_na' as const, weight: 1, anchors: {} },
            { id: 'x2', label: 'Greets', scale: 'yes_no_na' as const, weight: 1, anchors: {} },
          ],
        },
      ],
    };
    const hints = reviewHints({ ...quiet, holdSeconds: 61, sentiment: -1 }, form);
    expect(hints).toEqual([
      { kind: 'long_hold', text: 'hold 1m 01s', tone: 'warning', criterionIds: ['x1'] },
      { kind: 'negative_sentiment', text: 'negative sentiment', tone: 'warning', criterionIds: [] },
    ]);
  });

  it('never carries a rating, only names criteria of the form, and flags holds over a minute', () => {
    fc.assert(
      fc.property(factsArb, formDefinitionArb, (facts, form) => {
        const hints = reviewHints(facts, form);
        const ids = new Set(form.sections.flatMap((s) => s.criteria.map((c) => c.id)));
        for (const hint of hints) {
          expect(Object.keys(hint).sort()).toEqual(['criterionIds', 'kind', 'text', 'tone']);
          expect(hint.text.trim()).not.toBe('');
          for (const id of hint.criterionIds) expect(ids.has(id)).toBe(true);
        }
        expect(new Set(hints.map((h) => h.kind)).size).toBe(hints.length);
        expect(hints.some((h) => h.kind === 'long_hold')).toBe((facts.holdSeconds ?? 0) > 60);
        expect(reviewHints(facts, form)).toEqual(hints);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [190, '3m 10s'],
    [242, '4m 02s'],
    [3900, '1h 05m'],
  ])('%s s is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('reads back to the rounded seconds under an hour', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3599.4, noNaN: true }), (seconds) => {
        const match = /^(?:(\d+)m )?(\d+)s$/.exec(formatDuration(seconds));
        expect(match).not.toBeNull();
        expect(Number(match?.[1] ?? 0) * 60 + Number(match?.[2])).toBe(Math.round(seconds));
      }),
    );
  });
});
