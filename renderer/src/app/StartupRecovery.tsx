import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/ipc/contracts/store';
import type { AppError } from '../../../shared/ipc/result';
import { callResult } from '../lib/api';
import { formatBytes } from '../lib/format';
import { useShell } from './store';

const HEADINGS: Partial<Record<AppError['code'], string>> = {
  database_corrupt: 'The data file is damaged',
  database_too_new: 'The data file needs a newer version of Agent Scorecard',
};

/**
 * Shown instead of the pages when the backend could not open the data file. The file itself is
 * never modified by a failed open, so restoring a backup (which moves the file aside) is safe.
 */
export function StartupRecovery({ error }: { error: AppError }) {
  const refreshAppInfo = useShell((s) => s.refreshAppInfo);
  const notify = useShell((s) => s.notify);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void callResult('listBackups', {}).then((result) => {
      if (!live) return;
      if (result.ok) setBackups(result.value);
      else setListError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  async function restore(backup: BackupInfo) {
    setRestoring(backup.path);
    setRestoreError(null);
    const result = await callResult('restoreBackup', { backupPath: backup.path });
    setRestoring(null);
    if (!result.ok) {
      setRestoreError(result.error.message);
      return;
    }
    notify(`Restored the backup of ${backup.date}. The previous file was kept next to it.`, 'success');
    await refreshAppInfo();
  }

  return (
    <section className="recovery" aria-labelledby="recovery-title">
      <div className="panel recovery-panel">
        <h2 id="recovery-title">{HEADINGS[error.code] ?? 'The data file could not be opened'}</h2>
        <p className="recovery-message">{error.message}</p>
        <p className="muted">
          {error.code === 'database_too_new'
            ? 'Install the newer version to open it, or restore a backup made by this version.'
            : 'Restore one of the automatic daily backups below. The current file is moved aside, not deleted.'}
        </p>
        <h3>Backups</h3>
        {listError && <p className="error">Could not list backups: {listError}</p>}
        {restoreError && (
          <p className="error" role="alert">
            Restore failed: {restoreError}
          </p>
        )}
        {backups === null && !listError && <p className="muted">Looking for backups…</p>}
        {backups?.length === 0 && <p className="muted">No backups were found next to the data file.</p>}
        {backups && backups.length > 0 && (
          <table className="data" aria-label="Backups">
            <thead>
              <tr>
                <th>Date</th>
                <th>File</th>
                <th className="num">Size</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.path}>
                  <td>{b.date}</td>
                  <td className="muted">{b.fileName}</td>
                  <td className="num">{formatBytes(b.sizeBytes)}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="button"
                      disabled={restoring !== null}
                      aria-label={`Restore backup of ${b.date}`}
                      onClick={() => void restore(b)}
                    >
                      {restoring === b.path ? 'Restoring…' : 'Restore'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
