// Import and export. One Import action for every kind of file (Anki packages, text files, deck
// files, progress files): the file is read, then previewed — decks, card counts by kind, the
// first cards, every problem with its place — and written only when the learner says so.
import { useEffect, useRef, useState } from 'react';
import type { Api, DeckInfo, ExportKind, ImportOutcome, ImportPreview } from '../../api/contract.ts';
import { useReport } from '../errors.tsx';
import { CardText } from '../text/Html.tsx';
import { fileTransfer } from '../transfer.ts';

const accept = '.apkg,.colpkg,.csv,.tsv,.txt,.yaml,.yml,.gctprogress';

const formatNames: Record<ImportPreview['format'], string> = {
  apkg: 'Anki package',
  csv: 'text file (CSV/TSV)',
  deck: 'deck file',
  progress: 'progress file',
};

const kindNames: Record<string, string> = {
  basic: 'Basic',
  reversed: 'Basic (and reversed card)',
  cloze: 'Cloze',
  other: 'Other note types (front: first field)',
  text: 'Text rows',
};

type Stage =
  | { name: 'idle' }
  | { name: 'uploading'; file: string; fraction: number }
  | { name: 'reading'; preview: ImportPreview }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'writing'; preview: ImportPreview }
  | { name: 'done'; preview: ImportPreview; outcome: ImportOutcome };

function ProgressBar(props: { label: string; fraction: number | null; testId: string }) {
  const pct = props.fraction === null ? null : Math.round(Math.max(0, Math.min(1, props.fraction)) * 100);
  return (
    <div className="progress" data-testid={props.testId}>
      <div className="progress-text">
        <span>{props.label}</span>
        <span>{pct === null ? '' : `${pct}%`}</span>
      </div>
      <div className="bar" role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined}>
        <div className={`bar-fill ${pct === null ? 'bar-busy' : ''}`} style={{ width: `${pct ?? 100}%` }} />
      </div>
    </div>
  );
}

