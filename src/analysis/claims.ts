/**
 * Finds the values an analysis states for the pattern's metrics, the three ways analysts write
 * them, using the index's mention finder for every metric name (no list of names lives here):
 *
 * - table rows: the metric cell names a metric; the value is in the Value/Actual/latest-period
 *   column (see tableColumns), else the first cell after the name holding a value; the Source
 *   column, if any, becomes `claim.source`;
 * - labels: "GPU utilization: 72%", "**GPU utilization:** 72%", "- Retention: 96%";
 * - sentences: "GPU utilization averaged 72% in Q3". The value must be in the same sentence as the
 *   name. Each name takes the nearest value after it (up to the next metric name); failing that,
 *   a value written just before it ("72% GPU utilization"). "A and B were X and Y" pairs in order.
 *
 * What is not a claim: targets and comparisons ("the 80% target", "vs. 65% last year"), the start
 * of "from 65% to 72%", movements ("rose 5%") except for metrics that are themselves changes
 * (whose unit allows negative values, like Capacity Growth Rate), bare numbers (except 0.xx right
 * next to a percent metric's name, read as a fraction), and a value of the wrong unit unless it is
 * the first thing after the name (then it is claimed and judged "wrong unit").
 */
import type { Mention } from '../model/patternIndex';
import type { Metric } from '../model/types';
import { runRange, type ProseBlock, type TableBlock, type TableCell, type TextRun } from './markdownBlocks';
import { labelAt, sentenceSpans, type Label } from './proseStructure';
import { SentenceValues } from './sentenceValues';
import type { TableColumns } from './tableColumns';
import { asPercentFraction, type FoundValue, type ValueScanner } from './values';
import { verdictFor } from './verdict';
import type { MetricClaim, StatedValue, TextRange } from './types';
import { range } from './textLines';
import * as unsited from './unsited';

/** Most words allowed between a name and a value for "right next to it" (fractions, wrong units, "72% GPU utilization"). */
const NEAR_WORDS = 3;
const NEAR_CHARS = 120;

type MetricMention = Mention & { readonly entity: { readonly kind: 'metric'; readonly metric: Metric } };

function isMetricMention(m: Mention): m is MetricMention {
  return m.entity.kind === 'metric';
}

/** Metrics whose values may be negative measure a change (Capacity Growth Rate): "grew 18%" is their level. */
function isChangeMetric(metric: Metric): boolean {
  return metric.unit.min !== undefined && metric.unit.min < 0;
}

const LETTER = /^\p{L}/u;

/** Words (runs of letters) in `text[a, b)`; Infinity when the gap is long or holds an ASCII digit. */
function wordsBetween(text: string, a: number, b: number): number {
  if (b - a > NEAR_CHARS) return Infinity;
  let words = 0;
  let inWord = false;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) return Infinity;
    let letter: boolean;
    if (c < 128) {
      const l = c | 0x20;
      letter = l >= 0x61 && l <= 0x7a;
    } else {
      // A surrogate pair cut by the gap's end is no letter (as in the gap's own text).
      const pair = c >= 0xd800 && c <= 0xdbff && k + 1 < b;
      letter = LETTER.test(pair ? text.slice(k, k + 2) : text[k]);
      if (pair && letter) k++;
    }
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return words;
}

/** The value read for `metric`, when its unit fits: 0.72 becomes 72% only when `near` the name. */
function fitting(metric: Metric, f: FoundValue, near: boolean): StatedValue | undefined {
  const v = f.value;
  switch (metric.unit.kind) {
    case 'percent':
      if (v.kind === 'percent') return v;
      return f.bare && near ? asPercentFraction(v) : undefined;
    case 'currency':
      return v.kind === 'currency' ? v : undefined;
    case 'multiple':
      return v.kind === 'multiple' ? v : undefined;
    case 'number':
      return f.bare ? v : undefined;
  }
}

interface Picked {
  readonly found: FoundValue;
  readonly value: StatedValue;
}

/**
 * The value a name claims among the values from index `lo` that start before `until` (nearest
 * first; `anchor` is the end of the name), references skipped. Levels before movements; a
 * wrong-unit value only when it comes first and right after the name. Read in place: no filtered
 * copy of the candidates per name, and no value read past the one taken.
 */
