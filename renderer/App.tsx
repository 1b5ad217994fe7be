// The app's frame: navigation between screens, the error banner, and the database check that
// comes before everything else.
import { useCallback, useEffect, useState } from 'react';
import type { Api, AppStatus } from '../api/contract.ts';
import { ErrorBanner, problemOf, ReportContext, type Problem } from './errors.tsx';
import { Review } from './review/Review.tsx';
import { Backups } from './screens/Backups.tsx';
import { DbProblem } from './screens/DbProblem.tsx';
import { Browse } from './screens/Browse.tsx';
import { Decks } from './screens/Decks.tsx';
import { Settings } from './screens/Settings.tsx';
import { Today } from './screens/Today.tsx';
import { Transfer } from './screens/Transfer.tsx';

type Screen =
  | { name: 'today' }
  | { name: 'review'; deckId: string | undefined; session: number }
  | { name: 'browse'; deckId?: string; session?: number }
  | { name: 'decks' }
  | { name: 'transfer' }
  | { name: 'backups' }
  | { name: 'settings' };

export function App(props: { api: Api }) {
  const { api } = props;
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'today' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [quit, setQuit] = useState(false);
  const report = useCallback((err: unknown) => setProblem(problemOf(err)), []);

  useEffect(() => {
    api.status({}).then(setStatus, report);
  }, [api, report]);

  const go = (s: Screen) => {
    setProblem(null);
    setScreen(s);
  };

  let body;
  if (quit) {
    body = <p className="notice">The app has stopped. You can close this window.</p>;
  } else if (!status) {
    body = problem ? null : <p className="muted">Starting…</p>;
  } else if (status.dbProblem) {
    body = <DbProblem api={api} status={status} onFixed={setStatus} onQuit={() => setQuit(true)} />;
  } else if (screen.name === 'review') {
    body = <Review key={screen.session} api={api} deckId={screen.deckId} onLeave={() => go({ name: 'today' })} />;
  } else if (screen.name === 'browse') {
    body = <Browse key={screen.session} api={api} deckId={screen.deckId} />;
  } else if (screen.name === 'decks') {
    body = <Decks api={api} onBrowse={(deckId) => go({ name: 'browse', deckId, session: Date.now() })} />;
  } else if (screen.name === 'transfer') {
    body = <Transfer api={api} inElectron={status.host === 'electron'} onStudy={() => go({ name: 'today' })} />;
  } else if (screen.name === 'backups') {
    body = <Backups api={api} onRestored={(s) => (setStatus(s), go({ name: 'today' }))} />;
  } else if (screen.name === 'settings') {
    body = <Settings api={api} />;
  } else {
    body = (
      <Today
        api={api}
        onStart={(deckId) => go({ name: 'review', deckId, session: Date.now() })}
        onDecks={() => go({ name: 'decks' })}
        onBrowse={(deckId) => go({ name: 'browse', deckId, session: Date.now() })}
      />
    );
  }

  const tab = (name: 'today' | 'browse' | 'decks' | 'transfer' | 'backups' | 'settings', label: string) => (
    <button
      type="button"
      className={`tab ${screen.name === name || (name === 'today' && screen.name === 'review') ? 'tab-current' : ''}`}
      aria-current={screen.name === name ? 'page' : undefined}
      onClick={() => go({ name })}
    >
      {label}
    </button>
  );

  return (
    <ReportContext.Provider value={report}>
      <header className="top">
        <span className="brand">Go Concurrency Trainer</span>
        {status && !status.dbProblem && (
          <nav aria-label="Main">
            {tab('today', 'Today')}
            {tab('browse', 'Browse')}
            {tab('decks', 'Decks')}
            {tab('transfer', 'Import/Export')}
            {tab('backups', 'Backups')}
            {tab('settings', 'Settings')}
          </nav>
        )}
      </header>
      <main className={screen.name === 'browse' ? 'wide' : undefined}>
        {problem && <ErrorBanner problem={problem} onDismiss={() => setProblem(null)} />}
        {status?.readOnly && !status.dbProblem && (
          <p className="notice notice-warn" role="status">
            Opened read-only: you can look and export, but nothing you do is saved.
          </p>
        )}
        {status?.restored && !status.dbProblem && (
          <p className="notice" role="status">
            Restored the backup {status.restored.from}.{' '}
            {status.restored.previous ? (
              <>Your progress as it was before is in the backup {status.restored.previous}.</>
            ) : (
              <>
                The damaged file was kept at <code>{status.brokenCopy}</code>.
              </>
            )}
          </p>
        )}
        {status?.brokenCopy && !status.dbProblem && !status.restored && (
          <p className="notice" role="status">
            Started fresh. The old progress file was kept at <code>{status.brokenCopy}</code>.
          </p>
        )}
        {body}
      </main>
    </ReportContext.Provider>
  );
}
