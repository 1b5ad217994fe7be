// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderCode, renderMarkdown } from '../../renderer/text/markdown.ts';

function dom(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

describe('card Markdown', () => {
  it('keeps ordinary formatting', () => {
    const el = dom(renderMarkdown('A **buffered** channel: `make(chan int, 3)`\n\n- one\n- two'));
    expect(el.querySelector('strong')?.textContent).toBe('buffered');
    expect(el.querySelector('code')?.textContent).toBe('make(chan int, 3)');
    expect(el.querySelectorAll('li')).toHaveLength(2);
  });

  it('drops script tags and event-handler attributes from deck text', () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script> <img src="x.png" onerror="alert(2)"> <a href="javascript:alert(3)">x</a> <b onclick="alert(4)">b</b>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror|onclick/i);
    expect(html).not.toMatch(/javascript:/i);
    const el = dom(html);
    expect(el.querySelector('b')?.textContent).toBe('b');
    expect(el.textContent).toContain('Hello');
  });

  it('drops inline styles, style sheets and frames, which the CSP would refuse anyway', () => {
    const html = renderMarkdown('<p style="color:red">x</p><style>body{display:none}</style><iframe src="https://example.com"></iframe>');
    expect(html).not.toMatch(/style/i);
    expect(html).not.toMatch(/iframe/i);
    expect(dom(html).textContent).toBe('x');
  });

  it('opens links outside the app', () => {
    const a = dom(renderMarkdown('[Go memory model](https://go.dev/ref/mem)')).querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://go.dev/ref/mem');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toContain('noopener');
  });

  it('colours Go fences and leaves other fences as plain escaped text', () => {
    const el = dom(renderMarkdown('```go\nfunc main() { ch := make(chan int) }\n```\n\n```text\n<b>not bold</b>\n```'));
    const blocks = el.querySelectorAll('pre code');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]?.querySelector('.hljs-keyword')?.textContent).toBe('func');
    expect(blocks[0]?.textContent?.trimEnd()).toBe('func main() { ch := make(chan int) }');
    expect(blocks[1]?.querySelector('b')).toBeNull();
    expect(blocks[1]?.textContent?.trimEnd()).toBe('<b>not bold</b>');
  });

  it('shows code fields verbatim, with Go keywords marked', () => {
    const src = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tgo fmt.Println("<hi>")\n}\n';
    const el = dom(renderCode(src, 'go'));
    expect(el.querySelector('code')?.textContent).toBe(src);
    const keywords = Array.from(el.querySelectorAll('.hljs-keyword')).map((k) => k.textContent);
    expect(keywords).toEqual(expect.arrayContaining(['package', 'import', 'func', 'go']));
    const strings = Array.from(el.querySelectorAll('.hljs-string')).map((k) => k.textContent);
    expect(strings).toEqual(['"fmt"', '"<hi>"']);
  });
});