function pick(metric: Metric, sv: SentenceValues, lo: number, until: number, text: string, anchor: number): Picked | undefined {
  const values = sv.list;
  let first = true;
  for (let i = lo; sv.has(i) && values[i].start < until; i++) {
    const c = values[i];
    if (c.reference) continue;
    const isFirst = first;
    first = false;
    if (c.change) continue;
    const near = isFirst && wordsBetween(text, anchor, c.start) <= NEAR_WORDS;
    const value = fitting(metric, c, near);
    if (value) return { found: c, value };
  }
  if (isChangeMetric(metric)) {
    for (let i = lo; sv.has(i) && values[i].start < until; i++) {
      const c = values[i];
      const value = !c.reference && c.change ? fitting(metric, c, false) : undefined;
      if (value) return { found: c, value };
    }
  }
  const head = sv.has(lo) && values[lo].start < until ? values[lo] : undefined;
  if (head && !head.reference && !head.change && !head.bare && wordsBetween(text, anchor, head.start) <= NEAR_WORDS) {
    return { found: head, value: head.value };
  }
  return undefined;
}

function claim(metric: Metric, nameRange: TextRange, valueRange: TextRange, value: StatedValue, context: MetricClaim['context'], source?: string): MetricClaim {
  // Built field by field (no spread of a temporary object per claim; no allocation site, see unsited.ts).
  return unsited.claim(metric.id, nameRange, valueRange, value, verdictFor(metric, value), context, source);
}

/**
 * The value with its text as the analyst wrote it. Values are read from the masked text, where
 * markup that never holds a claim (struck-through delimiters, escapes, code) is blanked; when such
 * markup falls inside a value's span ("> ~~~~80 %"), the hover and the message must still quote the
 * document, not the blanks.
 */
function asWritten(value: StatedValue, run: TextRun, found: FoundValue): StatedValue {
  // The value's text was cut from the run's masked text at `found`: where nothing was masked that is
  // the raw text (most runs, known once per run). Elsewhere compared in place, cut only when it differs.
  if (run.unmasked) return value;
  if (found.end - found.start === value.text.length && run.raw.startsWith(value.text, found.start)) return value;
  return { ...value, text: run.raw.slice(found.start, found.end) };
}

const CONNECTOR = /^[\s,;/&]*(?:(?:and|or|as well as|plus)\s+)?(?:(?:the|its|their|our)\s+)?$/i;

const NO_VALUES: readonly FoundValue[] = [];

/**
 * Claims of one sentence, `[s, e)` of the run's text, added to `out`, given the metric mentions
 * inside it (`mentions[m0…m1)`: the paragraph's list is not copied per sentence) and the label the
 * sentence starts with, if any. Linear in mentions and values (binary searches only).
 */
function sentenceClaims(scanner: ValueScanner, run: TextRun, s: number, e: number, mentions: readonly MetricMention[], m0: number, m1: number, label: Label | undefined, out: MetricClaim[]): void {
  // Read as far as the claims need (sentenceValues.ts); a number inside a metric name is not a value of it.
  const sv = new SentenceValues(scanner, run.text, s, e, mentions, m0, m1);
  if (sv.has(0)) claimsOf(sv, run, s, e, mentions, m0, m1, label, out);
  sv.close();
}

function claimsOf(sv: SentenceValues, run: TextRun, s: number, e: number, mentions: readonly MetricMention[], m0: number, m1: number, label: Label | undefined, out: MetricClaim[]): void {
  const text = run.text;
  const values = sv.list;
  // The values claimed so far in this sentence (made on the first claim: most sentences have one).
  let taken: FoundValue[] | undefined;
  let i = m0;
  while (i < m1) {
    // A run of names joined by "and" / "," with no value between them: "A and B were X and Y".
    let j = i;
    while (j + 1 < m1 && noneAfter(sv, mentions, j, m1, e) && mentions[j + 1].start - mentions[j].end < 40 && CONNECTOR.test(text.slice(mentions[j].end, mentions[j + 1].start))) j++;
    let paired = false;
    const tail = j > i ? after(sv, mentions, j, m1, e).filter((v) => !v.reference) : NO_VALUES;
    if (j > i && tail.length >= j - i + 1) {
      const group = mentions.slice(i, j + 1);
      const picks = group.map((m, k) => {
        const value = tail[k].change && !isChangeMetric(m.entity.metric) ? undefined : fitting(m.entity.metric, tail[k], false);
        return value && { found: tail[k], value };
      });
      if (picks.every(Boolean)) {
        group.forEach((m, k) => {
          const p = picks[k] as Picked;
          (taken ??= []).push(p.found);
          out.push(sentenceClaim(run, m, p, label));
        });
        paired = true;
      }
    }
    if (!paired) {
      for (let k = i; k <= j; k++) {
        const m = mentions[k];
        const p = k === j ? pick(m.entity.metric, sv, sv.firstFrom(m.end), spanEnd(mentions, k, m1, e), text, m.end) : undefined;
        if (p) {
          (taken ??= []).push(p.found);
          out.push(sentenceClaim(run, m, p, label));
          continue;
        }
        // "72% GPU utilization": the nearest value just before the name, if nobody took it.
        const prevEnd = k > m0 ? mentions[k - 1].end : s;
        const idx = sv.firstFrom(m.start) - 1;
        const last = idx >= 0 ? values[idx] : undefined;
        if (last && last.start >= prevEnd && last.end <= m.start && !(taken !== undefined && taken.includes(last)) && !last.reference
          && wordsBetween(text, last.end, m.start) <= NEAR_WORDS - 1 && (!last.change || isChangeMetric(m.entity.metric))) {
          const value = fitting(m.entity.metric, last, false);
          if (value) {
            (taken ??= []).push(last);
            out.push(sentenceClaim(run, m, { found: last, value }, label));
          }
        }
      }
    }
    i = j + 1;
  }
}

