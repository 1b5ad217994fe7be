// When the progress database cannot be used, say which file and what is wrong, and offer the
// one safe way forward: move it aside (never delete it) and start a new one.
import { useState } from 'react';
import type { Api, AppStatus } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';

export function DbProblem(props: { api: Api; status: AppStatus; onFixed: (s: AppStatus) => void }) {
  const { api, status, onFixed } = props;
  const report = useReport();
  const [working, setWorking] = useState(false);

  const startFresh = async () => {
    setWorking(true);
    try {
      onFixed(await api.startFresh({}));
    } catch (err) {
      report(err);
    } finally {
      setWorking(false);
    }
  };

  return (
    <section className="db-problem" aria-labelledby="db-problem-title" data-testid="db-problem">
      <h1 id="db-problem-title">Your progress file cannot be opened</h1>
      <p>
        The file <code>{status.dbPath}</code> could not be used:
      </p>
      <p className="problem-text">{status.dbProblem}</p>
      <p>
        Nothing has been changed or deleted. If you have a backup, you can close the app and put it in that place. Or
        start with a new, empty progress file: the old one is kept next to it under a new name, so nothing is lost.
      </p>
      <p className="actions">
        <button type="button" className="primary" onClick={() => void startFresh()} disabled={working}>
          {working ? 'Starting fresh…' : 'Start fresh (keeps the old file)'}
        </button>
      </p>
    </section>
  );
}
