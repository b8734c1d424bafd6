import { useCallback, useMemo, useState } from 'react';
import type { KpiSettings, KpiTarget } from '../../../../shared/kpi/settings';
import { fieldKey } from '../../../../shared/kpi/settingsIssues';
import { targetIssues } from '../../../../shared/kpi/targetUnits';
import type { KpiId } from '../../../../shared/kpi/types';
import { notify, useShell } from '../../app/store';
import { call } from '../../lib/api';
import { useKpiDashboard } from '../kpis/store';
import { patchOf, pendingTargetChanges, retarget } from './draft';
import { describeSaveError } from './errors';
import type { LoadedSettings } from './SettingsPage';

type Errors = Record<string, string>;

/**
 * Toasts this page raised on a save. Module-wide, not per mount: a toast outlives the page
 * (save, leave, come back within its five seconds), and must still go when a later save fails.
 */
const savedToasts = new Set<number>();
const without = (errors: Errors, drop: (key: string) => boolean): Errors =>
  Object.fromEntries(Object.entries(errors).filter(([key]) => !drop(key)));

/**
 * Field sentences: those of the last refused save, targets outside their unit as they are typed
 * (the backend refuses them the same way), and texts a field cannot read yet (these hold saving).
 */
function useFieldSentences(draft: KpiSettings, initial: LoadedSettings) {
  const [refused, setRefused] = useState<Errors>({});
  const [unreadable, setUnreadable] = useState<Errors>({});
  const reportInputError = useCallback((key: string, message: string | null) => {
    setUnreadable((u) => {
      if (message) return u[key] === message ? u : { ...u, [key]: message };
      return key in u ? without(u, (k) => k === key) : u;
    });
  }, []);
  const live = useMemo(() => {
    const nameOf = (kind: 'team' | 'agent', id: string) =>
      (kind === 'team' ? initial.teams : initial.agents).find((x) => x.id === id)?.name ?? null;
    return Object.fromEntries(targetIssues(draft, nameOf).map((i) => [fieldKey(i.path), i.message]));
  }, [draft, initial.teams, initial.agents]);
  const errors = useMemo(() => ({ ...refused, ...live }), [refused, live]);
  const context = useMemo(() => ({ errors, reportInputError }), [errors, reportInputError]);
  return { context, setRefused, unreadable };
}

/** The settings form's state: the saved settings, the draft, what saving would send, and saving. */
export function useSettingsForm(initial: LoadedSettings) {
  const [saved, setSaved] = useState(initial.settings);
  const [kpis, setKpis] = useState(initial.kpis);
  const [draft, setDraft] = useState(initial.settings);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { context, setRefused, unreadable } = useFieldSentences(draft, initial);
  const invalidate = useKpiDashboard((s) => s.invalidate);
  const dismissToast = useShell((s) => s.dismissToast);
  const patch = patchOf(saved, draft);

  const update = <K extends keyof KpiSettings>(section: K, change: Partial<KpiSettings[K]>) => {
    const unitsMove = section === 'csat' || section === 'ces';
    setDraft((d) => {
      const next = { ...d, [section]: { ...d[section], ...change } };
      return unitsMove ? { ...next, targets: retarget(saved, d, next) } : next;
    });
    const touched = new Set(Object.keys(change).map((k) => `${section}.${k}`));
    setRefused((r) => without(r, (k) => touched.has(k) || (unitsMove && k.startsWith('targets.'))));
  };
  const setTarget = (kpiId: KpiId, target: KpiTarget | null) => {
    setDraft((d) => {
      const targets = { ...d.targets };
      if (target === null) delete targets[kpiId];
      else targets[kpiId] = target;
      return { ...d, targets };
    });
    setRefused((r) => without(r, (k) => k.startsWith(`targets.${kpiId}.`)));
  };
  const discard = () => {
    setDraft(saved);
    setRefused({});
    setSaveError(null);
  };

  async function save(run: () => Promise<KpiSettings>, message: string) {
    // A "saved" toast from before must not stand beside this attempt's outcome.
    for (const id of savedToasts) dismissToast(id);
    savedToasts.clear();
    setSaveError(null);
    if (Object.keys(unreadable).length > 0) {
      setRefused(unreadable);
      setSaveError(Object.values(unreadable).join(' '));
      return;
    }
    setSaving(true);
    try {
      const settings = await run();
      const registry = await call('getKpiRegistry', {});
      setSaved(settings);
      setKpis(registry.kpis);
      setDraft(settings);
      setRefused({});
      invalidate();
      savedToasts.add(notify(message, 'success'));
    } catch (e) {
      const failure = describeSaveError(e);
      setRefused(failure.fields);
      setSaveError(failure.sentences.join(' '));
    } finally {
      setSaving(false);
    }
  }

  return {
    kpis,
    draft,
    patch,
    dirty: Object.keys(patch).length > 0,
    changes: pendingTargetChanges(saved, draft),
    fieldErrors: context,
    saving,
    saveError,
    update,
    setTarget,
    discard,
    save,
  };
}
