import type { Profile } from '../../../shared/ipc/contracts/profile';
import { nowIso, type BackendContext } from './context';

const PROFILE_KEY = 'profile';

export function loadProfile(ctx: Pick<BackendContext, 'db'>): Profile {
  const row = ctx.db.get<{ value_json: string }>('SELECT value_json FROM settings WHERE key = ?', [
    PROFILE_KEY,
  ]);
  if (!row) return { name: null };
  try {
    const parsed = JSON.parse(row.value_json) as { name?: unknown };
    const name = typeof parsed.name === 'string' ? parsed.name.trim() : '';
    return { name: name === '' ? null : name };
  } catch {
    // A damaged profile row must not block writes: the actor falls back to the placeholder.
    return { name: null };
  }
}

export function saveProfile(ctx: Pick<BackendContext, 'db' | 'clock'>, profile: { name: string }): Profile {
  ctx.db.run(
    `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    [PROFILE_KEY, JSON.stringify({ name: profile.name }), nowIso(ctx)],
  );
  return loadProfile(ctx);
}
