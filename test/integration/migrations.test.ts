import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/backend/db/database';
import { migrate, schemaVersion } from '../../electron/backend/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/backend/db/migrations';
import { loadSqlJs } from '../../electron/backend/db/sqljs';
import { openDataFile } from '../../electron/backend/open';
import { fixedClock } from '../../electron/backend/core/clock';
import { sequentialIds } from '../../electron/backend/core/ids';
import { DEFAULT_REVIEW_FORM } from '../../shared/reviews/form';
import { packRatings } from '../../shared/reviews/packed';
import { TEST_NOW } from '../support/backend';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * Rows written with the columns of schema 1, so fixtures at any older version hold them: the demo
 * generator writes the latest schema and cannot seed old files. Interactions (some with customers
 * and external ids), submitted, draft and calibration reviews referring to them, and answers.
 */
function seedSchemaOneRows(db: Db): void {
  const at = '2026-01-10T10:00:00.000Z';
  db.transaction(() => {
    db.run(`INSERT INTO teams (id, name, created_at) VALUES ('team_1', 'Blue', ?), ('team_2', 'Green', ?)`, [
      at,
      at,
    ]);
    for (let a = 1; a <= 3; a += 1)
      db.run('INSERT INTO agents (id, team_id, name, created_at) VALUES (?, ?, ?, ?)', [
        `agt_${a}`,
        `team_${1 + (a % 2)}`,
        `Agent ${a}`,
        at,
      ]);
    db.run(`INSERT INTO customers (id, external_ref, created_at) VALUES ('cus_1', 'C-1', ?)`, [at]);
    for (let i = 1; i <= 60; i += 1) {
      const started = new Date(Date.parse(at) + i * 3_600_000).toISOString();
      db.run(
        `INSERT INTO interactions (id, source, external_id, channel, agent_id, team_id, customer_id, started_at, day,
           csat_score, csat_scale, hold_seconds, created_at, updated_at)
         VALUES (?, 'acd', ?, ?, ?, ?, ?, ?, ?, ?, 5, ?, ?, ?)`,
        [
          i,
          i % 5 === 0 ? null : `T-${i}`,
          ['call', 'chat', 'email'][i % 3] ?? 'call',
          `agt_${1 + (i % 3)}`,
          `team_${1 + ((1 + (i % 3)) % 2)}`,
          i % 4 === 0 ? 'cus_1' : null,
          started,
          started.slice(0, 10),
          1 + (i % 5),
          i * 7,
          at,
          at,
        ],
      );
    }
    db.run(`INSERT INTO review_forms (id, name, created_at) VALUES ('form_1', 'QA', ?)`, [at]);
    db.run(
      `INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at) VALUES ('fver_1', 'form_1', 1, '{}', ?)`,
      [at],
    );
    for (let r = 1; r <= 20; r += 1) {
      const group = r > 17 ? 'cal_1' : null;
      const interaction = group ? 3 : r * 3;
      db.run(
        `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score, failed_critical,
           calibration_group, reviewed_at, created_at, updated_at)
         VALUES (?, 'fver_1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          `rev_${r}`,
          `agt_${1 + (interaction % 3)}`,
          interaction,
          `QA ${r % 2}`,
          r === 5 ? 'draft' : 'submitted',
          60 + r,
          r % 7 === 0 ? 1 : 0,
          group,
          r === 5 ? null : at,
          at,
          at,
        ],
      );
      db.run(`INSERT INTO review_answers (review_id, criterion_id, rating) VALUES (?, 'c1', ?)`, [
        `rev_${r}`,
        r % 2,
      ]);
    }
  });
}

/** A database at schema 2 with interactions, and reviews that refer to them. */
async function versionTwo(): Promise<Db> {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(
    db,
    migrations.filter((m) => m.version <= 2),
  );
  seedSchemaOneRows(db);
  return db;
}

const upTo = (version: number) => migrations.filter((m) => m.version <= version);

/** Columns every schema since 1 has, so contents compare across later migrations. */
const REVIEW_COLUMNS = `id, form_version_id, agent_id, interaction_id, evaluator, status, score, failed_critical,
  comment, calibration_group, reviewed_at, created_at, updated_at`;

const contents = (db: Db) =>
  JSON.stringify([
    db.values('SELECT * FROM interactions ORDER BY id'),
    db.values(`SELECT ${REVIEW_COLUMNS} FROM reviews ORDER BY id`),
  ]);

describe('migration 3: interactions unique rule as a named index', () => {
  it('keeps every row and reference, and the unique rule', async () => {
    const db = await versionTwo();
    const before = contents(db);
    expect(
      db.get<{ n: number }>('SELECT count(*) AS n FROM reviews WHERE interaction_id IS NOT NULL')?.n,
    ).toBeGreaterThan(0);

    expect(migrate(db, upTo(3))).toEqual({ from: 2, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(contents(db)).toBe(before);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    const insert = () =>
      db.run(
        `INSERT INTO interactions (source, external_id, channel, started_at, day, created_at, updated_at)
         VALUES ('crm', 'T-1', 'call', '2026-01-01T09:00:00.000Z', '2026-01-01', 'now', 'now')`,
      );
    insert();
    expect(insert).toThrow(/UNIQUE constraint failed/);
    // The references still point at the table: a review of a missing interaction is refused.
    const review = db.get<{ id: string }>('SELECT id FROM reviews WHERE interaction_id IS NOT NULL LIMIT 1');
    expect(() => db.run('UPDATE reviews SET interaction_id = -1 WHERE id = ?', [review?.id ?? ''])).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('rolls back entirely and restores foreign keys when a reference is already broken', async () => {
    const db = await versionTwo();
    db.raw.run('PRAGMA foreign_keys = OFF');
    db.raw.run(
      'UPDATE reviews SET interaction_id = -1 WHERE rowid = (SELECT min(rowid) FROM reviews WHERE interaction_id IS NOT NULL)',
    );
    db.raw.run('PRAGMA foreign_keys = ON');
    const before = contents(db);
    expect(() => migrate(db, upTo(3))).toThrow(/broken references/);
    expect(schemaVersion(db)).toBe(2);
    expect(contents(db)).toBe(before);
    expect(db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    db.close();
  });

  it('upgrades a version 2 data file on open and writes it back at the latest version', async () => {
    const db = await versionTwo();
    const before = contents(db);
    const dataFile = path.join(tmp, 'v2.scorecard');
    fs.writeFileSync(dataFile, db.raw.export());
    db.close();
    const options = {
      dataFile,
      seedDemo: false,
      appVersion: 'test',
      backups: false,
      clock: fixedClock(TEST_NOW),
      ids: sequentialIds(),
    };
    const opened = await openDataFile(options);
    expect(schemaVersion(opened.store.db)).toBe(latestSchemaVersion);
    opened.close();
    // The upgrade was written as a whole file: reopening finds it with nothing to replay.
    const again = await openDataFile(options);
    expect(schemaVersion(again.store.db)).toBe(latestSchemaVersion);
    expect(again.store.stats.replayedRecords).toBe(0);
    expect(contents(again.store.db)).toBe(before);
    again.close();
  });
});

/** A schema-3 database with reviews of every kind the backfill tells apart. */
async function versionThree(): Promise<Db> {
  const SQL = await loadSqlJs();
  const db = new Db(new SQL.Database());
  migrate(db, upTo(3));
  const at = '2026-01-10T10:00:00.000Z';
  db.exec(`
    INSERT INTO teams (id, name, created_at) VALUES ('team_1', 'Blue', '${at}');
    INSERT INTO agents (id, team_id, name, created_at) VALUES ('agt_1', 'team_1', 'Ann', '${at}');
    INSERT INTO interactions (id, channel, agent_id, started_at, day, created_at, updated_at)
      VALUES (1, 'call', 'agt_1', '${at}', '2026-01-10', '${at}', '${at}');
    INSERT INTO review_forms (id, name, created_at) VALUES ('form_1', 'QA', '${at}');
    INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at)
      VALUES ('fver_1', 'form_1', 1, '{}', '${at}');`);
  const review = (id: string, status: string, reviewedAt: string | null, group: string | null) =>
    db.run(
      `INSERT INTO reviews (id, form_version_id, agent_id, interaction_id, evaluator, status, score,
         calibration_group, reviewed_at, created_at, updated_at)
       VALUES (?, 'fver_1', 'agt_1', 1, 'QA', ?, 80, ?, ?, '2026-01-09T08:00:00.000Z', '2026-01-11T12:00:00.000Z')`,
      [id, status, group, reviewedAt],
    );
  review('rev_submitted', 'submitted', '2026-01-10T15:00:00.000Z', null);
  review('rev_undated', 'submitted', null, null);
  review('rev_draft', 'draft', null, null);
  review('rev_cal_a', 'submitted', '2026-01-12T09:00:00.000Z', 'cal_1');
  review('rev_cal_b', 'submitted', '2026-01-12T10:00:00.000Z', 'cal_1');
  db.run(`INSERT INTO review_answers (review_id, criterion_id, rating) VALUES ('rev_submitted', 'c1', 1)`);
  return db;
}

describe('migration 4: review lifecycle', () => {
  it('keeps every review, backfills submitted_at and takes calibration reviews out of QA', async () => {
    const db = await versionThree();
    const before = contents(db);
    const answers = JSON.stringify(db.values('SELECT * FROM review_answers'));

    expect(migrate(db, upTo(4))).toEqual({ from: 3, to: 4 });
    expect(schemaVersion(db)).toBe(4);
    expect(contents(db)).toBe(before);
    expect(JSON.stringify(db.values('SELECT * FROM review_answers'))).toBe(answers);
    expect(db.all('SELECT id, submitted_at, counts_in_qa FROM reviews ORDER BY id')).toEqual([
      { id: 'rev_cal_a', submitted_at: '2026-01-12T09:00:00.000Z', counts_in_qa: 0 },
      { id: 'rev_cal_b', submitted_at: '2026-01-12T10:00:00.000Z', counts_in_qa: 0 },
      { id: 'rev_draft', submitted_at: null, counts_in_qa: 1 },
      // No review date: the last change is the closest record of the submission.
      { id: 'rev_submitted', submitted_at: '2026-01-10T15:00:00.000Z', counts_in_qa: 1 },
      { id: 'rev_undated', submitted_at: '2026-01-11T12:00:00.000Z', counts_in_qa: 1 },
    ]);
    expect(db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(db.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    db.close();
  });

  it('guards the new columns and tables with constraints', async () => {
    const db = await versionThree();
    migrate(db, upTo(4));
    expect(() => db.run(`UPDATE reviews SET counts_in_qa = 2 WHERE id = 'rev_draft'`)).toThrow(/CHECK/);

    const dispute = (id: string, extra: Record<string, string | number | null>) => {
      const columns: Record<string, string | number | null> = {
        id,
        review_id: 'rev_submitted',
        criterion_id: 'c1',
        agent_reason: 'I did confirm the fix.',
        opened_at: '2026-01-13T09:00:00.000Z',
        opened_by: 'QA',
        original_rating: 0,
        original_not_applicable: 0,
        ...extra,
      };
      const keys = Object.keys(columns);
      db.run(
        `INSERT INTO review_disputes (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
        keys.map((k) => columns[k] ?? null),
      );
    };
    dispute('dsp_1', {});
    // One open dispute per criterion; a resolved one needs its time, resolver and reason.
    expect(() => dispute('dsp_2', {})).toThrow(/UNIQUE/);
    expect(() => dispute('dsp_3', { status: 'kept' })).toThrow(/CHECK/);
    expect(() => dispute('dsp_4', { resolved_at: '2026-01-14T09:00:00.000Z' })).toThrow(/CHECK/);
    expect(() =>
      dispute('dsp_5', { status: 'kept', resolved_at: '2026-01-14T09:00:00.000Z', resolved_by: 'QA' }),
    ).toThrow(/CHECK/);
    dispute('dsp_6', {
      status: 'kept',
      resolved_at: '2026-01-14T09:00:00.000Z',
      resolved_by: 'QA',
      resolution_reason: 'The recording shows no check.',
    });
    expect(() => dispute('dsp_7', { agent_reason: '  ' })).toThrow(/CHECK/);
    expect(() => dispute('dsp_8', { review_id: 'rev_missing', criterion_id: 'c2' })).toThrow(/FOREIGN KEY/);

    const amend = (reason: string) =>
      db.run(
        `INSERT INTO review_amendments (id, review_id, amended_at, actor, reason, score_before, score_after,
           failed_critical_before, failed_critical_after, answers_before_json, answers_after_json)
         VALUES (?, 'rev_submitted', '2026-01-14T09:00:00.000Z', 'QA', ?, 80, 90, 0, 0, '[]', '[]')`,
        [`amd_${reason.length}`, reason],
      );
    expect(() => amend(' ')).toThrow(/CHECK/);
    amend('Recording re-checked.');
    expect(db.get<{ n: number }>('SELECT count(*) AS n FROM review_amendments')?.n).toBe(1);
    db.close();
  });
});

