/**
 * The evidence rules, off or low by default (a team turns them up in its config):
 *
 * - `unsourced-value`: a stated value with no source — a scorecard row whose Source cell is
 *   empty, or a sentence's value in a paragraph with no link, URL, footnote or citation
 *   ("Source: …", "according to …", "(10-K, p. 41)", "(Gartner, 2026)").
 * - `period-mismatch`: a value whose sentence names another period than the analysis's own
 *   (`period:` in the front matter), e.g. "Q2" figures in a Q3 2026 analysis — unless the sentence
 *   says it is a prior period ("last quarter", "prior", "up from", "compared with", "vs").
 *
 * Each reads one paragraph's text once with bounded regexes (no nested quantifiers).
 */
import type { TextRun } from './markdownBlocks';
import type { Finding, MetricClaim, TextPosition } from './types';
import * as unsited from './unsited';

/** A citation in the paragraph: a link, a URL, a footnote reference, or citation words. */
const CITATION = /\]\(|\]\[|https?:\/\/|www\.|\[\^[^\]\s]{1,64}\]|\bsources?\s*:|\baccording to\b|\bcited\b|\bper (?:the |its |their )?(?:10-[KQ]|annual report|filing|earnings call|investor|press release)|\((?:[^()\n]{1,80}?,\s*)?(?:p\.\s*\d{1,4}|(?:19|20)\d{2})\)/i;

/** Words that mark a period as a prior one (a comparison), not the value's own. */
const PRIOR = /\b(?:prior|previous|preceding|last (?:quarter|year)|year[- ]ago|a year (?:earlier|before)|earlier|compared (?:with|to)|versus|vs\.?|up from|down from|from)\b/i;

