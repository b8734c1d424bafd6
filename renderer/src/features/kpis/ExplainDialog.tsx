import { useEffect, useId, useRef } from 'react';
import type { KpiDefinitionDto, KpiExplanation } from '../../../../shared/ipc/contracts/kpi';
import { call } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { lowConfidenceReason } from './evidence';
import {
  countsSentence,
  explainInput,
  explanationHeadline,
  formatAmount,
  type ExplainTarget,
} from './explain';

/** The small "?" on a tile, or the worded button on a scorecard card; both open the dialog. */
export function ExplainButton({
  label,
  compact = false,
  onClick,
}: {
  label: string;
  compact?: boolean;
  onClick(): void;
}) {
  if (compact)
    return (
      <button
        type="button"
        className="explain-button compact"
        aria-label={`How is this computed? (${label})`}
        title="How is this computed?"
        onClick={onClick}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path
            d="M6 6.2a2 2 0 1 1 2.6 1.9c-.4.2-.6.5-.6.9v.6"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
          <circle cx="8" cy="11.7" r="0.9" fill="currentColor" />
        </svg>
      </button>
    );
  return (
    <button type="button" className="explain-button" onClick={onClick}>
      How is this computed?<span className="kpi-sr"> ({label})</span>
    </button>
  );
}

function Counts({ x }: { x: KpiExplanation }) {
  const rows: Array<[string, string]> = [[`In scope`, `${formatCount(x.scope.count)} ${x.scope.label}`]];
  if (x.numerator)
    rows.push(['Counted as the numerator', `${formatAmount(x.numerator.count)} ${x.numerator.label}`]);
  if (x.denominator)
    rows.push(['Counted as the denominator', `${formatAmount(x.denominator.count)} ${x.denominator.label}`]);
  for (const e of x.excluded) rows.push(['Not counted', `${formatCount(e.count)} ${e.label}`]);
  if (x.retention) {
    rows.push(['Customers at start', formatCount(x.retention.atStart)]);
    rows.push(['Customers at end', formatCount(x.retention.atEnd)]);
    rows.push(['New customers in the period', formatCount(x.retention.fresh)]);
  }
  return (
    <dl className="explain-counts">
      {rows.map(([term, value], i) => (
        <div key={i}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Body({ x, def, minN }: { x: KpiExplanation; def: KpiDefinitionDto; minN: number | null }) {
  const low = lowConfidenceReason(x.evidence, minN);
  return (
    <>
      <p className={x.measurable ? 'explain-headline' : 'explain-headline unmeasurable'}>
        {explanationHeadline(x, def)}
      </p>
      {low && <p className="explain-low">Low confidence: {low}. Read it as a hint, not a verdict.</p>}
      <h3>Formula</h3>
      <p className="explain-formula">{x.formula}</p>
      <h3>What is counted</h3>
      <p className="explain-sentence">{countsSentence(x)}</p>
      <Counts x={x} />
      {x.steps.length > 0 && (
        <>
          <h3>Steps</h3>
          <ol className="explain-steps">
            {x.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/**
 * "How is this computed?" for one KPI in one scope: formula, numerator, denominator, what was
 * left out, the steps. A native modal <dialog> keeps focus inside and closes on Escape; focus
 * goes back to the button that opened it.
 */
export function ExplainDialog({
  target,
  def,
  minN,
  onClose,
}: {
  target: ExplainTarget;
  def: KpiDefinitionDto;
  minN: number | null;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const input = explainInput(target);
  const { data, loading, error } = useLoad(JSON.stringify(input), () => call('explainKpi', input));
  const x = data && data.kpiId === target.kpiId ? data : null;

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="explain-dialog"
      aria-labelledby={titleId}
      // Escape: the parent unmounts the dialog; a 'close' listener would also fire on that unmount.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="explain-head">
        <h2 id={titleId}>How {def.label} is computed</h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="muted explain-scope">
        {target.scopeLabel} · {target.from} – {target.to}
      </p>
      {error && (
        <p className="error" role="alert">
          Could not explain {def.label}: {error}
        </p>
      )}
      {!x && !error && (
        <p className="muted" role="status">
          {loading ? 'Loading…' : ''}
        </p>
      )}
      {x && <Body x={x} def={def} minN={minN} />}
    </dialog>
  );
}
