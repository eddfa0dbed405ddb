/**
 * One line-by-line pass over a markdown body that finds the blocks an analysis cares about:
 * headings (ATX and setext), prose (paragraphs and list items, soft-wrapped lines joined) and
 * pipe tables. Code (fenced with ``` or ~~~, and indented), HTML comments, inline code, URLs and
 * struck-through text never reach the result: they are skipped or blanked by {@link maskInline}.
 *
 * This is deliberately not a full CommonMark parser (markdown-it would cost more than the whole
 * analysis): it follows CommonMark where it decides what is code, a heading, a list item or a
 * table, and is pragmatic elsewhere. Every step reads a line at most a constant number of times,
 * so 100,000-character lines and 10,000-level nesting ("> > > …", "- - - …") stay linear.
 */
import { delimiterColumns, mayBeDelimiterRow } from './delimiterRow';
import { maskInline, type MaskState } from './inlineMask';
import type { TextPosition, TextRange } from './types';
import { pos, spanRange } from './textLines';

/** Where a piece of a run's text came from: offset in the run, line and column in the document. */
export interface Segment {
  readonly offset: number;
  readonly line: number;
  readonly col: number;
}

/** Text gathered from one or more lines: masked (for reading values) and raw (for showing). */
export interface TextRun {
  /** Masked text: code, comments and URLs blanked, same length as `raw`. Lines joined with "\n". */
  readonly text: string;
  readonly raw: string;
  readonly segments: readonly Segment[];
  /** Nothing on the run's lines was blanked: `raw` is `text` itself (a text cut from one is the other's). */
  readonly unmasked: boolean;
}

export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: number;
  readonly line: number;
  /** The heading's text, without `#` marks or setext underline. */
  readonly run: TextRun;
  /** Inside a blockquote or list item (not a section of the document). */
  readonly nested: boolean;
}

export interface ProseBlock {
  readonly kind: 'prose';
  readonly run: TextRun;
  readonly listItem: boolean;
}

export interface TableCell {
  /** Columns of the trimmed cell text in its line. */
  readonly start: number;
  readonly end: number;
  /** Masked and raw cell text, each trimmed. */
  readonly text: string;
  readonly raw: string;
}

export interface TableRow {
  readonly line: number;
  /** The masked line: cells' columns index into it. */
  readonly text: string;
  readonly cellCount: number;
  /** Cell `i`, or undefined past the last. Built when asked for: a rule reads two or three cells of a row. */
  cell(i: number): TableCell | undefined;
}

export interface TableBlock {
  readonly kind: 'table';
  readonly header: TableRow;
  readonly rows: readonly TableRow[];
}

export type Block = HeadingBlock | ProseBlock | TableBlock;

/**
 * A key holding everything a block is made of (its kind, lines, columns, masked and raw text):
 * two blocks with equal keys are equal, so what is read from one holds for the other (undefined
 * for a block this module did not make). For
 * src/analysis/analysisMemo.ts, which reuses an unchanged block's reading across edits.
 */
export function blockKey(block: Block): string | undefined {
  switch (block.kind) {
    case 'heading':
      return block.run instanceof LazyRun ? `h${block.level},${block.line},${block.nested ? 1 : 0};${block.run.key()}` : undefined;
    case 'prose':
      return block.run instanceof LazyRun ? `p${block.listItem ? 1 : 0};${block.run.key()}` : undefined;
    case 'table': {
      if (!(block.header instanceof Row)) return undefined;
      let key = `t${block.rows.length};${block.header.key()}`;
      for (const row of block.rows) {
        if (!(row instanceof Row)) return undefined;
        key += row.key();
      }
      return key;
    }
  }
}

/** The document position of an offset in a run. */
export function runPosition(run: TextRun, offset: number): TextPosition {
  const segs = run.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  return pos(seg.line, seg.col + (offset - seg.offset));
}

export function runRange(run: TextRun, start: number, end: number): TextRange {
  return spanRange(runPosition(run, start), runPosition(run, end));
}

