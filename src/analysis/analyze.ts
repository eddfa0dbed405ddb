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
import { runRange, scanBlocks, type HeadingBlock, type ProseBlock, type TableBlock } from './markdownBlocks';
import { mentionsWithVerbs } from './inflectedMentions';
import { nearMissAt, wrongCaseAt } from './nearMissNames';
import { unknownPatternFinding } from './patternRules';
import { boldLeadAt } from './proseStructure';
import { missingSectionFindings, sectionCoverage, sectionOfHeading } from './sections';
import { tableColumns } from './tableColumns';
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
  const headings: Heading[] = [];
  const claims: MetricClaim[] = [];
  const findings: Finding[] = [...fm.findings];
  const subject = fm.frontMatter.subject;
  for (const block of blocks) {
    if (block.kind === 'heading') readHeading(index, block, headings, findings);
    else if (block.kind === 'prose') readProse(index, block, claims, findings);
    else readTable(index, block, subject, claims, findings);
  }

  const sections = sectionCoverage(index, headings);
  const anchor = anchorOf(fm.frontMatter);
  findings.push(...missingSectionFindings(index, headings, sections, { lines: doc.lines, eol: doc.eol, bodyStart: fm.bodyStart }, anchor));
  findings.push(...valueFindings(index, claims));

  claims.sort((a, b) => compareRanges(a.valueRange, b.valueRange));
  const metrics: MetricCoverage[] = index.model.metrics.map((m) => ({ metricId: m.id, claims: claims.filter((c) => c.metricId === m.id) }));
  return { ...base, pattern: index, headings, claims, sections, metrics, findings: dedupe(findings) };
}

function anchorOf(fm: FrontMatter): TextRange {
  return fm.pattern?.range ?? fm.range;
}

function readHeading(index: PatternIndex, block: HeadingBlock, headings: Heading[], findings: Finding[]): void {
  const run = block.run;
  const text = run.raw.replace(/\s+/g, ' ').trim();
  const sectionId = block.nested ? undefined : sectionOfHeading(index, run.raw);
  const range = runRange(run, 0, run.text.length);
  headings.push({ level: block.level, text, line: block.line, range, ...(sectionId && { sectionId }) });
  caseChecks(index, run.text, (m) => runRange(run, m.start, m.end), findings);
  if (sectionId || block.nested || run.segments.length > 1) return;
  // The name part of the heading: without numbering or a trailing colon.
  const lead = HEADING_NUMBER.exec(run.text)?.[0].length ?? 0;
  let end = run.text.length;
  while (end > lead && /[\s:]/.test(run.text[end - 1])) end--;
  const miss = nearMissAt(index, run.text.slice(lead, end), (a, b) => runRange(run, lead + a, lead + b), ['section', 'metric', 'company']);
  if (miss) findings.push(miss);
}

function readProse(index: PatternIndex, block: ProseBlock, claims: MetricClaim[], findings: Finding[]): void {
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
    const miss = nearMissAt(index, run.text.slice(n.start, n.end), (a, b) => runRange(run, n.start + a, n.start + b), ['metric', 'company']);
    if (miss) findings.push(miss);
  }
}

function readTable(index: PatternIndex, block: TableBlock, subject: string | undefined, claims: MetricClaim[], findings: Finding[]): void {
  claims.push(...tableClaims(index, block, subject));
  const cols = tableColumns(block.header, subject);
  for (const row of [block.header, ...block.rows]) {
    row.cells.forEach((cell, col) => {
      const at = (m: Mention): TextRange => ({ start: { line: row.line, character: cell.start + m.start }, end: { line: row.line, character: cell.start + m.end } });
      if (/\p{L}/u.test(cell.text)) caseChecks(index, cell.text, at, findings);
      if (row === block.header || col !== cols.metric) return;
      const where = (a: number, b: number): TextRange => ({ start: { line: row.line, character: cell.start + a }, end: { line: row.line, character: cell.start + b } });
      const miss = nearMissAt(index, cell.text, where, ['metric', 'company']);
      if (miss) findings.push(miss);
    });
  }
}

/** Adds wrong-case findings for the company mentions in `text`; returns how many mentions it has. */
function caseChecks(index: PatternIndex, text: string, at: (m: Mention) => TextRange, findings: Finding[]): number {
  const mentions = index.mentions(text);
  for (const m of mentions) {
    const f = wrongCaseAt(m, at(m));
    if (f) findings.push(f);
  }
  return mentions.length;
}

function compareRanges(a: TextRange, b: TextRange): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** One finding per rule and place, in document order. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...findings].sort((a, b) => compareRanges(a.range, b.range))) {
    const key = `${f.rule}:${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