/** Where the values of mention `i` may be: up to the next mention of the sentence, or its end `e`. */
function spanEnd(mentions: readonly MetricMention[], i: number, m1: number, e: number): number {
  return i + 1 < m1 ? mentions[i + 1].start : e;
}

function after(sv: SentenceValues, mentions: readonly MetricMention[], i: number, m1: number, e: number): FoundValue[] {
  const lo = sv.firstFrom(mentions[i].end);
  return sv.list.slice(lo, sv.firstFrom(spanEnd(mentions, i, m1, e)));
}

function noneAfter(sv: SentenceValues, mentions: readonly MetricMention[], i: number, m1: number, e: number): boolean {
  return sv.firstFrom(mentions[i].end) === sv.firstFrom(spanEnd(mentions, i, m1, e));
}

/** The claim of mention `m` in a sentence: a label's when the name is inside the sentence's label. */
function sentenceClaim(run: TextRun, m: MetricMention, p: Picked, label: Label | undefined): MetricClaim {
  const context = label && m.start >= label.start && m.end <= label.end ? 'label' : 'sentence';
  return claim(m.entity.metric, runRange(run, m.start, m.end), runRange(run, p.found.start, p.found.end), asWritten(p.value, run, p.found), context);
}

/** The label starting each line of a run, if any (one entry per line, in order). */
export function lineLabels(run: TextRun): Label[] {
  const labels: Label[] = [];
  const segs = run.segments;
  const text = run.text;
  const last = segs.length - 1;
  // A label needs a colon on its line: only the lines holding one are read, found colon by colon
  // (each search starts on the line after the last colon's), so a paragraph of many lines without
  // one is read once, not from each of its lines to its end (quadratic: seconds for 300,000
  // lines). Walking every line and skipping those before the next colon was as slow once V8 had
  // optimised it on short paragraphs (20 s on those lines, test/unit/hostile/hostileScanners.test.ts).
  let k = 0;
  for (let colon = text.indexOf(':'); colon >= 0; ) {
    while (k < last && segs[k + 1].offset <= colon) k++;
    const from = segs[k].offset;
    const lineEnd = k < last ? segs[k + 1].offset - 1 : text.length;
    const label = labelAt(text, from, lineEnd);
    if (label) labels.push(label);
    if (k === last) break;
    k++;
    colon = text.indexOf(':', segs[k].offset);
  }
  return labels;
}

/** Shared by the paragraphs without labels (never written to). */
const NO_BREAKS: number[] = [];

/** The metric mentions of `mentions`: the list itself when it holds nothing else (most paragraphs), not a copy. */
function metricMentionsOf(mentions: readonly Mention[]): readonly MetricMention[] {
  let k = 0;
  while (k < mentions.length && isMetricMention(mentions[k])) k++;
  if (k === mentions.length) return mentions as readonly MetricMention[];
  const out: MetricMention[] = [];
  for (let j = 0; j < mentions.length; j++) {
    const m = mentions[j];
    if (isMetricMention(m)) out.push(m);
  }
  return out;
}

/**
 * Claims in a paragraph or list item. `mentions` are the index's mentions in `block.run.text`
 * (company mentions are ignored here); `labels` the block's {@link lineLabels}.
 */
