import { useInteractions } from './store';

/**
 * Shown when the table has no rows. A data file without interactions needs an import, which no
 * filter change will fix, so it says that (with the action) rather than blaming the filters.
 */
export function EmptyState() {
  const filtered = useInteractions((s) => Object.keys(s.filters).length > 0);
  const noData = useInteractions((s) => s.facets?.dayRange === null);
  const setImportOpen = useInteractions((s) => s.setImportOpen);
  if (filtered && !noData) {
    return (
      <div className="ix-empty" data-testid="interactions-empty">
        No interactions match these filters.
      </div>
    );
  }
  return (
    <div className="ix-empty" data-testid="interactions-empty">
      <p>No interactions yet: import a file.</p>
      <button type="button" className="primary" data-import-opener onClick={() => setImportOpen(true)}>
        Import…
      </button>
    </div>
  );
}
