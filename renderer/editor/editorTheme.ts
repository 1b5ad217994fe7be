// How the Go editor looks, as CodeMirror themes (the editor sits in a shadow root, where the
// page's stylesheets do not reach). Colours are the page's CSS variables (styles/app.css and
// styles/code.css), so both themes follow the system's light or dark setting.
import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

export const editorTheme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--code-bg)',
    color: 'var(--code-text)',
    fontSize: '0.88rem',
    border: '1px solid var(--code-border)',
    borderRadius: '8px',
  },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)', padding: '0.5rem 0' },
  '.cm-gutters': {
    backgroundColor: 'var(--code-bg)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--code-border)',
    borderRadius: '8px 0 0 8px',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '&[aria-readonly] .cm-activeLine, &[aria-readonly] .cm-activeLineGutter': { backgroundColor: 'transparent' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 28%, transparent)',
  },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'color-mix(in srgb, var(--good) 22%, transparent)',
    outline: '1px solid color-mix(in srgb, var(--good) 60%, transparent)',
  },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'wavy underline var(--again)', textUnderlineOffset: '3px' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '6px' },
  '.cm-diagnostic': { fontFamily: 'var(--sans)', fontSize: '0.85rem', padding: '0.35rem 0.6rem' },
  '.cm-diagnostic-error': { borderLeft: '4px solid var(--again)' },
  '.cm-panels': { backgroundColor: 'var(--surface)', color: 'var(--text)' },
});

export const goHighlighting = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: 'var(--hl-keyword)' },
  { tag: [t.typeName, t.standard(t.typeName)], color: 'var(--hl-type)' },
  { tag: [t.string, t.special(t.string), t.character], color: 'var(--hl-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--hl-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.definition(t.variableName)), t.definition(t.function(t.variableName))], color: 'var(--hl-function)' },
  { tag: t.standard(t.variableName), color: 'var(--hl-builtin)' },
]);
