import { useState } from 'react';
import type { Team } from '../../../../shared/domain/types';
import type { DayRange } from '../../../../shared/kpi/types';
import { call } from '../../lib/api';
import { downloadText } from './download';
import { PeriodPicker } from './PeriodPicker';

/** Team and period pickers, the loading pill and the CSV export of the ranking. */
export function DashboardToolbar(props: {
  teams: Team[];
  range: DayRange;
  teamId: string | null;
  loading: boolean;
}) {
  const { teams, range, teamId, loading } = props;
  const [exportState, setExportState] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });

  async function exportCsv() {
    setExportState({ busy: true, error: null });
    try {
      const file = await call('exportScorecardCsv', { ...range, by: 'agent', ...(teamId ? { teamId } : {}) });
      downloadText(file.fileName, file.csv);
      setExportState({ busy: false, error: null });
    } catch (e) {
      setExportState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <>
      <div className="kpi-toolbar">
        <PeriodPicker teams={teams} />
        <span className="spacer" />
        {loading && (
          <span className="loading-pill" role="status">
            Loading…
          </span>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => void exportCsv()}
          disabled={exportState.busy}
        >
          Export CSV
        </button>
      </div>
      {exportState.error && (
        <p className="error" role="alert">
          Export failed: {exportState.error}
        </p>
      )}
    </>
  );
}
