// Go syntax colouring, bundled: only the core and the Go grammar, so nothing is fetched at
// run time and the bundle stays small. Colours live in styles/code.css (light and dark).
import hljs from 'highlight.js/lib/core';
import go from 'highlight.js/lib/languages/go';

hljs.registerLanguage('go', go);

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML for a code block body: Go is coloured, anything else is shown as plain escaped text. */
export function highlightCode(code: string, lang: string | null | undefined): string {
  const name = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (name === 'go' || name === 'golang') return hljs.highlight(code, { language: 'go', ignoreIllegals: true }).value;
  return escapeHtml(code);
}

export { escapeHtml };
