import type { ImportPresetInfo, SavedMapping } from '../../../../shared/ipc/contracts/imports';
import { refreshPreview, startFromPreset } from './actions';
import { useImportWizard } from './store';

/**
 * The preset or saved mapping the mapping started from: the detected preset at first. A preset is
 * fitted to the file's headers by the backend (the CSV of the PwC calls renames a column).
 */
export function StartFrom({ presets, saved }: { presets: ImportPresetInfo[]; saved: SavedMapping[] }) {
  const startFrom = useImportWizard((s) => s.startFrom);
  const patch = useImportWizard((s) => s.patch);

  function choose(value: string) {
    const [kind, id = ''] = value.split(':');
    if (kind === 'preset') {
      void startFromPreset(id);
      return;
    }
    const chosen = saved.find((m) => m.id === id);
    if (!chosen) return;
    patch({ mapping: chosen.mapping, startFrom: value });
    void refreshPreview(chosen.mapping);
  }

  return (
    <label>
      Start from
      <select value={startFrom} onChange={(event) => choose(event.target.value)}>
        <optgroup label="Presets">
          {presets.map((preset) => (
            <option key={preset.id} value={`preset:${preset.id}`} title={preset.description}>
              {preset.name}
            </option>
          ))}
        </optgroup>
        {saved.length > 0 && (
          <optgroup label="Saved mappings">
            {saved.map((m) => (
              <option key={m.id} value={`saved:${m.id}`}>
                {m.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