const QUOTE = / {0,3}>[ \t]?/y;
const LIST_MARKER = /[ \t]*([-+*]|(\d{1,9})[.)])(?=[ \t]|$)[ \t]*/y;
const TASK_BOX = /\[[ xX]\][ \t]+/y;
// Sticky, tried at a column of the line (see {@link matchesAt}), not anchored to a slice of it.
const FENCE = /[ \t]*(`{3,}|~{3,})(.*)$/y;
const CLOSING_FENCE = /[ \t]*(`{3,}|~{3,})[ \t]*$/y;
const ATX = /[ \t]*(#{1,6})(?=[ \t]|$)/y;
const SETEXT = /[ \t]*(?:=+|-+)[ \t]*$/y;
const THEMATIC = /[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/y;

/**
 * `re` (sticky) tried at `at` in `text`: what the expression anchored with "^" says of
 * `text.slice(at)`, without cutting that slice (a string made per line only to be tested).
 */
function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/**
 * Whether the last character of `text` other than a space or tab is `code`: a thematic break ends
 * with its marker, and a list item ("- text") seldom does (one look, not the expression).
 */
function endsWith(text: string, code: number): boolean {
  let k = text.length - 1;
  while (k >= 0 && isSpaceOrTab(text.charCodeAt(k))) k--;
  return text.charCodeAt(k) === code;
}

function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Columns of leading whitespace from `at` (a tab counts to the next multiple of 4). */
function indentAt(text: string, at: number): { cols: number; end: number } {
  let cols = 0;
  let k = at;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20) cols++;
    else if (c === 0x09) cols += 4 - (cols % 4);
    else break;
  }
  return { cols, end: k };
}

/**
 * Whether {@link QUOTE} matches at `at`: up to three spaces, then ">" (not with indexOf, which reads
 * the rest of every unquoted line). Read from the first character on: a line of text starts with
 * a letter, and one look settles it (four looks per line were a twentieth of the block loop).
 * Exported for its test, which holds it to the expression.
 */
export function mayQuote(text: string, at: number): boolean {
  let k = at;
  let c = text.charCodeAt(k);
  while (c === 0x20 && k < at + 3) c = text.charCodeAt(++k);
  return c === 0x3e;
}

const NOT_QUOTED = { depth: 0, end: 0 };

function quoteDepth(text: string, at: number): { depth: number; end: number } {
  // Most lines are not quoted: look for the ">" before running the regex.
  if (!mayQuote(text, at)) return at === 0 ? NOT_QUOTED : { depth: 0, end: at };
  let depth = 0;
  let p = at;
  for (;;) {
    QUOTE.lastIndex = p;
    const m = QUOTE.exec(text);
    if (!m) break;
    depth++;
    p += m[0].length;
  }
  return { depth, end: p };
}

function isBlankFrom(text: string, at: number): boolean {
  for (let k = at; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x202f && c !== 0xfeff) return false;
  }
  return true;
}

/** `/[ \t]/` for one UTF-16 code unit (a heading's bounds: no one-character string and regex per character). */
function isSpaceOrTab(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** `\s` for one UTF-16 code unit, without a regex for ASCII. */
function isWhiteCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 128 && /\s/.test(String.fromCharCode(c)));
}

/** A table cell; its raw text (only the Source column's is ever read) is cut when asked for. */
class Cell implements TableCell {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    private readonly rawLine: string,
    private readonly rawStart: number,
    private readonly rawEnd: number,
  ) {}

  get raw(): string {
    // The raw text is trimmed on its own: a cell of inline code is blank when masked, not when raw.
    return this.rawLine.slice(this.rawStart, this.rawEnd).trim();
  }
}

function cellOf(masked: string, raw: string, s: number, e: number): TableCell {
  let a = s;
  let b = e;
  while (a < b && isWhiteCode(masked.charCodeAt(a))) a++;
  while (b > a && isWhiteCode(masked.charCodeAt(b - 1))) b--;
  return new Cell(a, b, masked.slice(a, b), raw, s, e);
}

/**
 * A table row as its cells' bounds in the line; a cell's object and text are made only when a
 * rule reads it (the last one asked for is kept: the metric cell is read twice).
 */
class Row implements TableRow {
  private lastIndex = -1;
  private lastCell: TableCell | undefined;

  constructor(
    readonly line: number,
    readonly text: string,
    private readonly raw: string,
    /** Untrimmed [start, end) of each cell, in pairs. */
    private readonly bounds: readonly number[],
  ) {}

  get cellCount(): number {
    return this.bounds.length >> 1;
  }

  /** Everything the row is made of, each string after its length: rows with equal keys read the same (see {@link blockKey}). */
  key(): string {
    return `${this.line};${this.bounds.join(',')};${this.text.length};${this.raw.length}:${this.text}${this.raw}`;
  }

