/**
 * HTML escaping for everything the renderer interpolates: document text, model strings, verdict
 * messages. Every string that is not markup we wrote ourselves goes through one of these.
 */

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c]);
}

/** Same as {@link escapeHtml}; named for call sites that build attributes, so the intent reads. */
export const escapeAttribute = escapeHtml;

/** A JSON value as the content of a double-quoted `data-*` attribute. */
export function jsonAttribute(value: unknown): string {
  return escapeAttribute(JSON.stringify(value));
}
