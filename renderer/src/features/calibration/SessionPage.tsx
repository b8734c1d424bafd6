import { useState } from 'react';
import type { CalibrationSessionDetail } from '../../../../shared/ipc/contracts/calibration';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { plural } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { ModalDialog } from '../reviews/disputes/ModalDialog';
import { downloadText } from '../kpis/download';
import { exportPacket, importAnswersFile } from './files';
import { shortDate, STATE_WORDS } from './format';
import { Crumbs } from './parts';
import { RevealPage } from './RevealPage';
import { ScoringPanel } from './ScoringPanel';
import { SessionEditor } from './SessionEditor';
import { showCalibration, useCalibrationNav } from './store';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Step = 'scoring' | 'revealed' | 'closed';

const STEP_TEXT: Record<Step, { title: string; button: string; body(s: CalibrationSessionDetail): string }> =
  {
    scoring: {
      title: 'Start blind scoring',
      button: 'Start scoring',
      body: (s) =>
        `The ${plural(s.interactionCount, 'interaction')} and the form version are fixed from now on. Each of the ${s.evaluators.length} evaluators scores on their own; nobody sees another's answers until you reveal.`,
    },
    revealed: {
      title: 'Reveal the answers',
      button: 'Reveal',
      body: (s) => {
        const done = s.evaluators.filter((e) => e.submitted === s.interactionCount).length;
        const open = s.evaluators
          .filter((e) => e.submitted < s.interactionCount)
          .map((e) => `${e.name} (${e.submitted} of ${s.interactionCount})`);
        return `${done} of ${s.evaluators.length} evaluators submitted every interaction.${open.length ? ` Not finished: ${open.join(', ')}; what they have not submitted stays out, and blind scoring ends for good.` : ''} Everyone will see every answer.`;
      },
    },
    closed: {
      title: 'Close the session',
      button: 'Close session',
      body: () =>
        'The agreed answers become final. The session stays in the history and its report can still be exported.',
    },
  };

function ConfirmStep({
  session,
  step,
  onClose,
}: {
  session: CalibrationSessionDetail;
  step: Step;
  onClose(): void;
}) {
  const refresh = useCalibrationNav((s) => s.refresh);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = STEP_TEXT[step];
  const go = async () => {
    setBusy(true);
    try {
      await call('setCalibrationSessionState', { sessionId: session.id, state: step });
      notify(`"${session.name}": ${STATE_WORDS[step].toLowerCase()}.`, 'success');
      refresh();
      onClose();
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };
  return (
    <ModalDialog title={text.title} className="cal-dialog" onClose={onClose}>
      <p>{text.body(session)}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="cal-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void go()}>
          {text.button}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

async function exportReport(session: CalibrationSessionDetail, format: 'csv' | 'json') {
  try {
    const report = await call('exportCalibrationReport', { sessionId: session.id, format });
    downloadText(
      report.fileName,
      report.text,
      format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
    );
  } catch (e) {
    notify(`The report was not exported: ${message(e)}`, 'error');
  }
}

function Actions({ session, confirm }: { session: CalibrationSessionDetail; confirm(step: Step): void }) {
  const refresh = useCalibrationNav((s) => s.refresh);
  const remove = async () => {
    try {
      await call('deleteCalibrationSession', { sessionId: session.id });
      notify(`Draft "${session.name}" deleted.`, 'success');
      refresh();
      showCalibration({ kind: 'list' });
    } catch (e) {
      notify(message(e), 'error');
    }
  };
  return (
    <div className="cal-toolbar" role="toolbar" aria-label="Session actions">
      {session.state === 'draft' && (
        <>
          <button type="button" className="primary" onClick={() => confirm('scoring')}>
            Start scoring…
          </button>
          <button type="button" className="secondary" onClick={() => void remove()}>
            Delete draft
          </button>
        </>
      )}
      {session.state === 'scoring' && (
        <>
          <button type="button" className="secondary" onClick={() => void exportPacket(session.id)}>
            Export packet…
          </button>
          <button type="button" className="secondary" onClick={() => void importAnswersFile()}>
            Import answers…
          </button>
          <button type="button" className="primary" onClick={() => confirm('revealed')}>
            Reveal…
          </button>
        </>
      )}
      {(session.state === 'revealed' || session.state === 'closed') && (
        <>
          <button type="button" className="secondary" onClick={() => void exportReport(session, 'csv')}>
            Export CSV
          </button>
          <button type="button" className="secondary" onClick={() => void exportReport(session, 'json')}>
            Export JSON
          </button>
          {session.state === 'revealed' && (
            <button type="button" className="secondary" onClick={() => confirm('closed')}>
              Close session…
            </button>
          )}
        </>
      )}
    </div>
  );
}

/** One session: its details while a draft, blind progress while scoring, the reveal and statistics after. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const version = useCalibrationNav((s) => s.version);
  const detail = useLoad(`session:${sessionId}:${version}`, () =>
    call('getCalibrationSession', { sessionId }),
  );
  const [confirm, setConfirm] = useState<Step | null>(null);
  const s = detail.data;
  if (detail.error && !s)
    return (
      <p className="error" role="alert">
        The session could not be loaded: {detail.error}
      </p>
    );
  if (!s) return <p className="muted">Loading…</p>;
  return (
    <div className="cal-session">
      <Crumbs current={s.name} />
      <header className="cal-head">
        <h2>{s.name}</h2>
        <span className={`cal-state ${s.state}`} data-testid="session-state">
          {STATE_WORDS[s.state]}
        </span>
        <span className="muted">
          {s.formName} v{s.formVersion} · {plural(s.interactionCount, 'interaction')} ·{' '}
          {plural(s.evaluators.length, 'evaluator')}
          {s.expert ? ` · expert ${s.expert}` : ''} · created by {s.createdBy} on {shortDate(s.createdAt)}
          {s.revealedAt ? ` · revealed ${shortDate(s.revealedAt)}` : ''}
        </span>
      </header>
      <Actions session={s} confirm={setConfirm} />
      {confirm && <ConfirmStep session={s} step={confirm} onClose={() => setConfirm(null)} />}
      {s.state === 'draft' && <SessionEditor key={`${s.id}:${version}`} session={s} />}
      {s.state === 'scoring' && <ScoringPanel session={s} />}
      {(s.state === 'revealed' || s.state === 'closed') && <RevealPage session={s} />}
    </div>
  );
}
