import { z } from 'zod';

/**
 * How a criterion is rated. Ratings are stored as numbers:
 * - `yes_no_na`: 1 = yes, 0 = no (N/A is the separate `notApplicable` flag);
 * - `1-5`: 1..5, earning `rating` of 5 points;
 * - `points`: 0..maxPoints.
 */
export const CRITERION_SCALES = ['yes_no_na', '1-5', 'points'] as const;
export type CriterionScale = (typeof CRITERION_SCALES)[number];

export interface ReviewCriterion {
  /** Stable across form versions so answers and calibration can be compared between versions. */
  id: string;
  label: string;
  description?: string;
  scale: CriterionScale;
  /** Only for `points`: the most a criterion can earn. */
  maxPoints?: number;
  /** Relative weight within the whole form (not only its section). */
  weight: number;
  /** Failing a critical criterion fails the whole review, whatever the score. */
  critical?: boolean;
  /**
   * Lowest rating that counts as a pass for a critical criterion. Defaults: yes (1) for yes/no,
   * 3 for 1–5, 1 for points.
   */
  passMinimum?: number;
  /** Whether the evaluator may answer N/A (e.g. no cross-selling opportunity). */
  allowNa?: boolean;
  /** Behaviour anchors keyed by the rating as text ("1".."5", "0"/"1" for no/yes) and "na". */
  anchors: Record<string, string>;
}

export interface ReviewSection {
  id: string;
  label: string;
  description?: string;
  criteria: ReviewCriterion[];
}

/**
 * What a failed critical criterion does to the score: `mark_failed` keeps the earned score (so
 * coaching sees the rest of the picture) and marks the review failed; `zero_score` sets it to 0.
 */
export const CRITICAL_FAILURE_MODES = ['mark_failed', 'zero_score'] as const;
export type CriticalFailureMode = (typeof CRITICAL_FAILURE_MODES)[number];

export interface ReviewFormDefinition {
  name: string;
  description?: string;
  /** Default `mark_failed`. */
  criticalFailure?: CriticalFailureMode;
  sections: ReviewSection[];
}

/** One answer as stored in `review_answers`. */
export interface ReviewAnswer {
  criterionId: string;
  /** Null while unanswered or when not applicable. */
  rating: number | null;
  notApplicable: boolean;
  comment?: string | null;
}

/** The ratings an evaluator can choose for a criterion, lowest first (N/A not included). */
export function ratingValues(criterion: Pick<ReviewCriterion, 'scale' | 'maxPoints'>): number[] {
  switch (criterion.scale) {
    case 'yes_no_na':
      return [0, 1];
    case '1-5':
      return [1, 2, 3, 4, 5];
    case 'points':
      return Array.from({ length: (criterion.maxPoints ?? 1) + 1 }, (_, i) => i);
  }
}

/** Points a criterion is worth at most (the denominator of its share). */
export function maxPointsOf(criterion: ReviewCriterion): number {
  switch (criterion.scale) {
    case 'yes_no_na':
      return 1;
    case '1-5':
      return 5;
    case 'points':
      return Math.max(1, criterion.maxPoints ?? 1);
  }
}

export function passMinimumOf(criterion: ReviewCriterion): number {
  if (criterion.passMinimum !== undefined) return criterion.passMinimum;
  return criterion.scale === '1-5' ? 3 : 1;
}

const criterionSchema = z
  .object({
    id: z.string().min(1).max(80),
    label: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    scale: z.enum(CRITERION_SCALES),
    maxPoints: z.number().int().min(1).max(100).optional(),
    weight: z.number().min(0).max(1000),
    critical: z.boolean().optional(),
    passMinimum: z.number().min(0).optional(),
    allowNa: z.boolean().optional(),
    anchors: z.record(z.string().max(2000)),
  })
  .strict()
  .refine((c) => c.scale !== 'points' || c.maxPoints !== undefined, {
    message: 'A points criterion needs maxPoints',
    path: ['maxPoints'],
  });

