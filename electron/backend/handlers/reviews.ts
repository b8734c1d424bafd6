import { audited } from '../core/audit';
import { amendReview } from '../reviews/amend';
import { getReviewContext } from '../reviews/context';
import { listDisputes } from '../reviews/disputeViews';
import { openDispute, resolveDispute } from '../reviews/disputes';
import { exportForm, getFormVersion, importForm, listForms, saveForm, setArchived } from '../reviews/forms';
import {
  getReviewDetail,
  saveReviewAnswer,
  setReviewComment,
  startReview,
  submitReview,
} from '../reviews/lifecycle';
import { getEvaluatorLeniency, getQaReport } from '../reviews/qaReport';
import { listReviews } from '../reviews/list';
import { getReviewQueue } from '../reviews/queue';
import { getCriterionValidity } from '../reviews/validityReport';
import { previewReviewForm } from '../reviews/whatIf';
import { loadReviewSettings, saveReviewSettings } from '../reviews/settingsStore';
import type { Handlers } from './types';

type ReviewMethods =
  | 'listReviewForms'
  | 'getReviewFormVersion'
  | 'saveReviewForm'
  | 'setReviewFormArchived'
  | 'exportReviewForm'
  | 'importReviewForm'
  | 'previewReviewForm';

export const reviewHandlers: Handlers<ReviewMethods> = {
  listReviewForms: ({ includeArchived }, ctx) => listForms(ctx, includeArchived ?? false),
  getReviewFormVersion: (input, ctx) => getFormVersion(ctx, input),
  saveReviewForm: audited('review_form', (input, ctx, audit) => saveForm(ctx, input, audit)),
  setReviewFormArchived: audited('review_form', (input, ctx, audit) => setArchived(ctx, input, audit)),
  exportReviewForm: ({ versionId }, ctx) => exportForm(ctx, versionId),
  importReviewForm: audited('review_form', ({ json }, ctx, audit) => importForm(ctx, json, audit)),
  previewReviewForm: (input, ctx) => previewReviewForm(ctx, input),
};

type ReviewLifecycleMethods =
  | 'startReview'
  | 'getReview'
  | 'saveReviewAnswer'
  | 'setReviewComment'
  | 'submitReview'
  | 'amendReview'
  | 'getReviewContext'
  | 'listReviews';

export const reviewLifecycleHandlers: Handlers<ReviewLifecycleMethods> = {
  startReview: audited('review', (input, ctx, audit) => startReview(ctx, input, audit)),
  getReview: ({ reviewId }, ctx) => getReviewDetail(ctx, reviewId),
  saveReviewAnswer: audited('review', (input, ctx, audit) => saveReviewAnswer(ctx, input, audit)),
  setReviewComment: audited('review', (input, ctx, audit) => setReviewComment(ctx, input, audit)),
  submitReview: audited('review', ({ reviewId }, ctx, audit) => submitReview(ctx, reviewId, audit)),
  amendReview: audited('review', (input, ctx, audit) => amendReview(ctx, input, audit)),
  getReviewContext: (input, ctx) => getReviewContext(ctx, input),
  listReviews: (input, ctx) => listReviews(ctx, input),
};

export const disputeHandlers: Handlers<'openDispute' | 'resolveDispute' | 'listDisputes'> = {
  openDispute: audited('dispute', (input, ctx, audit) => openDispute(ctx, input, audit)),
  resolveDispute: audited('dispute', (input, ctx, audit) => resolveDispute(ctx, input, audit)),
  listDisputes: (input, ctx) => listDisputes(ctx, input),
};

export const qaHandlers: Handlers<
  | 'getReviewSettings'
  | 'saveReviewSettings'
  | 'getQaReport'
  | 'getCriterionValidity'
  | 'getEvaluatorLeniency'
  | 'getReviewQueue'
> = {
  getReviewSettings: (_input, ctx) => loadReviewSettings(ctx),
  saveReviewSettings: (input, ctx) => ctx.db.transaction(() => saveReviewSettings(ctx, input)),
  getQaReport: (input, ctx) => getQaReport(ctx, input),
  getCriterionValidity: (input, ctx) => getCriterionValidity(ctx, input),
  getEvaluatorLeniency: (input, ctx) => getEvaluatorLeniency(ctx, input),
  getReviewQueue: (input, ctx) => getReviewQueue(ctx, input),
};
