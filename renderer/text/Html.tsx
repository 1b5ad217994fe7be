// The only places sanitized HTML enters the page; everything passes through renderMarkdown or
// renderCode first.
import { useMemo } from 'react';
import { renderCode, renderMarkdown } from './markdown.ts';

export function Markdown(props: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(props.source), [props.source]);
  return <div className={`md ${props.className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Code(props: { code: string; lang?: string; label?: string }) {
  const html = useMemo(() => renderCode(props.code, props.lang ?? 'go'), [props.code, props.lang]);
  return (
    <figure className="code-figure">
      {props.label && <figcaption>{props.label}</figcaption>}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
