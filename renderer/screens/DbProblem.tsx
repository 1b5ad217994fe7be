// When the progress database cannot be used, say which file and what is wrong, and offer only
// the ways forward that fit the fault: a damaged file may be moved aside (never deleted) for a
// new one; a healthy file this app must not write (from a newer version, or read-only) can be
// opened read-only to look and export, and any fault can be left by choosing another folder
// or quitting.
import { useState } from 'react';
import type { Api, AppStatus, DbAction, DbFaultKind } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';
import { Backups } from './Backups.tsx';

const headline: Record<DbFaultKind, string> = {
  damaged: 'Your progress file is damaged',
  newer: 'Your progress file is from a newer version of the app',
  readOnlyFile: 'Your progress file is read-only',
  readOnlyFolder: 'The folder of your progress file is read-only',
  noFolder: 'Your progress folder cannot be used',
};

const advice: Record<DbFaultKind, string> = {
  damaged:
    'Nothing has been changed or deleted. You can restore one of your backups, or start with a new, empty progress file; either way the damaged one is kept next to it under a new name.',
  newer:
    'The file is probably fine, but this older version must not change it. Update the app to keep studying, or open it read-only to look at your progress and export it.',
  readOnlyFile:
    'No answer could be saved to it. Make the file writable and start the app again, or open it read-only to look at your progress and export it.',
  readOnlyFolder:
    'The database needs to write small companion files beside it. Make the folder writable and start the app again, or open the file read-only.',
  noFolder: 'Choose a folder where your progress can be kept.',
};

export function DbProblem(props: { api: Api; status: AppStatus; onFixed: (s: AppStatus) => void; onQuit: () => void }) {
  const { api, status, onFixed } = props;
  const report = useReport();
  const [working, setWorking] = useState<DbAction | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [folder, setFolder] = useState('');
  const kind: DbFaultKind = status.dbFault?.kind ?? 'damaged';
  const actions: DbAction[] = status.dbFault?.actions ?? ['startFresh'];

  const act = async (action: DbAction, call: () => Promise<AppStatus | void>) => {
    setWorking(action);
    try {
      const next = await call();
      if (next) onFixed(next);
    } catch (err) {
      report(err);
    } finally {
      setWorking(null);
    }
  };

  const button = (action: DbAction, label: string, busy: string, call: () => Promise<AppStatus | void>, primary = false) =>
    actions.includes(action) && (
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        onClick={() => void act(action, call)}
        disabled={working !== null}
        data-action={action}
      >
        {working === action ? busy : label}
      </button>
    );

  return (
    <section className="db-problem" aria-labelledby="db-problem-title" data-testid="db-problem" data-kind={kind}>
      <h1 id="db-problem-title">{headline[kind]}</h1>
      <p>
        The file <code>{status.dbPath}</code> could not be used:
      </p>
      <p className="problem-text">{status.dbProblem}</p>
      <p>{advice[kind]}</p>
      <p className="actions">
        {button('startFresh', 'Start fresh (keeps the old file)', 'Starting fresh…', () => api.startFresh({}), true)}
        {button('openReadOnly', 'Open read-only', 'Opening…', () => api.openReadOnly({}), true)}
        {actions.includes('chooseFolder') && (
          <button type="button" onClick={() => setChoosing((c) => !c)} disabled={working !== null} aria-expanded={choosing}>
            Use another folder…
          </button>
        )}
        {button('quit', 'Quit', 'Quitting…', async () => {
          await api.quit({});
          props.onQuit();
        })}
      </p>
      {choosing && (
        <form
          className="folder-choice"
          onSubmit={(e) => {
            e.preventDefault();
            void act('chooseFolder', () => api.useDataDir({ dir: folder.trim() }));
          }}
        >
          <label htmlFor="other-folder">Full path of a folder for your progress (used until the app is closed):</label>
          <div className="folder-row">
            <input
              id="other-folder"
              type="text"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              placeholder={status.dataDir}
              spellCheck={false}
              autoComplete="off"
            />
            <button type="submit" className="primary" disabled={working !== null || folder.trim() === ''}>
              {working === 'chooseFolder' ? 'Opening…' : 'Use this folder'}
            </button>
          </div>
          <p className="muted">
            To keep using it, start the app with <code>--data-dir</code> and that path.
          </p>
        </form>
      )}
      {actions.includes('restoreBackup') && (
        <div className="fault-backups">
          <Backups api={api} onRestored={onFixed} embedded />
        </div>
      )}
    </section>
  );
}