/** A quarter or fiscal year as written in text: "Q3", "Q3 2026", "Q3 FY26", "FY2026", "3Q26". */
const PERIOD_TOKEN = /\b(?:Q([1-4])(?:\s*(?:FY\s?)?'?((?:20)?\d{2}))?|([1-4])Q'?(\d{2})|FY\s?'?((?:20)?\d{2}))\b/g;

/**
 * Whether `text` may hold a {@link PERIOD_TOKEN}: every one has a capital "Q" or "FY" (the
 * expression is case-sensitive), and most paragraphs with a value have neither. Two indexOf calls
 * answer for those much faster than the expression, which is tried at every word boundary.
 */
function mayNamePeriod(text: string): boolean {
  return text.indexOf('Q') >= 0 || text.indexOf('FY') >= 0;
}

export interface QuarterPeriod {
  readonly quarter?: number;
  readonly year?: number;
}

/** The first quarter/year named in `text` ("Q3 2026", "FY2026 Q2"), or undefined. */
export function readQuarter(text: string): QuarterPeriod | undefined {
  let quarter: number | undefined;
  let year: number | undefined;
  PERIOD_TOKEN.lastIndex = 0;
  for (let m = PERIOD_TOKEN.exec(text); m; m = PERIOD_TOKEN.exec(text)) {
    const p = tokenPeriod(m);
    quarter ??= p.quarter;
    year ??= p.year;
  }
  if (year === undefined) {
    const y = /\b(20\d{2})\b/.exec(text);
    if (y) year = Number(y[1]);
  }
  return quarter === undefined && year === undefined ? undefined : { ...(quarter !== undefined && { quarter }), ...(year !== undefined && { year }) };
}

function fullYear(y: string | undefined): number | undefined {
  return y === undefined ? undefined : y.length === 2 ? 2000 + Number(y) : Number(y);
}

function tokenPeriod(m: RegExpExecArray): QuarterPeriod {
  // Literals, not a conditional spread (read for every period token of a sentence holding a value).
  if (m[1]) return m[2] ? { quarter: Number(m[1]), year: fullYear(m[2]) } : { quarter: Number(m[1]) };
  if (m[3]) return { quarter: Number(m[3]), year: fullYear(m[4]) };
  return { year: fullYear(m[5]) };
}

/** Where sentences end: "." "!" "?" followed by space, or a line break (the end is just after it). */
const SENTENCE_END = /[.!?](?=\s)|\n/g;

function comparePositions(a: TextPosition, b: TextPosition): number {
  return a.line - b.line || a.character - b.character;
}

/** The claims by their values' positions: as given when already so (nearly always: claims come sentence by sentence), else a sorted copy. */
function inValueOrder(claims: readonly MetricClaim[]): readonly MetricClaim[] {
  for (let k = 1; k < claims.length; k++) {
    if (comparePositions(claims[k - 1].valueRange.start, claims[k].valueRange.start) > 0) {
      return [...claims].sort((a, b) => comparePositions(a.valueRange.start, b.valueRange.start));
    }
  }
  return claims;
}

/**
 * Findings for the claims of one paragraph (or list item), appended to `out` (the analysis's
 * findings: no list per paragraph made only to be copied into them), which is returned.
 */
export function proseEvidenceFindings(run: TextRun, claims: readonly MetricClaim[], period: QuarterPeriod | undefined, names: (metricId: string) => string, out: Finding[] = []): Finding[] {
  if (claims.length === 0) return out;
  if (!CITATION.test(run.raw)) {
    for (const c of claims) out.push(unsourced(c, names(c.metricId), 'no link, footnote or citation in its paragraph'));
  }
  if (period) pushPeriodFindings(out, run, claims, period, names);
  return out;
}

/**
 * `period-mismatch` for the claims of one paragraph, in the order of their values.
 *
 * Every line break ends a sentence ({@link SENTENCE_END}), so each sentence lies on one line, and
 * only a sentence with a "Q" or "FY" in it can name a period ({@link mayNamePeriod}). So only the
 * lines holding a claim and one of those are walked, sentence by sentence from the line's start;
 * the sentences met there, and the findings, are those of a walk over the whole paragraph. Most
 * lines holding a value name no period: no sentence of theirs is cut or searched. The next "Q"
 * and "FY" are found with indexOf from a cursor that only moves forward: one pass over the text.
 */
function pushPeriodFindings(out: Finding[], run: TextRun, claims: readonly MetricClaim[], period: QuarterPeriod, names: (metricId: string) => string): void {
  const text = run.text;
  let q = text.indexOf('Q');
  let fy = text.indexOf('FY');
  if (q < 0 && fy < 0) return;
  const ordered = inValueOrder(claims);
  const segs = run.segments;
  let seg = 0;
  for (let k = 0; k < ordered.length; ) {
    const line = ordered[k].valueRange.start.line;
    while (seg < segs.length - 1 && segs[seg].line < line) seg++;
    // This line's claims are ordered[k, last); its text is [start, lineEnd), lineEnd its "\n" or the text's end.
    let last = k + 1;
    while (last < ordered.length && ordered[last].valueRange.start.line === line) last++;
    const start = segs[seg].offset;
    const lineEnd = seg + 1 < segs.length ? segs[seg + 1].offset - 1 : text.length;
    if (q >= 0 && q < start) q = text.indexOf('Q', start);
    if (fy >= 0 && fy < start) fy = text.indexOf('FY', start);
    if ((q >= 0 && q < lineEnd) || (fy >= 0 && fy < lineEnd)) pushLineFindings(out, text, ordered, k, last, start, start - segs[seg].col, period, names);
    k = last;
  }
}

/**
 * The findings of claims `ordered[k, last)`, all on the line starting at offset `start` of the
 * paragraph's `text` (`base`: the offset of the line's column 0, so a claim's offset is `base` plus
 * its character). The walk starts at the line's start, where a sentence starts.
 */
function pushLineFindings(out: Finding[], text: string, ordered: readonly MetricClaim[], k: number, last: number, start: number, base: number, period: QuarterPeriod, names: (metricId: string) => string): void {
  let next = k;
  let at = start;
  SENTENCE_END.lastIndex = at;
  while (at < text.length && next < last) {
    // test() and lastIndex, no match array: every match is one character, so it ends where the sentence does.
    const s = at;
    const e = SENTENCE_END.test(text) ? SENTENCE_END.lastIndex : text.length;
    at = e;
    let end = next;
    while (end < last && base + ordered[end].valueRange.start.character < e) end++;
    // Only a sentence holding a claim can give a finding: the others are not searched for periods.
    if (end === next) continue;
    const sentence = text.slice(s, e);
    const other = otherPeriod(sentence, period);
    if (other && !PRIOR.test(sentence)) {
      for (let i = next; i < end; i++) {
        const c = ordered[i];
        out.push(unsited.finding(
          'period-mismatch', 'information',
          `${names(c.metricId)}: ${c.value.text.trim()} is given for ${other}, but this analysis covers ${describe(period)}. Say so if it is a prior period ("up from … in ${other}").`,
          c.valueRange,
        ));
      }
    }
    next = end;
  }
}

/** The first period in `sentence` that differs from the analysis's, as written. */
function otherPeriod(sentence: string, own: QuarterPeriod): string | undefined {
  if (!mayNamePeriod(sentence)) return undefined;
  PERIOD_TOKEN.lastIndex = 0;
  for (let m = PERIOD_TOKEN.exec(sentence); m; m = PERIOD_TOKEN.exec(sentence)) {
    const p = tokenPeriod(m);
    const quarterDiffers = p.quarter !== undefined && own.quarter !== undefined && p.quarter !== own.quarter;
    const yearDiffers = p.year !== undefined && own.year !== undefined && p.year !== own.year;
    if (quarterDiffers || yearDiffers) return m[0];
  }
  return undefined;
}

/** "Q3 2026", "Q3" or "2026": written out, no list made, filtered and joined per finding. */
function describe(p: QuarterPeriod): string {
  if (p.quarter === undefined) return p.year === undefined ? '' : String(p.year);
  return p.year === undefined ? `Q${p.quarter}` : `Q${p.quarter} ${p.year}`;
}

/**
 * A scorecard row's value whose Source cell is empty (tables without a Source column are not
 * judged), appended to `out`, which is returned.
 */
export function tableEvidenceFindings(claims: readonly MetricClaim[], hasSourceColumn: boolean, names: (metricId: string) => string, out: Finding[] = []): Finding[] {
  if (!hasSourceColumn) return out;
  for (const c of claims) if (!c.source?.trim()) out.push(unsourced(c, names(c.metricId), 'its Source cell is empty'));
  return out;
}

function unsourced(c: MetricClaim, name: string, why: string): Finding {
  return unsited.finding('unsourced-value', 'information', `${name}: ${c.value.text.trim()} has no source (${why}).`, c.valueRange);
}
