/**
 * Entry point of the analysis core: reads an analyst's markdown once and returns everything the
 * editor, the preview and the CLI show about it — front matter, headings and section coverage,
 * metric claims with their verdicts, and the findings of every rule.
 *
 * A document is an analysis when its YAML front matter has a `pattern` key; any other markdown
 * file gets `isAnalysis: false` and no findings (and costs one look at its first line).
 */
import type { PatternCatalog } from '../model/patternCatalog';
import type { Mention, PatternIndex } from '../model/patternIndex';
import { lineLabels, proseClaims, tableClaims } from './claims';
import { readFrontMatter } from './frontMatter';
import { runRange, scanBlocks, type HeadingBlock, type ProseBlock, type TableBlock, type TableRow } from './markdownBlocks';
import { mentionsWithVerbs } from './inflectedMentions';
import { nearMissAt, wrongCaseAt } from './nearMissNames';
import { unknownPatternFinding } from './patternRules';
import { boldLeadAt } from './proseStructure';
import { missingSectionFindings, sectionCoverage, sectionOfHeading } from './sections';
import { tableColumns, type TableColumns } from './tableColumns';
import { splitLines } from './textLines';
import { valueFindings } from './valueRules';
import type { Analysis, Finding, FrontMatter, Heading, MetricClaim, MetricCoverage, TextRange } from './types';

const EMPTY: Analysis = { isAnalysis: false, headings: [], claims: [], sections: [], metrics: [], findings: [] };

/** Numbering before a heading's name ("2.", "II.", "A)") and a trailing colon are not part of the name. */
const HEADING_NUMBER = /^(?:\d+(?:\.\d+)*[.):]?|[IVXivx]+[.)]|[A-Za-z][.)])[ \t]+/;

/** Reads `text` as an analysis against the patterns in `catalog`. Never throws on any input. */
export function analyzeText(text: string, catalog: PatternCatalog): Analysis {
  const doc = splitLines(text);
  const fm = readFrontMatter(doc.lines, doc.bom);
  if (!fm.namesPattern) return EMPTY;
  const base = { isAnalysis: true, ...(fm.frontMatter && { frontMatter: fm.frontMatter }) };
  if (fm.patternRef === undefined || !fm.frontMatter) {
    return { ...base, headings: [], claims: [], sections: [], metrics: [], findings: fm.findings };
  }
  const index = catalog.find(fm.patternRef);
  if (!index) {
    return { ...base, headings: [], claims: [], sections: [], metrics: [], findings: [...fm.findings, unknownPatternFinding(catalog, fm.patternRef, fm.frontMatter)] };
  }

  const blocks = scanBlocks(doc.lines, fm.bodyStart, fm.bodyStart === 0 ? doc.bom : 0);
  const ctx: Reader = { index, subject: fm.frontMatter.subject, headings: [], claims: [], findings: [...fm.findings], names: new Map(), columns: new Map(), sectionOf: new Map() };
  for (const block of blocks) {
    if (block.kind === 'heading') readHeading(ctx, block);
    else if (block.kind === 'prose') readProse(ctx, block);
    else readTable(ctx, block);
  }
  const { headings, claims, findings } = ctx;

  const sections = sectionCoverage(index, headings);
  const anchor = anchorOf(fm.frontMatter);
  findings.push(...missingSectionFindings(index, headings, sections, { lines: doc.lines, eol: doc.eol, bodyStart: fm.bodyStart }, anchor));
  findings.push(...valueFindings(index, claims));

  claims.sort((a, b) => compareRanges(a.valueRange, b.valueRange));
  const metrics: MetricCoverage[] = index.model.metrics.map((m) => ({ metricId: m.id, claims: claims.filter((c) => c.metricId === m.id) }));
  return { ...base, pattern: index, headings, claims, sections, metrics, findings: inOrder(findings) };
}

/** What the block readers share while reading one document. */
interface Reader {
  readonly index: PatternIndex;
  readonly subject?: string;
  readonly headings: Heading[];
  readonly claims: MetricClaim[];
  readonly findings: Finding[];
  /** Near-miss answers by text: an analysis repeats its labels and row names. */
  readonly names: Map<string, readonly string[]>;
  /** Column roles by header text: scorecards repeat their header. */
  readonly columns: Map<string, TableColumns>;
  /** Section of a heading by its text. */
  readonly sectionOf: Map<string, string | undefined>;
}

function anchorOf(fm: FrontMatter): TextRange {
  return fm.pattern?.range ?? fm.range;
}

