import { describe, expect, it } from 'vitest';
import { Db } from '../../electron/backend/db/database';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { migrations } from '../../electron/backend/db/migrations';
import { loadSqlJs } from '../../electron/backend/db/sqljs';

const upTo = (version: number) => migrations.filter((m) => m.version <= version);
const AT = '2026-01-10T10:00:00.000Z';

/**
 * Schema 5 with earlier calibration groups: cal_done (two evaluators, two interactions, all
 * submitted), cal_open (a draft left), cal_mixed (two form versions) and cal_loose (no interaction).
 */
async function versionFive(): Promise<Db> {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(db, upTo(5));
  db.exec(`
    INSERT INTO agents (id, name, created_at) VALUES ('agt_1', 'Ann', '${AT}');
    INSERT INTO interactions (id, channel, agent_id, started_at, day, created_at, updated_at)
      VALUES (1, 'call', 'agt_1', '${AT}', '2026-01-10', '${AT}', '${AT}'),
             (2, 'chat', 'agt_1', '${AT}', '2026-01-10', '${AT}', '${AT}');
    INSERT INTO review_forms (id, name, created_at) VALUES ('form_1', 'QA', '${AT}');
    INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at)
      VALUES ('fver_1', 'form_1', 1, '{}', '${AT}'), ('fver_2', 'form_1', 2, '{}', '${AT}');`);
  let n = 0;
  const review = (group: string | null, evaluator: string, interaction: number | null, draft = false) => {
    n += 1;
    const day = `2026-01-${String(10 + n).padStart(2, '0')}T09:00:00.000Z`;
    db.run(
      `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score, calibration_group,
         counts_in_qa, reviewed_at, submitted_at, created_at, updated_at)
       VALUES (?, ?, 'agt_1', ?, ?, ?, 80, ?, ?, ?, ?, ?, ?)`,
      [
        `rev_${n}`,
        group === 'cal_mixed' && n % 2 === 0 ? 'fver_2' : 'fver_1',
        interaction,
        evaluator,
        draft ? 'draft' : 'submitted',
        group,
        group === null ? 1 : 0,
        draft ? null : day,
        draft ? null : day,
        day,
        day,
      ],
    );
  };
  review(null, 'QA', 1);
  for (const evaluator of ['Sabine', 'Marco'])
    for (const interaction of [2, 1]) review('cal_done', evaluator, interaction);
  review('cal_open', 'Sabine', 1);
  review('cal_open', 'Marco', 1, true);
  review('cal_mixed', 'Sabine', 1);
  review('cal_mixed', 'Marco', 1);
  review('cal_loose', 'Sabine', null);
  return db;
}

describe('migration 6: calibration sessions', () => {
  it('turns earlier calibration groups into sessions and leaves every review as it was', async () => {
    const db = await versionFive();
    const reviews = JSON.stringify(db.values('SELECT * FROM reviews ORDER BY id'));
    expect(migrate(db, upTo(6))).toEqual({ from: 5, to: 6 });
    expect(schemaVersion(db)).toBe(6);
    expect(JSON.stringify(db.values('SELECT * FROM reviews ORDER BY id'))).toBe(reviews);

    expect(
      db.all(
        'SELECT id, name, form_version_id, state, scoring_at, revealed_at FROM calibration_sessions ORDER BY id',
      ),
    ).toEqual([
      {
        id: 'cal_done',
        name: 'Calibration of 2026-01-12',
        form_version_id: 'fver_1',
        state: 'revealed',
        scoring_at: '2026-01-12T09:00:00.000Z',
        revealed_at: '2026-01-15T09:00:00.000Z',
      },
      {
        id: 'cal_open',
        name: 'Calibration of 2026-01-16',
        form_version_id: 'fver_1',
        state: 'scoring',
        scoring_at: '2026-01-16T09:00:00.000Z',
        revealed_at: null,
      },
    ]);
    expect(db.all('SELECT * FROM calibration_session_interactions ORDER BY session_id, position')).toEqual([
      { session_id: 'cal_done', interaction_id: 1, position: 0 },
      { session_id: 'cal_done', interaction_id: 2, position: 1 },
      { session_id: 'cal_open', interaction_id: 1, position: 0 },
    ]);
    expect(db.all('SELECT * FROM calibration_session_evaluators ORDER BY session_id, position')).toEqual([
      { session_id: 'cal_done', evaluator: 'Marco', position: 0 },
      { session_id: 'cal_done', evaluator: 'Sabine', position: 1 },
      { session_id: 'cal_open', evaluator: 'Marco', position: 0 },
      { session_id: 'cal_open', evaluator: 'Sabine', position: 1 },
    ]);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    db.close();
  });

  it('guards states, agreed answers and packet answers with constraints', async () => {
    const db = await versionFive();
    migrate(db, upTo(6));
    const session = (id: string, state: string, scoring: string | null, revealed: string | null) =>
      db.run(
        `INSERT INTO calibration_sessions (id, name, form_version_id, state, created_by, created_at, updated_at,
           scoring_at, revealed_at) VALUES (?, 'S', 'fver_1', ?, 'Lead', ?, ?, ?, ?)`,
        [id, state, AT, AT, scoring, revealed],
      );
    session('s_draft', 'draft', null, null);
    expect(() => session('s_bad1', 'draft', AT, null)).toThrow(/CHECK/);
    expect(() => session('s_bad2', 'scoring', null, null)).toThrow(/CHECK/);
    expect(() => session('s_bad3', 'revealed', AT, null)).toThrow(/CHECK/);
    expect(() => session('s_bad4', 'closed', AT, AT)).toThrow(/CHECK/);
    expect(() => db.run(`INSERT INTO calibration_session_evaluators VALUES ('s_draft', '  ', 0)`)).toThrow(
      /CHECK/,
    );
    expect(() => db.run(`INSERT INTO calibration_session_interactions VALUES ('s_draft', 99, 0)`)).toThrow(
      /FOREIGN KEY/,
    );

    db.run(`INSERT INTO calibration_session_interactions VALUES ('s_draft', 1, 0)`);
    const agree = (criterion: string, rating: number | null, na: number) =>
      db.run(
        `INSERT INTO calibration_agreed_answers (session_id, interaction_id, criterion_id, rating, not_applicable,
           decided_by, decided_at) VALUES ('s_draft', 1, ?, ?, ?, 'Lead', ?)`,
        [criterion, rating, na, AT],
      );
    agree('c1', 4, 0);
    agree('c2', null, 1);
    expect(() => agree('c3', 4, 1)).toThrow(/CHECK/);
    expect(() => agree('c4', null, 0)).toThrow(/CHECK/);
    expect(() =>
      db.run(
        `INSERT INTO calibration_agreed_answers (session_id, interaction_id, criterion_id, rating, decided_by, decided_at)
         VALUES ('s_draft', 2, 'c1', 1, 'Lead', ?)`,
        [AT],
      ),
    ).toThrow(/FOREIGN KEY/);

    expect(() =>
      db.run(
        `INSERT INTO calibration_packet_answers (session_id, evaluator, interaction_id, criterion_id, rating)
         VALUES ('p', 'Sabine', 1, 'c1', 1)`,
      ),
    ).toThrow(/FOREIGN KEY/);
    db.run(`INSERT INTO calibration_packets VALUES ('p', 'Packet', 'sha256:x', '{}', ?, 'Sabine')`, [AT]);
    expect(() =>
      db.run(
        `INSERT INTO calibration_packet_reviews (session_id, evaluator, interaction_id, status, created_at, updated_at)
         VALUES ('p', 'Sabine', 1, 'submitted', ?, ?)`,
        [AT, AT],
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});
