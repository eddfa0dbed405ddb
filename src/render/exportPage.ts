/**
 * The exported HTML file: the shared document body wrapped in a self-contained page. Inline CSS
 * only, no scripts, no external references; its own CSP says so too, so even a copied-out file
 * opened in a browser cannot load or run anything.
 */
import { escapeHtml as esc } from './html';

export interface ExportPageOptions {
  readonly title: string;
  /** From {@link renderDocumentBody} (or the pattern card). */
  readonly bodyHtml: string;
  /** The stylesheet, inlined (the preview's `media/preview.css`). */
  readonly css: string;
  readonly lang?: string;
  /** Shown in a `generator` meta tag. */
  readonly generator?: string;
}

/** The CSP of an exported page: inline styles and embedded images, nothing else. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** A complete, self-contained HTML page in the clean "publication" style. */
export function renderExportPage(options: ExportPageOptions): string {
  // A stylesheet cannot end the <style> element early (no `<` at all: CSS needs none outside
  // strings, where `\3C ` means the same), nor fetch anything (`@import`, `url()` of a file).
  const css = options.css
    .replace(/</g, '\\3C ')
    .replace(/@import[^;]*;/gi, '')
    .replace(/url\(\s*(['"]?)(?!data:)[^)]*\)/gi, 'none');
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(options.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    options.generator ? `<meta name="generator" content="${esc(options.generator)}">` : '',
    `<title>${esc(options.title)}</title>`,
    `<style>\n${css}\n</style>`,
    '</head>',
    '<body class="pa-export pa-style-publication">',
    `<main class="pa-content">${options.bodyHtml}</main>`,
    '</body>',
    '</html>',
    '',
  ].filter((l) => l !== '').join('\n');
}
