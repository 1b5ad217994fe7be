// The review keys learners bring from Anki: Space/Enter shows the answer (and on the answer
// side takes the marked grade: the one the app suggests after a drill or an exercise, Good
// otherwise, as in Anki), 1-4 grade, U or Ctrl+Z undoes, "-" buries, "@" suspends. Kept pure
// so the mapping can be tested without a page.
import type { Rating } from '../../api/contract.ts';

export type ReviewAction =
  | { type: 'reveal' }
  | { type: 'grade'; rating: Rating }
  /** The marked grade: the suggested one when there is a suggestion, else Good. */
  | { type: 'gradeMarked' }
  | { type: 'undo' }
  | { type: 'bury' }
  | { type: 'suspend' }
  | { type: 'focusTyping' }
  | { type: 'leaveTyping' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
}

/** Where the key was pressed: a text field keeps its keys, a focused button activates itself. */
export type KeyTarget = 'text' | 'control' | 'other';

export type Side = 'front' | 'back';

const grades: Record<string, Rating> = { '1': 1, '2': 2, '3': 3, '4': 4 };

export function reviewAction(press: KeyPress, side: Side, target: KeyTarget): ReviewAction | null {
  // A held key must not grade a run of cards.
  if (press.repeat) return null;
  const { key } = press;
  const command = press.ctrlKey || press.metaKey;

  // Escape gives the keys back to the card from anywhere: a text box, the editor, a button.
  if (key === 'Escape') return { type: 'leaveTyping' };
  if (target === 'text') {
    if (command && key === 'Enter' && side === 'front') return { type: 'reveal' };
    return null;
  }
  if (press.altKey) return null;
  if (command) {
    if (key === 'z' || key === 'Z') return { type: 'undo' };
    return null;
  }
  // Space and Enter on a focused button press that button; doing both would act twice.
  if ((key === ' ' || key === 'Enter') && target === 'control') return null;

  if (key === ' ' || key === 'Enter') return side === 'front' ? { type: 'reveal' } : { type: 'gradeMarked' };
  const rating = grades[key];
  if (rating !== undefined) return side === 'back' ? { type: 'grade', rating } : null;
  if (key === 'u' || key === 'U') return { type: 'undo' };
  if (key === '-') return { type: 'bury' };
  if (key === '@') return { type: 'suspend' };
  if ((key === 't' || key === 'T') && side === 'front') return { type: 'focusTyping' };
  return null;
}

/** Classifies the element a key event came from. */
export function keyTargetOf(el: EventTarget | null): KeyTarget {
  if (!(el instanceof HTMLElement)) return 'other';
  if (el instanceof HTMLTextAreaElement || el.isContentEditable) return 'text';
  if (el instanceof HTMLInputElement) {
    return ['button', 'submit', 'reset', 'checkbox', 'radio'].includes(el.type) ? 'control' : 'text';
  }
  if (el instanceof HTMLSelectElement) return 'text';
  if (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement || el.tagName === 'SUMMARY') return 'control';
  return 'other';
}

/**
 * For buttons inside a card: clicking one does not move the focus to it, so Space and Enter keep
 * their review meaning afterwards (take the marked grade) instead of pressing that button again.
 * Tab still reaches the button, and Space or Enter on it, once focused, presses it.
 */
export const keepKeysOnCard = {
  onMouseDown: (e: { preventDefault(): void }) => e.preventDefault(),
};
