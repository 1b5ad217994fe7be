// The only places sanitized HTML enters the page; everything passes through renderMarkdown or
// renderCode first.
import { useMemo } from 'react';
import { renderCode, renderMarkdown, sanitize } from './markdown.ts';

export function Markdown(props: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(props.source), [props.source]);
  return <div className={`md ${props.className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** HTML from an imported card (Anki, a text file), sanitized like rendered Markdown. */
export function SafeHtml(props: { html: string; className?: string }) {
  const html = useMemo(() => sanitize(props.html), [props.html]);
  return <div className={`md imported ${props.className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A card side: Markdown from a deck file, or HTML from an import. */
export function CardText(props: { source: string; html?: boolean; className?: string }) {
  return props.html ? <SafeHtml html={props.source} className={props.className} /> : <Markdown source={props.source} className={props.className} />;
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
