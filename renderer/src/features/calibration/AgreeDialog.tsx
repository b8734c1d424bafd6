import { useId, useState, type FormEvent } from 'react';
import type {
  CalibrationReveal,
  RevealCell,
  RevealCriterion,
} from '../../../../shared/ipc/contracts/calibration';
import { ratingValues } from '../../../../shared/reviews/form';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { ModalDialog } from '../reviews/disputes/ModalDialog';
import { ratingText } from './format';

type Pick = number | 'na';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function initialPick(cell: RevealCell): Pick | null {
  const from = cell.agreed ?? cell.consensus;
  if (!from) return null;
  return from.notApplicable ? 'na' : from.rating;
}

/** The note of an agreed answer written into the anchor of that rating, as the form's next version. */
function AnchorStep(props: {
  sessionId: string;
  criterion: RevealCriterion;
  cell: RevealCell;
  pick: Pick;
  note: string;
  latestFormVersion: number;
  onDone(): void;
}) {
  const { criterion, pick, note } = props;
  const id = useId();
  const key = pick === 'na' ? 'na' : String(pick);
  const current = criterion.anchors[key] ?? '';
  const [text, setText] = useState(current ? `${current} ${note}` : note);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const saved = await call('applyCalibrationNoteToForm', {
        sessionId: props.sessionId,
        interactionId: props.cell.interactionId,
        criterionId: criterion.criterionId,
        anchorText: text,
      });
      notify(
        saved.outcome === 'new_version'
          ? `Saved as version ${saved.version} of the form: new reviews use the new anchor, earlier ones keep theirs.`
          : `The anchor is saved in version ${saved.version} of the form.`,
        'success',
      );
      props.onDone();
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };
  return (
    <div className="cal-anchor-step">
      <h3 id={`${id}-title`}>Add the note to the form&apos;s behaviour anchors</h3>
      <p className="muted">
        What “
        {ratingText(criterion.scale, { rating: pick === 'na' ? null : pick, notApplicable: pick === 'na' })}”
        means for “{criterion.label}”. Saving makes the next version of the form (the latest is v
        {props.latestFormVersion}); reviews already scored keep the version they were scored on.
      </p>
      {current && (
        <p className="cal-current-anchor">
          <span className="muted">Now: </span>
          {current}
        </p>
      )}
      <label htmlFor={`${id}-anchor`}>New anchor text</label>
      <textarea
        id={`${id}-anchor`}
        rows={4}
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="cal-actions">
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void save()}>
          Save as a new form version
        </button>
        <button type="button" className="secondary" onClick={props.onDone}>
          Not now
        </button>
      </div>
    </div>
  );
}

function AgreeForm(props: {
  criterion: RevealCriterion;
  pick: Pick | null;
  note: string;
  error: string | null;
  busy: boolean;
  onPick(pick: Pick): void;
  onNote(note: string): void;
  onSave(event: FormEvent): void;
  onCancel(): void;
}) {
  const { criterion } = props;
  const id = useId();
  const picks: Pick[] = [
    ...ratingValues({ scale: criterion.scale, maxPoints: criterion.maxPoints ?? undefined }),
    ...(criterion.allowNa ? (['na'] as const) : []),
  ];
  return (
    <form onSubmit={props.onSave}>
      <fieldset className="cal-picks">
        <legend>Agreed answer</legend>
        {picks.map((p) => (
          <label key={p} className="cal-pick">
            <input
              type="radio"
              name={`${id}-pick`}
              checked={props.pick === p}
              onChange={() => props.onPick(p)}
            />
            {ratingText(criterion.scale, { rating: p === 'na' ? null : p, notApplicable: p === 'na' })}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>Note: why this answer (can go into the form&apos;s anchors)</label>
      <textarea
        id={`${id}-note`}
        rows={3}
        value={props.note}
        maxLength={4000}
        onChange={(e) => props.onNote(e.target.value)}
      />
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="cal-actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {props.busy ? 'Saving…' : 'Save agreed answer'}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Records the answer the evaluators agreed on, with the lead's note; the note can then feed the anchors. */
export function AgreeDialog(props: {
  sessionId: string;
  criterion: RevealCriterion;
  cell: RevealCell;
  latestFormVersion: number;
  onSaved(reveal: CalibrationReveal): void;
  onClose(): void;
}) {
  const { criterion, cell } = props;
  const [pick, setPick] = useState<Pick | null>(initialPick(cell));
  const [note, setNote] = useState(cell.agreed?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [anchoring, setAnchoring] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (pick === null) return setError('Choose the agreed answer.');
    setBusy(true);
    setError(null);
    try {
      const reveal = await call('recordCalibrationAgreement', {
        sessionId: props.sessionId,
        interactionId: cell.interactionId,
        criterionId: criterion.criterionId,
        ...(pick === 'na' ? { notApplicable: true } : { rating: pick }),
        note: note.trim() || null,
      });
      props.onSaved(reveal);
      notify('Agreed answer saved.', 'success');
      if (note.trim()) setAnchoring(true);
      else props.onClose();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog title={`Agree: ${criterion.label}`} className="cal-dialog" onClose={props.onClose}>
      <p className="muted">
        Interaction #{cell.interactionId}. Ratings given:{' '}
        {cell.ratings.map((r) => `${r.evaluator} ${ratingText(criterion.scale, r)}`).join(', ')}.
      </p>
      {anchoring && pick !== null ? (
        <AnchorStep {...props} pick={pick} note={note.trim()} onDone={props.onClose} />
      ) : (
        <AgreeForm
          criterion={criterion}
          pick={pick}
          note={note}
          error={error}
          busy={busy}
          onPick={setPick}
          onNote={setNote}
          onSave={(e) => void save(e)}
          onCancel={props.onClose}
        />
      )}
    </ModalDialog>
  );
}
