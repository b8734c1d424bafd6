import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_FORM } from '../../../../../shared/reviews/form';
import type { ReviewCriterion } from '../../../../../shared/reviews/form';
import { amendmentChanges, applyLocal, firstOpen, flattenCriteria, keyAction, type KeyInput } from './model';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inText: false,
  ...extra,
});
const criterion = (patch: Partial<ReviewCriterion>): ReviewCriterion => ({
  id: 'c',
  label: 'Crit',
  scale: '1-5',
  weight: 1,
  anchors: {},
  ...patch,
});

describe('keyAction', () => {
  it('rates 1–5 with digits and refuses digits outside the scale with a sentence', () => {
    const c = criterion({ scale: '1-5' });
    expect(keyAction(key('4'), c)).toEqual({ kind: 'rate', rating: 4 });
    const refused = keyAction(key('7'), c);
    expect(refused).toMatchObject({ kind: 'refused' });
    expect(refused && 'message' in refused && refused.message).toContain('1 to 5');
    expect(keyAction(key('0'), c)).toMatchObject({ kind: 'refused' });
  });

  it('takes 1 for yes and 0 for no, and points up to the maximum', () => {
    expect(keyAction(key('0'), criterion({ scale: 'yes_no_na' }))).toEqual({ kind: 'rate', rating: 0 });
    expect(keyAction(key('1'), criterion({ scale: 'yes_no_na' }))).toEqual({ kind: 'rate', rating: 1 });
    expect(keyAction(key('2'), criterion({ scale: 'yes_no_na' }))).toMatchObject({ kind: 'refused' });
    const points = criterion({ scale: 'points', maxPoints: 3 });
    expect(keyAction(key('3'), points)).toEqual({ kind: 'rate', rating: 3 });
    expect(keyAction(key('4'), points)).toMatchObject({ kind: 'refused' });
  });

  it('marks N/A only where the form allows it', () => {
    expect(keyAction(key('n'), criterion({ allowNa: true }))).toEqual({ kind: 'na' });
    expect(keyAction(key('N'), criterion({ allowNa: true }))).toEqual({ kind: 'na' });
    expect(keyAction(key('n'), criterion({}))).toMatchObject({ kind: 'refused' });
  });

  it('moves with J/K and the arrows, focuses the comment with C, submits with Ctrl+Enter', () => {
    const c = criterion({});
    expect(keyAction(key('j'), c)).toEqual({ kind: 'move', by: 1 });
    expect(keyAction(key('ArrowUp'), c)).toEqual({ kind: 'move', by: -1 });
    expect(keyAction(key('c'), c)).toEqual({ kind: 'comment' });
    expect(keyAction(key('Enter', { ctrlKey: true }), c)).toEqual({ kind: 'submit' });
    expect(keyAction(key('Enter'), c)).toBeNull();
  });

  it('leaves typing alone in text fields, except Ctrl+Enter', () => {
    const c = criterion({ allowNa: true });
    for (const k of ['3', 'n', 'j', 'c', 'ArrowDown'])
      expect(keyAction(key(k, { inText: true }), c)).toBeNull();
    expect(keyAction(key('Enter', { inText: true, ctrlKey: true }), c)).toEqual({ kind: 'submit' });
    expect(keyAction(key('3', { ctrlKey: true }), c)).toBeNull();
  });
});

describe('answers', () => {
  it('applies a change the way the backend stores it', () => {
    const na = applyLocal(undefined, 'c', { notApplicable: true });
    expect(na).toEqual({ criterionId: 'c', rating: null, notApplicable: true, comment: null });
    expect(applyLocal(na, 'c', { rating: 4 })).toEqual({
      criterionId: 'c',
      rating: 4,
      notApplicable: false,
      comment: null,
    });
    expect(applyLocal(na, 'c', { comment: '  late  ' })).toMatchObject({
      notApplicable: true,
      comment: 'late',
    });
    expect(applyLocal({ ...na, comment: 'x' }, 'c', { comment: ' ' }).comment).toBeNull();
  });

  it('opens on the first unanswered criterion', () => {
    const flat = flattenCriteria(DEFAULT_REVIEW_FORM);
    const [a, b] = flat;
    if (!a || !b) throw new Error('default form is empty');
    expect(firstOpen(flat, {})).toBe(0);
    const answers = {
      [a.criterion.id]: { criterionId: a.criterion.id, rating: 1, notApplicable: false, comment: null },
    };
    expect(firstOpen(flat, answers)).toBe(1);
  });

  it('sends only the changed answers as an amendment', () => {
    const saved = {
      a: { criterionId: 'a', rating: 1, notApplicable: false, comment: null },
      b: { criterionId: 'b', rating: 3, notApplicable: false, comment: null },
    };
    const edited = { ...saved, b: { criterionId: 'b', rating: null, notApplicable: true, comment: null } };
    expect(amendmentChanges(saved, saved)).toEqual([]);
    expect(amendmentChanges(saved, edited)).toEqual([
      { criterionId: 'b', notApplicable: true, comment: null },
    ]);
  });
});
