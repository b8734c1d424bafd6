import { DEFAULT_REVIEW_FORM, type ReviewAnswer } from '../../../shared/reviews/form';
import { packRatings } from '../../../shared/reviews/packed';
import { computeReviewScore } from '../../../shared/reviews/score';
import type { IdGenerator } from '../core/ids';
import type { Db } from '../db/database';
import { instantMs } from './calendar';
import type { ReviewCandidate } from './interactions';
import { EVALUATORS } from './profiles';
import type { Rng } from './random';
import { rateInteraction, type ReviewPlan } from './reviews';

/**
 * Monthly calibration sessions on the default form, so the calibration screens show something on
 * first start: the older ones closed (the history and drift charts), the last but one revealed with
 * two agreed answers, the last one still being scored. Later sessions agree more: each evaluator
 * takes the first evaluator's answer more often, the way a team converges after discussing.
 */

const PER_SESSION = 5;
/** Chance, per session from the oldest, that an evaluator gives the anchor evaluator's answer. */
const CONVERGENCE = [0.05, 0.25, 0.4, 0.55, 0.65];
const LEAD = EVALUATORS[2] ?? 'Team lead';
const HOUR = 3_600_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const AGREED_NOTES: Record<string, string> = {
  knowledge_diagnosis:
    'Checking the router before the outage map is a detour, not a miss: a 3 when the real problem was found in the end.',
  cross_sell_offer: 'An offer that fits the question asked counts as relevant even if the customer says no.',
  greeting_valued: 'A warm but rushed opening is a 3; a 4 needs the customer to be given time.',
  res_ownership: 'Transferring with a warm hand-over and a promised call-back is ownership: a 4.',
};

interface SessionPlan {
  index: number;
  day: number;
  state: 'closed' | 'revealed' | 'scoring';
  candidates: ReviewCandidate[];
}

/** The last `count` month ends of the range, oldest first, each with the spare calls before it. */
function schedule(plan: ReviewPlan, spare: ReviewCandidate[], count: number): SessionPlan[] {
  const last = plan.workdays.length - 1;
  const pool = [...spare].sort((a, b) => a.dayIndex - b.dayIndex || a.id - b.id);
  const sessions: SessionPlan[] = [];
  for (let k = count - 1; k >= 0; k -= 1) {
    const dayIndex = Math.max(0, last - 2 - k * 21);
    const eligible = pool.filter((c) => c.dayIndex < dayIndex && c.dayIndex >= dayIndex - 30);
    const calls = [
      ...eligible.filter((c) => c.channel === 'call'),
      ...eligible.filter((c) => c.channel !== 'call'),
    ];
    const picked = calls.slice(0, PER_SESSION);
    for (const c of picked) pool.splice(pool.indexOf(c), 1);
    if (picked.length < 2) continue;
    sessions.push({
      index: sessions.length,
      day: plan.workdays[dayIndex] as number,
      state: 'closed',
      candidates: picked,
    });
  }
  const n = sessions.length;
  sessions.forEach((s, i) => (s.state = i === n - 1 ? 'scoring' : i === n - 2 ? 'revealed' : 'closed'));
  return sessions;
}

/** Every evaluator's answers to one interaction; later sessions lean toward the anchor's answers. */
function panelAnswers(
  plan: ReviewPlan,
  rng: Rng,
  candidate: ReviewCandidate,
  convergence: number,
): ReviewAnswer[][] {
  const panel = EVALUATORS.map((_, e) => rateInteraction(plan, candidate, e));
  const anchor = panel[0] ?? [];
  return panel.map((answers, e) =>
    e === 0
      ? answers
      : answers.map((a, i) => (rng.chance(convergence) ? { ...(anchor[i] ?? a), comment: a.comment } : a)),
  );
}

interface Writers {
  review(values: Array<string | number | null>): void;
  answer(values: Array<string | number | null>): void;
}

function writeReview(
  w: Writers,
  ids: IdGenerator,
  row: {
    formVersionId: string;
    agentId: string;
    candidate: ReviewCandidate;
    evaluator: string;
    session: string;
    at: string;
    draft: boolean;
  },
  answers: ReviewAnswer[],
): void {
  const id = ids.next('rev');
  const result = computeReviewScore(DEFAULT_REVIEW_FORM, answers);
  const submitted = row.draft ? null : row.at;
  w.review([
    id,
    row.formVersionId,
    row.agentId,
    row.candidate.id,
    row.evaluator,
    row.draft ? 'draft' : 'submitted',
    result.score,
    result.failedCritical ? 1 : 0,
    row.session,
    submitted,
    submitted,
    row.at,
    row.at,
    packRatings(DEFAULT_REVIEW_FORM, answers),
  ]);
  for (const a of answers)
    w.answer([id, a.criterionId, a.rating, a.notApplicable ? 1 : 0, a.comment ?? null]);
}

