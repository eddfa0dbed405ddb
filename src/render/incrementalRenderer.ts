/**
 * The live preview's renderer: exactly the HTML of {@link renderDocumentBody}, made per edit by
 * parsing and rendering only the top-level blocks the edit can have changed. Why: the preview
 * renders on every pause in typing, and a full markdown-it parse and render of a 100 KB analysis
 * (plus the analysis, which must run anyway) made the preview cost nearly twice what VS Code's own
 * preview costs per edit; an edit changes one paragraph.
 *
 * How, with markdown-it's public API only (`parse`, `renderer.render`, tokens' `map` and `level`):
 * - every render keeps the document's top-level blocks (their first line, their HTML, the claims
 *   they show) from the previous render;
 * - the edit is the text between the common prefix and suffix of the old and new text; a block is
 *   re-parsed if its lines changed, if its claims render differently now (verdicts, a value moved),
 *   or if it places the scorecard or coverage (which show the whole analysis);
 * - a re-parse starts at a block start before the change that the change cannot move (the block
 *   before the first changed line, whose end that line may change) and runs one block past the
 *   change. It is accepted only if it starts a block exactly where the old parse started the
 *   first unchanged block after the change (from there on the text, and so the parse, is the old
 *   one); otherwise it runs to the end of the document. The slice is parsed after as many empty
 *   lines as precede it, so every token's line (`data-line`, scroll sync) is the document's;
 * - blocks after an edit that added or removed lines get their `data-line` values shifted;
 * - what is global to a document falls back to a full render: link reference definitions (a
 *   definition anywhere changes links everywhere), front-matter lines that moved, a value spanning
 *   lines, a cut over-long document, other render options.
 * test/unit/render/incrementalRenderer.test.ts checks, over random documents and random edits,
 * that the result is byte for byte the full render's.
 */
import type MarkdownIt from 'markdown-it';
import type { Analysis, MetricClaim } from '../analysis/types';
import { renderBadge } from './analysisBlocks';
import type { EngineEnv } from './markdownEngine';
import { assembleDocument, DEFAULT_MAX_CHARS, documentFrame, documentInput, sharedEngine, type DocumentFrame, type DocumentInput, type RenderedDocument, type RenderOptions } from './documentRenderer';
import { verdictLook } from './verdictLabels';
import { HAS_MARKER_CHAR_RE } from './claimMarks';
import { lineOf, lineStartsOf } from '../analysis/textLines';
import { shiftDataLines, type Segment } from './previewSegments';

type Token = MarkdownIt.Token;

/** A top-level block as last rendered. */
interface Block {
  /**
   * Its HTML written as if it started at line 0: equal keys mean equal HTML up to a line shift
   * (a segment key, src/render/previewSegments.ts), also for a block parsed again unchanged.
   */
  readonly key: string;
  /** Its first line, in the current document. */
  start: number;
  /** Its HTML, whose `data-line` values were written for a block starting at {@link htmlStart}. */
  html: string;
  htmlStart: number;
  /** What its claims render as (see {@link claimSignatures}); equal signatures render equal HTML. */
  readonly claims: string;
  /** The local images it uses, in order (the render's `localImages` is theirs concatenated). */
  readonly images: readonly string[];
  /** It places an analysis block (scorecard, coverage), which shows the whole analysis: re-rendered every time. */
  readonly live: boolean;
}

/** markdown-it's link reference definitions (`env.references`), by normalised label. */
type References = Record<string, { href?: string; title?: string }>;

interface RenderState {
  /** The definitions of the whole document (none changed since: an edit near one renders in full). */
  readonly references?: References;
  /** The source as parsed: line breaks normalised. */
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly frontMatter: string;
  readonly options: RenderOptions;
  readonly blocks: readonly Block[];
}

/** A run of lines to parse again: [start, end) in the new document's lines; `end` is a block start or the end. */
interface Window {
  start: number;
  end: number;
}

/** What changed since the previous render, for a caller that patches its view instead of replacing it. */
export interface IncrementalResult extends RenderedDocument {
  /** Whether this render reused blocks of the previous one. */
  readonly incremental: boolean;
  /** The children of the document wrapper, keyed so that the preview can post only what changed. */
  readonly segments: readonly Segment[];
}


