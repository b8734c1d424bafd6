import type { Dashboard } from '../../../../shared/ipc/contracts/kpi';
import type { KpiId } from '../../../../shared/kpi/types';
import { call } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';

const NONE: Partial<Record<KpiId, string>> = {};

/**
 * Why each empty tile is empty, when there is data in the period: a KPI the data cannot give
 * (retention without customer ids) says "not measurable", not "no data". Asks only about the
 * empty tiles, so a normal month costs no extra call.
 */
export function useUnmeasurable(dashboard: Dashboard | null): Partial<Record<KpiId, string>> {
  const empty =
    dashboard && dashboard.interactionCount > 0
      ? dashboard.tiles.filter((t) => t.value === null).map((t) => t.kpiId)
      : [];
  const scope = dashboard
    ? { from: dashboard.from, to: dashboard.to, ...(dashboard.teamId ? { teamId: dashboard.teamId } : {}) }
    : null;
  const key = scope && empty.length > 0 ? JSON.stringify({ ...scope, empty }) : null;
  const { data } = useLoad(key, async () => {
    const out: Partial<Record<KpiId, string>> = {};
    if (!scope) return { key, out };
    const answers = await Promise.all(empty.map((kpiId) => call('explainKpi', { ...scope, kpiId })));
    for (const a of answers) if (!a.measurable) out[a.kpiId] = a.notMeasurableReason ?? 'not measurable';
    return { key, out };
  });
  return key !== null && data?.key === key ? data.out : NONE;
}
