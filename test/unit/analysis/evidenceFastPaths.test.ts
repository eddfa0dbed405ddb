/**
 * The evidence rules' faster readings give what the plain ones they replaced give, for any
 * paragraph: `period-mismatch` walks only the lines holding a value and a "Q" or "FY" (a line break
 * always ends a sentence), where it walked every sentence of the paragraph up to its last value.
 * The reference below is the walk it replaced, kept here as written then, and so is the message
 * (its period was written by a list filtered and joined).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { proseEvidenceFindings, type QuarterPeriod } from '../../../src/analysis/evidenceRules';
import { runPosition, type TextRun } from '../../../src/analysis/markdownBlocks';
import type { TextPosition } from '../../../src/analysis/types';
import type { MetricClaim } from '../../../src/analysis/types';
import { fuzzParameters } from '../../support/fuzz';

const PRIOR = /\b(?:prior|previous|preceding|last (?:quarter|year)|year[- ]ago|a year (?:earlier|before)|earlier|compared (?:with|to)|versus|vs\.?|up from|down from|from)\b/i;
const PERIOD_TOKEN = /\b(?:Q([1-4])(?:\s*(?:FY\s?)?'?((?:20)?\d{2}))?|([1-4])Q'?(\d{2})|FY\s?'?((?:20)?\d{2}))\b/g;
const PERIOD_ANY = new RegExp(PERIOD_TOKEN.source);
const SENTENCE_END = /[.!?](?=\s)|\n/g;

function fullYear(y: string | undefined): number | undefined {
  return y === undefined ? undefined : y.length === 2 ? 2000 + Number(y) : Number(y);
}

function otherPeriod(sentence: string, own: QuarterPeriod): string | undefined {
  const token = new RegExp(PERIOD_TOKEN.source, 'g');
  for (let m = token.exec(sentence); m; m = token.exec(sentence)) {
    const p: QuarterPeriod = m[1] ? { quarter: Number(m[1]), year: fullYear(m[2]) } : m[3] ? { quarter: Number(m[3]), year: fullYear(m[4]) } : { year: fullYear(m[5]) };
    const quarterDiffers = p.quarter !== undefined && own.quarter !== undefined && p.quarter !== own.quarter;
    const yearDiffers = p.year !== undefined && own.year !== undefined && p.year !== own.year;
    if (quarterDiffers || yearDiffers) return m[0];
  }
  return undefined;
}

/** Whether `p` comes before the run position of `offset` (how the replaced walk compared). */
function beforeRunOffset(run: TextRun, p: TextPosition, offset: number): boolean {
  const r = runPosition(run, offset);
  return p.line < r.line || (p.line === r.line && p.character < r.character);
}

/** The values of `claims` the replaced walk flagged, with the period it named, in its order. */
function replacedWalk(run: TextRun, claims: readonly MetricClaim[], own: QuarterPeriod): [string, string][] {
  const out: [string, string][] = [];
  if (!/Q|FY/.test(run.text) || !PERIOD_ANY.test(run.text)) return out;
  const ordered = [...claims].sort((a, b) => a.valueRange.start.line - b.valueRange.start.line || a.valueRange.start.character - b.valueRange.start.character);
  let next = 0;
  const end = new RegExp(SENTENCE_END.source, 'g');
  for (let at = 0; at < run.text.length && next < ordered.length; ) {
    const s = at;
    const e = end.test(run.text) ? end.lastIndex : run.text.length;
    at = e;
    while (next < ordered.length && beforeRunOffset(run, ordered[next].valueRange.start, s)) next++;
    let last = next;
    while (last < ordered.length && beforeRunOffset(run, ordered[last].valueRange.start, e)) last++;
    if (last === next) continue;
    const sentence = run.text.slice(s, e);
    const other = otherPeriod(sentence, own);
    if (!other || PRIOR.test(sentence)) continue;
    for (let k = next; k < last; k++) out.push([ordered[k].metricId, other]);
  }
  return out;
}