export function proseClaims(scanner: ValueScanner, block: ProseBlock, mentions: readonly Mention[], labels: readonly Label[]): MetricClaim[] {
  const run = block.run;
  const metricMentions = metricMentionsOf(mentions);
  if (metricMentions.length === 0) return [];
  // Each line that starts with a label is a sentence of its own.
  const breaks: number[] = labels.length === 0 ? NO_BREAKS : [];
  for (const l of labels) {
    const lineStart = run.text.lastIndexOf('\n', l.start) + 1;
    const nl = run.text.indexOf('\n', l.start);
    breaks.push(lineStart, nl < 0 ? run.text.length : nl);
  }
  const out: MetricClaim[] = [];
  let mi = 0;
  let li = 0;
  // Sentences after the one holding the last metric name hold no claim: not looked for.
  const spans = sentenceSpans(run.text, breaks, metricMentions[metricMentions.length - 1].start);
  for (let k = 0; k < spans.length; k += 2) {
    const s = spans[k];
    const e = spans[k + 1];
    while (mi < metricMentions.length && metricMentions[mi].start < s) mi++;
    let mj = mi;
    while (mj < metricMentions.length && metricMentions[mj].end <= e) mj++;
    while (li < labels.length && labels[li].start < s) li++;
    const label = li < labels.length && labels[li].end <= e ? labels[li] : undefined;
    if (mj > mi) sentenceClaims(scanner, run, s, e, metricMentions, mi, mj, label, out);
    mi = mj;
  }
  return out;
}

function cellRange(line: number, cell: TableCell, a: number, b: number): TextRange {
  return range(line, cell.start + a, cell.start + b);
}

/**
 * The first value of `text` that is no reference, as `findValues(text).find(…)` gives it. Why: the
 * values after it were read, judged a reference or not and gathered in an array only to be dropped
 * (a cell usually holds one value; the scan stops at the one taken).
 */
function firstLevel(scanner: ValueScanner, text: string): FoundValue | undefined {
  scanner.begin(text);
  let v = scanner.next();
  while (v !== undefined && v.reference) v = scanner.next();
  scanner.end();
  return v;
}

/** The value a table cell states for `metric`, with the column's unit hint for bare numbers. */
function cellValue(scanner: ValueScanner, metric: Metric, cell: TableCell, hint: 'percent' | 'currency' | undefined): Picked | undefined {
  const found = firstLevel(scanner, cell.text);
  if (!found) return undefined;
  if (!found.bare) return { found, value: found.value };
  const v = found.value;
  if (hint === 'percent') return { found, value: { ...v, kind: 'percent' } };
  if (hint === 'currency') return { found, value: { ...v, kind: 'currency', currency: metric.unit.currency ?? 'USD' } };
  const value = fitting(metric, found, true);
  return value ? { found, value } : undefined;
}

/**
 * Claims in a table: one per row whose metric cell names a metric and that states a value.
 * `cellMentions(r, col)` gives the index's mentions in a cell of row `r` (computed once by the caller).
 */
export function tableClaims(scanner: ValueScanner, table: TableBlock, cols: TableColumns, cellMentions: (row: number, col: number) => readonly Mention[]): MetricClaim[] {
  const out: MetricClaim[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r];
    const nameCell = row.cell(cols.metric);
    if (!nameCell) continue;
    const mention = cellMentions(r, cols.metric).find(isMetricMention);
    if (!mention) continue;
    const metric = mention.entity.metric;
    // The cell's reading and its column, not copied into another object per row.
    let picked: Picked | undefined;
    let pickedCol = -1;
    if (cols.value !== undefined) {
      const cell = row.cell(cols.value);
      picked = cell && cellValue(scanner, metric, cell, cols.unitHint.get(cols.value));
      pickedCol = cols.value;
    } else {
      for (let c = cols.metric + 1; c < row.cellCount && !picked; c++) {
        if (cols.excluded.has(c)) continue;
        picked = cellValue(scanner, metric, row.cell(c) as TableCell, cols.unitHint.get(c));
        pickedCol = c;
      }
    }
    if (!picked) continue;
    const valueCell = row.cell(pickedCol) as TableCell;
    const source = cols.source !== undefined ? row.cell(cols.source)?.raw.trim() : undefined;
    out.push(
      claim(
        metric,
        cellRange(row.line, nameCell, mention.start, mention.end),
        cellRange(row.line, valueCell, picked.found.start, picked.found.end),
        picked.value,
        'table',
        source || undefined,
      ),
    );
  }
  return out;
}
