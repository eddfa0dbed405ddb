/**
 * Raw HTML in a document shows as text. The engine is created with `html: false`, so markdown-it
 * never produces HTML tokens; these rules make sure that if an option ever slipped, HTML would
 * still be escaped rather than passed through.
 */
import type MarkdownIt from 'markdown-it';
import { escapeHtml as esc } from '../html';

export function rawHtmlAsText(md: MarkdownIt): void {
  md.renderer.rules.html_block = (tokens, idx) => `<p>${esc(tokens[idx].content)}</p>`;
  md.renderer.rules.html_inline = (tokens, idx) => esc(tokens[idx].content);
}
