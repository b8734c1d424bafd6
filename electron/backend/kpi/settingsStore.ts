import { DEFAULT_KPI_SETTINGS, kpiSettingsSchema, type KpiSettings } from '../../../shared/kpi/settings';
import { dropOutOfRangeTargets } from '../../../shared/kpi/targetUnits';
import type { Db } from '../db/database';

const KEY = 'kpi';

/**
 * KPI settings live in one `settings` row as JSON. Sections missing from an older file take their
 * defaults; an unreadable value falls back to the defaults rather than breaking every dashboard.
 * Targets outside their unit's range (a % target kept after CSAT went to mean rating, before
 * saving checked that) are dropped: compared with values in another unit they only mislead.
 */
export function loadKpiSettings(db: Db): KpiSettings {
  const row = db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [KEY]);
  if (!row) return DEFAULT_KPI_SETTINGS;
  try {
    const stored = JSON.parse(row.value_json) as Partial<KpiSettings>;
    const merged = {
      csat: { ...DEFAULT_KPI_SETTINGS.csat, ...stored.csat },
      nps: { ...DEFAULT_KPI_SETTINGS.nps, ...stored.nps },
      ces: { ...DEFAULT_KPI_SETTINGS.ces, ...stored.ces },
      calendar: { ...DEFAULT_KPI_SETTINGS.calendar, ...stored.calendar },
      fcr: { ...DEFAULT_KPI_SETTINGS.fcr, ...stored.fcr },
      status: { ...DEFAULT_KPI_SETTINGS.status, ...stored.status },
      targets: stored.targets ?? DEFAULT_KPI_SETTINGS.targets,
    };
    const parsed = kpiSettingsSchema.safeParse(merged);
    return parsed.success
      ? { ...parsed.data, targets: dropOutOfRangeTargets(parsed.data) }
      : DEFAULT_KPI_SETTINGS;
  } catch {
    return DEFAULT_KPI_SETTINGS;
  }
}

export function saveKpiSettings(db: Db, settings: KpiSettings, nowIso: string): void {
  db.run(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    [KEY, JSON.stringify(kpiSettingsSchema.parse(settings)), nowIso],
  );
}