/** A paragraph of `lines`, the first on document line `firstLine`, each cut from column `cols[i]` (as in a list item or quote). */
function runOf(lines: readonly string[], firstLine: number, cols: readonly number[]): TextRun {
  const segments = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    segments.push({ offset, line: firstLine + i, col: cols[i] ?? 0 });
    offset += lines[i].length + 1;
  }
  const text = lines.join('\n');
  return { text, raw: text, segments, unmasked: true };
}

/** A claim whose value starts at `offset` of the run (its metric id names the claim, for the comparison). */
function claimAt(run: TextRun, offset: number, id: string): MetricClaim {
  const start = runPosition(run, offset);
  return { metricId: id, value: { text: ` ${run.text[offset]} ` }, valueRange: { start, end: start } } as unknown as MetricClaim;
}

describe('evidence rules: fast paths', () => {
  const pieces = ['Q2', 'Q3', 'Q4', 'Q3 2025', 'Q2 FY26', '3Q25', 'QoQ', 'Q', 'FY', 'FY25', 'FY2026', "FY'24", 'FY 2025', '2025', '26', ' ', ' ', ' ', 'up from', 'prior', 'from', 'vs.', '.', '. ', '! ', '? ', '.\t', 'x', 'Rev', '5%', 'É', "'", ','];
  const line = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));
  const paragraph = fc.record({
    lines: fc.array(line, { minLength: 1, maxLength: 6 }),
    firstLine: fc.nat(40),
    cols: fc.array(fc.nat(4), { maxLength: 6 }),
    picks: fc.array(fc.nat(10_000), { minLength: 1, maxLength: 8 }),
    shuffled: fc.boolean(),
  });
  // Analyses with a quarter and a year, only one of them, or neither (a period read as neither never comes here, but the message is still the same).
  const own: fc.Arbitrary<QuarterPeriod> = fc.record({ quarter: fc.integer({ min: 1, max: 4 }), year: fc.integer({ min: 2024, max: 2026 }) }, { requiredKeys: [] });

  it('period-mismatch flags the values the walk over every sentence flagged, in its order, with its message', () => {
    fc.assert(fc.property(paragraph, own, (p, period) => {
      const run = runOf(p.lines, p.firstLine, p.cols);
      // Values start anywhere but on a line break, each offset once, in order (or not).
      const offsets = [...new Set(p.picks.map((n) => n % run.text.length))].filter((o) => run.text[o] !== '\n').sort((a, b) => a - b);
      if (offsets.length === 0) return;
      const claims = offsets.map((o, i) => claimAt(run, o, `m${i}`));
      if (p.shuffled) claims.reverse();
      const found = proseEvidenceFindings(run, claims, period, (id) => id).filter((f) => f.rule === 'period-mismatch');
      const expected = replacedWalk(run, claims, period);
      assert.deepEqual(found.map((f) => f.message.slice(0, f.message.indexOf(':'))), expected.map(([id]) => id));
      const covers = [period.quarter !== undefined ? `Q${period.quarter}` : '', period.year !== undefined ? String(period.year) : ''].filter(Boolean).join(' ');
      for (let i = 0; i < found.length; i++) {
        const [id, other] = expected[i];
        const value = claims.find((c) => c.metricId === id)?.value.text.trim();
        assert.equal(found[i].message, `${id}: ${value} is given for ${other}, but this analysis covers ${covers}. Say so if it is a prior period ("up from … in ${other}").`);
        assert.equal(found[i].range, claims.find((c) => c.metricId === expected[i][0])?.valueRange);
      }
    }), fuzzParameters(20_000));
  });

  it('a value on a line with no period is not judged by the next line\'s sentence, and one on a later line is', () => {
    const run = runOf(['Revenue rose 5% this year.', 'Margins were 9% in Q2.'], 10, [0, 2]);
    const claims = [claimAt(run, run.text.indexOf('5%'), 'revenue'), claimAt(run, run.text.indexOf('9%'), 'margin')];
    const found = proseEvidenceFindings(run, claims, { quarter: 3, year: 2026 }, (id) => id).filter((f) => f.rule === 'period-mismatch');
    assert.deepEqual(found.map((f) => f.message.slice(0, f.message.indexOf(':'))), ['margin']);
    assert.deepEqual(replacedWalk(run, claims, { quarter: 3, year: 2026 }), [['margin', 'Q2']]);
  });
});