function readHeading(ctx: Reader, block: HeadingBlock): void {
  const { index, headings, findings } = ctx;
  const run = block.run;
  const text = run.raw.replace(/\s+/g, ' ').trim();
  let sectionId: string | undefined;
  if (!block.nested) {
    if (ctx.sectionOf.has(run.raw)) sectionId = ctx.sectionOf.get(run.raw);
    else ctx.sectionOf.set(run.raw, (sectionId = sectionOfHeading(index, run.raw)));
  }
  const range = runRange(run, 0, run.text.length);
  headings.push({ level: block.level, text, line: block.line, range, ...(sectionId && { sectionId }) });
  caseChecks(index, run.text, (m) => runRange(run, m.start, m.end), findings);
  if (sectionId || block.nested || run.segments.length > 1) return;
  // The name part of the heading: without numbering or a trailing colon.
  const lead = HEADING_NUMBER.exec(run.text)?.[0].length ?? 0;
  let end = run.text.length;
  while (end > lead && /[\s:]/.test(run.text[end - 1])) end--;
  const miss = nearMissAt(ctx.index, run.text.slice(lead, end), (a, b) => runRange(run, lead + a, lead + b), ['section', 'metric', 'company'], ctx.names);
  if (miss) findings.push(miss);
}

function readProse(ctx: Reader, block: ProseBlock): void {
  const { index, claims, findings } = ctx;
  const run = block.run;
  const mentions = index.mentions(run.text);
  for (const m of mentions) {
    const f = wrongCaseAt(m, runRange(run, m.start, m.end));
    if (f) findings.push(f);
  }
  const labels = lineLabels(run);
  if (/\d/.test(run.text)) claims.push(...proseClaims(block, mentionsWithVerbs(index, run.text, mentions), labels));
  // Names where a name is expected: labels, and the bold lead of a list item.
  const named: { start: number; end: number }[] = [...labels];
  if (block.listItem && labels.length === 0) {
    const firstEnd = run.segments.length > 1 ? run.segments[1].offset - 1 : run.text.length;
    const bold = boldLeadAt(run.text, 0, firstEnd);
    if (bold) named.push(bold);
  }
  for (const n of named) {
    const miss = nearMissAt(ctx.index, run.text.slice(n.start, n.end), (a, b) => runRange(run, n.start + a, n.start + b), ['metric', 'company'], ctx.names);
    if (miss) findings.push(miss);
  }
}

function readTable(ctx: Reader, block: TableBlock): void {
  const { index, claims, findings } = ctx;
  const headerKey = block.header.cells.map((c) => c.text).join('|');
  let cols = ctx.columns.get(headerKey);
  if (!cols) {
    cols = tableColumns(block.header, ctx.subject);
    ctx.columns.set(headerKey, cols);
  }
  const mentions = new Map<TableRow, Mention[][]>();
  for (const row of [block.header, ...block.rows]) {
    // One search per row; each mention goes to its cell, with offsets relative to the cell.
    const perCell: Mention[][] = row.cells.map(() => []);
    if (hasLetter(row.text)) {
      let c = 0;
      for (const m of index.mentions(row.text)) {
        while (c < row.cells.length && row.cells[c].end < m.end) c++;
        const cell = row.cells[c];
        if (!cell || m.start < cell.start) continue;
        const where: TextRange = { start: { line: row.line, character: m.start }, end: { line: row.line, character: m.end } };
        const f = wrongCaseAt(m, where);
        if (f) findings.push(f);
        perCell[c].push({ ...m, start: m.start - cell.start, end: m.end - cell.start });
      }
    }
    mentions.set(row, perCell);
    if (row === block.header) continue;
    const cell = row.cells[cols.metric];
    if (!cell) continue;
    const where = (a: number, b: number): TextRange => ({ start: { line: row.line, character: cell.start + a }, end: { line: row.line, character: cell.start + b } });
    const miss = nearMissAt(index, cell.text, where, ['metric', 'company'], ctx.names);
    if (miss) findings.push(miss);
  }
  claims.push(...tableClaims(block, cols, (row, col) => mentions.get(row)?.[col] ?? []));
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** Adds wrong-case findings for the company mentions in `text`; returns its mentions. */
function caseChecks(index: PatternIndex, text: string, at: (m: Mention) => TextRange, findings: Finding[]): Mention[] {
  const mentions = index.mentions(text);
  for (const m of mentions) {
    const f = wrongCaseAt(m, at(m));
    if (f) findings.push(f);
  }
  return mentions;
}

function compareRanges(a: TextRange, b: TextRange): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** Findings in document order (a stable sort keeps each rule's order at one place). */
function inOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => compareRanges(a.range, b.range));
}
