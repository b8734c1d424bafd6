import { describe, expect, it } from 'vitest';
import { describeChange, saveOutcome, savedMessage } from './wording';

describe('saveOutcome', () => {
  it('says a used version is kept and the edit becomes the next one', () => {
    expect(saveOutcome({ version: 2, reviewCount: 34 })).toEqual({
      button: 'Save as version 3',
      sentence: 'This version is used by 34 reviews: saving creates version 3; those reviews keep version 2.',
    });
    expect(saveOutcome({ version: 1, reviewCount: 1 }).sentence).toBe(
      'This version is used by 1 review: saving creates version 2; that review keeps version 1.',
    );
    expect(saveOutcome({ version: 1, reviewCount: 1234 }).sentence).toContain('1,234 reviews');
  });

  it('says an unused version is updated in place, and a new form starts at version 1', () => {
    expect(saveOutcome({ version: 3, reviewCount: 0 })).toEqual({
      button: 'Save version 3',
      sentence: 'No review uses version 3 yet: saving updates it in place.',
    });
    expect(saveOutcome(null).button).toBe('Save form');
  });
});

describe('savedMessage', () => {
  it('reports what the backend did', () => {
    const saved = { formId: 'f', versionId: 'v', version: 3 };
    expect(savedMessage({ ...saved, outcome: 'new_version' }, 'QA')).toBe(
      'Saved as version 3 of "QA". Earlier reviews keep the version they were scored on.',
    );
    expect(savedMessage({ ...saved, outcome: 'updated' }, 'QA')).toBe('Version 3 of "QA" updated.');
    expect(savedMessage({ ...saved, version: 1, outcome: 'new_form' }, 'QA')).toBe(
      'Form "QA" created as version 1.',
    );
  });
});

describe('describeChange', () => {
  const interval = (mean: number | null, low: number | null = null, high: number | null = null) => ({
    n: 10,
    mean,
    sd: null,
    low,
    high,
  });

  it('signs the change and its interval', () => {
    expect(describeChange(interval(1.74, 1.21, 2.2))).toBe('+1.7 points (95% interval +1.2 to +2.2)');
    expect(describeChange(interval(-0.96, -2, 0.1))).toBe('−1.0 point (95% interval −2.0 to +0.1)');
    expect(describeChange(interval(0.01))).toBe('±0.0 points');
    expect(describeChange(interval(null))).toBe('no change to measure');
  });
});
