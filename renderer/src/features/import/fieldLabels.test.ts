import { describe, expect, it } from 'vitest';
import { TARGET_FIELDS } from '../../../../shared/import/types';
import { fieldLabel } from './fieldLabels';

describe('mapping field labels', () => {
  it('spell acronyms and yes/no flags as a lead reads them', () => {
    expect(fieldLabel('nps')).toBe('NPS rating (0–10)');
    expect(fieldLabel('ces')).toBe('Customer effort (CES) rating');
    expect(fieldLabel('is_complaint')).toBe('Complaint (yes/no)');
    expect(fieldLabel('talk_seconds')).toBe('talk seconds');
    const shown = TARGET_FIELDS.map(fieldLabel).join(' ');
    expect(shown).not.toMatch(/\b(nps|ces)\b/);
    expect(shown).not.toMatch(/is complaint|cross sell/i);
  });
});
