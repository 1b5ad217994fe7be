// The copies of the learner's progress the app keeps, and putting one back. Restoring first
// backs up the current state, so a restore can itself be taken back.
import { useCallback, useEffect, useState } from 'react';
import type { Api, AppStatus, BackupInfo, BackupList } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';

const reasonLabel: Record<string, string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-migration': 'Before an app update',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  'before-reset': 'Before a reset',
};

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * `embedded`: shown inside the damaged-file screen, where the present cannot be backed up, so
 * only restoring is offered.
 */
export function Backups(props: { api: Api; onRestored: (s: AppStatus) => void; embedded?: boolean }) {
  const { api, onRestored, embedded = false } = props;
  const report = useReport();
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);

  const load = useCallback(() => api.listBackups({}).then(setList, report), [api, report]);
  useEffect(() => {
    void load();
  }, [load]);

  const backUp = async () => {
    setBusy('now');
    try {
      await api.backupNow({});
      await load();
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };

  const restore = async (b: BackupInfo) => {
    setBusy(b.name);
    try {
      const status = await api.restoreBackup({ name: b.name });
      setConfirming(null);
      onRestored(status);
    } catch (err) {
      report(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="backups-title" data-testid="backups">
      {embedded ? (
        <h2 id="backups-title">Restore a backup</h2>
      ) : (
        <>
          <div className="section-head">
            <h1 id="backups-title">Backups</h1>
            <button type="button" onClick={() => void backUp()} disabled={busy !== null}>
              {busy === 'now' ? 'Backing up…' : 'Back up now'}
            </button>
          </div>
          <p className="muted">
            A copy is made each day you study and before every app update, import or restore. The newest of each
            of the last 7 days and of the 4 weeks before them are kept{list ? <>, in <code>{list.dir}</code></> : null}.
          </p>
        </>
      )}
      {confirming && (
        <div className="notice notice-warn confirm" role="alertdialog" aria-labelledby="confirm-restore">
          <p id="confirm-restore">
            Put back your progress as it was on <strong>{formatWhen(confirming.takenAt)}</strong> ({confirming.reviews}{' '}
            reviews)?{' '}
            {embedded
              ? 'The damaged file is kept next to it under a new name.'
              : 'Your progress as it is now is backed up first, so you can come back to it.'}
          </p>
          <p className="actions">
            <button type="button" className="primary" onClick={() => void restore(confirming)} disabled={busy !== null}>
              {busy === confirming.name ? 'Restoring…' : 'Restore this backup'}
            </button>
            <button type="button" onClick={() => setConfirming(null)} disabled={busy !== null}>
              Cancel
            </button>
          </p>
        </div>
      )}
      {list === null ? (
        <p className="muted">Loading backups…</p>
      ) : list.backups.length === 0 ? (
        <p className="empty">
          {embedded ? 'There are no backups to restore.' : 'No backups yet. The first one is made on the first day you study.'}
        </p>
      ) : (
        <div className="table-scroll">
        <table className="counts backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col" className="num">
                Cards
              </th>
              <th scope="col" className="num">
                Reviews
              </th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((b) => (
              <tr key={b.name}>
                <th scope="row">
                  <time dateTime={b.takenAt}>{formatWhen(b.takenAt)}</time>
                </th>
                <td className="why">{reasonLabel[b.reason] ?? b.reason}</td>
                <td className="num">{formatSize(b.sizeBytes)}</td>
                {b.problem ? (
                  <td colSpan={2} className="backup-problem">
                    Unreadable: {b.problem}
                  </td>
                ) : (
                  <>
                    <td className="num">{b.cards}</td>
                    <td className="num">{b.reviews}</td>
                  </>
                )}
                <td className="row-action">
                  <button
                    type="button"
                    onClick={() => setConfirming(b)}
                    disabled={busy !== null || b.problem !== null}
                    aria-label={`Restore the backup of ${formatWhen(b.takenAt)}`}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