/** Validates a definition before it is saved as a new form version. */
export const reviewFormDefinitionSchema = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    criticalFailure: z.enum(CRITICAL_FAILURE_MODES).optional(),
    sections: z
      .array(
        z
          .object({
            id: z.string().min(1).max(80),
            label: z.string().min(1).max(200),
            description: z.string().max(2000).optional(),
            criteria: z.array(criterionSchema).min(1, 'a section needs at least one criterion'),
          })
          .strict(),
      )
      .min(1, 'a form needs at least one section'),
  })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    for (const section of form.sections) {
      for (const criterion of section.criteria) {
        if (seen.has(criterion.id)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Duplicate criterion id "${criterion.id}"` });
        }
        seen.add(criterion.id);
      }
    }
  });

const five = (a1: string, a2: string, a3: string, a4: string, a5: string): Record<string, string> => ({
  '1': a1,
  '2': a2,
  '3': a3,
  '4': a4,
  '5': a5,
});

const yesNo = (yes: string, no: string, na?: string): Record<string, string> =>
  na === undefined ? { '1': yes, '0': no } : { '1': yes, '0': no, na };

/** The form a new data file starts with (DOMAIN.md "Default form"); leads edit it into new versions. */
export const DEFAULT_REVIEW_FORM: ReviewFormDefinition = {
  name: 'Standard interaction review',
  description: 'Default QA form for calls, chats and emails. Critical criteria fail the review on their own.',
  sections: [
    {
      id: 'greeting',
      label: 'Greeting',
      description: 'The first seconds set the tone of the whole contact.',
      criteria: [
        {
          id: 'greeting_intro',
          label: 'Introduces the company and themself',
          description:
            'Names the company and their own name, speaks clearly, no unpleasant opening or dead air.',
          scale: 'yes_no_na',
          weight: 1,
          anchors: yesNo(
            'Company and own name given clearly within the first seconds, no dead air.',
            'Missing company or name, mumbled, or the customer waited in silence.',
          ),
        },
        {
          id: 'greeting_valued',
          label: 'Makes the customer feel valued, tone fits the brand',
          description: 'Warm and attentive; neither too formal nor too casual.',
          scale: '1-5',
          weight: 1,
          anchors: five(
            'Cold, rushed or rude opening; customer made to feel a nuisance.',
            'Flat, scripted tone; too stiff or too familiar for the brand.',
            'Polite and correct, but little warmth.',
            'Friendly and attentive, tone fits the brand.',
            'Customer clearly feels welcome; natural, warm tone that fits the brand perfectly.',
          ),
        },
      ],
    },
    {
      id: 'knowledge',
      label: 'Knowledge',
      description: 'Accurate, working knowledge of products and services.',
      criteria: [
        {
          id: 'knowledge_accuracy',
          label: 'Gives correct information',
          description: 'Never leaves the customer with a wrong answer. Critical.',
          scale: 'yes_no_na',
          weight: 3,
          critical: true,
          anchors: yesNo(
            'All information given was correct and complete.',
            'The customer left with a wrong or misleading answer.',
          ),
        },
        {
          id: 'knowledge_diagnosis',
          label: 'Diagnoses the real problem',
          description: 'Asks the right questions and uses the knowledge base where needed.',
          scale: '1-5',
          weight: 2,
          anchors: five(
            'Did not find out what the customer needed.',
            'Guessed at the problem; several false starts.',
            'Found the problem after some detours; used the knowledge base only when stuck.',
            'Targeted questions, found the real problem quickly.',
            'Identified the root cause and a related issue the customer had not mentioned.',
          ),
        },
        {
          id: 'knowledge_explanation',
          label: 'Explains clearly',
          scale: '1-5',
          weight: 1,
          anchors: five(
            'Explanation confused the customer or was jargon only.',
            'Hard to follow; customer had to ask several times.',
            'Understandable with some jargon or repetition.',
            'Clear, plain-language explanation.',
            'Clear, concise and checked the customer understood.',
          ),
        },
      ],
    },
    {
      id: 'cross_selling',
      label: 'Cross-selling',
      description: 'Only where an opportunity exists; otherwise N/A.',
      criteria: [
        {
          id: 'cross_sell_offer',
          label: 'Spots the opportunity and offers something relevant',
          description: 'The offer fits the customer’s need; upsells count too.',
          scale: '1-5',
          weight: 1,
          allowNa: true,
          anchors: {
            ...five(
              'Clear opportunity missed entirely.',
              'Generic pitch unrelated to the customer’s need.',
              'Relevant offer, but mechanical or badly timed.',
              'Relevant offer at a good moment.',
              'Natural, need-based recommendation the customer appreciated.',
            ),
            na: 'No sensible opportunity in this contact.',
          },
        },
        {
          id: 'cross_sell_no',
          label: 'Handles a “no” gracefully and records the outcome',
          scale: 'yes_no_na',
          weight: 1,
          allowNa: true,
          anchors: yesNo(
            'Accepted the answer without pressure and logged the outcome.',
            'Pushed after a no, or did not record the outcome.',
            'No offer was made.',
          ),
        },
      ],
    },
    {
      id: 'professionalism',
      label: 'Professionalism and empathy',
      criteria: [
        {
          id: 'prof_courtesy',
          label: 'Courteous and respectful',
          description: 'Also with a difficult or abusive customer. Critical.',
          scale: 'yes_no_na',
          weight: 2,
          critical: true,
          anchors: yesNo(
            'Respectful throughout, stayed calm under pressure.',
            'Rude, sarcastic, argued with or blamed the customer.',
          ),
        },
        {
          id: 'prof_listening',
          label: 'Listens actively',
          scale: '1-5',
          weight: 1,
          anchors: five(
            'Interrupted repeatedly, ignored what the customer said.',
            'Customer had to repeat themself.',
            'Listened, little paraphrasing.',
            'Let the customer finish and summarised the concern.',
            'Picked up unspoken needs; the customer felt fully heard.',
          ),
        },
        {
          id: 'prof_empathy',
          label: 'Acknowledges feelings',
          scale: '1-5',
          weight: 1,
          anchors: five(
            'Dismissed the customer’s frustration.',
            'Scripted apology only.',
            'Acknowledged feelings once.',
            'Genuine empathy at the right moments.',
            'Turned a frustrated customer around through empathy.',
          ),
        },
      ],
    },
    {
      id: 'resolution',
      label: 'Resolution and ownership',
      criteria: [
        {
          id: 'res_ownership',
          label: 'Takes initiative to solve the problem',
          scale: '1-5',
          weight: 2,
          anchors: five(
            'Passed the problem on without trying.',
            'Did the minimum, customer had to push.',
            'Solved the problem as asked.',
            'Owned the problem end to end.',
            'Owned it and prevented the next contact (proactive follow-up).',
          ),
        },
        {
          id: 'res_holds',
          label: 'Avoids needless holds and transfers',
          description: 'A minute on hold already feels long. 2 = none needless, 1 = one, 0 = several.',
          scale: 'points',
          maxPoints: 2,
          weight: 1,
          allowNa: true,
          anchors: {
            '0': 'Several needless holds or transfers, or a hold over two minutes without checking back.',
            '1': 'One hold or transfer that could have been avoided.',
            '2': 'No needless hold or transfer; any hold was announced and short.',
            na: 'Written channel, no holds possible.',
          },
        },
        {
          id: 'res_confirm',
          label: 'Confirms the fix',
          scale: 'yes_no_na',
          weight: 1,
          allowNa: true,
          anchors: yesNo(
            'Checked with the customer that the issue is solved.',
            'Assumed the issue was solved.',
            'Issue could not be solved in this contact.',
          ),
        },
      ],
    },
    {
      id: 'closing',
      label: 'Closing',
      criteria: [
        {
          id: 'closing_summary',
          label: 'Summarises and sets expectations',
          scale: '1-5',
          weight: 1,
          anchors: five(
            'Ended abruptly, no summary.',
            'Vague about what happens next.',
            'Summary given, next steps partly clear.',
            'Clear summary and next steps with times.',
            'Clear summary, next steps and how to reach us; nothing left open.',
          ),
        },
        {
          id: 'closing_satisfied',
          label: 'Customer ends satisfied',
          description: 'Thanks the agent, no reason to complain.',
          scale: 'yes_no_na',
          weight: 1,
          anchors: yesNo(
            'Customer ended content, often thanking the agent.',
            'Customer ended annoyed or unconvinced.',
          ),
        },
      ],
    },
  ],
};
