// What undo says it took back, naming the card, wherever undo is pressed.
import type { Undone } from '../../api/contract.ts';

const what: Record<Undone['action'], string> = {
  answer: 'your answer to',
  bury: 'burying',
  suspend: 'suspending',
  unsuspend: 'unsuspending',
  forget: 'forgetting',
};

export function undoneMessage(u: Undone | null): string {
  if (!u) return 'There is nothing to undo today.';
  return `Undone: ${what[u.action]} “${u.title}” (${u.key}).`;
}