  cell(i: number): TableCell | undefined {
    if (i === this.lastIndex) return this.lastCell;
    if (!(i >= 0 && 2 * i < this.bounds.length)) return undefined;
    const cell = cellOf(this.text, this.raw, this.bounds[2 * i], this.bounds[2 * i + 1]);
    this.lastIndex = i;
    this.lastCell = cell;
    return cell;
  }
}

/**
 * Splits a table line into cells at unescaped pipes (escaped ones are already blanked in `masked`).
 * `lead`: the end of the indent from `from`, which the block loop has read already.
 */
function splitCells(masked: string, raw: string, from: number, lead: number, line: number): TableRow {
  const bounds: number[] = [];
  let start = from;
  if (masked.charCodeAt(lead) === 0x7c) start = lead + 1;
  for (let k = masked.indexOf('|', start); k >= 0; k = masked.indexOf('|', k + 1)) {
    bounds.push(start, k);
    start = k + 1;
  }
  if (!isBlankFrom(raw, start)) bounds.push(start, masked.length);
  return new Row(line, masked, raw, bounds);
}


/** A line of a run: where its text sits in the run and the document, and the line it was cut from. */
interface RunLine extends Segment {
  /** End column of the line's part (its start is `col`). */
  readonly end: number;
  /** The line as written (not masked). */
  readonly raw: string;
}

/** A run whose raw text is built only when asked for (headings, and prose holding a value). */
class LazyRun implements TextRun {
  private rawText: string | undefined;

  constructor(
    readonly text: string,
    /** The run's lines, each with its raw line and end column: one array per run, not three. */
    readonly segments: readonly RunLine[],
    /** Every line's masked text was its raw text (nothing blanked): the raw text is `text` itself. */
    readonly unmasked: boolean,
  ) {}

  /** Everything the run is made of: runs with equal keys read the same (see {@link blockKey}). */
  key(): string {
    // Every string is preceded by its length: the key can be read back one way only.
    let key = `${this.segments.length};`;
    for (let k = 0; k < this.segments.length; k++) {
      const seg = this.segments[k];
      key += `${seg.offset},${seg.line},${seg.col},${seg.end},${seg.raw.length}:${seg.raw}`;
    }
    return `${key}${this.text.length}:${this.text}`;
  }

  get raw(): string {
    if (this.unmasked) return this.text;
    if (this.rawText === undefined) {
      this.rawText = this.segments.map((seg) => seg.raw.slice(seg.col, seg.end)).join('\n');
    }
    return this.rawText;
  }
}

function runLine(offset: number, line: number, col: number, end: number, raw: string): RunLine {
  return { offset, line, col, end, raw };
}

/**
 * Gathers a run's lines. Most runs are one line (headings, short paragraphs, list items): that
 * line's parts wait in fields and the run's one array is made at its size when it is built. A run
 * of several lines gathers its texts in `scratch`, which the caller lends to one open run at a
 * time, and joins them at build: four arrays grown by push per run (room for 17 entries each at
 * the first push), three of them kept with the run, were a twentieth of what the lint of a short
 * analysis allocates.
 */
class RunBuilder {
  /** How many lines were added. */
  private count = 0;
  private firstText = '';
  private firstRaw = '';
  private firstEnd = 0;
  private firstCol = 0;
  /** Made at the second line: every line, the first's included. */
  private lines: RunLine[] | undefined;
  private length = 0;
  /** No line's masked text differs from its raw text (most lines: nothing to blank). */
  private unmasked = true;

  /**
   * `firstLine`: the line the first {@link add} adds. `scratch`: where the texts of a run of
   * several lines wait to be joined; no other run may use it between this run's second add and its build.
   */
  constructor(readonly firstLine: number, private readonly scratch: string[]) {}

  /** Adds `masked[col, end)` (and the same columns of `raw`) as the run's next line. */
  add(masked: string, raw: string, line: number, col: number, end = masked.length): void {
    if (masked !== raw) this.unmasked = false;
    const m = col === 0 && end === masked.length ? masked : masked.slice(col, end);
    if (this.count++ === 0) {
      this.firstText = m;
      this.firstRaw = raw;
      this.firstEnd = end;
      this.firstCol = col;
      this.length = m.length;
      return;
    }
    if (this.lines === undefined) {
      this.scratch.length = 0;
      this.scratch.push(this.firstText);
      this.lines = [runLine(0, this.firstLine, this.firstCol, this.firstEnd, this.firstRaw)];
    }
    this.scratch.push('\n', m);
    this.length += 1;
    this.lines.push(runLine(this.length, line, col, end, raw));
    this.length += m.length;
  }

