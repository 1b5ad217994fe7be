// The app's frame: navigation between screens, the error banner, and the database check that
// comes before everything else.
import { useCallback, useEffect, useState } from 'react';
import type { Api, AppStatus } from '../electron/api/contract.ts';
import { ErrorBanner, problemOf, ReportContext, type Problem } from './errors.tsx';
import { Review } from './review/Review.tsx';
import { DbProblem } from './screens/DbProblem.tsx';
import { Decks } from './screens/Decks.tsx';
import { Settings } from './screens/Settings.tsx';
import { Today } from './screens/Today.tsx';
import { Transfer } from './screens/Transfer.tsx';

type Screen = { name: 'today' } | { name: 'review'; deckId: string | undefined; session: number } | { name: 'decks' } | { name: 'settings' } | { name: 'transfer' };

export function App(props: { api: Api }) {
  const { api } = props;
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [screen, setScreen] = useState<Screen>({ name: 'today' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const report = useCallback((err: unknown) => setProblem(problemOf(err)), []);

  useEffect(() => {
    api.status({}).then(setStatus, report);
  }, [api, report]);

  const go = (s: Screen) => {
    setProblem(null);
    setScreen(s);
  };

  let body;
  if (!status) {
    body = problem ? null : <p className="muted">Starting…</p>;
  } else if (status.dbProblem) {
    body = <DbProblem api={api} status={status} onFixed={setStatus} />;
  } else if (screen.name === 'review') {
    body = <Review key={screen.session} api={api} deckId={screen.deckId} onLeave={() => go({ name: 'today' })} />;
  } else if (screen.name === 'decks') {
    body = <Decks api={api} />;
  } else if (screen.name === 'transfer') {
    body = <Transfer api={api} inElectron={status.host === 'electron'} onStudy={() => go({ name: 'today' })} />;
  } else if (screen.name === 'settings') {
    body = <Settings api={api} />;
  } else {
    body = (
      <Today
        api={api}
        onStart={(deckId) => go({ name: 'review', deckId, session: Date.now() })}
        onDecks={() => go({ name: 'decks' })}
      />
    );
  }

  const tab = (name: 'today' | 'decks' | 'transfer' | 'settings', label: string) => (
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
            {tab('decks', 'Decks')}
            {tab('transfer', 'Import/Export')}
            {tab('settings', 'Settings')}
          </nav>
        )}
      </header>
      <main>
        {problem && <ErrorBanner problem={problem} onDismiss={() => setProblem(null)} />}
        {status?.brokenCopy && !status.dbProblem && (
          <p className="notice" role="status">
            Started fresh. The old progress file was kept at <code>{status.brokenCopy}</code>.
          </p>
        )}
        {body}
      </main>
    </ReportContext.Provider>
  );
}
