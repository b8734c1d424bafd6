import { useId, useState, type FormEvent } from 'react';
import type { CalibrationSessionDetail } from '../../../../shared/ipc/contracts/calibration';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { channelLabel, formatDateTime } from '../interactions/format';
import { EvaluatorsField } from './EvaluatorsField';
import { InteractionPicker, type PickedInteraction } from './InteractionPicker';
import { showCalibration, useCalibrationNav } from './store';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function knownNames(sessions: Array<{ evaluators: Array<{ name: string }> }>, me: string | null): string[] {
  const names = new Set<string>(me ? [me] : []);
  for (const s of sessions) for (const e of s.evaluators) names.add(e.name);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/**
 * A new session, or a draft's (or a scoring session's) details. Once scoring starts the
 * interactions are fixed; evaluators who scored stay on the list.
 */
export function SessionEditor({ session }: { session?: CalibrationSessionDetail }) {
  const id = useId();
  const refresh = useCalibrationNav((s) => s.refresh);
  const [name, setName] = useState(session?.name ?? '');
  const [formId, setFormId] = useState<string>(session?.formId ?? '');
  const [picked, setPicked] = useState<PickedInteraction[]>(
    session?.interactions.map((i) => ({
      interactionId: i.interactionId,
      label: `${i.agentName ?? ''} · ${channelLabel(i.channel as never)} · ${formatDateTime(i.startedAt)}`,
    })) ?? [],
  );
  const [evaluators, setEvaluators] = useState<string[]>(session?.evaluators.map((e) => e.name) ?? []);
  const [expert, setExpert] = useState<string | null>(session?.expert ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forms = useLoad(session ? null : 'cal-forms', () => call('listReviewForms', {}));
  const sessions = useLoad('cal-known', () => call('listCalibrationSessions', {}));
  const fixed = session !== undefined && session.state !== 'draft';
  const locked = session?.evaluators.filter((e) => e.submitted + e.drafts > 0).map((e) => e.name) ?? [];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const fields = {
      name,
      evaluators,
      expert,
      ...(fixed ? {} : { interactionIds: picked.map((p) => p.interactionId) }),
    };
    try {
      if (session) {
        await call('updateCalibrationSession', { sessionId: session.id, ...fields });
        notify('Session saved.', 'success');
        refresh();
      } else {
        const formVersionId = forms.data?.find((f) => f.id === formId)?.latestVersion.id;
        const created = await call('createCalibrationSession', {
          ...fields,
          interactionIds: picked.map((p) => p.interactionId),
          ...(formVersionId ? { formVersionId } : {}),
        });
        notify(`Draft "${created.name}" created. Start scoring when the list is right.`, 'success');
        showCalibration({ kind: 'session', sessionId: created.id });
      }
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {!session && (
        <nav aria-label="Breadcrumb" className="cal-crumbs">
          <button type="button" className="link" onClick={() => showCalibration({ kind: 'list' })}>
            Calibration sessions
          </button>
          <span aria-hidden="true"> › </span>
          <span aria-current="page">New session</span>
        </nav>
      )}
      <form className="panel cal-editor" aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)}>
        <h2 id={`${id}-title`}>{session ? 'Session details' : 'New calibration session'}</h2>
        <div className="cal-row">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="cal-row">
          <label htmlFor={`${id}-form`}>Form</label>
          {session ? (
            <span id={`${id}-form`}>
              {session.formName} v{session.formVersion}{' '}
              <span className="muted">(kept for the whole session)</span>
            </span>
          ) : (
            <select id={`${id}-form`} value={formId} onChange={(e) => setFormId(e.target.value)}>
              <option value="">The active form (latest version)</option>
              {forms.data?.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} v{f.latestVersion.version}
                </option>
              ))}
            </select>
          )}
        </div>
        {fixed ? (
          <p className="muted">The {picked.length} interactions are fixed now that scoring has started.</p>
        ) : (
          <InteractionPicker picked={picked} onChange={setPicked} />
        )}
        <EvaluatorsField
          evaluators={evaluators}
          expert={expert}
          known={knownNames(sessions.data?.sessions ?? [], sessions.data?.me ?? null)}
          locked={locked}
          onChange={(next, nextExpert) => {
            setEvaluators(next);
            setExpert(nextExpert);
          }}
        />
        {error && (
          <p className="error" role="alert">
            Not saved: {error}
          </p>
        )}
        <div className="cal-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : session ? 'Save changes' : 'Create draft'}
          </button>
          {!session && (
            <button type="button" className="secondary" onClick={() => showCalibration({ kind: 'list' })}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </>
  );
}
