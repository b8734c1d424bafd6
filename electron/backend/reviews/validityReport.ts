import type { CriterionValidityReport } from '../../../shared/ipc/contracts/qa';
import type { KpiSettings } from '../../../shared/kpi/settings';
import { passMinimumOf, type ReviewFormDefinition } from '../../../shared/reviews/form';
import { ValidityTallies, validityFromTallies, type ValidityOutcome } from '../../../shared/reviews/validity';
import type { BackendContext } from '../core/context';
import { loadKpiSettings } from '../kpi/settingsStore';
import { answersOf, definitions, filter, window, type ReviewRow, type Scope } from './qaRows';
import { loadReviewSettings } from './settingsStore';

type Row = [
  id: string,
  interactionId: number,
  formVersionId: string,
  packed: string | null,
  csat: number | null,
  csatScale: number | null,
  fcr: number | null,
  repeatContact: number | null,
];

interface CriterionKey {
  id: string;
  label: string;
  sectionLabel: string;
  passMinimum: number;
}

const flag = (v: number | null) => (v === null ? null : v === 1);

function outcomesOf(row: Row, csat: KpiSettings['csat']): Record<ValidityOutcome, boolean | null> {
  const [, , , , score, scale, fcr, repeat] = row;
  const min = (scale ?? csat.scale) === 10 ? csat.satisfiedMin10 : csat.satisfiedMin5;
  return {
    csat_satisfied: score === null ? null : score >= min,
    fcr: flag(fcr),
    repeat_contact: flag(repeat),
  };
}

/**
 * Criterion validity over submitted QA reviews of the period, one (the latest) per interaction.
 * Reads one row per review with its packed ratings and tallies counts as it goes: a quarter is
 * 375k ratings, too many to turn into objects.
 */
export function getCriterionValidity(ctx: BackendContext, input: Scope): CriterionValidityReport {
  const settings = loadReviewSettings(ctx);
  const { csat } = loadKpiSettings(ctx.db);
  const { start, end } = window(ctx, input.from, input.to);
  const where = filter(input, start, end, true);
  const rows = ctx.db.values(
    `SELECT r.id, r.interaction_id, r.form_version_id, r.ratings_packed, i.csat_score, i.csat_scale, i.fcr,
            i.repeat_contact
       FROM reviews r JOIN agents a ON a.id = r.agent_id JOIN interactions i ON i.id = r.interaction_id
      WHERE ${where.sql} ORDER BY r.reviewed_at, r.id`,
    where.params,
  ) as Row[];
  const latest = new Map<number, Row>();
  for (const row of rows) latest.set(row[1], row);

  const definitionOf = definitions(ctx);
  const keys = new Map<string, CriterionKey[]>();
  const keysOf = (versionId: string): CriterionKey[] => {
    let list = keys.get(versionId);
    if (!list) {
      const definition: ReviewFormDefinition = definitionOf(versionId);
      list = definition.sections.flatMap((s) =>
        s.criteria.map((c) => ({
          id: c.id,
          label: c.label,
          sectionLabel: s.label,
          passMinimum: passMinimumOf(c),
        })),
      );
      keys.set(versionId, list);
    }
    return list;
  };

  const tallies = new ValidityTallies();
  const unpacked: Row[] = [];
  for (const row of latest.values()) {
    const packed = row[3];
    if (packed === null) {
      unpacked.push(row);
      continue;
    }
    const outcomes = outcomesOf(row, csat);
    const criteria = keysOf(row[2]);
    const parts = packed.split(',');
    for (let j = 0; j < criteria.length; j += 1) {
      const part = parts[j];
      const criterion = criteria[j] as CriterionKey;
      if (part === undefined || part === '' || part === 'n') continue;
      tallies.add(criterion, Number(part) >= criterion.passMinimum, outcomes);
    }
  }
  tallyFromAnswers(ctx, unpacked, keysOf, definitionOf, tallies, csat);
  return {
    from: input.from,
    to: input.to,
    interactions: latest.size,
    minReviews: settings.minReviews,
    criteria: validityFromTallies(tallies.list(), settings.minReviews),
  };
}

/** Reviews whose packed ratings were cleared: read their answer rows instead. */
function tallyFromAnswers(
  ctx: BackendContext,
  rows: Row[],
  keysOf: (versionId: string) => CriterionKey[],
  definitionOf: (versionId: string) => ReviewFormDefinition,
  tallies: ValidityTallies,
  csat: KpiSettings['csat'],
): void {
  if (rows.length === 0) return;
  const asReviews = rows.map((row) => ({ id: row[0], formVersionId: row[2], packed: null }) as ReviewRow);
  const answers = answersOf(ctx, asReviews, definitionOf);
  for (const row of rows) {
    const byId = new Map((answers.get(row[0]) ?? []).map((a) => [a.criterionId, a]));
    const outcomes = outcomesOf(row, csat);
    for (const criterion of keysOf(row[2])) {
      const answer = byId.get(criterion.id);
      if (!answer || answer.notApplicable || answer.rating === null) continue;
      tallies.add(criterion, answer.rating >= criterion.passMinimum, outcomes);
    }
  }
}
