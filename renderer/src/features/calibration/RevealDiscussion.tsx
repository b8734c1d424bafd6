import { useState } from 'react';
import type {
  CalibrationReveal,
  RevealCell,
  RevealCriterion,
} from '../../../../shared/ipc/contracts/calibration';
import { formatDateTime } from '../interactions/format';
import { AgreeDialog } from './AgreeDialog';
import { ratingText, SCALE_WORDS } from './format';

const pct = (v: number) => `${Math.round(v * 100)}%`;

function sameAnswer(
  a: { rating: number | null; notApplicable: boolean },
  b: { rating: number | null; notApplicable: boolean },
) {
  return a.notApplicable === b.notApplicable && a.rating === b.rating;
}

function RatingCell({
  criterion,
  cell,
  index,
}: {
  criterion: RevealCriterion;
  cell: RevealCell;
  index: number;
}) {
  const r = cell.ratings[index];
  if (!r) return <td />;
  const differs = r.answered && cell.consensus !== null && !sameAnswer(r, cell.consensus);
  return (
    <td className={`cal-rating${differs ? ' differs' : ''}${r.answered ? '' : ' missing'}`}>
      <span className="cal-chip">{ratingText(criterion.scale, r)}</span>
      {differs && <span className="rw-sr-only"> (differs from the consensus)</span>}
      {!r.answered && <span className="rw-sr-only">not submitted</span>}
      {r.comment && <span className="cal-comment">“{r.comment}”</span>}
    </td>
  );
}

function consensusNote(cell: RevealCell): string {
  if (cell.consensus?.source === 'expert') return 'the expert';
  if (cell.consensus) return cell.tie ? 'tie, median' : 'most common';
  return '';
}

function AgreedCell(props: {
  criterion: RevealCriterion;
  cell: RevealCell;
  editable: boolean;
  onAgree(criterion: RevealCriterion, cell: RevealCell): void;
}) {
  const { criterion, cell } = props;
  const verb = cell.agreed ? 'Change…' : 'Agree…';
  return (
    <td className="cal-agreed">
      {cell.agreed && (
        <>
          <strong>{ratingText(criterion.scale, cell.agreed)}</strong>
          {cell.agreed.note && <span className="cal-comment">{cell.agreed.note}</span>}
          {cell.agreed.anchorFormVersion !== null && (
            <span className="qa-sub">in the anchors of form v{cell.agreed.anchorFormVersion}</span>
          )}
        </>
      )}
      {props.editable && (
        <button
          type="button"
          className="secondary"
          aria-label={`${verb} ${criterion.label} on interaction ${cell.interactionId}`}
          onClick={() => props.onAgree(criterion, cell)}
        >
          {verb}
        </button>
      )}
    </td>
  );
}

interface BlockProps {
  reveal: CalibrationReveal;
  criterion: RevealCriterion;
  editable: boolean;
  onAgree(criterion: RevealCriterion, cell: RevealCell): void;
}

function CellRow({ cell, ...props }: BlockProps & { cell: RevealCell }) {
  const { criterion } = props;
  const i = props.reveal.interactions.find((x) => x.interactionId === cell.interactionId);
  return (
    <tr>
      <th scope="row" className="row-head">
        {i?.agentName ?? '—'}
        <span className="qa-sub">
          #{cell.interactionId} · {formatDateTime(i?.startedAt)}
        </span>
      </th>
      {cell.ratings.map((_, index) => (
        <RatingCell key={index} criterion={criterion} cell={cell} index={index} />
      ))}
      <td className="num">
        {cell.spread ?? '—'}
        <span className="qa-sub">
          {cell.modalCount} of {cell.answers} agree
        </span>
      </td>
      <td>
        {cell.consensus ? ratingText(criterion.scale, cell.consensus) : cell.tie ? 'tie' : '—'}
        <span className="qa-sub">{consensusNote(cell)}</span>
      </td>
      <AgreedCell criterion={criterion} cell={cell} editable={props.editable} onAgree={props.onAgree} />
    </tr>
  );
}

