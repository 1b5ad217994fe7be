// Every failed call ends up in one visible banner, written for the learner, instead of a
// silent console message. Screens report through `useReport()`.
import { createContext, useContext } from 'react';
import { ApiError } from './api.ts';

export interface Problem {
  title: string;
  message: string;
  details: string[];
}

export function problemOf(err: unknown): Problem {
  if (err instanceof ApiError) {
    return {
      title: err.status === 0 ? `Could not ${err.method}` : `${err.method} failed`,
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
