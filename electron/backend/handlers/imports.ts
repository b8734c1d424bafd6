import { GENERIC_PRESET, isPresetId, PRESETS } from '../../../shared/import/presets';
import { DEFAULT_IMPORT_OPTIONS, type ImportMapping, type ImportOptions } from '../../../shared/import/types';
import { isValidTimeZone } from '../../../shared/import/parse';
import { UserFacingError } from '../../../shared/ipc/result';
import type { BackendContext } from '../core/context';
import { runImport } from '../import/job';
import { loadKpiSettings } from '../kpi/settingsStore';
import { deleteMapping, findMapping, listMappings, saveMapping } from '../import/mappings';
import { previewImport } from '../import/preview';
import type { Handlers } from './types';

type ImportMethods =
  | 'listImportPresets'
  | 'previewImport'
  | 'startImport'
  | 'listImportMappings'
  | 'saveImportMapping'
  | 'deleteImportMapping';

/** `mappingId` is a preset id or a saved mapping's id/name; an explicit mapping wins. */
function resolveMapping(
  ctx: BackendContext,
  input: { mappingId?: string | undefined; mapping?: ImportMapping | undefined },
): { mapping?: ImportMapping; presetId?: string } {
  if (input.mapping) return { mapping: input.mapping };
  if (input.mappingId) {
    return isPresetId(input.mappingId)
      ? { presetId: input.mappingId }
      : { mapping: findMapping(ctx.db, input.mappingId).mapping };
  }
  return {};
}

/** Naive timestamps and the `day` column follow the business calendar's time zone unless overridden. */
function resolveOptions(ctx: BackendContext, options: Partial<ImportOptions> | undefined): ImportOptions {
  const merged: ImportOptions = {
    ...DEFAULT_IMPORT_OPTIONS,
    ...options,
    timeZone: options?.timeZone ?? loadKpiSettings(ctx.db).calendar.timeZone,
  };
  if (!isValidTimeZone(merged.timeZone))
    throw new UserFacingError('invalid_input', `Unknown time zone "${merged.timeZone}".`);
  return merged;
}

export const importHandlers: Handlers<ImportMethods> = {
  listImportPresets: () => [
    { ...GENERIC_PRESET, mapping: { source: GENERIC_PRESET.id, presetId: GENERIC_PRESET.id, fields: {} } },
    ...PRESETS.map(({ id, name, description, mapping }) => ({ id, name, description, mapping })),
  ],

  previewImport(input, ctx) {
    return previewImport({
      path: input.path,
      ...resolveMapping(ctx, input),
      options: resolveOptions(ctx, input.options),
      ...(input.sampleSize ? { sampleSize: input.sampleSize } : {}),
    });
  },

  startImport(input, ctx) {
    const chosen = resolveMapping(ctx, input);
    const options = resolveOptions(ctx, input.options);
    return ctx.jobs.start('import', (control) =>
      runImport(
        ctx,
        {
          path: input.path,
          ...chosen,
          options,
          dryRun: input.dryRun ?? false,
          acceptRejected: input.acceptRejected ?? false,
        },
        control,
      ),
    );
  },

  listImportMappings: (_input, ctx) => listMappings(ctx.db),
  saveImportMapping: (input, ctx) => saveMapping(ctx, input),
  deleteImportMapping: ({ id }, ctx) => deleteMapping(ctx.db, id),
};
