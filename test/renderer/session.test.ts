// The review session's rules without a page: what each action asks for in each state, and what
// each event leaves on screen. Review.tsx only carries these out.
import { describe, expect, it } from 'vitest';
import type { ReviewItem, Undone } from '../../api/contract.ts';
import { commandFor, newSession, sessionReducer, type SessionEvent, type SessionState } from '../../renderer/review/session.ts';

function item(id: number, kind: 'term' | 'predict' = 'term'): ReviewItem {
  return {
    card: { id, key: `d/c${id}`, deckId: 'd', kind, front: `Front ${id}`, back: '', tags: [] } as unknown as ReviewItem['card'],
    previews: [],
    remaining: { newCount: 1, learningCount: 0, dueCount: 0 },
  };
}

const run = (...events: SessionEvent[]): SessionState => events.reduce(sessionReducer, newSession);
const undone = (action: Undone['action']): Undone => ({ cardId: 7, key: 'd/c7', deckId: 'd', action, title: 'Goroutine' });

describe('what an action asks for', () => {
  it('asks nothing of a card that is not there', () => {
    for (const s of [newSession, run({ type: 'loaded', item: null, nextDue: null })]) {
      expect(commandFor(s, { type: 'reveal' })).toBeNull();
      expect(commandFor(s, { type: 'grade', rating: 3 })).toBeNull();
      expect(commandFor(s, { type: 'bury' })).toBeNull();
      expect(commandFor(s, { type: 'suspend' })).toBeNull();
      // Undo still reaches back to the last card answered.
      expect(commandFor(s, { type: 'undo' })).toEqual({ type: 'undo' });
    }
  });

  it('shows the answer on the front only, and grades on the back only', () => {
    const front = run({ type: 'loaded', item: item(1), nextDue: null });
    expect(commandFor(front, { type: 'reveal' })).toEqual({ type: 'reveal' });
    expect(commandFor(front, { type: 'grade', rating: 3 })).toBeNull();
    const back = sessionReducer(front, { type: 'revealed' });
    expect(commandFor(back, { type: 'reveal' })).toBeNull();
    expect(commandFor(back, { type: 'grade', rating: 2 })).toEqual({ type: 'answer', cardId: 1, rating: 2 });
  });

  it('takes the suggested grade with the marked-grade key, Good when there is none', () => {
    const back = run({ type: 'loaded', item: item(4, 'predict'), nextDue: null }, { type: 'revealed' });
    expect(commandFor(back, { type: 'gradeMarked' })).toEqual({ type: 'answer', cardId: 4, rating: 3 });
    const wrong = sessionReducer(back, { type: 'suggested', rating: 1, reveal: false });
    expect(commandFor(wrong, { type: 'gradeMarked' })).toEqual({ type: 'answer', cardId: 4, rating: 1 });
  });

  it('buries and suspends the card on screen, whichever side shows', () => {
    const front = run({ type: 'loaded', item: item(9), nextDue: null });
    expect(commandFor(front, { type: 'bury' })).toEqual({ type: 'bury', cardId: 9 });
    expect(commandFor(sessionReducer(front, { type: 'revealed' }), { type: 'suspend' })).toEqual({ type: 'suspend', cardId: 9 });
  });
});

describe('what an event leaves on screen', () => {
  it('starts every card on its front, with no suggestion, counted as a new showing', () => {
    const s = run({ type: 'loaded', item: item(1), nextDue: null }, { type: 'revealed' }, { type: 'suggested', rating: 4, reveal: false });
    const again = sessionReducer(s, { type: 'loaded', item: item(1), nextDue: null });
    expect(again).toMatchObject({ side: 'front', suggested: null, shown: 2 });
  });

  it('shows an exercise\'s answer side once gosim has checked it', () => {
    const s = run({ type: 'loaded', item: item(2), nextDue: null }, { type: 'suggested', rating: 3, reveal: true });
    expect(s.side).toBe('back');
  });

  it('counts answers, and takes one back when undo takes back an answer but not a bury', () => {
    let s = run({ type: 'loaded', item: item(1), nextDue: null }, { type: 'revealed' }, { type: 'answered' }, { type: 'answered' });
    expect(s.done).toBe(2);
    s = sessionReducer(s, { type: 'undone', undone: undone('bury') });
    expect(s.done).toBe(2);
    expect(s.notice).toBe('Undone: burying “Goroutine” (d/c7).');
    s = sessionReducer(s, { type: 'undone', undone: undone('answer') });
    expect(s.done).toBe(1);
    expect(s.notice).toBe('Undone: your answer to “Goroutine” (d/c7).');
    expect(sessionReducer(run(), { type: 'undone', undone: undone('answer') }).done).toBe(0);
  });

  it('says when there is nothing to undo, and leaves the count alone', () => {
    const s = sessionReducer(run({ type: 'answered' }), { type: 'undone', undone: null });
    expect(s).toMatchObject({ done: 1, notice: 'There is nothing to undo today.' });
  });

  it('offers to take back a suspension until the next answer', () => {
    let s = sessionReducer(run({ type: 'loaded', item: item(3), nextDue: null }), { type: 'suspended', cardId: 3 });
    expect(s).toMatchObject({ suspended: 3, notice: 'Suspended: the card will not be shown until you unsuspend it.' });
    s = sessionReducer(s, { type: 'answered' });
    expect(s).toMatchObject({ suspended: null, notice: null });
    expect(sessionReducer(run({ type: 'suspended', cardId: 3 }), { type: 'buried' })).toMatchObject({ suspended: null, notice: 'Buried: the card comes back tomorrow.' });
    expect(sessionReducer(run({ type: 'suspended', cardId: 3 }), { type: 'unsuspended' }).suspended).toBeNull();
  });

  it('never leaves an answered card on screen when the next one fails to load', () => {
    const s = run({ type: 'loaded', item: item(1), nextDue: null }, { type: 'revealed' }, { type: 'answered' }, { type: 'loadFailed' });
    expect(s).toMatchObject({ item: 'loading', stalled: true });
    expect(commandFor(s, { type: 'grade', rating: 3 })).toBeNull();
    expect(sessionReducer(s, { type: 'loaded', item: item(2), nextDue: null }).stalled).toBe(false);
  });

  it('keeps when the next card comes due once the queue is empty', () => {
    expect(run({ type: 'loaded', item: null, nextDue: '2026-12-07T04:00:00.000Z' }).nextDue).toBe('2026-12-07T04:00:00.000Z');
  });
});