/** More runs to parse again than this, and the document is parsed whole (each run re-reads the lines before it). */
const MAX_WINDOWS = 32;

/** Marker characters, or what may decode to one: see src/render/plugins/claimBadges.ts. */
const MAY_HOLD_MARKER_RE = new RegExp(`${HAS_MARKER_CHAR_RE.source}|&|%EE%80%`, 'i');

/**
 * A line that may start a link reference definition: `[` after indentation and container marks
 * (`>`, list markers).
 */
const DEFINITION_LINE_RE = /^(?:[ \t>]|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))*\[/m;

const DATA_LINE_RE = / data-line="(\d+)"/g;

export class IncrementalRenderer {
  private state: RenderState | undefined;

  /** Forgets the previous render (another document, other image rules): the next render is a full one. */
  reset(): void {
    this.state = undefined;
  }

  /** The HTML {@link renderDocumentBody} gives for this text, analysis and options. */
  render(text: string, analysis: Analysis, options: RenderOptions = {}): IncrementalResult {
    const md = sharedEngine();
    const input = documentInput(text, analysis, options);
    if (input.truncated !== '') {
      // A cut document (megabytes of text): rendered whole, as a document this long is rarely edited.
      this.state = undefined;
      const body = md.render(input.prepared.text, input.env);
      const frame = documentFrame(input);
      return { ...assembleDocument(input, body, frame), incremental: false, segments: frameSegments(frame, [{ key: `h:${body}`, line: 0, html: body }]) };
    }
    const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    const lineStarts = lineStartsOf(source);
    const claimsByLine = claimSignatures(input.prepared.claims, lineStarts.length);
    const previous = this.state;
    this.state = undefined;
    const frontMatter = String(input.prepared.frontMatterLines ?? '');
    const canReuse = previous !== undefined
      && (options.maxChars ?? DEFAULT_MAX_CHARS) === (previous.options.maxChars ?? DEFAULT_MAX_CHARS)
      && options.images === previous.options.images
      && frontMatter === previous.frontMatter;
    const parser = new WindowParser(md, input, lineStartsOf(input.prepared.text), claimsByLine);
    let blocks = canReuse ? reuse(previous, source, lineStarts, parser) : undefined;
    const incremental = blocks !== undefined;
    let references = previous?.references;
    if (!blocks) {
      blocks = parser.parse({ start: 0, end: lineStarts.length }, undefined) ?? [];
      references = parser.references;
    }
    let body = '';
    const blockSegments: Segment[] = [];
    for (const block of blocks) {
      if (block.htmlStart !== block.start) {
        const shift = block.start - block.htmlStart;
        block.html = block.html.replace(DATA_LINE_RE, (_, line: string) => ` data-line="${Number(line) + shift}"`);
        block.htmlStart = block.start;
      }
      body += block.html;
      blockSegments.push({ key: block.key, line: block.start, html: block.html });
      for (const image of block.images) input.env.localImages.push(image);
    }
    // Definitions whose label or address holds a claim marker (a claimed value in a label) change
    // with every render's marker key: such a document is always rendered in full.
    if (references === undefined || !Object.entries(references).some(([label, r]) => MAY_HOLD_MARKER_RE.test(label + r.href + r.title))) {
      this.state = { text: source, lineStarts, frontMatter, options, blocks, ...(references ? { references } : {}) };
    }
    const frame = documentFrame(input);
    return { ...assembleDocument(input, body, frame), incremental, segments: frameSegments(frame, blockSegments) };
  }
}

/** All segments of a document: the frame's parts (keyed by their HTML; the end anchor shifts with the line count) around the body's. */
function frameSegments(frame: DocumentFrame, body: readonly Segment[]): Segment[] {
  const segments: Segment[] = frame.top.map((html) => ({ key: `h:${html}`, line: 0, html }));
  segments.push(...body);
  if (frame.truncated !== '') segments.push({ key: `h:${frame.truncated}`, line: 0, html: frame.truncated });
  segments.push({ key: 'end', line: frame.lineCount, html: frame.end });
  return segments;
}

/**
 * Per line, the signature of the claims whose value starts or ends there: where the value is and
 * what its span and badge render as, in the order the markers are written. A value over several
 * lines signs its first and last line, each with the distance to the other.
 */
function claimSignatures(claims: readonly MetricClaim[], lineCount: number): (string | undefined)[] {
  const byLine: (string | undefined)[] = new Array<string | undefined>(lineCount);
  for (let i = 0; i < claims.length; i++) {
    const { start, end } = claims[i].valueRange;
    const span = end.line - start.line;
    const signature = `${start.character}-${span}:${end.character} ${verdictLook(claims[i].verdict.status).className} ${renderBadge(claims[i])}\u0000`;
    byLine[start.line] = (byLine[start.line] ?? '') + signature;
    if (span !== 0 && end.line < lineCount) byLine[end.line] = `${byLine[end.line] ?? ''}end ${signature}`;
  }
  return byLine;
}

/** The claims signature of lines [start, end), each line's relative to `start`. */
function blockSignature(byLine: readonly (string | undefined)[], start: number, end: number): string {
  let signature = '';
  for (let line = start; line < end && line < byLine.length; line++) {
    const s = byLine[line];
    if (s !== undefined) signature += `${line - start}:${s}`;
  }
  return signature;
}

/**
 * The new block list from the previous one, or `undefined` when a change reaches something global
 * (the caller then renders in full).
 */
function reuse(previous: RenderState, text: string, lineStarts: readonly number[], parser: WindowParser): Block[] | undefined {
  const claimsByLine = parser.claimsByLine;
  const old = previous.text;
  const lineCount = lineStarts.length;
  const delta = lineCount - previous.lineStarts.length;
  // The changed text: between the common prefix and the common suffix.
  const shorter = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const textChanged = prefix !== old.length || old.length !== text.length;
  // Lines [firstChanged, changedEndOld) of the old text became [firstChanged, changedEndOld + delta).
  const firstChanged = lineOf(lineStarts, prefix);
  const changedEndOld = lineOf(previous.lineStarts, old.length - suffix) + 1;

  const oldBlocks = previous.blocks;
  // Each old block's first line in the new document, or -1 inside the changed lines.
  const mapped = oldBlocks.map((b) => (!textChanged || b.start < firstChanged ? b.start : b.start >= changedEndOld ? b.start + delta : -1));
  const endOf = (i: number): number => {
    for (let j = i + 1; j < oldBlocks.length; j++) if (mapped[j] >= 0) return mapped[j];
    return lineCount;
  };

  const windows: Window[] = [];
  if (textChanged) {
    // From a block start the change cannot move, to the first block starting after the changed
    // lines. Whether a block starts at line L depends on the lines up to L + 1 (a table may
    // interrupt a paragraph only if its delimiter row follows), so the start is the last block
    // starting before the line before the first changed line.
    let start = 0;
    for (let i = 0; i < oldBlocks.length && oldBlocks[i].start + 1 < firstChanged; i++) start = oldBlocks[i].start;
    let end = lineCount;
    for (let i = 0; i < oldBlocks.length; i++) {
      if (oldBlocks[i].start >= changedEndOld) {
        end = mapped[i];
        break;
      }
    }
    // A definition written, removed, or made (or unmade) one by the edit changes links anywhere.
    const endOld = end === lineCount ? previous.lineStarts.length : end - delta;
    if (definesReferences(parser.md, text, lineStarts, start, end) || definesReferences(parser.md, old, previous.lineStarts, start, endOld)) return undefined;
    windows.push({ start, end });
  }
  for (let i = 0; i < oldBlocks.length; i++) {
    const start = mapped[i];
    if (start < 0) continue;
    const end = endOf(i);
    if (oldBlocks[i].live || blockSignature(claimsByLine, start, end) !== oldBlocks[i].claims) windows.push({ start, end });
  }
  // Many scattered changes (a new pattern in the front matter changes every verdict): parse it all.
  if (windows.length > MAX_WINDOWS) return undefined;
  windows.sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }

  const blocks: Block[] = [];
  let next = 0;
  const keepOldUntil = (line: number): void => {
    for (; next < oldBlocks.length; next++) {
      const start = mapped[next];
      if (start < 0) continue;
      if (start >= line) break;
      const b = oldBlocks[next];
      b.start = start;
      blocks.push(b);
    }
  };
  const skipOldUntil = (line: number): void => {
    while (next < oldBlocks.length && (mapped[next] < 0 || mapped[next] < line)) next++;
  };
  for (const w of merged) {
    keepOldUntil(w.start);
    // One unchanged block past the window, so that the parse sees what ends the window's last block.
    let through = lineCount;
    for (let i = 0; i < oldBlocks.length; i++) {
      if (mapped[i] > w.end) {
        through = mapped[i];
        break;
      }
    }
    const parsed = w.end < lineCount ? parser.parse({ start: w.start, end: through }, previous.references, w.end) : parser.parse({ start: w.start, end: lineCount }, previous.references);
    // The window's end is no longer a block start (a fence opened, a list grew): what follows may
    // differ to the end of the document, definitions included.
    if (!parsed) return undefined;
    blocks.push(...parsed);
    skipOldUntil(w.end);
  }
  keepOldUntil(lineCount);
  return blocks;
}

