import { useId, useState, type FormEvent } from 'react';
import type { CalibrationSessionDetail } from '../../../../shared/ipc/contracts/calibration';
import type { ReviewFormSummary } from '../../../../shared/ipc/contracts/reviews';
import { notify } from '../../app/store';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { EvaluatorsField } from './EvaluatorsField';
import { interactionLabel, InteractionPicker, type PickedInteraction } from './InteractionPicker';
import { Crumbs } from './parts';
import { showCalibration, useCalibrationNav } from './store';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function knownNames(sessions: Array<{ evaluators: Array<{ name: string }> }>, me: string | null): string[] {
  const names = new Set<string>(me ? [me] : []);
  for (const s of sessions) for (const e of s.evaluators) names.add(e.name);
  return [...names].sort((a, b) => a.localeCompare(b));
}

interface Draft {
  name: string;
  formId: string;
  picked: PickedInteraction[];
  evaluators: string[];
  expert: string | null;
}

/** Creates the session (then shows it), or saves the changes of an existing one. */
async function saveSession(
  session: CalibrationSessionDetail | undefined,
  draft: Draft,
  forms: ReviewFormSummary[] | null,
): Promise<void> {
  const fields = { name: draft.name, evaluators: draft.evaluators, expert: draft.expert };
  const interactionIds = draft.picked.map((p) => p.interactionId);
  if (session) {
    await call('updateCalibrationSession', {
      sessionId: session.id,
      ...fields,
      ...(session.state === 'draft' ? { interactionIds } : {}),
    });
    notify('Session saved.', 'success');
    useCalibrationNav.getState().refresh();
    return;
  }
  const formVersionId = forms?.find((f) => f.id === draft.formId)?.latestVersion.id;
  const created = await call('createCalibrationSession', {
    ...fields,
    interactionIds,
    ...(formVersionId ? { formVersionId } : {}),
  });
  notify(`Draft "${created.name}" created. Start scoring when the list is right.`, 'success');
  showCalibration({ kind: 'session', sessionId: created.id });
}

function FormField(props: {
  id: string;
  session?: CalibrationSessionDetail;
  forms: ReviewFormSummary[] | null;
  formId: string;
  onChange(formId: string): void;
}) {
  const { session } = props;
  return (
    <div className="cal-row">
      <label htmlFor={props.id}>Form</label>
      {session ? (
        <span id={props.id}>
          {session.formName} v{session.formVersion}{' '}
          <span className="muted">(kept for the whole session)</span>
        </span>
      ) : (
        <select id={props.id} value={props.formId} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">The active form (latest version)</option>
          {props.forms?.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} v{f.latestVersion.version}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function EditorActions({ busy, isNew }: { busy: boolean; isNew: boolean }) {
  return (
    <div className="cal-actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : isNew ? 'Create draft' : 'Save changes'}
      </button>
      {isNew && (
        <button type="button" className="secondary" onClick={() => showCalibration({ kind: 'list' })}>
          Cancel
        </button>
      )}
    </div>
  );
}

/**
 * A new session, or a draft's (or a scoring session's) details. Once scoring starts the
 * interactions are fixed; evaluators who scored stay on the list.
 */
export function SessionEditor({ session }: { session?: CalibrationSessionDetail }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>({
    name: session?.name ?? '',
    formId: session?.formId ?? '',
    picked:
      session?.interactions.map((i) => ({ interactionId: i.interactionId, label: interactionLabel(i) })) ??
      [],
    evaluators: session?.evaluators.map((e) => e.name) ?? [],
    expert: session?.expert ?? null,
  });
  const patch = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const forms = useLoad(session ? null : 'cal-forms', () => call('listReviewForms', {}));
  const sessions = useLoad('cal-known', () => call('listCalibrationSessions', {}));
  const fixed = session !== undefined && session.state !== 'draft';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveSession(session, draft, forms.data);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel cal-editor" aria-labelledby={`${id}-title`} onSubmit={(e) => void save(e)}>
      <h2 id={`${id}-title`}>{session ? 'Session details' : 'New calibration session'}</h2>
      <div className="cal-row">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          maxLength={200}
          required
          onChange={(e) => patch({ name: e.target.value })}
        />
      </div>
      <FormField
        id={`${id}-form`}
        session={session}
        forms={forms.data}
        formId={draft.formId}
        onChange={(formId) => patch({ formId })}
      />
      {fixed ? (
        <p className="muted">
          The {draft.picked.length} interactions are fixed now that scoring has started.
        </p>
      ) : (
        <InteractionPicker picked={draft.picked} onChange={(picked) => patch({ picked })} />
      )}
      <EvaluatorsField
        evaluators={draft.evaluators}
        expert={draft.expert}
        known={knownNames(sessions.data?.sessions ?? [], sessions.data?.me ?? null)}
        locked={session?.evaluators.filter((e) => e.submitted + e.drafts > 0).map((e) => e.name) ?? []}
        onChange={(evaluators, expert) => patch({ evaluators, expert })}
      />
      {error && (
        <p className="error" role="alert">
          Not saved: {error}
        </p>
      )}
      <EditorActions busy={busy} isNew={!session} />
    </form>
  );
}

/** The new-session page: the editor under a breadcrumb back to the list. */
export function NewSession() {
  return (
    <>
      <Crumbs current="New session" />
      <SessionEditor />
    </>
  );
}
