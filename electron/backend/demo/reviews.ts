import {
  DEFAULT_REVIEW_FORM,
  type ReviewAnswer,
  type ReviewCriterion,
  type ReviewFormDefinition,
} from '../../../shared/reviews/form';
import { packRatings } from '../../../shared/reviews/packed';
import { computeReviewScore } from '../../../shared/reviews/score';
import type { IdGenerator } from '../core/ids';
import type { Db } from '../db/database';
import { instantMs } from './calendar';
import type { ReviewCandidate } from './interactions';
import { EVALUATORS, type AgentProfile } from './profiles';
import { clamp, type Rng } from './random';
import { REVIEW_COACHING, REVIEW_PRAISE } from './text';

/** How much more generous than average each evaluator rates: calibration should show it. */
const LENIENCY = [0, 0.3, -0.25];

/** Short evaluator remarks for a low rating, by criterion. */
const LOW_RATING_NOTES: Record<string, string> = {
  greeting_intro: 'No company name in the greeting.',
  knowledge_accuracy: 'Wrong information about the cancellation period.',
  knowledge_diagnosis: 'Asked about the router before checking the outage map.',
  cross_sell_offer: 'Customer asked about speed: the FiberMax upgrade was the obvious offer.',
  prof_courtesy: 'Sarcastic remark when the customer raised their voice.',
  prof_listening: 'Interrupted the customer twice.',
  prof_empathy: 'No acknowledgement of the customer’s frustration.',
  res_ownership: 'Told the customer to call billing instead of transferring.',
  res_holds: 'Two holds of over a minute without checking back.',
  res_confirm: 'Did not check the connection works again.',
  closing_summary: 'No next steps given.',
};

export interface ReviewPlan {
  db: Db;
  rng: Rng;
  ids: IdGenerator;
  profiles: AgentProfile[];
  agentIds: string[];
  agentTeam: number[];
  workdays: number[];
  candidates: ReviewCandidate[];
  /** Regular reviews wanted (calibration sessions come on top, from the candidates left over). */
  target: number;
}

/** Creates the default form (version 1) and returns the version id. */
export function insertDefaultForm(db: Db, ids: IdGenerator, createdAt: string): string {
  const formId = ids.next('form');
  const versionId = ids.next('fver');
  db.run('INSERT INTO review_forms (id, name, archived, created_at) VALUES (?, ?, 0, ?)', [
    formId,
    DEFAULT_REVIEW_FORM.name,
    createdAt,
  ]);
  db.run(
    'INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at) VALUES (?, ?, 1, ?, ?)',
    [versionId, formId, JSON.stringify(DEFAULT_REVIEW_FORM), createdAt],
  );
  return versionId;
}

/**
 * Scored, submitted reviews of sampled interactions and disputes of the newest low ratings. Returns
 * the count of reviews and the candidates left over (calibration sessions draw on those).
 */
