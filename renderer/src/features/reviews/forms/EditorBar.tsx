import { useFormEditor } from './editorStore';
import { saveOutcome, type LatestVersion } from './wording';

interface EditorBarProps {
  latest: (LatestVersion & { id: string }) | null;
  saving: boolean;
  saveError: string[] | null;
  onBack(): void;
  onExport(): void;
  onSave(): void;
}

/** Where the lead is, what saving will do, and the save / discard / export buttons. */
export function EditorBar({ latest, saving, saveError, onBack, onExport, onSave }: EditorBarProps) {
  const dirty = useFormEditor((s) => s.dirty);
  const name = useFormEditor((s) => s.saved.name);
  const discard = useFormEditor((s) => s.discard);
  const outcome = saveOutcome(latest);
  return (
    <div className="fe-bar">
      <div className="fe-bar-row">
        <button type="button" className="ghost fe-back" onClick={onBack}>
          ← All forms
        </button>
        <span className="fe-title">
          <strong>{name.trim() || 'New form'}</strong>
          <span className="muted">{latest ? `latest version ${latest.version}` : 'not saved yet'}</span>
        </span>
        <span className="spacer" />
        {dirty && <span className="unsaved">Unsaved changes</span>}
        <button type="button" className="ghost" disabled={!dirty || saving} onClick={discard}>
          Discard
        </button>
        {latest && (
          <button type="button" className="secondary" onClick={onExport}>
            Export version {latest.version} (JSON)
          </button>
        )}
        <button
          type="button"
          className="primary"
          disabled={(!dirty && latest !== null) || saving}
          aria-describedby="fe-save-outcome"
          onClick={onSave}
        >
          {saving ? 'Saving…' : outcome.button}
        </button>
      </div>
      <p id="fe-save-outcome" className="fe-outcome">
        {outcome.sentence}
      </p>
      {saveError && (
        <div className="error save-error" role="alert">
          {saveError.length === 1 ? (
            <p>Not saved: {saveError[0]}</p>
          ) : (
            <>
              <p>Not saved:</p>
              <ul>
                {saveError.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
