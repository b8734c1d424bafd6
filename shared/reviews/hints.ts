import type { ReviewCriterion, ReviewFormDefinition } from './form';

/** The interaction facts hints read; every field may be missing from an export. */
export interface HintFacts {
  channel: string;
  holdSeconds: number | null;
  crossSellEligible: boolean | null;
  crossSellOffered: boolean | null;
  crossSellConverted: boolean | null;
  sentiment: -1 | 0 | 1 | null;
  repeatContact: boolean | null;
  isComplaint: boolean | null;
  complaintCategory: string | null;
  escalated: boolean | null;
  escalationLevel: string | null;
  csat: number | null;
  csatScale: number | null;
  resolved: boolean | null;
}

export type HintKind =
  | 'long_hold'
  | 'cross_sell_missed'
  | 'cross_sell_offered'
  | 'negative_sentiment'
  | 'repeat_contact'
  | 'complaint'
  | 'low_csat'
  | 'unresolved';

/**
 * A fact from the data shown beside the criteria it concerns. It carries no rating on purpose:
 * the evaluator judges the recording, and a preset would anchor them on the data.
 */
export interface ReviewHint {
  kind: HintKind;
  text: string;
  /** Criteria of the form the fact bears on (by the default form's ids, else by label); may be empty. */
  criterionIds: string[];
  tone: 'warning' | 'info';
}

/** DOMAIN.md: "a minute on hold already feels long". */
export const LONG_HOLD_SECONDS = 60;

/** "45s", "3m 10s", "4m 02s", "1h 05m": short enough to sit beside a criterion. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** A rating at or below this share of its scale counts as low (1–2 of 5, 1–4 of 10). */
export function isLowCsat(csat: number | null, scale: number | null): boolean {
  if (csat === null || !Number.isFinite(csat)) return false;
  return scale === 10 ? csat <= 4 : csat <= 2;
}

/** Where each kind of fact belongs: the default form's criteria, else criteria whose label matches. */
const TARGETS: Record<HintKind, { ids: string[]; label: RegExp }> = {
  long_hold: { ids: ['res_holds'], label: /\bhold|transfer/i },
  cross_sell_missed: { ids: ['cross_sell_offer'], label: /cross|sell|offer/i },
  cross_sell_offered: { ids: ['cross_sell_offer', 'cross_sell_no'], label: /cross|sell|offer/i },
  negative_sentiment: { ids: ['prof_empathy', 'closing_satisfied'], label: /empath|feeling|satisf/i },
  repeat_contact: { ids: ['res_ownership', 'knowledge_diagnosis'], label: /owner|diagnos|root cause/i },
  complaint: { ids: ['prof_courtesy', 'prof_empathy'], label: /courte|respect|empath/i },
  low_csat: { ids: ['closing_satisfied'], label: /satisf/i },
  unresolved: { ids: ['res_ownership', 'res_confirm'], label: /owner|resolv|fix/i },
};

function targetsOf(kind: HintKind, criteria: ReviewCriterion[]): string[] {
  const target = TARGETS[kind];
  const byId = criteria.filter((c) => target.ids.includes(c.id));
  const matched = byId.length > 0 ? byId : criteria.filter((c) => target.label.test(c.label));
  return matched.map((c) => c.id);
}

function complaintText(facts: HintFacts): string | null {
  const category = facts.complaintCategory?.trim();
  const complaint = facts.isComplaint ? (category ? `complaint (${category})` : 'complaint') : null;
  const level = facts.escalationLevel?.trim();
  const escalated = facts.escalated ? (level ? `escalated (${level})` : 'escalated') : null;
  const parts = [complaint, escalated].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The facts worth a look for this interaction, in a fixed order. */
export function reviewHints(facts: HintFacts, definition: ReviewFormDefinition): ReviewHint[] {
  const criteria = definition.sections.flatMap((s) => s.criteria);
  const hints: Array<Omit<ReviewHint, 'criterionIds'>> = [];
  if (facts.holdSeconds !== null && facts.holdSeconds > LONG_HOLD_SECONDS)
    hints.push({ kind: 'long_hold', text: `hold ${formatDuration(facts.holdSeconds)}`, tone: 'warning' });
  if (facts.crossSellEligible === true && facts.crossSellOffered === false)
    hints.push({ kind: 'cross_sell_missed', text: 'cross-sell eligible, no offer', tone: 'warning' });
  if (facts.crossSellOffered === true)
    hints.push({
      kind: 'cross_sell_offered',
      text: facts.crossSellConverted === true ? 'cross-sell offered, accepted' : 'cross-sell offered',
      tone: 'info',
    });
  if (facts.sentiment === -1)
    hints.push({ kind: 'negative_sentiment', text: 'negative sentiment', tone: 'warning' });
  if (facts.repeatContact === true)
    hints.push({ kind: 'repeat_contact', text: 'repeat contact', tone: 'warning' });
  const complaint = complaintText(facts);
  if (complaint !== null) hints.push({ kind: 'complaint', text: complaint, tone: 'warning' });
  if (isLowCsat(facts.csat, facts.csatScale))
    hints.push({
      kind: 'low_csat',
      text: `CSAT ${facts.csat} of ${facts.csatScale ?? 5}`,
      tone: 'warning',
    });
  if (facts.resolved === false) hints.push({ kind: 'unresolved', text: 'not resolved', tone: 'info' });
  return hints.map((hint) => ({ ...hint, criterionIds: targetsOf(hint.kind, criteria) }));
}
