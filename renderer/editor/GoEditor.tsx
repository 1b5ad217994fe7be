// A Go code editor (CodeMirror 6 with the Go grammar): line numbers, bracket matching, Tab to
// indent, undo history, compile errors marked at their line and column. Read-only, it shows a
// drill's program with the same highlighting. Everything is driven from the keyboard; Escape
// then Tab leaves the editor, as in every CodeMirror editor.
//
// The editor lives in a shadow root. CodeMirror writes its styles at run time, into a <style>
// element when it is mounted in the document, which the app's CSP (style-src 'self') refuses;
// in a shadow root it uses a constructed stylesheet instead, which CSP allows. Its look is
// therefore given as CodeMirror themes (editorTheme.ts), coloured by the page's CSS variables,
// which reach inside the shadow root.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { go } from '@codemirror/lang-go';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { editorTheme, goHighlighting } from './editorTheme.ts';
import { offsetOf } from './positions.ts';

export interface EditorDiagnostic {
  line: number;
  col: number;
  message: string;
}

export interface EditorKeys {
  /** Ctrl+Enter (Cmd+Enter). */
  run?: () => void;
  /** Ctrl+Shift+Enter. */
  check?: () => void;
}

export function GoEditor(props: {
  value: string;
  onChange?: (code: string) => void;
  readOnly?: boolean;
  diagnostics?: readonly EditorDiagnostic[];
  /** The editor's accessible name. */
  label: string;
  keys?: EditorKeys;
  testId?: string;
}) {
  const host = useRef<HTMLDivElement | null>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const readOnly = useRef(new Compartment());
  /** The text the editor last reported through onChange. */
  const emitted = useRef<string | null>(null);

  useEffect(() => {
    const runKeys = keymap.of([
      { key: 'Mod-Enter', run: () => (latest.current.keys?.run ? (latest.current.keys.run(), true) : false) },
      { key: 'Mod-Shift-Enter', run: () => (latest.current.keys?.check ? (latest.current.keys.check(), true) : false) },
    ]);
    const extensions: Extension[] = [
      lineNumbers(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      indentUnit.of('\t'),
      EditorState.tabSize.of(4),
      go(),
      syntaxHighlighting(goHighlighting),
      editorTheme,
      lintGutter(),
      runKeys,
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      readOnly.current.of(readOnlyExtension(props.readOnly ?? false)),
      EditorView.contentAttributes.of({ 'aria-label': props.label, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        const text = u.state.doc.toString();
        emitted.current = text;
        latest.current.onChange?.(text);
      }),
    ];
    const el = host.current!;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.appendChild(parent);
    const v = new EditorView({ state: EditorState.create({ doc: shown(props.value, props.readOnly), extensions }), parent, root: shadow });
    view.current = v;
    return () => {
      v.destroy();
      parent.remove();
      view.current = null;
    };
    // The editor is made once; later prop changes reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new value from outside (reset to the starter, another card): replace the text. The
  // parent also hands back what the editor itself just reported, possibly a keystroke behind
  // the editor by the time it renders; that is no new value, and replacing the text with it
  // would drop what was typed since.
  useEffect(() => {
    const v = view.current;
    if (!v || props.value === emitted.current) return;
    const current = v.state.doc.toString();
    const next = shown(props.value, props.readOnly);
    if (current !== next) v.dispatch({ changes: { from: 0, to: current.length, insert: next } });
  }, [props.value, props.readOnly]);

  useEffect(() => {
    view.current?.dispatch({ effects: readOnly.current.reconfigure(readOnlyExtension(props.readOnly ?? false)) });
  }, [props.readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const doc = v.state.doc;
    const marks: CmDiagnostic[] = (props.diagnostics ?? []).map((d) => {
      const from = offsetOf(doc, d.line, d.col);
      const lineEnd = d.line >= 1 && d.line <= doc.lines ? doc.line(d.line).to : doc.length;
      return { from, to: Math.max(from, Math.min(lineEnd, from + 1)), severity: 'error', message: d.message, source: 'go build' };
    });
    v.dispatch(setDiagnostics(v.state, marks));
  }, [props.diagnostics]);

  return <div className={`go-editor ${props.readOnly ? 'go-editor-readonly' : ''}`} ref={host} data-testid={props.testId} />;
}

/** A program only shown is shown without the empty line its final newline would add. */
function shown(code: string, readOnly: boolean | undefined): string {
  return readOnly ? code.replace(/\n$/, '') : code;
}

/** An editable editor keeps room to type in, and scrolls rather than growing past a screenful. */
const editableSize = EditorView.theme({
  '&': { maxHeight: '30rem' },
  '.cm-scroller': { overflow: 'auto' },
  '.cm-content, .cm-gutter': { minHeight: '14rem' },
});

function readOnlyExtension(on: boolean): Extension {
  // Only an editor being typed in marks the line the cursor is on.
  return on ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : [editableSize, highlightActiveLine(), highlightActiveLineGutter()];
}
