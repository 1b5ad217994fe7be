// A review session's state and the rules that change it, kept pure so they can be tested without
// a page (as keys.ts is for the keys). Review.tsx is then only their effects: it asks what an
// action means now (`commandFor`), makes the one call to the backend that the command names,
// and reports what happened back as an event (`sessionReducer`).
import type { Rating, ReviewItem, Undone } from '../../api/contract.ts';
import { undoneMessage } from '../text/undone.ts';
import type { ReviewAction, Side } from './keys.ts';

export interface SessionState {
  /** The card on screen; null when nothing is due; 'loading' before the first answer from the backend. */
  item: ReviewItem | null | 'loading';
  /** The next card failed to load; the learner can retry once the cause is fixed. */
  stalled: boolean;
  side: Side;
  /** The grade the app suggests for a drill or exercise (marked on its button), or null. */
  suggested: Rating | null;
  /**
   * Cards put on screen. Drills and exercises are keyed by it, so a card shown again at once
   * (after Again) starts from a clean slate rather than keeping the last attempt.
   */
  shown: number;
  /** Answers given in this session (an undone answer no longer counts). */
  done: number;
  /** When nothing is due: when the next card in study comes due. */
  nextDue: string | null;
  notice: string | null;
  /** The card just suspended, so the notice can offer to take that back. */
  suspended: number | null;
}

export const newSession: SessionState = {
  item: 'loading', stalled: false, side: 'front', suggested: null, shown: 0, done: 0, nextDue: null, notice: null, suspended: null,
};

export type SessionEvent =
  /** The backend gave the next card (or none, with when the next one comes due). */
  | { type: 'loaded'; item: ReviewItem | null; nextDue: string | null }
  /** Asking for the next card failed: the answered card must not stay on screen to be graded twice. */
  | { type: 'loadFailed' }
  | { type: 'revealed' }
  /** A drill or an exercise was graded by gosim: its suggested grade, and whether that shows the answer side. */
  | { type: 'suggested'; rating: Rating; reveal: boolean }
  | { type: 'answered' }
  | { type: 'undone'; undone: Undone | null }
  | { type: 'buried' }
  | { type: 'suspended'; cardId: number }
  | { type: 'unsuspended' }
  | { type: 'notice'; text: string };

export function sessionReducer(s: SessionState, e: SessionEvent): SessionState {
  switch (e.type) {
    case 'loaded':
      return { ...s, item: e.item, stalled: false, side: 'front', suggested: null, shown: s.shown + 1, nextDue: e.item === null ? e.nextDue : s.nextDue };
    case 'loadFailed':
      return { ...s, item: 'loading', stalled: true };
    case 'revealed':
      return s.item !== 'loading' && s.item !== null && s.side === 'front' ? { ...s, side: 'back' } : s;
    case 'suggested':
      return { ...s, suggested: e.rating, side: e.reveal ? 'back' : s.side };
    case 'answered':
      return { ...s, done: s.done + 1, notice: null, suspended: null };
    case 'undone':
      if (e.undone === null) return { ...s, notice: undoneMessage(null) };
      return { ...s, notice: undoneMessage(e.undone), suspended: null, done: e.undone.action === 'answer' ? Math.max(0, s.done - 1) : s.done };
    case 'buried':
      return { ...s, notice: 'Buried: the card comes back tomorrow.', suspended: null };
    case 'suspended':
      return { ...s, notice: 'Suspended: the card will not be shown until you unsuspend it.', suspended: e.cardId };
    case 'unsuspended':
      return { ...s, notice: 'Unsuspended: the card is back in its deck.', suspended: null };
    case 'notice':
      return { ...s, notice: e.text };
  }
}

/** What a review action asks for in the current state; null when it means nothing now. */
export type Command =
  | { type: 'reveal' }
  | { type: 'answer'; cardId: number; rating: Rating }
  | { type: 'undo' }
  | { type: 'bury'; cardId: number }
  | { type: 'suspend'; cardId: number }
  | { type: 'focusTyping' }
  | { type: 'leaveTyping' };

export function commandFor(s: SessionState, a: ReviewAction): Command | null {
  const card = s.item !== 'loading' && s.item !== null ? s.item.card : null;
  switch (a.type) {
    case 'reveal':
      return card && s.side === 'front' ? { type: 'reveal' } : null;
    case 'grade':
      return card && s.side === 'back' ? { type: 'answer', cardId: card.id, rating: a.rating } : null;
    case 'gradeMarked':
      // Space on the answer side takes the marked grade: the suggested one, else Good (Anki's habit).
      return card && s.side === 'back' ? { type: 'answer', cardId: card.id, rating: s.suggested ?? 3 } : null;
    case 'undo':
      return { type: 'undo' };
    case 'bury':
      return card ? { type: 'bury', cardId: card.id } : null;
    case 'suspend':
      return card ? { type: 'suspend', cardId: card.id } : null;
    case 'focusTyping':
    case 'leaveTyping':
      return { type: a.type };
  }
}
