/**
 * Entry point of the analysis core: reads an analyst's markdown once and returns everything the
 * editor, the preview and the CLI show about it — front matter, headings and section coverage,
 * metric claims with their verdicts, and the findings of every rule.
 *
 * A document is an analysis when its YAML front matter has a `pattern` key; any other markdown
 * file gets `isAnalysis: false` and no findings (and costs one look at its first line).
 */
import type { PatternCatalog } from '../model/patternCatalog';
import { ownCopy, type EntityKind, type Mention, type PatternIndex } from '../model/patternIndex';
import { lineLabels, proseClaims, tableClaims } from './claims';
import { proseEvidenceFindings, readQuarter, tableEvidenceFindings, type QuarterPeriod } from './evidenceRules';
import { readFrontMatter } from './frontMatter';
import { blockKey, runRange, visitBlocks, type Block, type HeadingBlock, type ProseBlock, type TableBlock, type TableRow } from './markdownBlocks';
import type { AnalysisMemo } from './analysisMemo';
import { mentionsWithVerbs } from './inflectedMentions';
import { companyCaseFindings, nearMissAnswer, nearMissAnswerOf, nearMissFinding, wrongCaseAt } from './nearMissNames';
import { unknownPatternFinding } from './patternRules';
import { boldLeadAt } from './proseStructure';
import { missingSectionFindings, sectionCoverage, sectionOfHeading } from './sections';
import { tableColumns } from './tableColumns';
import { BoundedMap, columnsFor, MAX_ANSWERS, nameAnswersOf, type NameAnswers } from './nameAnswers';
import { applySuppressions, mayHoldDirectives, readDirectives } from './suppressions';
import { range as lineRange, splitLines, type TextLines } from './textLines';
import { sortStable } from './stableSort';
import { valueFindings } from './valueRules';
import * as unsited from './unsited';
import { ValueScanner } from './values';
import { conflictFindings } from './conflictRules';
import { readPeriod, samePeriod } from '../portfolio/periods';
import { DEFAULT_LEVELS, type CheckLevel } from './checkLevels';
import type { Analysis, Finding, FrontMatter, Heading, MetricClaim, MetricCoverage, RuleId, SuppressedFinding, TextRange } from './types';

const NO_MENTIONS: readonly Mention[] = [];

const NO_DIRECTIVES: ReturnType<typeof readDirectives> = { directives: [], problems: [] };

/** What a name where a name is expected may be: in a heading, and elsewhere (labels, bold leads, metric cells). */
const HEADING_NAME_KINDS: readonly EntityKind[] = ['section', 'metric', 'company'];
const NAME_KINDS: readonly EntityKind[] = ['metric', 'company'];

const EMPTY: Analysis = { isAnalysis: false, headings: [], claims: [], sections: [], metrics: [], findings: [] };

/** Numbering before a heading's name ("2.", "II.", "A)") and a trailing colon are not part of the name. */
const HEADING_NUMBER = /^(?:\d+(?:\.\d+)*[.):]?|[IVXivx]+[.)]|[A-Za-z][.)])[ \t]+/;

export interface AnalyzeOptions {
  /** Honour `<!-- pattern-analyst-disable … -->` comments (default true; a team's config may forbid them). */
  readonly inlineSuppressions?: boolean;
  /**
   * The levels the findings will be shown at (as `applyLevels` takes them). A rule whose level is
   * `off` is then not run at all, since its findings would be dropped anyway; unless a suppression
   * comment names it (or names no rule): whether that comment hides something decides its
   * `unused-suppression` hint. The findings under these levels are exactly those of a full
   * analysis; without levels every rule runs (the portfolio counts every finding).
   */
  readonly levels?: Readonly<Partial<Record<RuleId, CheckLevel>>>;
  /**
   * The last analysis's readings of this document's blocks (src/analysis/analysisMemo.ts): blocks
   * an edit did not change are not read again. The result is the same with or without it.
   */
  readonly memo?: AnalysisMemo;
}

