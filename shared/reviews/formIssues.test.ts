import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_FORM } from './form';
import { describeFormPath } from './formIssues';

describe('describeFormPath', () => {
  it('names sections and criteria by position and label', () => {
    expect(describeFormPath(['sections', 0, 'criteria', 1, 'weight'], DEFAULT_REVIEW_FORM)).toMatch(
      /^section 1 \("Greeting"\), criterion 2 \(".+"\), field "weight"$/,
    );
    expect(describeFormPath(['sections', 2, 'label'], DEFAULT_REVIEW_FORM)).toBe(
      'section 3 ("Cross-selling"), field "label"',
    );
    expect(describeFormPath(['name'], {})).toBe('the form\'s field "name"');
    expect(describeFormPath([], {})).toBe('the form');
  });

  it('never throws and never shows a raw dotted path for any path into any value', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.nat(20))), fc.anything(), (path, value) => {
        const text = describeFormPath(path, value);
        expect(text).not.toMatch(/sections\.\d/);
      }),
    );
  });
});
