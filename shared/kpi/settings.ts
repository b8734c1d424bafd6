import { z } from 'zod';
import { PLAIN, settingsIssues, unknownTimeZoneMessage, type SettingsIssue } from './settingsIssues';
import { convertTargets, targetIssues, type NameOf } from './targetUnits';
import { KPI_IDS, type KpiId } from './types';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const kpiTargetSchema = z
  .object({
    /** Default for every team and agent. */
    team: z.number().finite().nullable(),
    /** Per-team override of the default, by team id. */
    teams: z.record(z.string(), z.number().finite()),
    /** Per-agent override, by agent id: wins over the team's value. */
    agents: z.record(z.string(), z.number().finite()),
  })
  .strict();
export type KpiTarget = z.infer<typeof kpiTargetSchema>;

const kpiIdEnum = z.enum(KPI_IDS);

// Shared by the full schema and the patch schema; cross-field rules (refine) apply to the full
// settings only, since a patch is validated after merging.
const npsFields = z
  .object({
    promoterMin: z.number().int().min(0).max(10),
    detractorMax: z.number().int().min(0).max(10),
    /** Bands for colouring when no target is set: below averageMin is weak, ≥ strongMin strong. */
    averageMin: z.number().min(-100).max(100),
    averageMax: z.number().min(-100).max(100),
    strongMin: z.number().min(-100).max(100),
  })
  .strict();

const calendarFields = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    workingDays: z.array(z.number().int().min(1).max(7)).max(7),
    open: clock,
    close: clock,
    holidays: z.array(day).max(2000),
    timeZone: z.string().superRefine((tz, ctx) => {
      if (!isTimeZone(tz))
        ctx.addIssue({ code: 'custom', message: unknownTimeZoneMessage(tz), params: PLAIN });
    }),
  })
  .strict();

/** Every threshold DOMAIN.md names, as a setting whose default is DOMAIN.md's value. */
export const kpiSettingsSchema = z
  .object({
    csat: z
      .object({
        /** Scale assumed for responses that do not say theirs; the scale mean mode reports on. */
        scale: z.union([z.literal(5), z.literal(10)]),
        /** "Satisfied" = rating ≥ this, on a 1–5 scale. */
        satisfiedMin5: z.number().int().min(1).max(5),
        /** "Satisfied" = rating ≥ this, on a 1–10 scale. */
        satisfiedMin10: z.number().int().min(1).max(10),
        mode: z.enum(['threshold', 'mean']),
      })
      .strict(),
    nps: npsFields.superRefine((v, ctx) => {
      if (v.detractorMax < v.promoterMin) return;
      ctx.addIssue({
        code: 'custom',
        path: ['detractorMax'],
        message: `Detractors must stop below where promoters start (detractors up to ${v.detractorMax}, promoters from ${v.promoterMin}).`,
        params: PLAIN,
      });
    }),
    ces: z
      .object({
        scale: z.union([z.literal(5), z.literal(7)]),
        direction: z.enum(['high_is_easy', 'high_is_hard']),
      })
      .strict(),
    calendar: calendarFields.superRefine((v, ctx) => {
      if (v.open < v.close) return;
      ctx.addIssue({
        code: 'custom',
        path: ['close'],
        message: `Closing time must be after the opening time (${v.open}).`,
        params: PLAIN,
      });
    }),
    fcr: z
      .object({
        mode: z.enum(['flag', 'repeat_window']),
        windowDays: z.number().int().min(1).max(90),
      })
      .strict(),
    status: z
      .object({
        /** Within this many percent of the target (relative) counts as "warn", beyond as "bad". */
        warnTolerancePct: z.number().min(0).max(100),
        /**
         * A value computed from fewer than this many cases (its denominator) is low-confidence:
         * marked as such and kept out of the exceptions.
         */
        minN: z.number().int().min(1).max(100000),
      })
      .strict(),
    targets: z.record(kpiIdEnum, kpiTargetSchema),
  })
  .strict();
export type KpiSettings = z.infer<typeof kpiSettingsSchema>;

const target = (team: number | null): KpiTarget => ({ team, teams: {}, agents: {} });

