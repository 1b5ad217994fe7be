// Every failed call ends up in one visible banner, written for the learner, instead of a
// silent console message. Screens report through `useReport()`.
import { createContext, useContext } from 'react';
import { ApiError } from './api.ts';

export interface Problem {
  title: string;
  message: string;
  details: string[];
}

/** What the learner was doing when a call failed, in their words. */
const doing: Record<string, string> = {
  status: 'start the app',
  startFresh: 'start fresh',
  today: 'load today’s cards',
  nextCard: 'load the next card',
  answer: 'save your answer',
  undo: 'undo',
  saveDraft: 'save your code',
  bury: 'bury the card',
  suspend: 'suspend the card',
  unsuspend: 'unsuspend the card',
  forget: 'forget the card',
  browseCards: 'search the cards',
  browseFilters: 'list the decks and tags',
  cardInfo: 'show the card',
  listDecks: 'list the decks',
  reloadDecks: 'reload the decks',
  getSettings: 'load the settings',
  updateSettings: 'save the settings',
  openReadOnly: 'open the progress read-only',
  useDataDir: 'use that folder',
  quit: 'quit',
  listBackups: 'list the backups',
  backupNow: 'back up',
  restoreBackup: 'restore the backup',
};

export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) {
    return {
      title: `Could not ${doing[err.method] ?? err.method}`,
      message: err.message,
      details: err.issues.map((i) => `${i.path}: ${i.message}`),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { title: 'Something went wrong', message, details: [] };
}

export const ReportContext = createContext<(err: unknown) => void>(() => {});

export function useReport(): (err: unknown) => void {
  return useContext(ReportContext);
}

export function ErrorBanner(props: { problem: Problem; onDismiss: () => void }) {
  const { problem } = props;
  return (
    <div className="banner banner-error" role="alert">
      <div className="banner-text">
        <strong>{problem.title}.</strong> {problem.message}
        {problem.details.length > 0 && (
          <ul>
            {problem.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="banner-close" onClick={props.onDismiss} aria-label="Dismiss this message">
        ×
      </button>
    </div>
  );
}