/**
 * Whether lines [from, to) of `text`, a run starting at a block start, define a link reference.
 * Most runs cannot (no `[` starting a line, no `]:`); the others are read by markdown-it's block
 * parser alone (footnote-style lines such as `[^3]: Company filing` look like definitions but
 * are not).
 */
function definesReferences(md: MarkdownIt, text: string, starts: readonly number[], from: number, to: number): boolean {
  const end = to < starts.length ? starts[to] : text.length;
  const lines = text.slice(starts[from] ?? text.length, end);
  // A label is followed by its colon at once (`[label]:`, the label possibly over several lines).
  if (!lines.includes(']:') || !DEFINITION_LINE_RE.test(lines)) return false;
  const env: { references?: References } = {};
  md.block.parse(lines, md, env, []);
  return env.references !== undefined && Object.keys(env.references).length > 0;
}

/** Parses runs of the prepared source and renders their blocks. */
class WindowParser {
  /** The definitions the last parse ended with. */
  references: References | undefined;

  constructor(
    readonly md: MarkdownIt,
    private readonly input: DocumentInput,
    private readonly starts: readonly number[],
    readonly claimsByLine: readonly (string | undefined)[],
  ) {}

  /**
   * The blocks of lines [w.start, w.end) with their HTML, links resolved with `references` (the
   * whole document's definitions; a run alone does not hold them). With `until`, only the blocks
   * before line `until`, and only if a block starts exactly there (else `undefined`).
   */
  parse(w: Window, references: References | undefined, until?: number): Block[] | undefined {
    const { text } = this.input.prepared;
    const from = this.starts[w.start];
    const to = w.end < this.starts.length ? this.starts[w.end] : text.length;
    const env = this.input.env as EngineEnv & { references?: References };
    if (references) env.references = { ...references };
    else delete env.references;
    // Empty lines before the slice: markdown-it skips them, and every token keeps the document's line.
    const tokens = this.md.parse('\n'.repeat(w.start) + text.slice(from, to), env);
    this.references = env.references;
    // Top-level blocks: [index of first token, first line].
    const heads: [number, number][] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.level === 0 && t.nesting >= 0 && t.map) heads.push([i, t.map[0]]);
    }
    let count = heads.length;
    if (until !== undefined) {
      count = heads.findIndex(([, line]) => line === until);
      if (count < 0) return undefined;
    }
    const blocks: Block[] = [];
    const options = this.md.options;
    for (let b = 0; b < count; b++) {
      const [first, line] = heads[b];
      const last = b + 1 < heads.length ? heads[b + 1][0] : tokens.length;
      const endLine = b + 1 < heads.length ? heads[b + 1][1] : w.end;
      const slice = tokens.slice(first, last);
      const imagesBefore = env.localImages.length;
      const html = this.md.renderer.render(slice, options, env);
      const images = env.localImages.splice(imagesBefore);
      blocks.push({
        key: shiftDataLines(html, -line),
        start: line,
        html,
        htmlStart: line,
        claims: blockSignature(this.claimsByLine, line, endLine),
        images,
        live: slice.some(isMarker),
      });
    }
    return blocks;
  }
}

function isMarker(token: Token): boolean {
  return token.type === 'pa_marker';
}
