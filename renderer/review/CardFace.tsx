// One card's two sides, by kind. Every text field is Markdown and goes through the sanitizer;
// code fields are shown as highlighted Go.
import type { RefObject } from 'react';
import type { CardView } from '../../electron/api/contract.ts';
import { Code, Markdown } from '../text/Html.tsx';
import type { PredictionCheck } from './predict.ts';

const kindNames: Record<CardView['kind'], string> = {
  term: 'Term',
  question: 'Question',
  predict: 'Predict the output',
  exercise: 'Exercise',
};

export function CardFront(props: {
  card: CardView;
  revealed: boolean;
  typed: string;
  onTyped: (s: string) => void;
  typingRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { card } = props;
  return (
    <div className="card-front">
      <p className="kind">{kindNames[card.kind]}</p>
      <Markdown source={card.front} className={card.kind === 'term' ? 'term' : ''} />
      {card.code !== null && card.code.trim() !== '' && (
        <Code code={card.code} label={card.kind === 'exercise' ? 'Starter code' : 'Program'} />
      )}
      {card.kind === 'exercise' && card.hint && !props.revealed && (
        <details className="hint">
          <summary>Hint</summary>
          <Markdown source={card.hint} />
        </details>
      )}
      {card.kind === 'predict' && card.expectedOutput !== null && !(props.revealed && props.typed === '') && (
        <div className="predict">
          <label htmlFor="prediction">
            Your predicted output <span className="muted">(optional — T to type, Ctrl+Enter to check, Esc to leave)</span>
          </label>
          <textarea
            id="prediction"
            ref={props.typingRef}
            className="mono"
            rows={Math.min(12, Math.max(3, props.typed.split('\n').length + 1))}
            value={props.typed}
            readOnly={props.revealed}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            onChange={(e) => props.onTyped(e.target.value)}
          />
        </div>
      )}
    </div>
  );
}

export function CardBack(props: { card: CardView; check: PredictionCheck | null }) {
  const { card, check } = props;
  return (
    <div className="card-back">
      {check && (
        <p className={`verdict ${check.correct ? 'verdict-right' : 'verdict-wrong'}`} role="status" data-testid="verdict">
          {check.correct
            ? 'Exact match: your prediction is what the program prints.'
            : `Not an exact match: the first difference is on line ${check.firstDifferentLine}.`}
        </p>
      )}
      {card.kind === 'predict' && <p className="back-label">What it prints</p>}
      {card.kind === 'exercise' && <p className="back-label">A solution</p>}
      <Markdown source={card.back} />
      {card.solution !== null && !card.back.includes(card.solution.trim()) && <Code code={card.solution} label="Solution" />}
      {card.hint && card.kind !== 'exercise' && (
        <div className="hint">
          <p className="hint-title">Hint</p>
          <Markdown source={card.hint} />
        </div>
      )}
      {card.tags.length > 0 && (
        <p className="tags">
          {card.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
