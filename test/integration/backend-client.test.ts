import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendClient } from '../../electron/backend/client';
import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import { openDataFile } from '../../electron/backend/open';
import type { BackupInfo } from '../../shared/ipc/contracts/store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-client-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('BackendClient', () => {
  it('opens a new data file in a worker thread and answers calls', async () => {
    const dataFile = path.join(tempDir(), 'nested', 'scorecard.db');
    const client = await BackendClient.start({ dataFile, seedDemo: false, appVersion: '1.2.3' });
    try {
      expect(client.startupError).toBeNull();
      expect(await client.call('listAgents', {})).toEqual({ ok: true, value: [] });
      const info = await client.call('getAppInfo', {});
      expect(info).toMatchObject({
        ok: true,
        value: { version: '1.2.3', dataFile, schemaVersion: latestSchemaVersion },
      });
      const bad = await client.call('listAgents', { teamId: 7 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      // A refused restore leaves the open file in service.
      const refused = await client.call('restoreBackup', { backupPath: '/etc/passwd' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await client.call('listAgents', {})).toEqual({ ok: true, value: [] });
    } finally {
      await client.close();
    }
    expect(fs.readFileSync(dataFile).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(await client.call('listAgents', {})).toMatchObject({ ok: false });
  });

  it('stays up in recovery mode when the data file is damaged', async () => {
    const dataFile = path.join(tempDir(), 'broken.db');
    fs.writeFileSync(dataFile, 'this is not a database at all, just some bytes'.repeat(10));
    const before = fs.readFileSync(dataFile);
    const client = await BackendClient.start({ dataFile, seedDemo: true, appVersion: '1.2.3' });
    try {
      expect(client.startupError?.code).toBe('database_corrupt');
      expect(client.startupError?.message).toContain(dataFile);
      expect(await client.call('listAgents', {})).toMatchObject({
        ok: false,
        error: { code: 'database_corrupt' },
      });
      expect(await client.call('listBackups', {})).toEqual({ ok: true, value: [] });
    } finally {
      await client.close();
    }
    expect(fs.readFileSync(dataFile).equals(before)).toBe(true);
  });

  it('restores a backup from recovery mode and comes back up', async () => {
    const dataFile = path.join(tempDir(), 'team.db');
    const opened = await openDataFile({ dataFile, seedDemo: false, appVersion: 'test' });
    opened.store.db.run("INSERT INTO teams (id, name, created_at) VALUES ('t1', 'Billing', 'x')");
    opened.close();
    const backupOpen = await openDataFile({ dataFile, seedDemo: false, appVersion: 'test' });
    backupOpen.close();
    fs.writeFileSync(dataFile, Buffer.alloc(8192, 7));

    const client = await BackendClient.start({ dataFile, seedDemo: false, appVersion: 'test' });
    try {
      expect(client.startupError?.code).toBe('database_corrupt');
      const list = await client.call('listBackups', {});
      expect(list.ok).toBe(true);
      const backups = (list.ok ? list.value : []) as BackupInfo[];
      expect(backups).toHaveLength(1);
      const restored = await client.call('restoreBackup', { backupPath: backups[0]?.path });
      expect(restored).toMatchObject({ ok: true, value: { restored: { path: backups[0]?.path } } });
      expect(client.startupError).toBeNull();
      // The backup was taken on the first open, before the team was added.
      expect(await client.call('listTeams', {})).toEqual({ ok: true, value: [] });
      const aside = fs.readdirSync(path.dirname(dataFile)).filter((n) => n.startsWith('team.db.corrupt-'));
      expect(aside).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('answers calls sent during a restore from the restored file, not the closed one', async () => {
    const dataFile = path.join(tempDir(), 'team.db');
    const first = await openDataFile({ dataFile, seedDemo: false, appVersion: 'test' });
    first.close();
    const client = await BackendClient.start({ dataFile, seedDemo: false, appVersion: 'test' });
    try {
      expect(client.startupError).toBeNull();
      const list = await client.call('listBackups', {});
      const backups = (list.ok ? list.value : []) as BackupInfo[];
      expect(backups).toHaveLength(1);
      // An import holds the backend's lock, so the restore has to wait for it to finish.
      const csv = path.join(path.dirname(dataFile), 'calls.csv');
      const row = '2024-01-01T10:00:00Z\n';
      fs.writeFileSync(csv, `Date\n${row.repeat(20_000)}`);
      const job = await client.call('startImport', {
        path: csv,
        mapping: { source: 'x', fields: { started_at: 'Date' } },
        acceptRejected: true,
      });
      expect(job).toMatchObject({ ok: true });
      const restoring = client.call('restoreBackup', { backupPath: backups[0]?.path });
      const during = client.call('listTeams', {});
      const jobId = job.ok ? (job.value as { id: string }).id : '';
      expect(await client.call('getJob', { jobId })).toMatchObject({ ok: true, value: { id: jobId } });
      const again = client.call('restoreBackup', { backupPath: backups[0]?.path });
      expect(await restoring).toMatchObject({ ok: true });
      expect(await during).toEqual({ ok: true, value: [] });
      expect(await again).toMatchObject({ ok: true });
      expect(await client.call('listTeams', {})).toEqual({ ok: true, value: [] });
    } finally {
      await client.close();
    }
  });
});
