import { consensus as panelConsensus } from './stats';

/**
 * How far a session's evaluators agree on one cell (one criterion of one interaction), as the
 * reveal shows it. Unlike the statistics, N/A is an answer here: "two said N/A, one said 4" is
 * exactly what the discussion is about.
 */
export interface CellAnswer {
  rating: number | null;
  notApplicable: boolean;
}

export interface CellAgreement {
  /** Answers given (ratings and N/A). */
  answers: number;
  /** Highest minus lowest rating; null with fewer than two ratings. */
  spread: number | null;
  /** Evaluators who gave the most common answer. */
  modalCount: number;
  /** 1 − modalCount ÷ answers; 0 when everyone agrees or nobody answered. */
  disagreement: number;
  /**
   * The expert's answer when the expert answered, else the most common answer; a tie between
   * ratings goes to the tied rating nearest the median (as the statistics' consensus does), an
   * even split or a tie with N/A has none.
   */
  consensus: (CellAnswer & { source: 'expert' | 'mode' }) | null;
  /** Two or more different answers share the top count (even when the median settles it). */
  tie: boolean;
}

const keyOf = (a: CellAnswer) => (a.notApplicable ? 'na' : String(a.rating));
const answerOf = (key: string): CellAnswer =>
  key === 'na' ? { rating: null, notApplicable: true } : { rating: Number(key), notApplicable: false };

function modeAnswer(modes: string[], ratings: number[]): (CellAnswer & { source: 'mode' }) | null {
  if (modes.length === 1 && modes[0] !== undefined) return { ...answerOf(modes[0]), source: 'mode' };
  if (modes.length === 0 || modes.includes('na')) return null;
  const [settled] = panelConsensus(ratings.map((r) => [r]));
  return settled === null || settled === undefined
    ? null
    : { rating: settled, notApplicable: false, source: 'mode' };
}

/**
 * `answers` holds one entry per evaluator, null when that evaluator gave none; `expert` is the
 * index of the expert's entry, if the session has one.
 */
export function cellAgreement(
  answers: ReadonlyArray<CellAnswer | null>,
  expert: number | null,
): CellAgreement {
  const given = answers.filter((a): a is CellAnswer => a !== null && (a.notApplicable || a.rating !== null));
  const counts = new Map<string, number>();
  for (const a of given) counts.set(keyOf(a), (counts.get(keyOf(a)) ?? 0) + 1);
  const modalCount = Math.max(0, ...counts.values());
  const modes = [...counts.entries()].filter(([, n]) => n === modalCount).map(([k]) => k);
  const ratings = given.filter((a) => !a.notApplicable).map((a) => a.rating as number);
  const spread = ratings.length < 2 ? null : Math.max(...ratings) - Math.min(...ratings);
  const tie = modes.length > 1;
  const expertAnswer = expert === null ? null : (answers[expert] ?? null);
  const expertGiven = expertAnswer !== null && (expertAnswer.notApplicable || expertAnswer.rating !== null);
  const consensus = expertGiven ? { ...expertAnswer, source: 'expert' as const } : modeAnswer(modes, ratings);
  return {
    answers: given.length,
    spread,
    modalCount,
    disagreement: given.length === 0 ? 0 : 1 - modalCount / given.length,
    consensus,
    tie,
  };
}

/** A criterion's disagreement: the mean over its cells with two or more answers (0 when none). */
export function criterionDisagreement(
  cells: ReadonlyArray<Pick<CellAgreement, 'answers' | 'disagreement'>>,
): number {
  const compared = cells.filter((c) => c.answers >= 2);
  if (compared.length === 0) return 0;
  return compared.reduce((sum, c) => sum + c.disagreement, 0) / compared.length;
}

/**
 * Order for the discussion: most disagreement first; then the wider spread as a share of the scale;
 * then the form's own order (`index`), so equal criteria keep their familiar sequence.
 */
export function byDisagreement<T extends { disagreement: number; relativeSpread: number; index: number }>(
  a: T,
  b: T,
): number {
  return b.disagreement - a.disagreement || b.relativeSpread - a.relativeSpread || a.index - b.index;
}
