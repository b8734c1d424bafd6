import type { ImportPreview } from '../../../../shared/ipc/contracts/imports';
import type { ImportMapping } from '../../../../shared/import/types';

/**
 * Without a creation time, rows with no first-response or resolution time either (the open
 * tickets of a ticket export) are rejected, and leaving them out raises the resolution rate. The
 * file's other date columns are offered as their start instead.
 */
export function OpenRowsOffer({
  preview,
  mapping,
  onChoose,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChoose(header: string): void;
}) {
  const current = mapping.fields.started_fallback ?? '';
  const choices =
    current && !preview.dateColumns.includes(current)
      ? [current, ...preview.dateColumns]
      : preview.dateColumns;
  if (mapping.fields.started_at || choices.length === 0) return null;
  return (
    <div className="iw-offer" data-testid="open-rows-offer">
      <p id="iw-offer-why">
        No column holds the time a row was created. Rows that have no first-response or resolution time
        either, such as open tickets, are rejected, and leaving them out makes the resolution rate look better
        than it is. They can start on the date of another column instead; no durations are computed from it.
      </p>
      <label>
        Rows without any time start on
        <select
          aria-describedby="iw-offer-why"
          value={current}
          onChange={(event) => onChoose(event.target.value)}
        >
          <option value="">— nothing: reject them —</option>
          {choices.map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
