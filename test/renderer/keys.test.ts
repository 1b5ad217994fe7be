import { describe, expect, it } from 'vitest';
import { reviewAction, type KeyPress } from '../../renderer/review/keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  ...mods,
});

describe('review keys (Anki conventions)', () => {
  it('Space and Enter show the answer on the front', () => {
    expect(reviewAction(press(' '), 'front', 'other')).toEqual({ type: 'reveal' });
    expect(reviewAction(press('Enter'), 'front', 'other')).toEqual({ type: 'reveal' });
  });

  it('1-4 grade only once the answer is shown', () => {
    expect(reviewAction(press('1'), 'front', 'other')).toBeNull();
    expect(reviewAction(press('1'), 'back', 'other')).toEqual({ type: 'grade', rating: 1 });
    expect(reviewAction(press('2'), 'back', 'other')).toEqual({ type: 'grade', rating: 2 });
    expect(reviewAction(press('3'), 'back', 'other')).toEqual({ type: 'grade', rating: 3 });
    expect(reviewAction(press('4'), 'back', 'other')).toEqual({ type: 'grade', rating: 4 });
    expect(reviewAction(press('5'), 'back', 'other')).toBeNull();
  });

  it('Space and Enter on the answer side take the marked grade (Good unless the app suggests another)', () => {
    expect(reviewAction(press(' '), 'back', 'other')).toEqual({ type: 'gradeMarked' });
    expect(reviewAction(press('Enter'), 'back', 'other')).toEqual({ type: 'gradeMarked' });
  });

  it('U and Ctrl+Z undo; - buries; @ suspends', () => {
    expect(reviewAction(press('u'), 'front', 'other')).toEqual({ type: 'undo' });
    expect(reviewAction(press('U'), 'back', 'other')).toEqual({ type: 'undo' });
    expect(reviewAction(press('z', { ctrlKey: true }), 'back', 'other')).toEqual({ type: 'undo' });
    expect(reviewAction(press('z', { metaKey: true }), 'front', 'other')).toEqual({ type: 'undo' });
    expect(reviewAction(press('-'), 'front', 'other')).toEqual({ type: 'bury' });
    expect(reviewAction(press('@'), 'back', 'other')).toEqual({ type: 'suspend' });
  });

  it('ignores held-down keys so one press grades one card', () => {
    expect(reviewAction(press('3', { repeat: true }), 'back', 'other')).toBeNull();
    expect(reviewAction(press(' ', { repeat: true }), 'front', 'other')).toBeNull();
  });

  it('leaves browser shortcuts alone', () => {
    expect(reviewAction(press('r', { ctrlKey: true }), 'front', 'other')).toBeNull();
    expect(reviewAction(press('1', { altKey: true }), 'back', 'other')).toBeNull();
    expect(reviewAction(press('3', { ctrlKey: true }), 'back', 'other')).toBeNull();
  });

  it('lets a focused button handle Space and Enter itself, but still grades by number', () => {
    expect(reviewAction(press(' '), 'front', 'control')).toBeNull();
    expect(reviewAction(press('Enter'), 'back', 'control')).toBeNull();
    expect(reviewAction(press('2'), 'back', 'control')).toEqual({ type: 'grade', rating: 2 });
  });

  it('typing a prediction never grades, undoes or buries', () => {
    for (const key of ['1', '3', ' ', 'Enter', 'u', '-', '@', 't']) {
      expect(reviewAction(press(key), 'front', 'text')).toBeNull();
    }
    expect(reviewAction(press('z', { ctrlKey: true }), 'front', 'text')).toBeNull();
    expect(reviewAction(press('Enter', { ctrlKey: true }), 'front', 'text')).toEqual({ type: 'reveal' });
    expect(reviewAction(press('Escape'), 'front', 'text')).toEqual({ type: 'leaveTyping' });
    expect(reviewAction(press('t'), 'front', 'other')).toEqual({ type: 'focusTyping' });
  });

  it('Escape gives the keys back to the card from a text box, the editor or a focused button', () => {
    for (const target of ['text', 'control', 'other'] as const) {
      expect(reviewAction(press('Escape'), 'back', target)).toEqual({ type: 'leaveTyping' });
    }
  });
});