/** Which rules an analysis runs. */
type RuleFilter = (rule: RuleId) => boolean;

const EVERY_RULE: RuleFilter = () => true;

/** The rules to run under `levels`: all but those off and named by no suppression comment. */
function rulesToRun(levels: AnalyzeOptions['levels'], directives: ReturnType<typeof readDirectives> | undefined): RuleFilter {
  if (!levels) return EVERY_RULE;
  const named = new Set<RuleId>();
  for (const d of directives?.directives ?? []) {
    if (d.rules.length === 0) return EVERY_RULE;
    for (const r of d.rules) named.add(r);
  }
  const off = new Set<RuleId>();
  for (const rule of Object.keys(DEFAULT_LEVELS) as RuleId[]) {
    if ((levels[rule] ?? DEFAULT_LEVELS[rule]) === 'off' && !named.has(rule)) off.add(rule);
  }
  return off.size === 0 ? EVERY_RULE : (rule) => !off.has(rule);
}

/** Reads `text` as an analysis against the patterns in `catalog`. Never throws on any input. */
export function analyzeText(text: string, catalog: PatternCatalog, options: AnalyzeOptions = {}): Analysis {
  // Every open markdown file is read, most of them not analyses: one that does not start with a
  // front matter fence is answered without splitting it (the bench: 0.4 ms → 1 µs on 100 KB).
  if (!opensWithFence(text)) return EMPTY;
  const doc = splitLines(text);
  const fm = options.memo ? options.memo.frontMatterOf(doc.lines, doc.bom, () => readFrontMatter(doc.lines, doc.bom)) : readFrontMatter(doc.lines, doc.bom);
  if (!fm.namesPattern) return EMPTY;
  // Every suppression comment starts "<!-- pattern-analyst-": a document without that has none
  // (a search of the text instead of a look at every line for comments and code fences).
  const directives = options.inlineSuppressions === false ? undefined : mayHoldDirectives(text) ? readDirectives(doc.lines, fm.bodyStart) : NO_DIRECTIVES;
  const runs = rulesToRun(options.levels, directives);
  let analysis = readAnalysis(doc, fm, catalog, runs, options.memo);
  if (runs !== EVERY_RULE) analysis = { ...analysis, findings: analysis.findings.filter((f) => runs(f.rule)) };
  return directives ? withSuppressions(analysis, directives) : analysis;
}

/**
 * The findings inline suppressions hide move to `suppressed`, and a claim whose miss is hidden is
 * marked acknowledged (its verdict stays what it is: the preview still shows the truth).
 */
function withSuppressions(analysis: Analysis, directives: ReturnType<typeof readDirectives>): Analysis {
  if (directives.directives.length === 0 && directives.problems.length === 0) return analysis;
  const result = applySuppressions(analysis.findings, directives);
  if (result.suppressed.length === 0) return { ...analysis, findings: result.findings };
  const byValue = new Map<string, SuppressedFinding>();
  for (const f of result.suppressed) {
    if (f.rule === 'benchmark-miss' || f.rule === 'impossible-value') byValue.set(rangeKey(f.range), f);
  }
  if (byValue.size === 0) return { ...analysis, findings: result.findings, suppressed: result.suppressed };
  const mark = (c: MetricClaim): MetricClaim => {
    const f = byValue.get(rangeKey(c.valueRange));
    return f ? { ...c, acknowledged: f.acknowledged } : c;
  };
  return {
    ...analysis,
    findings: result.findings,
    suppressed: result.suppressed,
    claims: analysis.claims.map(mark),
    metrics: analysis.metrics.map((m) => ({ ...m, claims: m.claims.map(mark) })),
  };
}