function CriterionBlock(props: BlockProps) {
  const { reveal, criterion } = props;
  const split = criterion.cells.filter((c) => c.disagreement > 0).length;
  const titleId = `cal-crit-${criterion.criterionId}`;
  return (
    <section className="panel cal-criterion" aria-labelledby={titleId} data-criterion={criterion.criterionId}>
      <div className="panel-header">
        <h3 id={titleId}>{criterion.label}</h3>
        <span className="muted">
          {criterion.sectionLabel} · {SCALE_WORDS[criterion.scale]}
          {criterion.maxPoints ? ` (0–${criterion.maxPoints})` : ''} · disagreement{' '}
          {pct(criterion.disagreement)} · {split} of {criterion.cells.length} interactions split
        </span>
      </div>
      <div className="qa-scroll">
        <table className="data qa-table cal-reveal">
          <caption className="rw-sr-only">Ratings of {criterion.label} by evaluator</caption>
          <thead>
            <tr>
              <th scope="col">Interaction</th>
              {reveal.session.evaluators.map((e) => (
                <th scope="col" key={e.name}>
                  {e.name}
                  {e.isExpert ? ' (expert)' : ''}
                </th>
              ))}
              <th scope="col" className="num">
                Spread
              </th>
              <th scope="col">Consensus</th>
              <th scope="col">Agreed answer</th>
            </tr>
          </thead>
          <tbody>
            {criterion.cells.map((cell) => (
              <CellRow key={cell.interactionId} cell={cell} {...props} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every evaluator's rating side by side, the criteria with the most disagreement first. */
export function RevealDiscussion({ reveal, editable }: { reveal: CalibrationReveal; editable: boolean }) {
  const [agreeing, setAgreeing] = useState<{ criterionId: string; interactionId: number } | null>(null);
  // What an agreement returned, valid until the page loads the reveal again.
  const [saved, setSaved] = useState<{ base: CalibrationReveal; value: CalibrationReveal } | null>(null);
  const current = saved?.base === reveal ? saved.value : reveal;
  const disputed = current.criteria.filter((c) => c.disagreement > 0);
  const unanimous = current.criteria.filter((c) => c.disagreement === 0);
  const target = agreeing && current.criteria.find((c) => c.criterionId === agreeing.criterionId);
  const cell = target?.cells.find((c) => c.interactionId === agreeing?.interactionId);
  const open = (criterion: RevealCriterion, c: RevealCell) =>
    setAgreeing({ criterionId: criterion.criterionId, interactionId: c.interactionId });
  return (
    <div className="cal-discussion">
      <p className="muted cal-intro">
        Most disagreement first: the share of evaluators who gave an answer other than the most common one.
        N/A counts as an answer here. Ratings that differ from the consensus are marked.
      </p>
      {disputed.map((c) => (
        <CriterionBlock
          key={c.criterionId}
          reveal={current}
          criterion={c}
          editable={editable}
          onAgree={open}
        />
      ))}
      {unanimous.length > 0 && (
        <details className="panel cal-unanimous">
          <summary>
            {unanimous.length} criteria where everyone gave the same answer:{' '}
            {unanimous.map((c) => c.label).join(', ')}
          </summary>
          {unanimous.map((c) => (
            <CriterionBlock
              key={c.criterionId}
              reveal={current}
              criterion={c}
              editable={editable}
              onAgree={open}
            />
          ))}
        </details>
      )}
      {target && cell && (
        <AgreeDialog
          sessionId={current.session.id}
          criterion={target}
          cell={cell}
          latestFormVersion={current.latestFormVersion}
          onSaved={(value) => setSaved({ base: reveal, value })}
          onClose={() => setAgreeing(null)}
        />
      )}
    </div>
  );
}