  build(): TextRun {
    if (this.lines === undefined) {
      // An array of one, made at its size.
      return new LazyRun(this.firstText, [runLine(0, this.firstLine, this.firstCol, this.firstEnd, this.firstRaw)], this.unmasked);
    }
    const text = this.scratch.join('');
    this.scratch.length = 0;
    return new LazyRun(text, this.lines, this.unmasked);
  }
}

/** What is still open where the lines end. */
export interface BlocksEnd {
  /**
   * The line where a code fence or an HTML comment that never closes began: everything from there
   * on is code or comment, so text added at the end of the document would be too.
   */
  readonly openSince?: number;
}

/**
 * Hands each block of `lines[startLine…]` to `visit` as soon as it ends, in document order.
 * Streaming keeps a block's text short-lived (cheap for the garbage collector on 1 MB documents).
 * `firstCol` skips a byte-order mark on line 0.
 */
export function visitBlocks(lines: readonly string[], startLine: number, firstCol: number, visit: (block: Block) => void): BlocksEnd {
  const blocks = { push: visit };
  const mask: MaskState = { inComment: false };
  // Lent to the one paragraph open at a time (see RunBuilder).
  const scratch: string[] = [];
  let commentSince = 0;
  /** An open fenced code block, the line and the blockquote depth it opened at. */
  let fence: { ch: string; len: number; depth: number; line: number } | undefined;
  let para: { run: RunBuilder; listItem: boolean; depth: number } | undefined;
  let table: { header: TableRow; rows: TableRow[]; depth: number } | undefined;
  let indentedCode = false;
  let prevBlank = true;
  let listIndent: number | undefined;

  const flushPara = (): void => {
    if (para) blocks.push({ kind: 'prose', run: para.run.build(), listItem: para.listItem });
    para = undefined;
  };
  const endTable = (): void => {
    if (table) blocks.push({ kind: 'table', header: table.header, rows: table.rows });
    table = undefined;
  };

  for (let i = startLine; i < lines.length; i++) {
    const raw = lines[i];
    const base = i === 0 ? firstCol : 0;

    if (fence) {
      const q = quoteDepth(raw, base);
      if (q.depth < fence.depth) {
        // The blockquote holding the code block has ended, and the code block with it (CommonMark:
        // a fence opened in "> ```" never runs past its quote). This line is read as usual.
        // Before, such a fence swallowed the rest of the document: every later heading and value
        // went unseen (found by the 100,000-case fuzz run).
        fence = undefined;
      } else {
        const m = execAt(CLOSING_FENCE, raw, q.end);
        if (m && m[1][0] === fence.ch && m[1].length >= fence.len) fence = undefined;
        continue;
      }
    }

    const wasInComment = mask.inComment;
    const masked = maskInline(base ? ' '.repeat(base) + raw.slice(base) : raw, mask);
    if (mask.inComment && !wasInComment) commentSince = i;
    const q = quoteDepth(masked, base);
    const depth = q.depth;
    const p = q.end;
    const indent = indentAt(masked, p);

    // Blank from p is blank from the indent's end (the indent is spaces and tabs): its start is read once.
    if (isBlankFrom(masked, indent.end)) {
      flushPara();
      endTable();
      prevBlank = true;
      continue;
    }

    // The first character decides which block starts here: most lines are plain text and skip every check.
    const first = masked[indent.end];
    const mayFence = first === '`' || first === '~';

    if (table) {
      if (depth === table.depth && masked.includes('|', p) && first !== '#' && !(mayFence && matchesAt(FENCE, raw, p))) {
        table.rows.push(splitCells(masked, raw, p, indent.end, i));
        prevBlank = false;
        continue;
      }
      endTable();
    }

    const codeBase = listIndent ?? 0;
    if (!para && (prevBlank || indentedCode) && indent.cols >= codeBase + 4) {
      indentedCode = true;
      prevBlank = false;
      continue;
    }
    indentedCode = false;
    if (prevBlank && listIndent !== undefined && indent.cols < listIndent) listIndent = undefined;

    const fenceMatch = mayFence ? execAt(FENCE, raw, p) : null;
    if (fenceMatch && !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))) {
      flushPara();
      fence = { ch: fenceMatch[1][0], len: fenceMatch[1].length, depth, line: i };
      prevBlank = false;
      continue;
    }

    ATX.lastIndex = p;
    const atx = first === '#' ? ATX.exec(masked) : null;
    if (atx) {
      flushPara();
      // Bounds are read on the raw line: a heading that is all inline code is blank when masked.
      let start = atx.index + atx[0].length;
      while (start < raw.length && isSpaceOrTab(raw.charCodeAt(start))) start++;
      let end = raw.length;
      while (end > start && isSpaceOrTab(raw.charCodeAt(end - 1))) end--;
      // A closing run of #s is not part of the text when a space precedes it.
      let hashes = end;
      while (hashes > start && raw[hashes - 1] === '#') hashes--;
      if (hashes < end && (hashes === start || isSpaceOrTab(raw.charCodeAt(hashes - 1)))) {
        end = hashes;
        while (end > start && isSpaceOrTab(raw.charCodeAt(end - 1))) end--;
      }
      const run = new RunBuilder(i, scratch);
      run.add(masked, raw, i, start, end);
      blocks.push({ kind: 'heading', level: atx[1].length, line: i, run: run.build(), nested: depth > 0 || listIndent !== undefined && indent.cols >= listIndent });
      prevBlank = false;
      continue;
    }

    if (first === '=' || first === '-' || first === '*' || first === '_') {
      if ((first === '=' || first === '-') && para && !para.listItem && para.depth === depth && matchesAt(SETEXT, masked, p)) {
        const built = para.run.build();
        blocks.push({ kind: 'heading', level: first === '=' ? 1 : 2, line: para.run.firstLine, run: built, nested: depth > 0 });
        para = undefined;
        prevBlank = false;
        continue;
      }
      if (first !== '=' && endsWith(masked, first.charCodeAt(0)) && matchesAt(THEMATIC, masked, p)) {
        flushPara();
        prevBlank = false;
        continue;
      }
    }

    if (i + 1 < lines.length && mayBeDelimiterRow(lines[i + 1]) && masked.includes('|', p) && lines[i + 1].includes('-')) {
      const next = lines[i + 1];
      const nq = quoteDepth(next, 0);
      const cols = nq.depth === depth ? delimiterColumns(next.slice(nq.end)) : 0;
      if (cols > 0) {
        const header = splitCells(masked, raw, p, indent.end, i);
        if (header.cellCount === cols) {
          flushPara();
          table = { header, rows: [], depth };
          i++;
          prevBlank = false;
          continue;
        }
      }
    }

    // List items, nested markers included ("- - 1. item"): linear, each marker consumed once.
    let markers = 0;
    let itemStart = p;
    const mayList = first === '-' || first === '+' || first === '*' || (first >= '0' && first <= '9');
    while (mayList) {
      LIST_MARKER.lastIndex = itemStart;
      const m = LIST_MARKER.exec(masked);
      if (!m) break;
      const ordered = m[2];
      const empty = isBlankFrom(masked, m.index + m[0].length);
      // A list item may interrupt a paragraph only if it is not empty and, when ordered, starts at 1.
      if (markers === 0 && para && !prevBlank && (empty || (ordered !== undefined && Number(ordered) !== 1))) break;
      // No thematic break is read as a list here: the first marker's line was tested for one above
      // (a break starts with "-", "*" or "_", and one that did was not let through to here).
      itemStart = m.index + m[0].length;
      markers++;
    }
    if (markers > 0) {
      flushPara();
      TASK_BOX.lastIndex = itemStart;
      const box = TASK_BOX.exec(masked);
      if (box) itemStart += box[0].length;
      listIndent = itemStart - base;
      para = { run: new RunBuilder(i, scratch), listItem: true, depth };
      para.run.add(masked, raw, i, itemStart);
      prevBlank = false;
      continue;
    }

    if (para && !prevBlank) {
      para.run.add(masked, raw, i, indent.end);
    } else {
      flushPara();
      para = { run: new RunBuilder(i, scratch), listItem: listIndent !== undefined, depth };
      para.run.add(masked, raw, i, indent.end);
    }
    prevBlank = false;
  }
  flushPara();
  endTable();
  if (fence) return { openSince: fence.line };
  return mask.inComment ? { openSince: commentSince } : {};
}
