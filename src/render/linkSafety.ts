/**
 * Which link and image addresses the rendered document may carry. markdown-it's own `validateLink`
 * refuses `javascript:`, `vbscript:`, `file:` and non-image `data:`; this is an allowlist instead,
 * so schemes nobody thought of (`command:`, `vscode:`, `vscode-file:`...) are refused too. The
 * scheme is read the way a browser reads it: case-insensitive, with ASCII tabs, newlines and
 * controls ignored, so `JaVa\tScRiPt:` is `javascript:`.
 */

export type UrlKind = 'fragment' | 'relative' | 'http' | 'https' | 'mailto' | 'data-image' | 'refused';

/** Raster image types safe to show and to inline (no SVG: it is a document that may carry script). */
export const DATA_IMAGE_RE = /^data:image\/(?:png|gif|jpeg|webp)[;,]/i;

/** Classifies an address as written in (or normalised from) markdown. */
export function classifyUrl(url: string): UrlKind {
  // Browsers strip leading/trailing C0 controls and spaces, and drop tabs and newlines anywhere.
  // eslint-disable-next-line no-control-regex
  const s = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (s === '') return 'refused';
  if (s.startsWith('#')) return 'fragment';
  // Protocol-relative addresses leave the document's origin without saying how: refused.
  if (s.startsWith('//') || s.startsWith('\\\\') || s.startsWith('/\\') || s.startsWith('\\/')) return 'refused';
  const firstDelimiter = s.search(/[/?#\\]/);
  const colon = s.indexOf(':');
  if (colon === -1 || (firstDelimiter !== -1 && firstDelimiter < colon)) return 'relative';
  // There is a scheme (or something a browser may read as one, e.g. `%6Aavascript:`): allowlist only.
  const scheme = s.slice(0, colon).toLowerCase();
  switch (scheme) {
    case 'http': return 'http';
    case 'https': return 'https';
    case 'mailto': return 'mailto';
    case 'data': return DATA_IMAGE_RE.test(s) ? 'data-image' : 'refused';
    default: return 'refused';
  }
}

/** markdown-it `validateLink` replacement: links, autolinks, reference definitions and images. */
export function isAllowedUrl(url: string): boolean {
  return classifyUrl(url) !== 'refused';
}

/** Whether an `<a href>` may carry this address (images may be `data:`, links may not). */
export function isAllowedHref(url: string): boolean {
  const kind = classifyUrl(url);
  return kind !== 'refused' && kind !== 'data-image';
}
