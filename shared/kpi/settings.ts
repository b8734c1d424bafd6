import { z } from 'zod';
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
    timeZone: z.string().refine(isTimeZone, 'unknown time zone'),
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
    nps: npsFields.refine((v) => v.detractorMax < v.promoterMin, 'detractors must be below promoters'),
    ces: z
      .object({
        scale: z.union([z.literal(5), z.literal(7)]),
        direction: z.enum(['high_is_easy', 'high_is_hard']),
      })
      .strict(),
    calendar: calendarFields.refine((v) => v.open < v.close, 'opening time must be before closing time'),
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

/** Applies a patch and validates the result (throws ZodError on an inconsistent combination). */
export function mergeKpiSettings(current: KpiSettings, patch: KpiSettingsPatch): KpiSettings {
  const targets = { ...current.targets };
  for (const [id, value] of Object.entries(patch.targets ?? {}) as Array<[KpiId, KpiTarget | null]>) {
    if (value === null) delete targets[id];
    else targets[id] = value;
  }
  return kpiSettingsSchema.parse({
    csat: { ...current.csat, ...patch.csat },
    nps: { ...current.nps, ...patch.nps },
    ces: { ...current.ces, ...patch.ces },
    calendar: { ...current.calendar, ...patch.calendar },
    fcr: { ...current.fcr, ...patch.fcr },
    status: { ...current.status, ...patch.status },
    targets,
  });
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
