import { z } from 'zod';
import { CHANNELS, type JobStatus } from '../../domain/types';
import { TARGET_FIELDS, type ImportMapping, type RowIssue, type TargetField } from '../../import/types';
import { method } from '../define';

const durationUnit = z.enum(['auto', 'seconds', 'minutes', 'hours', 'days']);

export const importMappingSchema = z
  .object({
    source: z
      .string()
      .min(1)
      .max(60)
      .regex(/^[\w.:-]+$/, 'letters, digits and . : - _ only'),
    presetId: z.string().max(60).optional(),
    fields: z.record(z.enum(TARGET_FIELDS), z.string().max(300)),
    units: z
      .object({
        first_response_seconds: durationUnit,
        resolution_seconds: durationUnit,
        resolution_business_seconds: durationUnit,
        talk_seconds: durationUnit,
        hold_seconds: durationUnit,
        wrap_seconds: durationUnit,
      })
      .partial()
      .strict()
      .optional(),
    defaultChannel: z.enum(CHANNELS).optional(),
    csatScale: z.union([z.literal('auto'), z.literal(5), z.literal(10)]).optional(),
    cesScale: z.union([z.literal('auto'), z.literal(5), z.literal(7)]).optional(),
  })
  .strict();

export const importOptionsSchema = z
  .object({
    dateOrder: z.enum(['auto', 'mdy', 'dmy']).default('auto'),
    // No default here: an absent zone means the business calendar's zone (see the handlers). A
    // default would override it whenever the wizard sends any option.
    timeZone: z.string().min(1).max(64).optional(),
    fallbackDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .strict();

const filePath = z.string().min(1).max(4096);

export interface PreviewRow {
  row: number;
  /** Cells by header as a spreadsheet shows them (an Excel time as 09:12:58). */
  raw: Record<string, string>;
  /** Parsed interaction values by column (agent/team/customer as names), null when rejected. */
  parsed: Record<string, string | number | null> | null;
  issues: RowIssue[];
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  detectedPreset: string;
  /** The mapping in force: the one passed in, the saved one, or the detected one. */
  mapping: ImportMapping;
  /** field → header, convenience copy of mapping.fields. */
  fieldColumns: Partial<Record<TargetField, string>>;
  unmappedHeaders: string[];
  /** Date columns no time field uses: what rows with no time at all may start on (`started_fallback`). */
  dateColumns: string[];
  dateOrder: 'mdy' | 'dmy' | null;
  /** True when some dates (03/04/2021) could be read either way and no order was set. */
  dateOrderAmbiguous: boolean;
  /** IANA zone naive timestamps are read in (parsed times are shown in UTC). */
  timeZone?: string;
  csatScale: 5 | 10 | null;
  assumptions: string[];
  sampleRows: PreviewRow[];
  totalRowsEstimate: number;
  /** Set when the mapping cannot be used as is (a missing column, no date column). */
  mappingError: string | null;
}

export interface SavedMapping {
  id: string;
  name: string;
  mapping: ImportMapping;
  createdAt: string;
  updatedAt: string;
}

export interface ImportPresetInfo {
  id: string;
  name: string;
  description: string;
  mapping: ImportMapping;
}

/**
 * startImport returns a JobStatus; poll getJob. On success `result` is an ImportReport
 * (electron/backend/import/job.ts). With rejected rows and no `acceptRejected` the job fails with
 * code user_error and the report in `error.details`; nothing is written.
 */
export const importsContract = {
  listImportPresets: method<ImportPresetInfo[]>()(z.object({}).strict()),
  previewImport: method<ImportPreview>()(
    z
      .object({
        path: filePath,
        mappingId: z.string().min(1).optional(),
        mapping: importMappingSchema.optional(),
        options: importOptionsSchema.optional(),
        sampleSize: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
  ),
  startImport: method<JobStatus>()(
    z
      .object({
        path: filePath,
        mappingId: z.string().min(1).optional(),
        mapping: importMappingSchema.optional(),
        options: importOptionsSchema.optional(),
        dryRun: z.boolean().optional(),
        acceptRejected: z.boolean().optional(),
      })
      .strict(),
  ),
  listImportMappings: method<SavedMapping[]>()(z.object({}).strict()),
  saveImportMapping: method<SavedMapping>()(
    z
      .object({
        id: z.string().min(1).optional(),
        name: z.string().trim().min(1).max(100),
        mapping: importMappingSchema,
      })
      .strict(),
  ),
  deleteImportMapping: method<{ deleted: boolean }>()(z.object({ id: z.string().min(1) }).strict()),
};