export function insertReviews(
  plan: ReviewPlan,
  formVersionId: string,
): { reviews: number; spare: ReviewCandidate[] } {
  const { rng, candidates } = plan;
  const order = candidates.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const regular = order.slice(0, plan.target).sort((a, b) => a - b);
  const spare = order.slice(plan.target);

  const insertReview = plan.db.prepareWrite(
    `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score, failed_critical,
         comment, calibration_group, counts_in_qa, reviewed_at, submitted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAnswer = plan.db.prepareWrite(
    'INSERT INTO review_answers (review_id, criterion_id, rating, not_applicable, comment) VALUES (?, ?, ?, ?, ?)',
  );
  const setPacked = plan.db.prepareWrite('UPDATE reviews SET ratings_packed = ? WHERE id = ?');
  let count = 0;
  const written: WrittenReview[] = [];
  const write = (candidate: ReviewCandidate, evaluator: number, group: string | null) => {
    const answers = rateInteraction(plan, candidate, evaluator);
    const result = computeReviewScore(DEFAULT_REVIEW_FORM, answers);
    const id = plan.ids.next('rev');
    const reviewedAt = reviewedAtOf(plan, candidate);
    insertReview.run([
      id,
      formVersionId,
      plan.agentIds[candidate.agent] ?? null,
      candidate.id,
      EVALUATORS[evaluator] ?? 'QA',
      result.score,
      result.failedCritical ? 1 : 0,
      reviewComment(rng, result.score, result.failedCritical),
      group,
      // Calibration reviews score the evaluators, not the agent.
      group === null ? 1 : 0,
      reviewedAt,
      reviewedAt,
      reviewedAt,
      reviewedAt,
    ]);
    for (const answer of answers) {
      insertAnswer.run([
        id,
        answer.criterionId,
        answer.rating,
        answer.notApplicable ? 1 : 0,
        answer.comment ?? null,
      ]);
    }
    setPacked.run([packRatings(DEFAULT_REVIEW_FORM, answers), id]);
    count += 1;
    if (group === null)
      written.push({ id, reviewedAt, answers, score: result.score, failedCritical: result.failedCritical });
  };
  try {
    for (const index of regular) {
      const candidate = candidates[index] as ReviewCandidate;
      write(candidate, rng.weighted([0, 1, 2], [45, 40, 15]), null);
    }
  } finally {
    insertReview.free();
    insertAnswer.free();
    setPacked.free();
  }
  insertDemoDisputes(plan.db, plan.ids, written);
  return { reviews: count, spare: spare.map((i) => candidates[i] as ReviewCandidate) };
}

function reviewedAtOf(plan: ReviewPlan, candidate: ReviewCandidate): string {
  const last = plan.workdays.length - 1;
  const index = Math.min(last, candidate.dayIndex + plan.rng.int(1, 4));
  const day = plan.workdays[index] as number;
  const second =
    index === candidate.dayIndex
      ? Math.min(17 * 3600, candidate.second + 3600)
      : plan.rng.int(9 * 3600, 17 * 3600);
  return new Date(instantMs(day, second)).toISOString();
}

/** QA ratings driven by the agent's profile at that point in time, the interaction's facts and the evaluator. */
export function rateInteraction(plan: ReviewPlan, c: ReviewCandidate, evaluator: number): ReviewAnswer[] {
  const { rng } = plan;
  const profile = plan.profiles[c.agent] as AgentProfile;
  const progress = plan.workdays.length > 1 ? c.dayIndex / (plan.workdays.length - 1) : 1;
  const q = profile.quality + profile.trend * progress;
  const base = 3.5 + 0.9 * q + (LENIENCY[evaluator] ?? 0);
  const five = (mean: number) => Math.round(clamp(rng.normal(mean, 0.6), 1, 5));
  const yes = (p: number) => (rng.chance(clamp(p, 0.01, 0.995)) ? 1 : 0);
  const slip = profile.slips * (1 - 0.4 * q);

  const rating: Record<string, number | 'na'> = {
    greeting_intro: yes(0.9 + 0.08 * q),
    greeting_valued: five(base + 0.2),
    knowledge_accuracy: rng.chance(slip) ? 0 : 1,
    knowledge_diagnosis: five(base + (profile.fcr - 0.78) * 6),
    knowledge_explanation: five(base),
    cross_sell_offer: !c.crossEligible ? 'na' : c.crossOffered ? five(3.9 + 0.5 * q) : five(1.6),
    cross_sell_no: c.crossOffered ? yes(0.9) : 'na',
    prof_courtesy: rng.chance((slip / 2) * (c.complaint ? 3 : 1)) ? 0 : 1,
    prof_listening: five(base + (profile.empathy - 0.5) * 1.5),
    prof_empathy: five(base + (profile.empathy - 0.5) * 2.5),
    res_ownership: five(base + (c.resolved ? 0.3 : -0.8)),
    res_holds: c.channel !== 'call' ? 'na' : c.holdSeconds < 60 ? 2 : c.holdSeconds < 180 ? 1 : 0,
    res_confirm: c.resolved ? yes(0.8 + 0.15 * q) : 'na',
    closing_summary: five(base),
    closing_satisfied: c.csat !== null ? (c.csat >= 4 ? 1 : 0) : yes(0.85 + 0.1 * q),
  };
  return criteriaOf(DEFAULT_REVIEW_FORM).map((criterion) => {
    const value = rating[criterion.id] ?? 'na';
    if (value === 'na')
      return { criterionId: criterion.id, rating: null, notApplicable: true, comment: null };
    const low = isLow(criterion, value);
    const note = low && rng.chance(0.5) ? (LOW_RATING_NOTES[criterion.id] ?? null) : null;
    return { criterionId: criterion.id, rating: value, notApplicable: false, comment: note };
  });
}

const criteriaOf = (form: ReviewFormDefinition): ReviewCriterion[] =>
  form.sections.flatMap((s) => s.criteria);

function isLow(criterion: ReviewCriterion, value: number): boolean {
  if (criterion.scale === '1-5') return value <= 2;
  return value === 0;
}

function reviewComment(rng: Rng, score: number | null, failedCritical: boolean): string | null {
  if (failedCritical) return 'Critical error: review with the agent this week. ' + rng.pick(REVIEW_COACHING);
  if (!rng.chance(0.3) || score === null) return null;
  if (score >= 85) return rng.pick(REVIEW_PRAISE);
  if (score < 70) return rng.pick(REVIEW_COACHING);
  return `${rng.pick(REVIEW_PRAISE)} ${rng.pick(REVIEW_COACHING)}`;
}

/** What an agent says when disputing a low rating, by criterion. */
const AGENT_REASONS: Record<string, string> = {
  res_holds: 'The billing system froze; I had to hold to see the account at all.',
  knowledge_diagnosis: 'The outage map was not updated yet when I took the contact.',
  prof_listening: 'The line kept breaking up; I was not interrupting on purpose.',
  closing_summary: 'I sent the summary by email right after the contact.',
  res_ownership: 'Billing disputes must go to the billing team, that is the process.',
  prof_empathy: 'I acknowledged the frustration at the start, before the part you listened to.',
  greeting_valued: 'The customer opened by shouting; I kept it short on purpose.',
  knowledge_explanation: 'The customer asked for the technical details.',
};

interface WrittenReview {
  id: string;
  reviewedAt: string;
  answers: ReviewAnswer[];
  score: number | null;
  failedCritical: boolean;
}

const LEAD = EVALUATORS[2] ?? 'Team lead';
const HOUR = 3_600_000;

const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

/** The most recent reviews with a low rating an agent would dispute, newest first. */
function disputable(reviews: readonly WrittenReview[]) {
  return [...reviews]
    .sort((a, b) => b.reviewedAt.localeCompare(a.reviewedAt) || a.id.localeCompare(b.id))
    .flatMap((review) => {
      const low = review.answers.find(
        (a) =>
          a.criterionId in AGENT_REASONS &&
          a.rating !== null &&
          a.rating <= (a.criterionId === 'res_holds' ? 1 : 2),
      );
      return low ? [{ review, answer: low }] : [];
    })
    .slice(0, 4);
}

/**
 * Disputes for the demo's newest low ratings, so the disputes list and the amendment history show
 * something on first start: two open (one with the rating the agent asks for), one accepted
 * through an amendment that rescored the review, one kept.
 */
export function insertDemoDisputes(db: Db, ids: IdGenerator, reviews: readonly WrittenReview[]): number {
  const picks = disputable(reviews);
  picks.forEach(({ review, answer }, index) => {
    const id = ids.next('dsp');
    const openedAt = later(review.reviewedAt, 2);
    const proposed = index === 1 ? null : (answer.rating ?? 0) + 1;
    db.run(
      `INSERT INTO review_disputes (id, review_id, criterion_id, agent_reason, proposed_rating, opened_at, opened_by,
         status, original_rating, original_not_applicable)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, 0)`,
      [
        id,
        review.id,
        answer.criterionId,
        AGENT_REASONS[answer.criterionId] ?? '',
        proposed,
        openedAt,
        LEAD,
        answer.rating,
      ],
    );
    if (index < 2) return;
    const resolvedAt = later(openedAt, 1);
    if (index === 3) {
      resolve(db, id, 'kept', answer.rating, 'Listened again: the rating stands.', resolvedAt);
      return;
    }
    const after = review.answers.map((a) =>
      a.criterionId === answer.criterionId ? { ...a, rating: proposed } : a,
    );
    const result = computeReviewScore(DEFAULT_REVIEW_FORM, after);
    const reason = 'Agent was right: the system log confirms it.';
    db.run('UPDATE review_answers SET rating = ? WHERE review_id = ? AND criterion_id = ?', [
      proposed,
      review.id,
      answer.criterionId,
    ]);
    db.run(
      'UPDATE reviews SET score = ?, failed_critical = ?, ratings_packed = ?, updated_at = ? WHERE id = ?',
      [
        result.score,
        result.failedCritical ? 1 : 0,
        packRatings(DEFAULT_REVIEW_FORM, after),
        resolvedAt,
        review.id,
      ],
    );
    db.run(
      `INSERT INTO review_amendments (id, review_id, dispute_id, amended_at, actor, reason, score_before, score_after,
         failed_critical_before, failed_critical_after, answers_before_json, answers_after_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ids.next('amd'),
        review.id,
        id,
        resolvedAt,
        LEAD,
        reason,
        review.score,
        result.score,
        review.failedCritical ? 1 : 0,
        result.failedCritical ? 1 : 0,
        JSON.stringify([{ ...answer, comment: answer.comment ?? null }]),
        JSON.stringify([{ ...answer, rating: proposed, comment: answer.comment ?? null }]),
      ],
    );
    resolve(db, id, 'accepted', proposed, reason, resolvedAt);
  });
  return picks.length;
}

function resolve(
  db: Db,
  id: string,
  status: string,
  rating: number | null,
  reason: string,
  at: string,
): void {
  db.run(
    `UPDATE review_disputes SET status = ?, resolved_rating = ?, resolved_not_applicable = 0, resolution_reason = ?,
       resolved_at = ?, resolved_by = ? WHERE id = ?`,
    [status, rating, reason, at, LEAD, id],
  );
}
