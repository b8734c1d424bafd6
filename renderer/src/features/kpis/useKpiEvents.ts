import { useCallback, useState } from 'react';
import type { Dashboard, KpiEventDto } from '../../../../shared/ipc/contracts/kpi';
import { call } from '../../lib/api';
import type { EventDraft } from './events';

export interface KpiEventsApi {
  /** Events of the shown period and team scope (the dashboard's, or fresher after a change here). */
  events: KpiEventDto[];
  /** Adds an event; `shown` is false when it falls outside the shown period or team. */
  add(draft: EventDraft): Promise<{ event: KpiEventDto; shown: boolean }>;
  remove(event: KpiEventDto): Promise<boolean>;
}

/**
 * Keeps the trend panel's events current after an add or delete by re-listing just the events,
 * not recomputing the whole dashboard. The fresh list is tied to the period and team it was
 * fetched for, so a later dashboard for another period is not shadowed by it.
 */
export function useKpiEvents(dashboard: Dashboard): KpiEventsApi {
  const { from, to, teamId } = dashboard;
  const scope = `${from}|${to}|${teamId ?? ''}`;
  const [local, setLocal] = useState<{ scope: string; events: KpiEventDto[] } | null>(null);
  const events = local?.scope === scope ? local.events : dashboard.events;

  const refresh = useCallback(async () => {
    const fresh = await call('listKpiEvents', { from, to, ...(teamId ? { teamId } : {}) });
    setLocal({ scope, events: fresh });
    return fresh;
  }, [from, to, teamId, scope]);

  const add = useCallback(
    async (draft: EventDraft) => {
      const event = await call('addKpiEvent', {
        day: draft.day,
        label: draft.label.trim(),
        teamId: draft.teamId,
      });
      const fresh = await refresh();
      return { event, shown: fresh.some((e) => e.id === event.id) };
    },
    [refresh],
  );

  const remove = useCallback(
    async (event: KpiEventDto) => {
      const { deleted } = await call('deleteKpiEvent', { id: event.id });
      await refresh();
      return deleted;
    },
    [refresh],
  );

  return { events, add, remove };
}
