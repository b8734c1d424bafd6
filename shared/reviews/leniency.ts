import { meanInterval, type MeanInterval } from './stats';

export interface LeniencyInput {
  evaluator: string;
  agentId: string;
  score: number;
}

export interface EvaluatorLeniencyRow {
  evaluator: string;
  /** This evaluator's scores. */
  own: MeanInterval;
  /** Other evaluators' scores of the agents this evaluator reviewed. */
  others: MeanInterval;
  /** Agents reviewed both by this evaluator and by someone else: the comparison rests on them. */
  sharedAgents: number;
  /**
   * Mean over shared agents of (own mean − others' mean) for that agent, in score points, with a
   * 95% t-interval across agents: positive = more lenient. Comparing within each agent keeps an
   * evaluator who happens to review the strong agents from looking lenient.
   */
  difference: MeanInterval;
  /** Fewer own reviews than the minimum, or fewer than two shared agents: not judged. */
  tooFew: boolean;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

export function evaluatorLeniency(
  reviews: readonly LeniencyInput[],
  minReviews: number,
): EvaluatorLeniencyRow[] {
  // evaluator → agent → scores
  const byEvaluator = new Map<string, Map<string, number[]>>();
  for (const r of reviews) {
    const agents = byEvaluator.get(r.evaluator) ?? new Map<string, number[]>();
    const scores = agents.get(r.agentId) ?? [];
    scores.push(r.score);
    agents.set(r.agentId, scores);
    byEvaluator.set(r.evaluator, agents);
  }
  const rows: EvaluatorLeniencyRow[] = [];
  for (const [evaluator, agents] of byEvaluator) {
    const own: number[] = [];
    const others: number[] = [];
    const differences: number[] = [];
    for (const [agentId, scores] of agents) {
      own.push(...scores);
      const theirs = [...byEvaluator]
        .filter(([other]) => other !== evaluator)
        .flatMap(([, otherAgents]) => otherAgents.get(agentId) ?? []);
      if (theirs.length === 0) continue;
      others.push(...theirs);
      differences.push(mean(scores) - mean(theirs));
    }
    const difference = meanInterval(differences);
    rows.push({
      evaluator,
      own: meanInterval(own, { min: 0, max: 100 }),
      others: meanInterval(others, { min: 0, max: 100 }),
      sharedAgents: differences.length,
      difference,
      tooFew: own.length < minReviews || differences.length < 2,
    });
  }
  return rows.sort((a, b) => a.evaluator.localeCompare(b.evaluator));
}
