import { z } from 'zod';
import type { ReviewFormDefinition } from '../../reviews/form';
import type { FormWhatIf } from '../../reviews/whatIf';
import { method } from '../define';

/** A form and where it stands: forms are archived, never deleted. */
export interface ReviewFormSummary {
  id: string;
  name: string;
  archived: boolean;
  createdAt: string;
  latestVersion: ReviewFormVersionSummary;
  versionCount: number;
}

export interface ReviewFormVersionSummary {
  id: string;
  version: number;
  createdAt: string;
  /** Reviews scored on this version; a used version is frozen and an edit makes a new one. */
  reviewCount: number;
}

export interface ReviewFormVersion extends ReviewFormVersionSummary {
  formId: string;
  archived: boolean;
  definition: ReviewFormDefinition;
}

export interface SavedReviewForm {
  formId: string;
  versionId: string;
  version: number;
  /** `new_form`, `new_version` (the latest was used), or `updated` (the latest was still unused). */
  outcome: 'new_form' | 'new_version' | 'updated';
}

/** File format of an exported form, so an import can tell a form file from any other JSON. */
export const REVIEW_FORM_FILE_FORMAT = 'agent-scorecard/review-form';

const id = z.string().min(1).max(100);

export const reviewsContract = {
  listReviewForms: method<ReviewFormSummary[]>()(
    z.object({ includeArchived: z.boolean().optional() }).strict(),
  ),
  getReviewFormVersion: method<ReviewFormVersion>()(
    z
      .object({ versionId: id.optional(), formId: id.optional() })
      .strict()
      .refine((v) => (v.versionId === undefined) !== (v.formId === undefined), {
        message: 'give either versionId or formId (its latest version)',
      }),
  ),
  /**
   * Saves a definition: a new form without formId; otherwise a new version when the latest one
   * has been used by a review, else the unused latest version is updated in place. The definition
   * is validated in the backend with plain-word errors, so it passes through here as unknown.
   */
  saveReviewForm: method<SavedReviewForm>()(
    z.object({ formId: id.optional(), definition: z.unknown() }).strict(),
  ),
  setReviewFormArchived: method<ReviewFormSummary>()(
    z.object({ formId: id, archived: z.boolean() }).strict(),
  ),
  exportReviewForm: method<{ fileName: string; json: string }>()(z.object({ versionId: id }).strict()),
  /** Imports a form file (as exported) as a new form. */
  importReviewForm: method<SavedReviewForm>()(z.object({ json: z.string().max(5_000_000) }).strict()),
  /**
   * What-if before publishing: how the scores of the form's reviews of the last `days` days would
   * change under a draft definition (mean change, reviews crossing the pass line). Writes nothing.
   */
  previewReviewForm: method<FormWhatIf & { days: number; since: string }>()(
    z
      .object({ formId: id, definition: z.unknown(), days: z.number().int().min(1).max(730).default(90) })
      .strict(),
  ),
};
