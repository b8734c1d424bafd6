import { useState } from 'react';
import type { MethodOutput } from '../../../../../shared/ipc/contract';
import type { ReviewFormDefinition } from '../../../../../shared/reviews/form';
import { cleanDefinition } from '../../../../../shared/reviews/formEdit';
import { call } from '../../../lib/api';
import { formatDate, plural } from '../../../lib/format';
import { useFormEditor } from './editorStore';
import { describeChange, formatScore } from './wording';

type Preview = MethodOutput<'previewReviewForm'>;
const DAYS = 90;

/**
 * What-if before publishing: the draft rescores this form's reviews of the last 90 days. The
 * result belongs to the draft it was asked for; once the draft moves on, it says so.
 */
export function ImpactPanel({ formId }: { formId: string | null }) {
  const draftKey = useFormEditor((s) => JSON.stringify(cleanDefinition(s.draft)));
  const [preview, setPreview] = useState<{
    result: Preview;
    key: string;
    draft: ReviewFormDefinition;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async () => {
    const state = useFormEditor.getState();
    setError(null);
    if (Object.keys(state.errors).length > 0) {
      state.revealErrors();
      setError(
        'Fix the problems marked in the form first: the preview scores the draft as it would be saved.',
      );
      return;
    }
    if (!formId) return;
    const definition = cleanDefinition(state.draft);
    setRunning(true);
    try {
      const result = await call('previewReviewForm', { formId, definition, days: DAYS });
      setPreview({ result, key: JSON.stringify(definition), draft: definition });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  const stale = preview !== null && preview.key !== draftKey;

  return (
    <section className="panel fe-impact" aria-labelledby="fe-impact-heading">
      <div className="panel-header">
        <h2 id="fe-impact-heading">Preview impact</h2>
      </div>
      {formId === null ? (
        <p className="muted">A new form has no reviews yet, so there is nothing to preview.</p>
      ) : (
        <>
          <p className="muted">
            How the scores of this form&apos;s reviews of the last {DAYS} days would change under this draft.
            Nothing is saved.
          </p>
          <button type="button" className="secondary" disabled={running} onClick={() => void run()}>
            {running ? 'Scoring…' : preview ? 'Preview again' : 'Preview impact'}
          </button>
        </>
      )}
      <div aria-live="polite" className="fe-impact-result">
        {error && <p className="error">{error}</p>}
        {stale && !error && (
          <p className="fe-stale">
            The draft has changed since this preview: preview again to see its impact.
          </p>
        )}
        {preview && <ImpactResult result={preview.result} draft={preview.draft} />}
      </div>
    </section>
  );
}

function ImpactResult({ result, draft }: { result: Preview; draft: ReviewFormDefinition }) {
  if (result.n === 0)
    return (
      <p>No scored review of this form since {formatDate(result.since)}, so there is nothing to compare.</p>
    );
  const passes = result.crossings.filter((c) => c.direction === 'now_passes').length;
  const fails = result.crossings.length - passes;
  const labels = new Map(draft.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.label])));
  return (
    <>
      <dl className="fe-impact-facts">
        <div>
          <dt>Reviews compared</dt>
          <dd>
            n = {result.n}, since {formatDate(result.since)}
          </dd>
        </div>
        <div>
          <dt>Mean score</dt>
          <dd>
            {formatScore(result.before.mean)} now → {formatScore(result.after.mean)} with this draft
          </dd>
        </div>
        <div>
          <dt>Mean change</dt>
          <dd data-testid="impact-change">{describeChange(result.change)}</dd>
        </div>
        <div>
          <dt>Cross the pass line ({result.passScore})</dt>
          <dd data-testid="impact-crossings">
            {plural(result.crossings.length, 'review')}: {passes} now pass, {fails} now fail
          </dd>
        </div>
        <div>
          <dt>Critical verdict changes</dt>
          <dd>{plural(result.criticalChanges, 'review')}</dd>
        </div>
      </dl>
      {result.unratedCriteria.length > 0 && (
        <p className="muted">
          No past review rated {result.unratedCriteria.map((id) => `"${labels.get(id) ?? id}"`).join(', ')}:
          these scores leave {result.unratedCriteria.length === 1 ? 'it' : 'them'} out.
        </p>
      )}
      {result.crossings.length > 0 && <CrossingsTable crossings={result.crossings} />}
    </>
  );
}

function CrossingsTable({ crossings }: { crossings: Preview['crossings'] }) {
  return (
    // Focusable so keyboard users can scroll a long list.
    <div className="fe-crossings" tabIndex={0} role="region" aria-label="Reviews that cross the pass line">
      <table className="data">
        <caption className="fe-sr-only">Reviews that cross the pass line</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Reviewed</th>
            <th scope="col" className="num">
              Score now → draft
            </th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {crossings.map((c) => (
            <tr key={c.reviewId}>
              <th scope="row" className="row-head">
                {c.agentName}
              </th>
              <td>{formatDate(c.reviewedAt)}</td>
              <td className="num">
                {formatScore(c.before)} → {formatScore(c.after)}
              </td>
              <td className={c.direction === 'now_passes' ? 'fe-up' : 'fe-down'}>
                {c.direction === 'now_passes' ? 'Now passes' : 'Now fails'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
