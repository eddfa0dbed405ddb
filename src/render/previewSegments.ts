/**
 * What the live preview sends per edit: only the parts of the document that changed. Why: the
 * host renders an edit incrementally (src/render/incrementalRenderer.ts), but posting the whole
 * body meant about 300 KB of HTML posted and parsed again by the webview per keystroke on a 100 KB
 * analysis, for an edit that changes one paragraph.
 *
 * A rendered document is a list of segments, the children of its `pa-document` wrapper in order:
 * header and analysis blocks, one per top-level markdown block, cut note, end anchor. Each has a
 * key that names its HTML up to a `data-line` shift: a block keeps its key while the renderer
 * reuses it (only its lines move), every other segment's key is its HTML. The host diffs the keys
 * it last sent against the new ones into parts: runs of old segments kept (with a `data-line`
 * shift when lines were added or removed above them) and new segments' HTML. Shared by
 * the host (computing) and the webview (applying the same bookkeeping to DOM nodes).
 */

/** The wrapper around a rendered document's segments (the webview checks an update's layout against it). */
export const DOCUMENT_OPEN = '<div class="pa-document">';
export const DOCUMENT_CLOSE = '</div>';

/** One child of the document wrapper. */
export interface Segment {
  /** Equal keys mean equal HTML once `data-line` values are shifted by the difference of {@link line}s. */
  readonly key: string;
  /** The line its `data-line` values are written for (0 for segments that never shift). */
  readonly line: number;
  readonly html: string;
}

/** What the webview was last sent, segment by segment. */
export type SentSegment = Pick<Segment, 'key' | 'line'>;

/**
 * How to build the new segment list from the old one, in order: runs of old segments kept (their
 * `data-line` values shifted by `shift`), and new HTML inserted. Old segments no part keeps are
 * removed. Kept runs never overlap and go forward, so the view only removes and inserts.
 */
export type PatchPart =
  | { readonly keep: number; readonly count: number; readonly shift: number }
  | { readonly insert: readonly string[] };

/**
 * The parts turning what was sent into `next`: each new segment keeps the next old one with its
 * key (at or after the last one kept), else is sent as HTML. A typed paragraph is then one
 * insert, the blocks after it one kept run with a shift, the analysis blocks at the top (whose
 * line references move) another insert.
 */
export function diffSegments(sent: readonly SentSegment[], next: readonly Segment[]): PatchPart[] {
  const byKey = new Map<string, number[]>();
  for (let i = sent.length - 1; i >= 0; i--) {
    const list = byKey.get(sent[i].key);
    if (list) list.push(i);
    else byKey.set(sent[i].key, [i]);
  }
  const parts: PatchPart[] = [];
  let from = 0;
  let run: { keep: number; count: number; shift: number } | undefined;
  let insert: string[] | undefined;
  for (const segment of next) {
    // Each list is in descending order: the last entry is the first old index left.
    const list = byKey.get(segment.key);
    while (list && list.length > 0 && list[list.length - 1] < from) list.pop();
    const old = list?.pop();
    if (old === undefined) {
      run = undefined;
      if (!insert) parts.push({ insert: (insert = []) });
      insert.push(segment.html);
      continue;
    }
    insert = undefined;
    const shift = segment.line - sent[old].line;
    if (run && run.keep + run.count === old && run.shift === shift) run.count++;
    else parts.push((run = { keep: old, count: 1, shift }));
    from = old + 1;
  }
  return parts;
}

/** Whether parts can apply to a list of `length` segments (a message may be stale or malformed). */
export function patchFits(parts: readonly PatchPart[], length: number): boolean {
  let from = 0;
  for (const part of parts) {
    if (!('keep' in part)) continue;
    if (part.keep < from || part.count < 1 || part.keep + part.count > length) return false;
    from = part.keep + part.count;
  }
  return true;
}

/**
 * Applies parts to a list of segments of any representation (HTML strings in tests, DOM nodes in
 * the webview): `make` builds inserted segments before old segment `at` (or at the end), `remove`
 * and `shiftBy` act on the view. Returns the new list; the caller checked {@link patchFits}.
 */
export function applyPatch<T>(old: readonly T[], parts: readonly PatchPart[], ops: {
  make(html: readonly string[], old: readonly T[], at: number): T[];
  remove(segment: T): void;
  shiftBy(segment: T, delta: number): void;
}): T[] {
  const result: T[] = [];
  let at = 0;
  for (const part of parts) {
    if ('keep' in part) {
      for (; at < part.keep; at++) ops.remove(old[at]);
      for (; at < part.keep + part.count; at++) {
        if (part.shift !== 0) ops.shiftBy(old[at], part.shift);
        result.push(old[at]);
      }
    } else {
      result.push(...ops.make(part.insert, old, at));
    }
  }
  for (; at < old.length; at++) ops.remove(old[at]);
  return result;
}

const DATA_LINE_RE = / data-line="(\d+)"/g;

/** `html` with every `data-line` value moved by `delta` lines (the renderer escapes quotes in text, so only its attributes match). */
export function shiftDataLines(html: string, delta: number): string {
  return delta === 0 ? html : html.replace(DATA_LINE_RE, (_, line: string) => ` data-line="${Number(line) + delta}"`);
}
