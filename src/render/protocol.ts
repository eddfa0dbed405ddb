/**
 * The one message protocol between the extension and its webviews (the analysis preview and the
 * pattern card), shared by both sides. Every message is checked at runtime when it arrives:
 * unknown types and malformed fields are dropped (`undefined`), never half-used. Nothing a webview
 * sends names a command: each message type maps to one fixed action on the extension side.
 */

export type PreviewStyle = 'theme' | 'publication';

/** Extension → webview. */
export type ToWebview =
  /** New body HTML for the same page (no reload); `source` is the document's URI. */
  | { readonly type: 'update'; readonly html: string; readonly source: string; readonly title: string }
  /** Scroll so that this (fractional, 0-based) source line is at the top. */
  | { readonly type: 'scrollToLine'; readonly line: number }
  | { readonly type: 'setStyle'; readonly style: PreviewStyle }
  | { readonly type: 'setLocked'; readonly locked: boolean }
  | { readonly type: 'setScrollSync'; readonly enabled: boolean }
  /** Pattern card: scroll to and highlight the item with this entity key (`metric:gpu-utilization-rate`). */
  | { readonly type: 'revealEntity'; readonly key: string };

/** Webview → extension. */
export type FromWebview =
  /** The preview scrolled: this (fractional) source line is now at its top. */
  | { readonly type: 'revealLine'; readonly line: number }
  /** Double-click: open the source at this line. */
  | { readonly type: 'openSource'; readonly line: number }
  | { readonly type: 'setStyle'; readonly style: PreviewStyle }
  | { readonly type: 'toggleLock' }
  /** A link was clicked; the extension decides whether and how to open it. */
  | { readonly type: 'openLink'; readonly href: string };

/** What a preview webview keeps across reloads (`getState`/`setState`), read back by the serializer. */
export interface PreviewState {
  readonly source: string;
  readonly locked: boolean;
  readonly line: number;
  readonly style: PreviewStyle;
}

/** What a pattern card webview keeps across reloads. */
export interface CardState {
  readonly modelId: string;
  readonly entity?: string;
}

/** Largest source line accepted (a document has fewer lines than this). */
const MAX_LINE = 10_000_000;
const MAX_HREF = 4096;
/** A document's URI: file paths nest deep and percent-encoding triples their length, so far above a link's limit. */
export const MAX_SOURCE = 64 * 1024;
export const MAX_HTML = 64 * 1024 * 1024;
/** Longest title an update carries; {@link updateMessage} cuts longer ones for display. */
export const MAX_TITLE = 1024;
/** Ids and entity keys: the model loader bounds an id at 10,000 characters; the kind prefix is short. */
const MAX_ID = 16 * 1024;

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLine(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_LINE;
}

function isString(v: unknown, max: number): v is string {
  return typeof v === 'string' && v.length <= max;
}

export function isPreviewStyle(v: unknown): v is PreviewStyle {
  return v === 'theme' || v === 'publication';
}

/** A message from a webview, checked; `undefined` for anything unknown or malformed. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'revealLine':
    case 'openSource':
      return isLine(raw.line) ? { type: raw.type, line: raw.line } : undefined;
    case 'setStyle':
      return isPreviewStyle(raw.style) ? { type: 'setStyle', style: raw.style } : undefined;
    case 'toggleLock':
      return { type: 'toggleLock' };
    case 'openLink':
      return isString(raw.href, MAX_HREF) && raw.href.length > 0 ? { type: 'openLink', href: raw.href } : undefined;
    default:
      return undefined;
  }
}

/** A message to a webview, checked on arrival in the webview the same way. */
export function parseToWebview(raw: unknown): ToWebview | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'update':
      return isString(raw.html, MAX_HTML) && isString(raw.source, MAX_SOURCE) && isString(raw.title, MAX_TITLE)
        ? { type: 'update', html: raw.html, source: raw.source, title: raw.title }
        : undefined;
    case 'scrollToLine':
      return isLine(raw.line) ? { type: 'scrollToLine', line: raw.line } : undefined;
    case 'setStyle':
      return isPreviewStyle(raw.style) ? { type: 'setStyle', style: raw.style } : undefined;
    case 'setLocked':
      return typeof raw.locked === 'boolean' ? { type: 'setLocked', locked: raw.locked } : undefined;
    case 'setScrollSync':
      return typeof raw.enabled === 'boolean' ? { type: 'setScrollSync', enabled: raw.enabled } : undefined;
    case 'revealEntity':
      return isString(raw.key, MAX_ID) ? { type: 'revealEntity', key: raw.key } : undefined;
    default:
      return undefined;
  }
}

/** What an update shows when the rendered body is past {@link MAX_HTML} (never reached by a document the preview renders). */
const TOO_LARGE_HTML = '<p class="pa-muted">This document is too large to show in the preview.</p>';

/** `text` cut to at most `max` characters, ending with "…" when cut, never inside a surrogate pair. */
export function cutForDisplay(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The update message for a rendered document, always within the limits {@link parseToWebview}
 * checks: a title over {@link MAX_TITLE} is cut for display, a source URI over {@link MAX_SOURCE}
 * is left out (the webview then keeps no state to restore), a body over {@link MAX_HTML} becomes a
 * note. The webview drops anything malformed, so an update built otherwise could be lost silently
 * (a 1,025-character front-matter title froze the preview on its old text).
 */
export function updateMessage(html: string, source: string, title: string): ToWebview {
  return {
    type: 'update',
    html: html.length <= MAX_HTML ? html : TOO_LARGE_HTML,
    source: source.length <= MAX_SOURCE ? source : '',
    title: cutForDisplay(title, MAX_TITLE),
  };
}

/** Saved preview state, checked (the serializer gets whatever was stored, possibly by an older version). */
export function parsePreviewState(raw: unknown): PreviewState | undefined {
  if (!isObject(raw) || !isString(raw.source, MAX_SOURCE) || raw.source === '') return undefined;
  return {
    source: raw.source,
    locked: raw.locked === true,
    line: isLine(raw.line) ? raw.line : 0,
    style: isPreviewStyle(raw.style) ? raw.style : 'theme',
  };
}

/** Saved card state, checked. */
export function parseCardState(raw: unknown): CardState | undefined {
  if (!isObject(raw) || !isString(raw.modelId, MAX_ID) || raw.modelId === '') return undefined;
  return isString(raw.entity, MAX_ID) ? { modelId: raw.modelId, entity: raw.entity } : { modelId: raw.modelId };
}