function rangeKey(r: TextRange): string {
  return `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
}

/** Reads the analysis; `runs` says which rules' work may be skipped (their findings are filtered out by the caller). */
function readAnalysis(doc: TextLines, fm: ReturnType<typeof readFrontMatter>, catalog: PatternCatalog, runs: RuleFilter, memo: AnalysisMemo | undefined): Analysis {
  if (fm.patternRef === undefined || !fm.frontMatter) {
    const base = { isAnalysis: true, ...(fm.frontMatter && { frontMatter: fm.frontMatter }) };
    return { ...base, headings: [], claims: [], sections: [], metrics: [], findings: fm.findings };
  }
  const index = catalog.find(fm.patternRef);
  if (!index) {
    return { isAnalysis: true, frontMatter: fm.frontMatter, headings: [], claims: [], sections: [], metrics: [], findings: [...fm.findings, unknownPatternFinding(catalog, fm.patternRef, fm.frontMatter)] };
  }

  const period = fm.frontMatter.period ? ownQuarter(fm.frontMatter.period) : undefined;
  const answers = nameAnswersOf(index);
  // Every field written out, not `...nameAnswersOf(index)`: a spread after other keys builds the
  // object key by key at run time (0.9% of a 4 KB lint in that one line), and every block reader
  // reads its fields.
  const ctx: Reader = {
    index, subject: fm.frontMatter.subject, headings: [], claims: [], findings: fm.findings.slice(),
    headingNames: answers.headingNames, names: answers.names, sectionOf: answers.sectionOf, cellMentions: answers.cellMentions, columns: answers.columns,
    values: new ValueScanner(), period, metricName: (id) => index.metric(id)?.name ?? id,
    nearMiss: runs('near-miss-name'), evidence: runs('unsourced-value') || runs('period-mismatch'),
  };
  const read = (block: Block): void => {
    if (block.kind === 'heading') readHeading(ctx, block);
    else if (block.kind === 'prose') readProse(ctx, block);
    else readTable(ctx, block);
  };
  // Everything a block's reading depends on besides the block itself (see AnalysisMemo).
  memo?.begin([index, fm.frontMatter.subject, fm.frontMatter.period, ctx.nearMiss, ctx.evidence]);
  const end = visitBlocks(doc.lines, fm.bodyStart, fm.bodyStart === 0 ? doc.bom : 0, memo ? (block) => readRemembered(ctx, memo, block, read) : read);
  memo?.end();
  const { headings, claims, findings } = ctx;

  const sections = sectionCoverage(index, headings);
  const anchor = anchorOf(fm.frontMatter);
  if (runs('missing-section')) pushAll(findings, missingSectionFindings(index, headings, sections, { lines: doc.lines, eol: doc.eol, bodyStart: fm.bodyStart, openSince: end.openSince }, anchor));
  pushAll(findings, valueFindings(index, claims));

  // Claims come block by block, so nearly always in order already: sorted only when not (a stable
  // sort leaves an ordered list as it is; the sort's scratch copy was a tenth of what the lint of a
  // short analysis allocates outside the blocks).
  if (!claimsInOrder(claims)) claims.sort((a, b) => compareRanges(a.valueRange, b.valueRange));
  if (runs('conflicting-value')) pushAll(findings, conflictFindings({ index, lines: doc.lines, headings, frontMatter: fm.frontMatter, samePeriodText: samePeriodAs(fm.frontMatter) }, claims));
  const metrics = coverageOf(index, claims);
  // A literal, not `{ ...base, … }`: a spread followed by more keys builds the object key by key.
  return { isAnalysis: true, frontMatter: fm.frontMatter, pattern: index, headings, claims, sections, metrics, findings: inOrder(findings) };
}

/**
 * The quarter of front matter periods, by their text. Analyses name few periods ("Q3 2025",
 * "FY2025 H1") and reading one was a tenth of the lint of a short analysis; bounded like the
 * answers of nameAnswers.ts (a pure function of a short text, kept across analyses).
 */
const ownQuarters = new BoundedMap<string, QuarterPeriod | undefined>(MAX_ANSWERS);

function ownQuarter(period: string): QuarterPeriod | undefined {
  return ownQuarters.answer(period, (text) => frozen(readQuarter(text)), ownCopy);
}

/** An answer kept across analyses is shared: frozen, so no caller can change another's. */
function frozen<T extends object>(value: T | undefined): T | undefined {
  return value === undefined ? value : Object.freeze(value);
}

/** Each metric's claims, in the claims' order: one pass over the claims, not one per metric. */
function coverageOf(index: PatternIndex, claims: readonly MetricClaim[]): MetricCoverage[] {
  const byMetric = new Map<string, MetricClaim[]>();
  for (const m of index.model.metrics) byMetric.set(m.id, []);
  for (const c of claims) byMetric.get(c.metricId)?.push(c);
  // Every metric its own array (a model repeating an id gets a copy, as a filter per metric gave).
  const given = new Set<string>();
  return index.model.metrics.map((m) => {
    const own = byMetric.get(m.id) as MetricClaim[];
    const first = !given.has(m.id);
    given.add(m.id);
    return { metricId: m.id, claims: first ? own : own.slice() };
  });
}

/** True when the first line (after a byte-order mark) starts with "---", as front matter must. */
function opensWithFence(text: string): boolean {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return text.startsWith('---', from);
}

/** What the block readers share while reading one document. */
interface Reader extends NameAnswers {
  readonly index: PatternIndex;
  readonly subject?: string;
  readonly headings: Heading[];
  readonly claims: MetricClaim[];
  readonly findings: Finding[];
  /** Reads the values of every sentence and cell of this analysis. */
  readonly values: ValueScanner;
  /** The analysis's own period (front matter), for `period-mismatch`. */
  readonly period?: QuarterPeriod;
  /** A metric's name by id, for messages. */
  readonly metricName: (metricId: string) => string;
  /** Whether `near-miss-name` runs (names and letter case are then checked). */
  readonly nearMiss: boolean;
  /** Whether `unsourced-value` or `period-mismatch` runs. */
  readonly evidence: boolean;
}

/**
 * Periods by their text, as {@link readPeriod} reads them. The conflict rule reads every period
 * token in the sentence around a disagreeing value ("Q4 2025", "2025", "year"), and analyses repeat
 * a few: reading them was a tenth of the rule. Bounded like {@link ownQuarters}.
 */
const periodsRead = new BoundedMap<string, ReturnType<typeof readPeriod>>(MAX_ANSWERS);

function periodOf(text: string): ReturnType<typeof readPeriod> {
  return periodsRead.answer(text, (token) => frozen(readPeriod(token)), ownCopy);
}

/** Whether a period written in the text is the analysis's own (false when either is unreadable). */
function samePeriodAs(fm: FrontMatter): (text: string) => boolean {
  // Read on the first question: most analyses state no conflicting value, and then none is asked.
  let own: ReturnType<typeof readPeriod> | null = null;
  return (text) => {
    if (own === null) own = typeof fm.period === 'string' ? readPeriod(fm.period) : undefined;
    const p = own && periodOf(text);
    return p !== undefined && own !== undefined && samePeriod(p, own);
  };
}

function anchorOf(fm: FrontMatter): TextRange {
  return fm.pattern?.range ?? fm.range;
}

/** Reads a block, or adds what the memo remembers of the same block in the last analysis. */
function readRemembered(ctx: Reader, memo: AnalysisMemo, block: Block, read: (block: Block) => void): void {
  const key = blockKey(block);
  if (key === undefined) {
    read(block);
    return;
  }
  const line = block.kind === 'heading' ? block.line : block.kind === 'table' ? block.header.line : block.run.segments[0]?.line ?? -1;
  const known = memo.reuse(line, key);
  if (known) {
    pushAll(ctx.headings, known.headings);
    pushAll(ctx.claims, known.claims);
    pushAll(ctx.findings, known.findings);
    return;
  }
  const h = ctx.headings.length;
  const c = ctx.claims.length;
  const f = ctx.findings.length;
  read(block);
  memo.keep(line, key, { headings: ctx.headings.slice(h), claims: ctx.claims.slice(c), findings: ctx.findings.slice(f) });
}

function readHeading(ctx: Reader, block: HeadingBlock): void {
  const { index, headings, findings } = ctx;
  const run = block.run;
  const raw = run.raw;
  const text = /\s\s|[\t\n\u00a0]/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
  let sectionId: string | undefined;
  if (!block.nested) {
    // Matched without HTML comments ("## The Pattern <!-- draft -->"), else as written ("## `The Pattern`").
    const known = ctx.sectionOf.get(raw);
    if (known !== undefined) sectionId = known ?? undefined;
    else ctx.sectionOf.set(raw, (sectionId = sectionOfHeading(index, run.text) ?? (raw === run.text ? undefined : sectionOfHeading(index, raw))) ?? null);
  }
  const range = runRange(run, 0, run.text.length);
  headings.push(unsited.heading(block.level, text, block.line, range, sectionId));
  if (ctx.nearMiss) pushAll(findings, companyCaseFindings(index, run.text, (a, b) => runRange(run, a, b)));
  if (sectionId || block.nested || run.segments.length > 1 || !ctx.nearMiss) return;
  let answer = ctx.headingNames.get(run.text);
  if (!answer) {
    // The name part of the heading: without numbering or a trailing colon.
    const lead = HEADING_NUMBER.exec(run.text)?.[0].length ?? 0;
    let end = run.text.length;
    while (end > lead && /[\s:]/.test(run.text[end - 1])) end--;
    const inner = nearMissAnswer(index, run.text.slice(lead, end), HEADING_NAME_KINDS);
    answer = { ...inner, start: lead + inner.start, end: lead + inner.end };
    ctx.headingNames.set(run.text, answer);
  }
  // Nearly every heading is near no name: no range maker made for it.
  if (answer.names.length === 0) return;
  const miss = nearMissFinding(index, answer, (a, b) => runRange(run, a, b));
  if (miss) findings.push(miss);
}

function readProse(ctx: Reader, block: ProseBlock): void {
  const { index, claims, findings } = ctx;
  const run = block.run;
  // The full mention search runs only where claims can be (a block with a number); elsewhere a
  // quick scan for company names is enough for the wrong-case check.
  const hasNumber = /\d/.test(run.text);
  const mentions = hasNumber ? index.mentions(run.text) : NO_MENTIONS;
  if (ctx.nearMiss && hasNumber) {
    for (const m of mentions) {
      // Only a company written otherwise than its name can be miscased: no range made for the others.
      if (m.entity.kind !== 'company' || m.text === m.matched) continue;
      const f = wrongCaseAt(m, runRange(run, m.start, m.end));
      if (f) findings.push(f);
    }
  } else if (ctx.nearMiss) {
    pushAll(findings, companyCaseFindings(index, run.text, (a, b) => runRange(run, a, b)));
  }
  const labels = lineLabels(run);
  if (hasNumber) {
    const found = proseClaims(ctx.values, block, mentionsWithVerbs(index, run.text, mentions), labels);
    if (found.length) {
      pushAll(claims, found);
      if (ctx.evidence) proseEvidenceFindings(run, found, ctx.period, ctx.metricName, findings);
    }
  }
  if (!ctx.nearMiss) return;
  // Names where a name is expected: labels, and the bold lead of a list item.
  let named: readonly { start: number; end: number }[] = labels;
  if (block.listItem && labels.length === 0) {
    const firstEnd = run.segments.length > 1 ? run.segments[1].offset - 1 : run.text.length;
    const bold = boldLeadAt(run.text, 0, firstEnd);
    if (bold) named = [bold];
  }
  for (const n of named) {
    const answer = nearMissAnswerOf(ctx.index, run.text.slice(n.start, n.end), NAME_KINDS, ctx.names);
    if (answer.names.length === 0) continue;
    const miss = nearMissFinding(ctx.index, answer, (a, b) => runRange(run, n.start + a, n.start + b));
    if (miss) findings.push(miss);
  }
}

function readTable(ctx: Reader, block: TableBlock): void {
  const { index, claims, findings } = ctx;
  // Keyed by the header's masked line, which decides its cells (no cell texts cut and joined for the key).
  const bySubject = columnsFor(ctx.columns, ctx.subject);
  let cols = bySubject.get(block.header.text);
  if (!cols) {
    cols = tableColumns(block.header, ctx.subject);
    bySubject.set(block.header.text, cols);
  }
  // One range maker per table (they run at once, for the row and cell being read): no closure per row.
  let line = 0;
  let cellStart = 0;
  const rowRange = (a: number, b: number): TextRange => lineRange(line, a, b);
  const cellRange = (a: number, b: number): TextRange => lineRange(line, cellStart + a, cellStart + b);
  const nearMiss = ctx.nearMiss;
  const caseFindings = (row: TableRow): void => {
    line = row.line;
    if (!nearMiss) return;
    const found = companyCaseFindings(index, row.text, rowRange);
    if (found.length) pushAll(findings, found);
  };
  caseFindings(block.header);
  // Only the metric cell needs the full mention search: it names the row's metric.
  const nameMentions: (readonly Mention[] | undefined)[] = [];
  for (let r = 0; r < block.rows.length; r++) {
    const row = block.rows[r];
    caseFindings(row);
    const cell = row.cell(cols.metric);
    if (!cell) continue;
    if (hasLetter(cell.text)) nameMentions[r] = cellMentions(ctx, cell.text);
    cellStart = cell.start;
    if (!nearMiss) continue;
    const answer = nearMissAnswerOf(index, cell.text, NAME_KINDS, ctx.names);
    if (answer.names.length === 0) continue;
    const miss = nearMissFinding(index, answer, cellRange);
    if (miss) findings.push(miss);
  }
  const found = tableClaims(ctx.values, block, cols, (r, col) => (col === cols.metric ? nameMentions[r] : undefined) ?? NO_MENTIONS);
  pushAll(claims, found);
  if (found.length && ctx.evidence) tableEvidenceFindings(found, cols.source !== undefined, ctx.metricName, findings);
}

/** The mentions in a table's metric cell; scorecards repeat their metric names, so each text is searched once. */
function cellMentions(ctx: Reader, text: string): readonly Mention[] {
  let found = ctx.cellMentions.get(text);
  if (!found) {
    found = ctx.index.mentions(text);
    ctx.cellMentions.set(text, found);
  }
  return found;
}

/** Whether `text` holds a letter (`/\p{L}/u`); exported for its test. */
export function hasLetter(text: string): boolean {
  // A metric cell starts with a letter nearly always: decided at its first ASCII letter, the
  // Unicode class (a regex) only from the first character outside ASCII on.
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return /\p{L}/u.test(text.slice(k));
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) return true;
  }
  return false;
}

function compareRanges(a: TextRange, b: TextRange): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function claimsInOrder(claims: readonly MetricClaim[]): boolean {
  for (let k = 1; k < claims.length; k++) if (compareRanges(claims[k - 1].valueRange, claims[k].valueRange) > 0) return false;
  return true;
}

/** Findings in document order (a stable sort keeps each rule's order at one place). */
function inOrder(findings: Finding[]): Finding[] {
  return sortStable(findings, compareFindings);
}

function compareFindings(a: Finding, b: Finding): number {
  return compareRanges(a.range, b.range);
}

/**
 * Appends `items` to `into`. Not `into.push(...items)`: a spread passes every item as an argument,
 * and a 10 MB analysis has more findings than the call stack can take.
 */
function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
