import type { CriterionScale } from '../reviews/form';
import type { CriterionAgreement, Estimate, FormAgreement } from './stats';

/** How a session's statistics were computed, so every figure can say so. */
export interface StatsMethod {
  resamples: number;
  seed: number;
  level: number;
  /** Plain sentences: what the matrices hold, what counts as missing, what the reference is. */
  notes: string[];
}

export interface CriterionStats extends CriterionAgreement {
  criterionId: string;
  label: string;
  sectionLabel: string;
  scale: CriterionScale;
}

export interface EvaluatorDeviationRow {
  evaluator: string;
  isExpert: boolean;
  /** Ratings compared with the reference (both present). */
  n: number;
  /** Mean of (rating − reference) as a share of the criterion's scale; positive = more lenient. */
  meanSigned: number | null;
  meanAbsolute: number | null;
  /** Below the minimum n the deviation is shown with a low-confidence mark. */
  insufficient: boolean;
}

export interface CalibrationStats {
  sessionId: string;
  evaluators: string[];
  interactions: number;
  /** Reviews the statistics rest on: submitted calibration reviews of listed evaluators. */
  reviews: number;
  criteria: CriterionStats[];
  form: FormAgreement;
  /** 'expert' when the session names one, else the panel's consensus (the per-cell mode). */
  reference: 'expert' | 'consensus';
  deviations: EvaluatorDeviationRow[];
  method: StatsMethod;
}

export type TrendDirection = 'converging' | 'diverging' | 'steady' | 'too_few';

export interface AgreementTrend {
  direction: TrendDirection;
  /** One sentence with the figures it rests on. */
  text: string;
}

export interface HistorySession {
  sessionId: string;
  name: string;
  revealedAt: string;
  formVersion: number;
  evaluators: number;
  interactions: number;
  exact: Estimate;
  alpha: Estimate;
  icc: Estimate;
}

export interface CriterionHistory {
  criterionId: string;
  label: string;
  scale: CriterionScale;
  /** One point per session that rated the criterion; alpha is the figure the trend follows. */
  points: Array<{ sessionId: string; alpha: Estimate; ac: Estimate; exact: Estimate }>;
  trend: AgreementTrend;
}

export interface EvaluatorDrift {
  evaluator: string;
  points: Array<{
    sessionId: string;
    n: number;
    meanSigned: number | null;
    meanAbsolute: number | null;
    insufficient: boolean;
  }>;
}

export interface CalibrationHistory {
  formId: string | null;
  formName: string | null;
  /** Forms with revealed sessions, to choose from. */
  forms: Array<{ id: string; name: string; sessions: number }>;
  sessions: HistorySession[];
  formTrend: AgreementTrend;
  criteria: CriterionHistory[];
  drift: EvaluatorDrift[];
  method: StatsMethod;
}
