/**
 * The one message protocol between the extension and its webviews (the analysis preview and the
 * pattern card), shared by both sides. Every message is checked at runtime when it arrives:
 * unknown types and malformed fields are dropped (`undefined`), never half-used. Nothing a webview
 * sends names a command: each message type maps to one fixed action on the extension side.
 */

export type PreviewStyle = 'theme' | 'publication';

/** Extension → webview. */
export type ToWebview =
  /**
   * New body HTML for the same page (no reload); `source` is the document's URI. With `segments`,
   * the lengths of the document wrapper's children in `html` (src/render/previewSegments.ts) and
   * the number later patches name as their base.
   */
  | { readonly type: 'update'; readonly html: string; readonly source: string; readonly title: string; readonly segments?: SegmentLayout }
  /** Only what changed since update or patch number `base` (src/render/previewSegments.ts); the webview asks for `resync` if it cannot apply it. */
  | { readonly type: 'patch'; readonly base: number; readonly seq: number; readonly parts: readonly PatchPart[]; readonly source: string; readonly title: string }
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
  | { readonly type: 'openLink'; readonly href: string }
  /** A patch did not fit what the preview shows (it reloaded, a message was lost): send the whole body. */
  | { readonly type: 'resync' };

/** Where an update's segments are: their lengths in its `html`, inside the document wrapper. */
export interface SegmentLayout {
  readonly seq: number;
  readonly lengths: readonly number[];
}

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

import { DOCUMENT_CLOSE, DOCUMENT_OPEN, type PatchPart } from './previewSegments';

/** Largest source line accepted (a document has fewer lines than this). */
const MAX_LINE = 10_000_000;
const MAX_HREF = 4096;
/** A document's URI: file paths nest deep and percent-encoding triples their length, so far above a link's limit. */
export const MAX_SOURCE = 64 * 1024;
export const MAX_HTML = 64 * 1024 * 1024;
/** Longest title an update carries; {@link updateMessage} cuts longer ones for display. */
export const MAX_TITLE = 1024;
/** Most segments (children of the document wrapper) a message may name: far above a document's blocks. */
export const MAX_SEGMENTS = 1_000_000;
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
    case 'resync':
      return { type: 'resync' };
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
    case 'update': {
      if (!isString(raw.html, MAX_HTML) || !isString(raw.source, MAX_SOURCE) || !isString(raw.title, MAX_TITLE)) return undefined;
      const update = { type: 'update', html: raw.html, source: raw.source, title: raw.title } as const;
      if (raw.segments === undefined) return update;
      const segments = parseLayout(raw.segments, raw.html);
      return segments ? { ...update, segments } : undefined;
    }
    case 'patch': {
      if (!isCount(raw.base) || !isCount(raw.seq) || !isString(raw.source, MAX_SOURCE) || !isString(raw.title, MAX_TITLE)) return undefined;
      const parts = parseParts(raw.parts);
      return parts ? { type: 'patch', base: raw.base, seq: raw.seq, parts, source: raw.source, title: raw.title } : undefined;
    }
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

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** A layout whose lengths add up to exactly the children of `html`'s document wrapper. */
function parseLayout(raw: unknown, html: string): SegmentLayout | undefined {
  if (!isObject(raw) || !isCount(raw.seq) || !Array.isArray(raw.lengths) || raw.lengths.length > MAX_SEGMENTS) return undefined;
  if (!html.startsWith(DOCUMENT_OPEN) || !html.endsWith(DOCUMENT_CLOSE)) return undefined;
  let total = 0;
  for (const n of raw.lengths as unknown[]) {
    if (!isCount(n)) return undefined;
    total += n;
  }
  if (total !== html.length - DOCUMENT_OPEN.length - DOCUMENT_CLOSE.length) return undefined;
  return { seq: raw.seq, lengths: raw.lengths as number[] };
}

/** Patch parts, every field checked and the whole bounded like an update's body. */
function parseParts(raw: unknown): PatchPart[] | undefined {
  if (!Array.isArray(raw) || raw.length > MAX_SEGMENTS) return undefined;
  const parts: PatchPart[] = [];
  let chars = 0;
  let segments = 0;
  for (const part of raw as unknown[]) {
    if (!isObject(part)) return undefined;
    if ('insert' in part) {
      if (!Array.isArray(part.insert)) return undefined;
      for (const html of part.insert as unknown[]) {
        if (typeof html !== 'string') return undefined;
        chars += html.length;
      }
      segments += part.insert.length;
      parts.push({ insert: part.insert as string[] });
    } else {
      const { keep, count, shift } = part;
      if (!isCount(keep) || !isCount(count) || count < 1 || typeof shift !== 'number' || !Number.isSafeInteger(shift) || Math.abs(shift) > MAX_LINE) return undefined;
      segments += count;
      parts.push({ keep, count, shift });
    }
    if (chars > MAX_HTML || segments > MAX_SEGMENTS) return undefined;
  }
  return parts;
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
export function updateMessage(html: string, source: string, title: string, segments?: SegmentLayout): ToWebview {
  const fits = html.length <= MAX_HTML;
  return {
    type: 'update',
    html: fits ? html : TOO_LARGE_HTML,
    source: source.length <= MAX_SOURCE ? source : '',
    title: cutForDisplay(title, MAX_TITLE),
    ...(fits && segments && segments.lengths.length <= MAX_SEGMENTS ? { segments } : {}),
  };
}

/** A patch message within the limits {@link parseToWebview} checks, or `undefined` (then send an update). */
export function patchMessage(base: number, seq: number, parts: PatchPart[], source: string, title: string): ToWebview | undefined {
  const message = { type: 'patch', base, seq, parts, source: source.length <= MAX_SOURCE ? source : '', title: cutForDisplay(title, MAX_TITLE) } as const;
  return parseParts(parts) ? message : undefined;
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
