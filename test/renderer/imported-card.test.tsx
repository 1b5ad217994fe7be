// @vitest-environment jsdom
// Cards imported from Anki or text files are HTML, not Markdown: shown as HTML, with the
// hostile parts removed by the same sanitizer, and Markdown syntax left as plain text.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import type { CardView } from '../../api/contract.ts';
import { CardBack, CardFront } from '../../renderer/review/CardFace.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function card(front: string, back: string, html: boolean): CardView {
  return {
    id: 1, key: 'anki:g/0', deckId: 'anki:x', kind: 'question', front, back, html, code: null, hint: null, predict: null, exercise: null,
    tags: [], state: 0, due: new Date(0).toISOString(), reps: 0, lapses: 0,
  };
}

function render(el: React.ReactElement): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => createRoot(host).render(el));
  return host;
}

describe('an imported card', () => {
  it('keeps its HTML and images but loses scripts, handlers, javascript: links and styles', () => {
    const hostile = '<img src="media/0123456789abcdef0123456789abcdef.png" onerror="alert(1)"><script>alert(2)</script><b style="color:red" onclick="alert(3)">front</b><iframe src="https://example.com"></iframe>';
    const el = render(<CardFront card={card(hostile, '<a href="javascript:alert(4)">back</a> [sound:x.mp3]', true)} />);
    const html = el.innerHTML;
    expect(html).not.toMatch(/<script|onerror|onclick|style=|iframe/i);
    expect(el.querySelector('img')?.getAttribute('src')).toBe('media/0123456789abcdef0123456789abcdef.png');
    expect(el.querySelector('b')?.textContent).toBe('front');
    const back = render(<CardBack card={card('f', '<a href="javascript:alert(4)">back</a> [sound:x.mp3]', true)} />);
    expect(back.innerHTML).not.toMatch(/javascript:/i);
    expect(back.textContent).toContain('[sound:x.mp3]');
  });

  it('is not read as Markdown: asterisks and indentation stay as they are', () => {
    const el = render(<CardFront card={card('2 * 3 * 4 and _x_', 'b', true)} />);
    expect(el.querySelector('em')).toBeNull();
    expect(el.textContent).toContain('2 * 3 * 4 and _x_');
    const md = render(<CardFront card={card('2 *3* 4', 'b', false)} />);
    expect(md.querySelector('em')?.textContent).toBe('3');
  });
});
