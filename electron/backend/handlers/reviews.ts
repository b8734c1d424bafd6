import { audited } from '../core/audit';
import { exportForm, getFormVersion, importForm, listForms, saveForm, setArchived } from '../reviews/forms';
import type { Handlers } from './types';

type ReviewMethods =
  | 'listReviewForms'
  | 'getReviewFormVersion'
  | 'saveReviewForm'
  | 'setReviewFormArchived'
  | 'exportReviewForm'
  | 'importReviewForm';

export const reviewHandlers: Handlers<ReviewMethods> = {
  listReviewForms: ({ includeArchived }, ctx) => listForms(ctx, includeArchived ?? false),
  getReviewFormVersion: (input, ctx) => getFormVersion(ctx, input),
  saveReviewForm: audited('review_form', (input, ctx, audit) => saveForm(ctx, input, audit)),
  setReviewFormArchived: audited('review_form', (input, ctx, audit) => setArchived(ctx, input, audit)),
  exportReviewForm: ({ versionId }, ctx) => exportForm(ctx, versionId),
  importReviewForm: audited('review_form', ({ json }, ctx, audit) => importForm(ctx, json, audit)),
};