function insertSession(db: Db, ids: IdGenerator, s: SessionPlan, formVersionId: string): string {
  const id = ids.next('cal');
  const at = (hours: number) => new Date(instantMs(s.day, 9 * 3600) + hours * HOUR).toISOString();
  const month = MONTHS[new Date(instantMs(s.day, 0)).getUTCMonth()] ?? '';
  const revealed = s.state === 'scoring' ? null : at(24 * 5);
  db.run(
    `INSERT INTO calibration_sessions (id, name, form_version_id, state, expert, created_by, created_at, updated_at,
       scoring_at, revealed_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      `${month} calibration`,
      formVersionId,
      s.state,
      s.state === 'revealed' ? LEAD : null,
      LEAD,
      at(-2),
      revealed ?? at(0),
      at(0),
      revealed,
      s.state === 'closed' ? at(24 * 6) : null,
    ],
  );
  s.candidates.forEach((c, position) =>
    db.run(
      'INSERT INTO calibration_session_interactions (session_id, interaction_id, position) VALUES (?, ?, ?)',
      [id, c.id, position],
    ),
  );
  EVALUATORS.forEach((name, position) =>
    db.run('INSERT INTO calibration_session_evaluators (session_id, evaluator, position) VALUES (?, ?, ?)', [
      id,
      name,
      position,
    ]),
  );
  return id;
}

/** Agreed answers with notes for the revealed session: Katrin's answer on the criteria the notes cover. */
function insertAgreed(
  db: Db,
  sessionId: string,
  s: SessionPlan,
  panels: ReviewAnswer[][][],
  decidedAt: string,
): void {
  const criteria = Object.keys(AGREED_NOTES).slice(0, 2);
  criteria.forEach((criterionId, i) => {
    const candidate = s.candidates[i];
    const answer = panels[i]?.[2]?.find((a) => a.criterionId === criterionId);
    if (!candidate || !answer) return;
    db.run(
      `INSERT INTO calibration_agreed_answers (session_id, interaction_id, criterion_id, rating, not_applicable, note, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        sessionId,
        candidate.id,
        criterionId,
        answer.notApplicable ? null : answer.rating,
        answer.notApplicable ? 1 : 0,
        AGREED_NOTES[criterionId] ?? null,
        LEAD,
        decidedAt,
      ],
    );
  });
}

/** Inserts the sessions and their reviews; returns how many sessions there are. */
export function insertCalibrationSessions(
  plan: ReviewPlan,
  rng: Rng,
  formVersionId: string,
  spare: ReviewCandidate[],
  count: number,
): number {
  const sessions = schedule(plan, spare, count);
  const review = plan.db.prepareWrite(
    `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score, failed_critical,
       calibration_group, counts_in_qa, reviewed_at, submitted_at, created_at, updated_at, ratings_packed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const answer = plan.db.prepareWrite(
    'INSERT INTO review_answers (review_id, criterion_id, rating, not_applicable, comment) VALUES (?, ?, ?, ?, ?)',
  );
  const w: Writers = { review: (v) => review.run(v), answer: (v) => answer.run(v) };
  try {
    for (const s of sessions) {
      const sessionId = insertSession(plan.db, plan.ids, s, formVersionId);
      const convergence = CONVERGENCE[CONVERGENCE.length - sessions.length + s.index] ?? 0.5;
      const panels = s.candidates.map((c) => panelAnswers(plan, rng, c, convergence));
      s.candidates.forEach((candidate, i) =>
        EVALUATORS.forEach((evaluator, e) => {
          // While scoring: the first evaluator is done, the second half way with a draft, the third has not started.
          if (s.state === 'scoring' && (e === 2 || (e === 1 && i > 2))) return;
          const at = new Date(instantMs(s.day, 10 * 3600) + (e * 26 + i) * HOUR).toISOString();
          const answers = panels[i]?.[e] ?? [];
          const draft = s.state === 'scoring' && e === 1 && i === 2;
          writeReview(
            w,
            plan.ids,
            {
              formVersionId,
              agentId: plan.agentIds[candidate.agent] ?? '',
              candidate,
              evaluator,
              session: sessionId,
              at,
              draft,
            },
            draft ? answers.slice(0, 6) : answers,
          );
        }),
      );
      if (s.state === 'revealed')
        insertAgreed(
          plan.db,
          sessionId,
          s,
          panels,
          new Date(instantMs(s.day, 15 * 3600) + 24 * 5 * HOUR).toISOString(),
        );
    }
  } finally {
    review.free();
    answer.free();
  }
  return sessions.length;
}
