// Card text is Markdown written by deck authors, who may be anyone: it is rendered with marked
// and then sanitized with DOMPurify before it reaches the DOM, so a deck can format text but
// never run script, load remote content or restyle the page (the CSP forbids inline styles too).
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { escapeHtml, highlightCode } from './highlight.ts';

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    code({ text, lang }: Tokens.Code): string {
      const name = (lang ?? '').trim().split(/\s+/)[0] ?? '';
      const cls = name ? ` class="hljs language-${escapeHtml(name.toLowerCase())}"` : ' class="hljs"';
      return `<pre class="code"><code${cls}>${highlightCode(text, name)}</code></pre>\n`;
    },
  },
});

let hooked = false;

function purifier(): typeof DOMPurify {
  if (!hooked) {
    // Links open outside the app (Electron's window-open handler decides), never in its place.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

/** Sanitizes HTML from any source down to plain formatting markup. */
export function sanitize(html: string): string {
  const purify = purifier();
  // Without a DOM DOMPurify returns its input untouched; show the markup as text instead.
  if (!purify.isSupported) return escapeHtml(html);
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style', 'srcset'],
    ALLOW_DATA_ATTR: false,
  });
}

/** Markdown to safe HTML, with Go code fences coloured. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false });
  return sanitize(html);
}

/** A code block outside Markdown (a card's code, starter or solution field), as safe HTML. */
export function renderCode(code: string, lang: string): string {
  return sanitize(`<pre class="code"><code class="hljs language-${escapeHtml(lang)}">${highlightCode(code, lang)}</code></pre>`);
}
