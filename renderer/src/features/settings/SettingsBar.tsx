interface SettingsBarProps {
  dirty: boolean;
  saving: boolean;
  /** Sentences of a refused save; each is also shown next to its field. */
  saveError: string | null;
  onDiscard(): void;
  onReset(): void;
}

/** What the page is for, its unsaved state, and the save / discard / reset buttons. */
export function SettingsBar({ dirty, saving, saveError, onDiscard, onReset }: SettingsBarProps) {
  return (
    <>
      <div className="settings-bar">
        <p className="muted">How KPIs are computed and measured. Changes apply to every dashboard.</p>
        <span className="spacer" />
        {dirty && <span className="unsaved">Unsaved changes</span>}
        <button type="button" className="ghost" disabled={!dirty || saving} onClick={onDiscard}>
          Discard
        </button>
        <button type="button" className="secondary" disabled={saving} onClick={onReset}>
          Reset to defaults
        </button>
        <button type="submit" className="primary" disabled={!dirty || saving}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
      </div>
      {saveError && (
        <p className="error save-error" role="alert">
          Not saved: {saveError}
        </p>
      )}
    </>
  );
}