function Preview(props: { preview: ImportPreview }) {
  const p = props.preview;
  const total = p.decks.reduce((n, d) => n + d.cards, 0);
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        <strong>{p.file}</strong> <span className="muted">({formatNames[p.format]})</span>
        {p.mode === 'restore' && <span className="muted"> · restores this profile</span>}
        {p.mode === 'merge' && <span className="muted"> · merges by card key</span>}
      </p>
      {p.problems.length > 0 && (
        <div className="problems" role="alert" data-testid="import-problems">
          <p>
            <strong>
              {p.problems.length} problem{p.problems.length === 1 ? '' : 's'}; nothing can be imported from this file until
              {p.problems.length === 1 ? ' it is' : ' they are'} fixed.
            </strong>{' '}
            Your collection has not been changed.
          </p>
          <ul>
            {p.problems.slice(0, 50).map((x, i) => (
              <li key={i}>
                <code className="where">{x.place}</code>: {x.message}
              </li>
            ))}
            {p.problems.length > 50 && <li>… and {p.problems.length - 50} more.</li>}
          </ul>
        </div>
      )}
      {p.decks.length > 0 && (
        <table className="counts import-decks">
          <thead>
            <tr>
              <th scope="col">Deck</th>
              <th scope="col" className="num">Cards</th>
              <th scope="col" className="num">New</th>
              <th scope="col" className="num">Updated</th>
            </tr>
          </thead>
          <tbody>
            {p.decks.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                <td className="num">{d.cards}</td>
                <td className="num">{d.newCards}</td>
                <td className="num">{d.updatedCards}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {p.state === 'ready' && (
        <ul className="import-facts" data-testid="import-facts">
          {p.kinds.map((k) => (
            <li key={k.kind}>
              {kindNames[k.kind] ?? k.kind}: <strong>{k.cards}</strong>
            </li>
          ))}
          <li>
            Reviews to add to the log: <strong>{p.reviews}</strong>
          </li>
          {p.images > 0 && (
            <li>
              Images kept: <strong>{p.images}</strong>
            </li>
          )}
        </ul>
      )}
      {p.notices.map((n, i) => (
        <p key={i} className="notice">
          {n}
        </p>
      ))}
      {p.firstCards.length > 0 && (
        <>
          <h2 className="first-cards-title">
            First {p.firstCards.length} of {total} cards
          </h2>
          <ol className="first-cards">
            {p.firstCards.map((c, i) => (
              <li key={i} className="first-card">
                <p className="kind">
                  {c.deck} · {kindNames[c.kind] ?? c.kind}
                </p>
                <div className="first-card-sides">
                  <CardText source={c.front} html={c.html} />
                  <CardText source={c.back} html={c.html} />
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function Transfer(props: { api: Api; inElectron: boolean; onStudy: () => void }) {
  const { api } = props;
  const report = useReport();
  const transfer = useRef(fileTransfer(api, props.inElectron)).current;
  const picker = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ name: 'idle' });
  const [decks, setDecks] = useState<DeckInfo[]>([]);
  const [deckId, setDeckId] = useState('');
  const [exporting, setExporting] = useState<ExportKind | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    api.listDecks({}).then((d) => {
      setDecks(d);
      setDeckId((cur) => cur || (d[0]?.id ?? ''));
    }, report);
  }, [api, report, stage.name === 'done']);

  // While a file is being read, ask how far it is.
  const readingId = stage.name === 'reading' ? stage.preview.importId : null;
  useEffect(() => {
    if (!readingId) return;
    let live = true;
    const tick = async () => {
      try {
        const p = await api.importStatus({ importId: readingId });
        if (!live) return;
        if (p.state === 'reading') {
          setStage({ name: 'reading', preview: p });
          timer = setTimeout(() => void tick(), 150);
        } else if (p.state === 'cancelled') setStage({ name: 'idle' });
        else setStage({ name: 'preview', preview: p });
      } catch (err) {
        report(err);
        setStage({ name: 'idle' });
      }
    };
    let timer = setTimeout(() => void tick(), 50);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, report, readingId]);

  const started = async (importId: string, file: string) => {
    setStage({ name: 'reading', preview: { importId, file, format: 'apkg', state: 'reading', progress: { phase: 'starting', done: 0, total: 0 }, decks: [], kinds: [], reviews: 0, images: 0, firstCards: [], problems: [], notices: [], mode: 'add' } });
  };

  const choose = async () => {
    setSaved(null);
    if (transfer.kind === 'browser') {
      picker.current?.click();
      return;
    }
    try {
      const chosen = await api.importChoose({});
      if (chosen) await started(chosen.importId, '');
    } catch (err) {
      report(err);
    }
  };

  const uploaded = async (file: File | undefined) => {
    if (!file) return;
    if (picker.current) picker.current.value = '';
    setStage({ name: 'uploading', file: file.name, fraction: 0 });
    try {
      const { importId } = await transfer.upload(file, (fraction) => setStage({ name: 'uploading', file: file.name, fraction }));
      await started(importId, file.name);
    } catch (err) {
      report(err);
      setStage({ name: 'idle' });
    }
  };

  const cancel = async () => {
    if (stage.name === 'reading' || stage.name === 'preview') {
      try {
        await api.importCancel({ importId: stage.preview.importId });
      } catch (err) {
        report(err);
      }
    }
    setStage({ name: 'idle' });
  };

  const commit = async () => {
    if (stage.name !== 'preview') return;
    const preview = stage.preview;
    setStage({ name: 'writing', preview });
    try {
      const outcome = await api.importCommit({ importId: preview.importId });
      setStage({ name: 'done', preview, outcome });
    } catch (err) {
      report(err);
      setStage({ name: 'preview', preview });
    }
  };

  const runExport = async (what: ExportKind) => {
    setExporting(what);
    setSaved(null);
    try {
      const where = await transfer.exportFile(what, what === 'deck' ? deckId : undefined);
      if (where) setSaved(transfer.kind === 'dialog' ? `Saved to ${where}.` : `Downloaded ${where}.`);
    } catch (err) {
      report(err);
    } finally {
      setExporting(null);
    }
  };

  const p = stage.name === 'reading' || stage.name === 'preview' || stage.name === 'writing' || stage.name === 'done' ? stage.preview : null;
  const cardCount = p ? p.decks.reduce((n, d) => n + d.cards, 0) : 0;

  return (
    <section aria-labelledby="transfer-title" className="transfer">
      <div className="section-head">
        <h1 id="transfer-title">Import and export</h1>
      </div>

      <div className="panel" data-testid="import-panel">
        <h2>Import</h2>
        <p className="muted">
          Anki packages (<code>.apkg</code>, both the current and the legacy format), text files in Anki's format (<code>.csv</code>,{' '}
          <code>.tsv</code>, <code>.txt</code>), deck files (<code>.yaml</code>) and progress files (<code>.gctprogress</code>). You see
          everything before anything is written.
        </p>
        <input ref={picker} type="file" accept={accept} className="visually-hidden" tabIndex={-1} aria-hidden="true" data-testid="import-file" onChange={(e) => void uploaded(e.target.files?.[0])} />
        {stage.name === 'idle' && (
          <button type="button" className="primary" onClick={() => void choose()} data-testid="import-choose">
            Import a file…
          </button>
        )}
        {stage.name === 'uploading' && <ProgressBar testId="import-progress" label={`Uploading ${stage.file}`} fraction={stage.fraction} />}
        {stage.name === 'reading' && (
          <>
            <ProgressBar
              testId="import-progress"
              label={`Reading ${stage.preview.file || 'the file'}: ${stage.preview.progress.phase}`}
              fraction={stage.preview.progress.total > 0 ? stage.preview.progress.done / stage.preview.progress.total : null}
            />
            <button type="button" onClick={() => void cancel()}>
              Cancel
            </button>
          </>
        )}
        {p && stage.name !== 'reading' && <Preview preview={p} />}
        {stage.name === 'preview' && (
          <div className="actions">
            {stage.preview.state === 'ready' && (
              <button type="button" className="primary" onClick={() => void commit()} data-testid="import-commit">
                {stage.preview.mode === 'restore' ? 'Restore this progress' : `Import ${cardCount} card${cardCount === 1 ? '' : 's'}`}
              </button>
            )}
            <button type="button" onClick={() => void cancel()} data-testid="import-cancel">
              {stage.preview.state === 'ready' ? 'Cancel' : 'Close'}
            </button>
          </div>
        )}
        {stage.name === 'writing' && <ProgressBar testId="import-progress" label="Writing in one transaction…" fraction={null} />}
        {stage.name === 'done' && (
          <div className="notice" role="status" data-testid="import-done">
            Imported {stage.preview.file}: {stage.outcome.added} new card{stage.outcome.added === 1 ? '' : 's'}, {stage.outcome.updated} updated,{' '}
            {stage.outcome.reviews} review{stage.outcome.reviews === 1 ? '' : 's'} added
            {stage.outcome.images > 0 ? `, ${stage.outcome.images} image${stage.outcome.images === 1 ? '' : 's'} kept` : ''}.{' '}
            <button type="button" className="link inline" onClick={props.onStudy}>
              Study now
            </button>{' '}
            ·{' '}
            <button type="button" className="link inline" onClick={() => setStage({ name: 'idle' })}>
              Import another
            </button>
          </div>
        )}
      </div>

      <div className="panel" data-testid="export-panel">
        <h2>Export</h2>
        <ul className="export-list">
          <li>
            <button type="button" onClick={() => void runExport('progress')} disabled={exporting !== null} data-testid="export-progress">
              Export progress
            </button>
            <span className="muted">Decks, cards, scheduling, the whole review log, settings and drafts in one file; import it on another machine.</span>
          </li>
          <li>
            <button type="button" onClick={() => void runExport('reviewsCsv')} disabled={exporting !== null}>
              Review log (CSV)
            </button>
            <span className="muted">card_id, review_time, review_rating, review_state, review_duration: what the FSRS optimizer reads.</span>
          </li>
          <li>
            <span className="export-deck">
              <select aria-label="Deck to export" value={deckId} onChange={(e) => setDeckId(e.target.value)}>
                {decks.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void runExport('deck')} disabled={exporting !== null || !deckId}>
                Export deck (YAML)
              </button>
            </span>
            <span className="muted">The deck file format of docs/deck-format.md.</span>
          </li>
          <li>
            <button type="button" onClick={() => void runExport('database')} disabled={exporting !== null}>
              Copy of the database
            </button>
            <span className="muted">progress.db as it is now, copied safely while the app runs.</span>
          </li>
        </ul>
        {exporting && <ProgressBar testId="export-progress-bar" label={`Exporting…`} fraction={null} />}
        {saved && (
          <p className="notice" role="status" data-testid="export-saved">
            {saved}
          </p>
        )}
      </div>
    </section>
  );
}
