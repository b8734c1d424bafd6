import { beforeEach, describe, expect, it } from 'vitest';
import { auditHistory } from '../../electron/backend/core/audit';
import { DEFAULT_REVIEW_FORM, type ReviewFormDefinition } from '../../shared/reviews/form';
import { buildAgent } from '../support/builders';
import { createTestBackend, TEST_NOW, type TestBackend } from '../support/backend';

const renamed = (name: string): ReviewFormDefinition => ({ ...DEFAULT_REVIEW_FORM, name });

/** A submitted review on a form version, so that version counts as used. */
function useVersion(t: TestBackend, versionId: string) {
  const agent = buildAgent(t.ctx);
  t.db.run(
    `INSERT INTO reviews (id, form_version_id, agent_id, evaluator, status, created_at, updated_at)
     VALUES (?, ?, ?, 'QA', 'submitted', ?, ?)`,
    [t.ctx.ids.next('rev'), versionId, agent.id, TEST_NOW, TEST_NOW],
  );
}

describe('review forms through dispatch', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await createTestBackend();
  });

  it('creates a form, edits an unused version in place and versions a used one', async () => {
    const created = await t.call('saveReviewForm', { definition: DEFAULT_REVIEW_FORM });
    expect(created).toMatchObject({ version: 1, outcome: 'new_form' });

    const edited = await t.call('saveReviewForm', { formId: created.formId, definition: renamed('QA v1b') });
    expect(edited).toMatchObject({ versionId: created.versionId, version: 1, outcome: 'updated' });

    useVersion(t, created.versionId);
    const next = await t.call('saveReviewForm', { formId: created.formId, definition: renamed('QA v2') });
    expect(next).toMatchObject({ version: 2, outcome: 'new_version' });
    expect(next.versionId).not.toBe(created.versionId);

    // The review keeps the version it was scored on.
    const old = await t.call('getReviewFormVersion', { versionId: created.versionId });
    expect(old.definition.name).toBe('QA v1b');
    expect(old.reviewCount).toBe(1);
    const latest = await t.call('getReviewFormVersion', { formId: created.formId });
    expect(latest).toMatchObject({ version: 2, reviewCount: 0 });
    expect(latest.definition.name).toBe('QA v2');

    const [summary] = await t.call('listReviewForms', {});
    expect(summary).toMatchObject({ name: 'QA v2', versionCount: 2, latestVersion: { version: 2 } });
    expect(auditHistory(t.ctx, 'review_form', created.formId).map((r) => r.action)).toEqual([
      'created',
      'updated version 1',
      'created version 2',
    ]);
  });

  it('archives instead of deleting, and refuses edits to an archived form', async () => {
    const { formId } = await t.call('saveReviewForm', { definition: DEFAULT_REVIEW_FORM });
    await t.call('setReviewFormArchived', { formId, archived: true });
    expect(await t.call('listReviewForms', {})).toEqual([]);
    expect(await t.call('listReviewForms', { includeArchived: true })).toHaveLength(1);
    const result = await t.backend.call('saveReviewForm', { formId, definition: DEFAULT_REVIEW_FORM });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('says where a definition is wrong, in words, and saves nothing', async () => {
    const broken = structuredClone(DEFAULT_REVIEW_FORM) as unknown as {
      sections: Array<{ criteria: Array<{ weight: number }> }>;
    };
    const criterion = broken.sections[1]?.criteria[0];
    if (!criterion) throw new Error('default form changed');
    criterion.weight = -1;
    const result = await t.backend.call('saveReviewForm', { definition: broken });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(
      /^The form cannot be saved: Section 2 \("Knowledge"\), criterion 1 \(".+"\), field "weight": /,
    );
    expect(t.db.all('SELECT * FROM review_forms')).toEqual([]);
    expect(t.db.all('SELECT * FROM audit_log')).toEqual([]);
  });

  it('refuses what the editor refuses on a field: a pass minimum above the scale, a blank label', async () => {
    const high = structuredClone(DEFAULT_REVIEW_FORM);
    const diagnosis = high.sections[1]?.criteria[1];
    if (!diagnosis) throw new Error('default form changed');
    Object.assign(diagnosis, { critical: true, passMinimum: 7 });
    const result = await t.backend.call('saveReviewForm', { definition: high });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: {
          problems: [
            'Section 2 ("Knowledge"), criterion 2 ("Diagnoses the real problem"), field "passMinimum": the pass minimum (7) is above the top of the scale (5), so this criterion could never pass.',
          ],
        },
      },
    });
    const blank = structuredClone(DEFAULT_REVIEW_FORM);
    const first = blank.sections[0]?.criteria[0];
    if (!first) throw new Error('default form changed');
    first.label = '   ';
    const refused = await t.backend.call('saveReviewForm', { definition: blank });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        message:
          'The form cannot be saved: Section 1 ("Greeting"), criterion 1 ("   "), field "label": a criterion needs a label.',
      },
    });
    expect(t.db.all('SELECT * FROM review_forms')).toEqual([]);
  });

  it('round-trips a form through its JSON file, renaming on a clash', async () => {
    const { versionId } = await t.call('saveReviewForm', { definition: DEFAULT_REVIEW_FORM });
    const file = await t.call('exportReviewForm', { versionId });
    expect(file.fileName).toBe('Standard-interaction-review-v1.json');
    const imported = await t.call('importReviewForm', { json: file.json });
    const copy = await t.call('getReviewFormVersion', { versionId: imported.versionId });
    expect(copy.definition).toEqual({ ...DEFAULT_REVIEW_FORM, name: `${DEFAULT_REVIEW_FORM.name} (2)` });
  });

  it.each([
    ['not JSON', '{oops', /not JSON/],
    ['other JSON', '{"hello": 1}', /not a review form exported from Agent Scorecard/],
    [
      'a newer format',
      JSON.stringify({ format: 'agent-scorecard/review-form', formatVersion: 9, definition: {} }),
      /newer version of Agent Scorecard/,
    ],
    [
      'a form with no sections',
      JSON.stringify({
        format: 'agent-scorecard/review-form',
        formatVersion: 1,
        definition: { name: 'x', sections: [] },
      }),
      /^The form cannot be saved: The form's field "sections": a form needs at least one section\.$/,
    ],
  ])('refuses %s with a clear error and changes nothing', async (_label, json, message) => {
    const result = await t.backend.call('importReviewForm', { json });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
    expect(t.db.all('SELECT * FROM review_forms')).toEqual([]);
  });
});