describe('migration 5: packed ratings', () => {
  it('backfills every review from its answers in form order, and answer writes clear it', async () => {
    const SQL = await loadSqlJs();
    const db = new Db(new SQL.Database());
    migrate(db, upTo(4));
    const at = '2026-01-10T10:00:00.000Z';
    db.exec(`
      INSERT INTO agents (id, name, created_at) VALUES ('agt_1', 'Ann', '${at}');
      INSERT INTO review_forms (id, name, created_at) VALUES ('form_1', 'QA', '${at}');`);
    db.run(
      `INSERT INTO review_form_versions (id, form_id, version, definition_json, created_at) VALUES ('fver_1', 'form_1', 1, ?, ?)`,
      [JSON.stringify(DEFAULT_REVIEW_FORM), at],
    );
    const review = (id: string) =>
      db.run(
        `INSERT INTO reviews (id, form_version_id, agent_id, evaluator, status, created_at, updated_at)
         VALUES (?, 'fver_1', 'agt_1', 'QA', 'submitted', ?, ?)`,
        [id, at, at],
      );
    const answer = (reviewId: string, criterionId: string, rating: number | null, na = 0) =>
      db.run(
        'INSERT INTO review_answers (review_id, criterion_id, rating, not_applicable) VALUES (?, ?, ?, ?)',
        [reviewId, criterionId, rating, na],
      );
    review('rev_1');
    answer('rev_1', 'greeting_valued', 4);
    answer('rev_1', 'greeting_intro', 1);
    answer('rev_1', 'cross_sell_offer', null, 1);
    answer('rev_1', 'res_holds', 0);
    review('rev_empty');

    migrate(db, upTo(5));
    const packed = (id: string) =>
      db.get<{ p: string | null }>('SELECT ratings_packed AS p FROM reviews WHERE id = ?', [id])?.p;
    const expected = packRatings(DEFAULT_REVIEW_FORM, [
      { criterionId: 'greeting_valued', rating: 4, notApplicable: false },
      { criterionId: 'greeting_intro', rating: 1, notApplicable: false },
      { criterionId: 'cross_sell_offer', rating: null, notApplicable: true },
      { criterionId: 'res_holds', rating: 0, notApplicable: false },
    ]);
    expect(packed('rev_1')).toBe(expected);
    expect(packed('rev_empty')).toBe(packRatings(DEFAULT_REVIEW_FORM, []));

    db.run(`UPDATE reviews SET ratings_packed = 'x'`);
    db.run(
      `UPDATE review_answers SET rating = 5 WHERE review_id = 'rev_1' AND criterion_id = 'greeting_valued'`,
    );
    expect(packed('rev_1')).toBeNull();
    expect(packed('rev_empty')).toBe('x');
    answer('rev_empty', 'greeting_intro', 1);
    expect(packed('rev_empty')).toBeNull();
    db.run(`UPDATE reviews SET ratings_packed = 'x'`);
    db.run(`DELETE FROM review_answers WHERE review_id = 'rev_empty'`);
    expect([packed('rev_1'), packed('rev_empty')]).toEqual(['x', null]);
    db.close();
  });
});
