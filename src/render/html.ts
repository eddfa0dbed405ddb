/**
 * HTML escaping for everything the renderer interpolates: document text, model strings, verdict
 * messages. Every string that is not markup we wrote ourselves goes through one of these.
 */

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NEEDS_ESCAPE_RE = /[&<>"']/;

/**
 * Escapes text for element content and for double- or single-quoted attribute values. Most
 * strings (verdict messages, metric ids, labels) need nothing: tested first, they are returned as
 * they are instead of being copied by a replace with a callback.
 */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE_RE.test(text) ? text.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]) : text;
}

/** Same as {@link escapeHtml}; named for call sites that build attributes, so the intent reads. */
export const escapeAttribute = escapeHtml;

/** A JSON value as the content of a double-quoted `data-*` attribute. */
export function jsonAttribute(value: unknown): string {
  return escapeAttribute(JSON.stringify(value));
}
