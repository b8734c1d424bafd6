import {
  REVIEW_FORM_FILE_FORMAT,
  type ReviewFormSummary,
  type ReviewFormVersion,
  type SavedReviewForm,
} from '../../../shared/ipc/contracts/reviews';
import { UserFacingError } from '../../../shared/ipc/result';
import { reviewFormDefinitionSchema, type ReviewFormDefinition } from '../../../shared/reviews/form';
import { checkDraft } from '../../../shared/reviews/formCheck';
import { describeFormIssues, describeFormPath } from '../../../shared/reviews/formIssues';
import type { AuditTrail } from '../core/audit';
import { nowIso, type BackendContext } from '../core/context';

interface VersionRow {
  id: string;
  formId: string;
  version: number;
  createdAt: string;
  definitionJson: string;
  archived: number;
  reviewCount: number;
}

const VERSION_SELECT = `
  SELECT v.id, v.form_id AS formId, v.version, v.created_at AS createdAt, v.definition_json AS definitionJson,
         f.archived, (SELECT count(*) FROM reviews r WHERE r.form_version_id = v.id) AS reviewCount
    FROM review_form_versions v JOIN review_forms f ON f.id = v.form_id`;

/**
 * Validates a definition from the editor or a file; the error lists each problem where it is.
 * Beyond the schema, it refuses what the editor refuses on a field: a pass minimum above the top of
 * its scale, a label of spaces only (`checkDraft`). A form whose weights are all 0 is still accepted
 * here (its reviews have no score); only the editor warns about it.
 */
export function parseDefinition(definition: unknown): ReviewFormDefinition {
  const parsed = reviewFormDefinitionSchema.safeParse(definition);
  if (!parsed.success) refuse(describeFormIssues(parsed.error.issues, definition));
  const extra = checkDraft(parsed.data)
    .filter((issue) => issue.path.length > 0)
    .map(
      (issue) =>
        `${capitalise(describeFormPath(issue.path, parsed.data))}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`,
    );
  if (extra.length > 0) refuse(extra);
  return parsed.data;
}

