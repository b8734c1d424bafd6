import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_FORM } from '../../../../../shared/reviews/form';
import { updateCriterion } from '../../../../../shared/reviews/formEdit';
import { useFormEditor } from './editorStore';

const at = { section: 1, criterion: 0 };
const session = { formId: 'form-1', latest: { id: 'v1', version: 1, reviewCount: 3 } };

describe('form editor store', () => {
  it('is dirty while the draft differs from what is saved, and not for blank text that is not saved', () => {
    const store = useFormEditor.getState();
    store.start(session, DEFAULT_REVIEW_FORM);
    expect(useFormEditor.getState().dirty).toBe(false);
    store.edit((f) => updateCriterion(f, at, (c) => ({ ...c, weight: 5 })));
    expect(useFormEditor.getState().dirty).toBe(true);
    store.edit((f) => updateCriterion(f, at, (c) => ({ ...c, weight: 3 })));
    expect(useFormEditor.getState().dirty).toBe(false);
    store.edit((f) => updateCriterion(f, at, (c) => ({ ...c, anchors: { ...c.anchors, na: '  ' } })));
    expect(useFormEditor.getState().dirty).toBe(false);
  });

  it('keeps problems hidden until a save or preview is tried, then follows every edit', () => {
    const store = useFormEditor.getState();
    store.start(session, DEFAULT_REVIEW_FORM);
    store.edit((f) => updateCriterion(f, at, (c) => ({ ...c, label: '' })));
    const key = 'sections.1.criteria.0.label';
    expect(useFormEditor.getState().errors[key]).toBe('A criterion needs a label.');
    expect(useFormEditor.getState().showErrors).toBe(false);
    store.revealErrors();
    store.edit((f) => updateCriterion(f, at, (c) => ({ ...c, label: 'Accurate' })));
    expect(useFormEditor.getState().errors[key]).toBeUndefined();
    expect(useFormEditor.getState().showErrors).toBe(true);
  });

  it('discards back to the saved form, and closing leaves no session', () => {
    const store = useFormEditor.getState();
    store.start(session, DEFAULT_REVIEW_FORM);
    store.edit((f) => ({ ...f, name: 'Renamed' }));
    store.discard();
    expect(useFormEditor.getState().draft).toEqual(DEFAULT_REVIEW_FORM);
    expect(useFormEditor.getState().session).toEqual(session);
    store.close();
    expect(useFormEditor.getState().session).toBeNull();
  });
});
