import { useState } from 'react';
import type { ReviewFormSummary } from '../../../../../shared/ipc/contracts/reviews';
import { notify } from '../../../app/store';
import { call } from '../../../lib/api';
import { formatCount, formatDate } from '../../../lib/format';
import { useLoad } from '../../../lib/useLoad';
import { downloadJson } from './download';
import { ImportForm } from './ImportForm';

interface FormsListProps {
  onOpen(formId: string | null): void;
}

/** Every form, active and archived, with its versions and use; forms are archived, never deleted. */
export function FormsList({ onOpen }: FormsListProps) {
  const [generation, setGeneration] = useState(0);
  const forms = useLoad(`forms-${generation}`, () => call('listReviewForms', { includeArchived: true }));
  const reload = () => setGeneration((g) => g + 1);
  const active = forms.data?.filter((f) => !f.archived) ?? [];
  const archived = forms.data?.filter((f) => f.archived) ?? [];

  const setArchived = async (form: ReviewFormSummary, archive: boolean) => {
    try {
      await call('setReviewFormArchived', { formId: form.id, archived: archive });
      notify(archive ? `"${form.name}" archived.` : `"${form.name}" restored.`, 'success');
      reload();
    } catch (e) {
      notify(e instanceof Error ? e.message : String(e), 'error');
    }
  };

  return (
    <div className="fe-list">
      <div className="fe-list-bar">
        <p className="muted">
          Editing a form that reviews use creates a new version; every review keeps the version it was scored
          on.
        </p>
        <span className="spacer" />
        <ImportForm
          onImported={(formId) => {
            reload();
            onOpen(formId);
          }}
        />
        <button type="button" className="primary" onClick={() => onOpen(null)}>
          New form
        </button>
      </div>
      {forms.error && (
        <p className="error" role="alert">
          Could not load the forms: {forms.error}
        </p>
      )}
      {!forms.data && !forms.error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {forms.data && (
        <>
          <FormsTable caption="Active forms" forms={active} onOpen={onOpen} onArchive={setArchived} />
          {archived.length > 0 && (
            <FormsTable caption="Archived forms" forms={archived} onOpen={onOpen} onArchive={setArchived} />
          )}
        </>
      )}
    </div>
  );
}

interface TableProps {
  caption: string;
  forms: ReviewFormSummary[];
  onOpen(formId: string): void;
  onArchive(form: ReviewFormSummary, archive: boolean): Promise<void>;
}

function FormsTable({ caption, forms, onOpen, onArchive }: TableProps) {
  const exportLatest = async (form: ReviewFormSummary) => {
    try {
      const file = await call('exportReviewForm', { versionId: form.latestVersion.id });
      downloadJson(file.fileName, file.json);
    } catch (e) {
      notify(`The form could not be exported: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  };
  const headingId = `fe-${caption.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{caption}</h2>
      {forms.length === 0 ? (
        <p className="empty-state">No active form. Create one or restore an archived one.</p>
      ) : (
        <table className="data fe-forms-table">
          <thead>
            <tr>
              <th scope="col">Form</th>
              <th scope="col" className="num">
                Latest version
              </th>
              <th scope="col" className="num">
                Reviews on it
              </th>
              <th scope="col" className="num">
                Versions
              </th>
              <th scope="col">Version created</th>
              <th scope="col">
                <span className="fe-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {forms.map((f) => (
              <tr key={f.id}>
                <th scope="row" className="row-head">
                  {f.name}
                </th>
                <td className="num">{f.latestVersion.version}</td>
                <td className="num">{formatCount(f.latestVersion.reviewCount)}</td>
                <td className="num">{f.versionCount}</td>
                <td>{formatDate(f.latestVersion.createdAt)}</td>
                <td className="fe-row-actions">
                  {!f.archived && (
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`Edit: ${f.name}`}
                      onClick={() => onOpen(f.id)}
                    >
                      Edit
                    </button>
                  )}
                  <button
                    type="button"
                    className="ghost"
                    aria-label={`Export JSON: ${f.name}, version ${f.latestVersion.version}`}
                    onClick={() => void exportLatest(f)}
                  >
                    Export JSON
                  </button>
                  <button
                    type="button"
                    className="ghost"
                    aria-label={`${f.archived ? 'Restore' : 'Archive'}: ${f.name}`}
                    onClick={() => void onArchive(f, !f.archived)}
                  >
                    {f.archived ? 'Restore' : 'Archive'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