function refuse(problems: string[]): never {
  throw new UserFacingError(
    'invalid_input',
    `The form cannot be saved: ${problems.length === 1 ? problems[0] : `${problems.length} problems. ${problems.join(' ')}`}`,
    { problems },
  );
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function toVersion(row: VersionRow): ReviewFormVersion {
  return {
    id: row.id,
    formId: row.formId,
    version: row.version,
    createdAt: row.createdAt,
    reviewCount: row.reviewCount,
    archived: row.archived === 1,
    definition: JSON.parse(row.definitionJson) as ReviewFormDefinition,
  };
}

function latestVersionRow(ctx: BackendContext, formId: string): VersionRow | undefined {
  return ctx.db.get<VersionRow>(`${VERSION_SELECT} WHERE v.form_id = ? ORDER BY v.version DESC LIMIT 1`, [
    formId,
  ]);
}

export function getFormVersion(ctx: BackendContext, input: { versionId?: string; formId?: string }) {
  const row = input.versionId
    ? ctx.db.get<VersionRow>(`${VERSION_SELECT} WHERE v.id = ?`, [input.versionId])
    : latestVersionRow(ctx, input.formId ?? '');
  if (!row) throw new UserFacingError('not_found', 'That review form no longer exists.');
  return toVersion(row);
}

export function listForms(ctx: BackendContext, includeArchived: boolean): ReviewFormSummary[] {
  const forms = ctx.db.all<{
    id: string;
    name: string;
    archived: number;
    createdAt: string;
    versionCount: number;
  }>(
    `SELECT f.id, f.name, f.archived, f.created_at AS createdAt,
            (SELECT count(*) FROM review_form_versions v WHERE v.form_id = f.id) AS versionCount
       FROM review_forms f WHERE (? OR f.archived = 0) ORDER BY f.archived, f.name`,
    [includeArchived ? 1 : 0],
  );
  return forms.flatMap((f) => {
    const latest = latestVersionRow(ctx, f.id);
    if (!latest) return [];
    const { id, version, createdAt, reviewCount } = latest;
    return [
      {
        id: f.id,
        name: f.name,
        archived: f.archived === 1,
        createdAt: f.createdAt,
        versionCount: f.versionCount,
        latestVersion: { id, version, createdAt, reviewCount },
      },
    ];
  });
}

function insertVersion(
  ctx: BackendContext,
  formId: string,
  version: number,
  definition: ReviewFormDefinition,
) {
  const versionId = ctx.ids.next('fver');
  ctx.db.run(
    'INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at) VALUES (?, ?, ?, ?, ?)',
    [versionId, formId, version, JSON.stringify(definition), nowIso(ctx)],
  );
  return versionId;
}

/**
 * A used version is frozen: every review keeps the version it was scored on, so an edit becomes
 * version n + 1. An unused latest version is still a draft of the form and is updated in place.
 */
export function saveForm(
  ctx: BackendContext,
  input: { formId?: string; definition?: unknown },
  audit: AuditTrail,
): SavedReviewForm {
  const definition = parseDefinition(input.definition);
  if (!input.formId) return createForm(ctx, definition, audit);
  const latest = latestVersionRow(ctx, input.formId);
  if (!latest) throw new UserFacingError('not_found', 'That review form no longer exists.');
  if (latest.archived === 1)
    throw new UserFacingError('conflict', 'This form is archived. Restore it before editing it.');
  const before = JSON.parse(latest.definitionJson) as unknown;
  ctx.db.run('UPDATE review_forms SET name = ? WHERE id = ?', [definition.name, input.formId]);
  if (latest.reviewCount === 0) {
    ctx.db.run('UPDATE review_form_versions SET definition_json = ? WHERE id = ?', [
      JSON.stringify(definition),
      latest.id,
    ]);
    audit.record({
      entityId: input.formId,
      action: `updated version ${latest.version}`,
      before,
      after: definition,
    });
    return { formId: input.formId, versionId: latest.id, version: latest.version, outcome: 'updated' };
  }
  const version = latest.version + 1;
  const versionId = insertVersion(ctx, input.formId, version, definition);
  audit.record({ entityId: input.formId, action: `created version ${version}`, before, after: definition });
  return { formId: input.formId, versionId, version, outcome: 'new_version' };
}

function createForm(
  ctx: BackendContext,
  definition: ReviewFormDefinition,
  audit: AuditTrail,
): SavedReviewForm {
  const formId = ctx.ids.next('form');
  ctx.db.run('INSERT INTO review_forms (id, name, archived, created_at) VALUES (?, ?, 0, ?)', [
    formId,
    definition.name,
    nowIso(ctx),
  ]);
  const versionId = insertVersion(ctx, formId, 1, definition);
  audit.record({ entityId: formId, action: 'created', before: null, after: definition });
  return { formId, versionId, version: 1, outcome: 'new_form' };
}

export function setArchived(
  ctx: BackendContext,
  input: { formId: string; archived: boolean },
  audit: AuditTrail,
): ReviewFormSummary {
  const current = ctx.db.get<{ archived: number }>('SELECT archived FROM review_forms WHERE id = ?', [
    input.formId,
  ]);
  if (!current) throw new UserFacingError('not_found', 'That review form no longer exists.');
  if ((current.archived === 1) !== input.archived) {
    ctx.db.run('UPDATE review_forms SET archived = ? WHERE id = ?', [input.archived ? 1 : 0, input.formId]);
    audit.record({
      entityId: input.formId,
      action: input.archived ? 'archived' : 'restored',
      before: { archived: current.archived === 1 },
      after: { archived: input.archived },
    });
  }
  const summary = listForms(ctx, true).find((f) => f.id === input.formId);
  if (!summary) throw new UserFacingError('not_found', 'That review form no longer exists.');
  return summary;
}

export function exportForm(ctx: BackendContext, versionId: string): { fileName: string; json: string } {
  const version = getFormVersion(ctx, { versionId });
  const slug = version.definition.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'form';
  const file = {
    format: REVIEW_FORM_FILE_FORMAT,
    formatVersion: 1,
    version: version.version,
    definition: version.definition,
  };
  return { fileName: `${slug}-v${version.version}.json`, json: `${JSON.stringify(file, null, 2)}\n` };
}

/** Reads a form file; anything else gets an error that says what the file is not. */
export function importForm(ctx: BackendContext, json: string, audit: AuditTrail): SavedReviewForm {
  let file: unknown;
  try {
    file = JSON.parse(json);
  } catch {
    throw new UserFacingError('invalid_input', 'This file is not JSON, so it cannot be a review form.');
  }
  const record = typeof file === 'object' && file !== null ? (file as Record<string, unknown>) : {};
  if (record.format !== REVIEW_FORM_FILE_FORMAT)
    throw new UserFacingError(
      'invalid_input',
      'This JSON file is not a review form exported from Agent Scorecard (its "format" field is missing or different).',
    );
  if (record.formatVersion !== 1)
    throw new UserFacingError(
      'invalid_input',
      `This form file was written by a newer version of Agent Scorecard (format version ${String(record.formatVersion)}). Update the app to import it.`,
    );
  const definition = parseDefinition(record.definition);
  const taken = new Set(ctx.db.all<{ name: string }>('SELECT name FROM review_forms').map((r) => r.name));
  let name = definition.name;
  for (let i = 2; taken.has(name); i += 1) name = `${definition.name} (${i})`;
  return createForm(ctx, { ...definition, name }, audit);
}
