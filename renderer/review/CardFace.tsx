// The two sides of a term or question card. Every text field is Markdown (or, for an imported card, HTML) and goes through the
// sanitizer. Drills and exercises have screens of their own (PredictCard, ExerciseCard).
import type { CardView } from '../../api/contract.ts';
import { CardText } from '../text/Html.tsx';

export const kindNames: Record<CardView['kind'], string> = {
  term: 'Term',
  question: 'Question',
  predict: 'Predict the output',
  exercise: 'Exercise',
};

export function CardFront(props: { card: CardView }) {
  const { card } = props;
  return (
    <div className="card-front">
      <p className="kind">{kindNames[card.kind]}</p>
      <CardText source={card.front} html={card.html} className={card.kind === 'term' ? 'term' : ''} />
    </div>
  );
}

export function CardBack(props: { card: CardView }) {
  const { card } = props;
  return (
    <div className="card-back">
      <CardText source={card.back} html={card.html} />
      <Tags tags={card.tags} />
    </div>
  );
}

export function Tags(props: { tags: readonly string[] }) {
  if (props.tags.length === 0) return null;
  return (
    <p className="tags">
      {props.tags.map((t) => (
        <span key={t} className="tag">
          {t}
        </span>
      ))}
    </p>
  );
}
