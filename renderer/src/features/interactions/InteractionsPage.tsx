import { lazy, Suspense, useEffect } from 'react';
import { call } from '../../lib/api';
import { DetailsDrawer } from './DetailsDrawer';
import { FilterBar } from './FilterBar';
import { formatCount } from './format';
import { InteractionsTable } from './InteractionsTable';
import { useInteractions } from './store';
import './interactions.css';

const ImportWizard = lazy(() => import('../import/ImportWizard').then((m) => ({ default: m.ImportWizard })));

export function InteractionsPage() {
  const total = useInteractions((s) => s.total);
  const version = useInteractions((s) => s.version);
  const importOpen = useInteractions((s) => s.importOpen);
  const setImportOpen = useInteractions((s) => s.setImportOpen);
  const setFacets = useInteractions((s) => s.setFacets);
  const refresh = useInteractions((s) => s.refresh);
  const detailsOpen = useInteractions((s) => s.detailsOpen);

  // Facets change only when data does; re-read them with each data refresh.
  useEffect(() => {
    call('getInteractionFacets', {})
      .then(setFacets)
      .catch(() => undefined);
  }, [setFacets, version]);

  // Returning to the page shows current data (another page may have imported or generated some).
  useEffect(() => {
    refresh();
  }, [refresh]);

  return (
    <section className={detailsOpen ? 'ix-page with-drawer' : 'ix-page'}>
      {/* The shell's header carries the page title. */}
      <div className="ix-header">
        <span className="ix-count" aria-live="polite" data-testid="interactions-total">
          {total === null ? '' : `${formatCount(total)} ${total === 1 ? 'interaction' : 'interactions'}`}
        </span>
        <span className="spacer" />
        <button type="button" className="primary" data-import-opener onClick={() => setImportOpen(true)}>
          Import…
        </button>
      </div>
      <FilterBar />
      <div className="ix-main">
        <InteractionsTable />
        <DetailsDrawer />
      </div>
      {importOpen && (
        <Suspense fallback={null}>
          <ImportWizard
            onClose={(changed) => {
              setImportOpen(false);
              if (changed) refresh();
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
