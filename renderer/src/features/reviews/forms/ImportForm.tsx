import { useId, useState } from 'react';
import { notify } from '../../../app/store';
import { call } from '../../../lib/api';

/**
 * Imports a form file as a new form. The file is read here and checked by the backend, whose
 * sentence is shown as is when the file is not a form; nothing changes then.
 */
export function ImportForm({ onImported }: { onImported(formId: string): void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      // A BOM would make JSON.parse refuse a file that is otherwise fine.
      const json = (await file.text()).replace(/^\uFEFF/, '');
      const saved = await call('importReviewForm', { json });
      notify(`Imported "${file.name}" as a new form.`, 'success');
      onImported(saved.formId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fe-import">
      <label htmlFor={id} className={`fe-file-button${busy ? ' busy' : ''}`}>
        {busy ? 'Importing…' : 'Import JSON…'}
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="fe-file-input"
        aria-describedby={error ? `${id}-error` : undefined}
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so choosing the same file again (after fixing it) imports again.
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {error && (
        <p id={`${id}-error`} className="error fe-import-error" role="alert">
          Not imported: {error}
        </p>
      )}
    </div>
  );
}