export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  csat: { scale: 5, satisfiedMin5: 4, satisfiedMin10: 8, mode: 'threshold' },
  nps: { promoterMin: 9, detractorMax: 6, averageMin: 5, averageMax: 15, strongMin: 30 },
  ces: { scale: 7, direction: 'high_is_easy' },
  calendar: {
    workingDays: [1, 2, 3, 4, 5],
    open: '09:00',
    close: '17:00',
    holidays: [],
    timeZone: 'Europe/Berlin',
  },
  fcr: { mode: 'flag', windowDays: 7 },
  status: { warnTolerancePct: 5, minN: 20 },
  targets: {
    csat: target(80),
    nps: target(30),
    fcr: target(70),
    resolution_rate: target(85),
    abandonment_rate: target(5),
    escalation_rate: target(10),
  },
};

/** A partial update: each section is merged shallowly; `targets` entries replace the KPI's entry (null removes it). */
export const kpiSettingsPatchSchema = z
  .object({
    csat: kpiSettingsSchema.shape.csat.partial().optional(),
    nps: npsFields.partial().optional(),
    ces: kpiSettingsSchema.shape.ces.partial().optional(),
    calendar: calendarFields.partial().optional(),
    fcr: kpiSettingsSchema.shape.fcr.partial().optional(),
    status: kpiSettingsSchema.shape.status.partial().optional(),
    targets: z.record(kpiIdEnum, kpiTargetSchema.nullable()).optional(),
  })
  .strict();
export type KpiSettingsPatch = z.infer<typeof kpiSettingsPatchSchema>;

export type SettingsResult = { ok: true; value: KpiSettings } | { ok: false; error: SettingsIssue[] };

/**
 * Applies a patch and validates the result, targets included. A change of CSAT mode or scale or
 * of the CES scale or direction converts (or clears) the targets the patch does not restate, so
 * no target is ever kept in a unit it no longer is in; restated targets are taken as given in
 * the new unit and checked against its range.
 */
export function applyKpiSettingsPatch(
  current: KpiSettings,
  patch: KpiSettingsPatch,
  nameOf?: NameOf,
): SettingsResult {
  const csat = { ...current.csat, ...patch.csat };
  const ces = { ...current.ces, ...patch.ces };
  const restated = new Set(Object.keys(patch.targets ?? {}) as KpiId[]);
  const { targets } = convertTargets(current.targets, current, { csat, ces }, restated);
  for (const [id, value] of Object.entries(patch.targets ?? {}) as Array<[KpiId, KpiTarget | null]>) {
    if (value === null) delete targets[id];
    else targets[id] = value;
  }
  const parsed = kpiSettingsSchema.safeParse({
    csat,
    nps: { ...current.nps, ...patch.nps },
    ces,
    calendar: { ...current.calendar, ...patch.calendar },
    fcr: { ...current.fcr, ...patch.fcr },
    status: { ...current.status, ...patch.status },
    targets,
  });
  if (!parsed.success) return { ok: false, error: settingsIssues(parsed.error.issues) };
  const issues = targetIssues(parsed.data, nameOf);
  return issues.length > 0 ? { ok: false, error: issues } : { ok: true, value: parsed.data };
}

/** `applyKpiSettingsPatch` for callers that treat invalid settings as a bug: throws the sentences. */
export function mergeKpiSettings(current: KpiSettings, patch: KpiSettingsPatch): KpiSettings {
  const result = applyKpiSettingsPatch(current, patch);
  if (!result.ok) throw new Error(result.error.map((i) => i.message).join(' '));
  return result.value;
}

/** True when the change alters derived interaction columns, so they must be recomputed. */
export function affectsDerived(before: KpiSettings, after: KpiSettings): boolean {
  return (
    JSON.stringify(before.calendar) !== JSON.stringify(after.calendar) ||
    before.fcr.windowDays !== after.fcr.windowDays
  );
}

/** Target for an agent (override) or team (override, then default); null when none is set. */
export function resolveTarget(
  settings: KpiSettings,
  kpiId: KpiId,
  scope: { teamId?: string | null; agentId?: string | null },
): number | null {
  const entry = settings.targets[kpiId];
  if (!entry) return null;
  if (scope.agentId && entry.agents[scope.agentId] !== undefined) return entry.agents[scope.agentId] ?? null;
  if (scope.teamId && entry.teams[scope.teamId] !== undefined) return entry.teams[scope.teamId] ?? null;
  return entry.team;
}
