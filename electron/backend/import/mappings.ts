import type { ImportMapping } from '../../../shared/import/types';
import type { SavedMapping } from '../../../shared/ipc/contracts/imports';
import { importMappingSchema } from '../../../shared/ipc/contracts/imports';
import { UserFacingError } from '../../../shared/ipc/result';
import type { Clock } from '../core/clock';
import type { IdGenerator } from '../core/ids';
import type { Db } from '../db/database';

interface Row {
  id: string;
  name: string;
  mapping_json: string;
  created_at: string;
  updated_at: string;
}

function toSaved(row: Row): SavedMapping {
  const parsed = importMappingSchema.safeParse(JSON.parse(row.mapping_json));
  if (!parsed.success)
    throw new UserFacingError('invalid_input', `The saved mapping "${row.name}" is damaged; save it again.`);
  return {
    id: row.id,
    name: row.name,
    mapping: parsed.data as ImportMapping,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listMappings(db: Db): SavedMapping[] {
  return db.all<Row>('SELECT * FROM import_mappings ORDER BY name').map(toSaved);
}

/** By id, else by name (case-insensitive): the CLI's `--mapping NAME`. */
export function findMapping(db: Db, idOrName: string): SavedMapping {
  const row = db.get<Row>('SELECT * FROM import_mappings WHERE id = ? OR name = ? COLLATE NOCASE', [
    idOrName,
    idOrName,
  ]);
  if (!row) throw new UserFacingError('not_found', `No saved import mapping "${idOrName}".`);
  return toSaved(row);
}

/** Saves under a name; saving an existing name (or id) replaces that mapping. */
export function saveMapping(
  deps: { db: Db; clock: Clock; ids: IdGenerator },
  input: { id?: string; name: string; mapping: ImportMapping },
): SavedMapping {
  const { db, clock, ids } = deps;
  const now = clock.now().toISOString();
  const existing = db.get<Row>('SELECT * FROM import_mappings WHERE id = ? OR name = ? COLLATE NOCASE', [
    input.id ?? '',
    input.name,
  ]);
  // Checked whenever an id is given: `existing` may be that id's own row while another mapping
  // already holds the new name, which the UNIQUE index would reject as an internal error.
  if (input.id) {
    const clash = db.get<Row>('SELECT * FROM import_mappings WHERE name = ? COLLATE NOCASE AND id <> ?', [
      input.name,
      input.id,
    ]);
    if (clash) throw new UserFacingError('conflict', `A mapping named "${input.name}" already exists.`);
    if (!db.get('SELECT id FROM import_mappings WHERE id = ?', [input.id]))
      throw new UserFacingError('not_found', `No saved import mapping ${input.id}.`);
  }
  const id = input.id ?? existing?.id ?? ids.next('map');
  db.run(
    `INSERT INTO import_mappings (id, name, mapping_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
    [id, input.name, JSON.stringify(input.mapping), now, now],
  );
  return findMapping(db, id);
}

export function deleteMapping(db: Db, id: string): { deleted: boolean } {
  return { deleted: db.run('DELETE FROM import_mappings WHERE id = ?', [id]).changes > 0 };
}
