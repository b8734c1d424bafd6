import {
  mergeReviewSettings,
  parseStoredReviewSettings,
  reviewSettingsSchema,
  type ReviewSettings,
  type ReviewSettingsPatch,
} from '../../../shared/reviews/settings';
import { nowIso, type BackendContext } from '../core/context';

const KEY = 'reviews';

export function loadReviewSettings(ctx: Pick<BackendContext, 'db'>): ReviewSettings {
  const row = ctx.db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [KEY]);
  return parseStoredReviewSettings(row?.value_json);
}

export function saveReviewSettings(ctx: BackendContext, patch: ReviewSettingsPatch): ReviewSettings {
  const after = reviewSettingsSchema.parse(mergeReviewSettings(loadReviewSettings(ctx), patch));
  ctx.db.run(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    [KEY, JSON.stringify(after), nowIso(ctx)],
  );
  return after;
}
