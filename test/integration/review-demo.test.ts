import { beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { Db } from '../../electron/backend/db/database';
import { migrate } from '../../electron/backend/db/migrate';
import { loadSqlJs } from '../../electron/backend/db/sqljs';
import { generateDemoData } from '../../electron/backend/demo/generate';
import { seededIds } from '../../electron/backend/demo/ids';
import { loadAnswers } from '../../electron/backend/reviews/records';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/ipc/contract';
import { DEFAULT_REVIEW_FORM } from '../../shared/reviews/form';
import { computeReviewScore } from '../../shared/reviews/score';
import { TEST_NOW } from '../support/backend';

let db: Db;
let backend: Backend;
let range: { from: string; to: string };

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as MethodOutput<M>;
}

beforeAll(async () => {
  const SQL = await loadSqlJs();
  db = new Db(new SQL.Database());
  migrate(db);
  const now = new Date(TEST_NOW);
  const summary = generateDemoData(db, { now, ids: seededIds(11, now), agents: 6, months: 3 });
  range = { from: summary.from, to: summary.to };
  backend = new Backend({
    db,
    clock: fixedClock(TEST_NOW),
    ids: sequentialIds(),
    dataFile: null,
    appVersion: 'test',
  });
}, 120_000);

describe('demo reviews', () => {
  it('keep calibration reviews out of QA and record when each review was submitted', () => {
    const rows = db.all<{ group: string | null; counts: number; submitted: string | null; reviewed: string }>(
      `SELECT calibration_group AS "group", counts_in_qa AS counts, submitted_at AS submitted, reviewed_at AS reviewed
         FROM reviews`,
    );
    expect(rows.some((r) => r.group !== null)).toBe(true);
    for (const row of rows) {
      expect(row.counts).toBe(row.group === null ? 1 : 0);
      expect(row.submitted).toBe(row.reviewed);
    }
  });

  it('store scores equal to the recomputed ones, also after the demo amendment', () => {
    const reviews = db.all<{ id: string; score: number | null; failed: number }>(
      'SELECT id, score, failed_critical AS failed FROM reviews',
    );
    for (const review of reviews) {
      const result = computeReviewScore(DEFAULT_REVIEW_FORM, loadAnswers({ db }, review.id));
      expect({ score: review.score, failed: review.failed }).toEqual({
        score: result.score,
        failed: result.failedCritical ? 1 : 0,
      });
    }
  });

  it('rate like the interaction data suggests: long holds lose points, satisfied customers end satisfied', () => {
    const holds = db.all<{ hold: number; rating: number }>(
      `SELECT i.hold_seconds AS hold, a.rating FROM reviews r JOIN interactions i ON i.id = r.interaction_id
         JOIN review_answers a ON a.review_id = r.id AND a.criterion_id = 'res_holds'
        WHERE a.not_applicable = 0 AND r.id NOT IN (SELECT review_id FROM review_amendments)`,
    );
    expect(holds.length).toBeGreaterThan(0);
    for (const { hold, rating } of holds) expect(rating).toBe(hold < 60 ? 2 : hold < 180 ? 1 : 0);
    const satisfied = db.all<{ csat: number; rating: number }>(
      `SELECT i.csat_score AS csat, a.rating FROM reviews r JOIN interactions i ON i.id = r.interaction_id
         JOIN review_answers a ON a.review_id = r.id AND a.criterion_id = 'closing_satisfied'
        WHERE i.csat_score IS NOT NULL AND i.csat_scale = 5`,
    );
    for (const { csat, rating } of satisfied) expect(rating).toBe(csat >= 4 ? 1 : 0);
  });

  it('show open disputes, an accepted one with its amendment and a kept one', async () => {
    const open = await call('listDisputes', { status: 'open' });
    expect(open).toHaveLength(2);
    expect(open.every((d) => d.agentReason.length > 10)).toBe(true);
    const [accepted] = await call('listDisputes', { status: 'accepted' });
    expect(await call('listDisputes', { status: 'kept' })).toHaveLength(1);
    if (!accepted) throw new Error('no accepted dispute');
    const review = await call('getReview', { reviewId: accepted.reviewId });
    expect(review.amendments).toHaveLength(1);
    expect(review.amendments[0]).toMatchObject({ disputeId: accepted.id, scoreAfter: review.score });
    expect(review.amendments[0]?.scoreAfter).toBeGreaterThan(review.amendments[0]?.scoreBefore ?? 100);
  });

  it('fill the QA report, the queue and the evaluator comparison on first start', async () => {
    const report = await call('getQaReport', { ...range, granularity: 'month' });
    expect(report.agents).toHaveLength(6);
    expect(report.overall.score.n).toBeGreaterThan(20);
    expect(report.criteria).toHaveLength(DEFAULT_REVIEW_FORM.sections.flatMap((s) => s.criteria).length);
    const queue = await call('getReviewQueue', { ...range, strategy: 'risk', seed: 1, limit: 10 });
    expect(queue.items).toHaveLength(10);
    expect(queue.items[0]?.risk).toBeGreaterThan(0);
    const leniency = await call('getEvaluatorLeniency', range);
    expect(leniency.evaluators).toHaveLength(3);
  });
});
