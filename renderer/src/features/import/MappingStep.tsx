import { useEffect, useState } from 'react';
import type { ImportPresetInfo, SavedMapping } from '../../../../shared/ipc/contracts/imports';
import {
  TARGET_FIELDS,
  type DateOrder,
  type ImportMapping,
  type TargetField,
} from '../../../../shared/import/types';
import { call } from '../../lib/api';
import { refreshPreview } from './actions';
import { fieldLabel } from './fieldLabels';
import { OpenRowsOffer } from './OpenRowsOffer';
import { StartFrom } from './StartFrom';
import { useImportWizard } from './store';

export function MappingStep() {
  const preview = useImportWizard((s) => s.preview);
  const mapping = useImportWizard((s) => s.mapping);
  const dateOrder = useImportWizard((s) => s.dateOrder);
  const patch = useImportWizard((s) => s.patch);
  const [presets, setPresets] = useState<ImportPresetInfo[]>([]);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [saveName, setSaveName] = useState('');
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    call('listImportPresets', {}).then(setPresets, () => undefined);
    call('listImportMappings', {}).then(setSaved, () => undefined);
  }, []);

  if (!preview || !mapping) return null;
  const headers = preview.headers;

  function apply(next: ImportMapping) {
    patch({ mapping: next });
    void refreshPreview(next);
  }

  function setField(field: TargetField, header: string) {
    if (!mapping) return;
    const fields = { ...mapping.fields };
    if (header) fields[field] = header;
    else delete fields[field];
    apply({ ...mapping, fields });
  }

  async function save() {
    if (!mapping || !saveName.trim()) return;
    try {
      const result = await call('saveImportMapping', { name: saveName.trim(), mapping });
      setSaved((list) => [...list.filter((m) => m.id !== result.id), result]);
      patch({ startFrom: `saved:${result.id}` });
      setNote(`Saved as “${result.name}”.`);
      setSaveName('');
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
  }

  const mapped = TARGET_FIELDS.filter((field) => mapping.fields[field]);
  const unmapped = TARGET_FIELDS.filter((field) => !mapping.fields[field]);

  return (
    <div className="iw-mapping">
      <div className="iw-row">
        <StartFrom presets={presets} saved={saved} />
        <label>
          Dates
          <select
            aria-label="Date order"
            value={dateOrder}
            onChange={(event) => {
              patch({ dateOrder: event.target.value as DateOrder });
              void refreshPreview(mapping);
            }}
          >
            <option value="auto">Detect ({preview.dateOrder ?? 'ISO / unambiguous'})</option>
            <option value="mdy">Month first (03/04 = March 4)</option>
            <option value="dmy">Day first (03/04 = 3 April)</option>
          </select>
        </label>
        <span className="muted">Source key: {mapping.source}</span>
      </div>
      {preview.mappingError && <p className="error">{preview.mappingError}</p>}
      <OpenRowsOffer
        preview={preview}
        mapping={mapping}
        onChoose={(header) => setField('started_fallback', header)}
      />
      <div className="iw-fields">
        {[...mapped, ...unmapped].map((field) => (
          <label key={field} className={mapping.fields[field] ? 'iw-field mapped' : 'iw-field'}>
            <span>{fieldLabel(field)}</span>
            <select
              aria-label={`Column for ${fieldLabel(field)}`}
              value={mapping.fields[field] ?? ''}
              onChange={(event) => setField(field, event.target.value)}
            >
              <option value="">— not imported —</option>
              {headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {preview.unmappedHeaders.length > 0 && (
        <p className="muted">Columns not imported: {preview.unmappedHeaders.join(', ')}</p>
      )}
      <div className="iw-row">
        <input
          type="text"
          placeholder="Mapping name"
          aria-label="Mapping name"
          value={saveName}
          maxLength={100}
          onChange={(event) => setSaveName(event.target.value)}
        />
        <button type="button" className="secondary" disabled={!saveName.trim()} onClick={() => void save()}>
          Save mapping as…
        </button>
        {note && <span className="muted">{note}</span>}
      </div>
    </div>
  );
}
