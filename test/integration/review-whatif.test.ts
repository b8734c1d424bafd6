import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_FORM, type ReviewFormDefinition } from '../../shared/reviews/form';
import { buildAgent, buildFormVersion, buildReview, fullMarks } from '../support/builders';
import { createTestBackend, type TestBackend } from '../support/backend';

const reweighted = (id: string, weight: number): ReviewFormDefinition => ({
  ...DEFAULT_REVIEW_FORM,
  sections: DEFAULT_REVIEW_FORM.sections.map((s) => ({
    ...s,
    criteria: s.criteria.map((c) => (c.id === id ? { ...c, weight } : c)),
  })),
});

describe('what-if before publishing a form version', () => {
  let t: TestBackend;
  let formId: string;

  beforeEach(async () => {
    t = await createTestBackend();
    const form = buildFormVersion(t.ctx);
    formId = form.formId;
    const v2 = buildFormVersion(t.ctx, { formId, version: 2 }).versionId;
    const agentId = buildAgent(t.ctx, { name: 'Ann' }).id;
    const review = (
      versionId: string,
      ratings: Record<string, number | 'na'>,
      reviewedAt: string,
      extra = {},
    ) => buildReview(t.ctx, { formVersionId: versionId, agentId, ratings, reviewedAt, ...extra });
    // 88 on version 1 and 85 on version 2, both recent; one too old; one calibration review.
    review(
      form.versionId,
      fullMarks(DEFAULT_REVIEW_FORM, { knowledge_diagnosis: 1, prof_listening: 1 }),
      '2026-01-10T10:00:00.000Z',
    );
    review(
      v2,
      fullMarks(DEFAULT_REVIEW_FORM, { res_holds: 0, greeting_intro: 0, closing_satisfied: 0 }),
      '2025-12-20T10:00:00.000Z',
    );
    review(
      form.versionId,
      fullMarks(DEFAULT_REVIEW_FORM, { knowledge_diagnosis: 1 }),
      '2025-09-01T10:00:00.000Z',
    );
    review(
      form.versionId,
      fullMarks(DEFAULT_REVIEW_FORM, { knowledge_diagnosis: 1 }),
      '2026-01-11T10:00:00.000Z',
      {
        calibrationGroup: 'cal_1',
      },
    );
  });

  it('rescores the last 90 days of QA reviews on every version under the draft, writing nothing', async () => {
    const before = t.db.all('SELECT id, score FROM reviews ORDER BY id');
    const preview = await t.call('previewReviewForm', {
      formId,
      definition: reweighted('knowledge_diagnosis', 10),
    });
    expect(preview).toMatchObject({
      days: 90,
      since: '2025-10-17T09:00:00.000Z',
      n: 2,
      passScore: 80,
      criticalChanges: 0,
    });
    expect(preview.before.mean).toBe(86.5);
    expect(preview.after.mean).toBeCloseTo((89.3 + 68.6) / 2, 10);
    expect(preview.crossings).toMatchObject([
      { agentName: 'Ann', before: 88, after: 68.6, direction: 'now_fails' },
    ]);
    expect(t.db.all('SELECT id, score FROM reviews ORDER BY id')).toEqual(before);
    expect(t.db.all('SELECT * FROM audit_log')).toEqual([]);
  });

  it('says where a draft is wrong, as saving would', async () => {
    const result = await t.backend.call('previewReviewForm', {
      formId,
      definition: { name: 'x', sections: [] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(/^The form cannot be saved: /);
  });
});
