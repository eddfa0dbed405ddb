/**
 * One analysis as the portfolio index keeps it: an analysis by the same `analyzeText` the preview
 * and the CLI use, its headline values chosen by the scorecard's own {@link headlineClaim}, reduced
 * to a summary (no text, no tree, no claim list), so 10,000 entries stay small.
 *
 * Without the analysis core itself (buildIndexEntry in indexEntry.ts reads a text with it): the
 * editor's portfolio bundle takes its analyses from dist/analysis.js, loaded already, instead of
 * carrying a second copy of the core (70 KB of dist/portfolio.js, compiled again on its require).
 */
import { applyLevels, DEFAULT_LEVELS } from '../analysis/checkLevels';
import { headlineClaim, headlineSource } from '../analysis/headline';
import type { Analysis, Severity, StatedValue } from '../analysis/types';
import type { PatternIndex } from '../model/patternIndex';
import type { PatternModel } from '../model/types';
import { contentHash } from './contentHash';
import { parsePeriod } from './periods';
import type { IndexedCoverage, IndexedMetric, IndexEntry, ValueSummary } from './types';

/** Bumped when what an entry holds changes, so caches built by an older version are not reused. */
export const INDEX_FORMAT_VERSION = 2;

/** Longest front-matter string kept in an entry (subject, title, author): a 1 MB title is not a title. */
const MAX_FIELD_CHARS = 300;

/** The entry of an analysis the caller already holds (the editor's analysis cache). */
export function indexEntryOf(uri: string, text: string, analysis: Analysis): IndexEntry | undefined {
  if (!analysis.isAnalysis) return undefined;
  const fm = analysis.frontMatter;
  const index = analysis.pattern;
  const subject = field(fm?.subject ?? fm?.data.subject);
  const companyId = index && subject ? companyOf(index, subject) : undefined;
  const period = parsePeriod(fm?.period ?? fm?.data.period);
  const periodLine = period && fm ? lineOfKey(text, fm.range.start.line, fm.range.end.line, 'period') : undefined;
  const author = field(fm?.author ?? fm?.data.author);
  const title = field(fm?.title ?? fm?.data.title);
  return detached({
    uri,
    version: versionOf(text, index?.model),
    ...(fm?.pattern && { patternWritten: clip(fm.pattern.value) }),
    ...(index && { patternId: index.model.id }),
    ...(subject && { subject }),
    ...(companyId && { companyId }),
    ...(period && { period: { ...period, written: clip(period.written) } }),
    ...(periodLine !== undefined && { periodLine }),
    ...(author && { author }),
    ...(title && { title }),
    metrics: index ? indexedMetrics(analysis, index) : [],
    ...(index && { coverage: coverageOf(analysis) }),
    findings: findingCounts(analysis),
  });
}

/**
 * A deep copy with strings of their own. Values, sources and front-matter fields are slices of
 * the document's text, and a slice keeps the whole text alive in V8: without the copy, 10,000
 * entries held about 10 KB each (their documents) instead of the summary's few hundred bytes.
 */
function detached(entry: IndexEntry): IndexEntry {
  return JSON.parse(JSON.stringify(entry)) as IndexEntry;
}

/** The headline value of each stated metric, in the model's order: what the scorecard rows show. */
function indexedMetrics(analysis: Analysis, index: PatternIndex): IndexedMetric[] {
  const out: IndexedMetric[] = [];
  for (const m of analysis.metrics) {
    if (m.claims.length === 0 || !index.metric(m.metricId)) continue;
    const headline = headlineClaim(m.claims);
    const source = headlineSource(m.claims, headline);
    out.push({
      metricId: m.metricId,
      value: summary(headline.value),
      verdict: headline.verdict.status,
      verdictMessage: headline.verdict.message,
      range: headline.valueRange,
      ...(source && { source: clip(source) }),
      mentions: m.claims.length,
    });
  }
  return out;
}

/** A stated value without anything the index does not need. */
export function summary(v: StatedValue): ValueSummary {
  return {
    kind: v.kind,
    low: v.low,
    high: v.high,
    text: clip(v.text.trim()),
    ...(v.qualifier && { qualifier: v.qualifier }),
    ...(v.currency && { currency: v.currency }),
  };
}

function coverageOf(analysis: Analysis): IndexedCoverage {
  const missing = analysis.sections.filter((s) => !s.present).map((s) => s.sectionId);
  return { present: analysis.sections.length - missing.length, total: analysis.sections.length, missing };
}

/**
 * The findings at the default levels, as an analyst with no settings sees them: the same count for
 * everyone on a team, for an open document (whose analysis may also hold rules its reader turned
 * on) and a closed one (analysed with only the rules on by default).
 */
function findingCounts(analysis: Analysis): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of applyLevels(analysis.findings, DEFAULT_LEVELS)) counts[f.severity]++;
  return counts;
}

/** The pattern company a subject names ("CoreWeave", "Azure"), if any. */
export function companyOf(index: PatternIndex, subject: string): string | undefined {
  const entity = index.lookup(subject);
  return entity?.kind === 'company' ? entity.company.id : undefined;
}

const modelHashes = new WeakMap<PatternModel, string>();

/** Text and model together: an edit to either changes the entry. */
function versionOf(text: string, model: PatternModel | undefined): string {
  let modelHash = '-';
  if (model) {
    modelHash = modelHashes.get(model) ?? contentHash(JSON.stringify(model));
    modelHashes.set(model, modelHash);
  }
  return `${INDEX_FORMAT_VERSION}.${modelHash}.${contentHash(text)}.${text.length}`;
}

function field(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' ? undefined : clip(t);
}

function clip(text: string): string {
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS - 1)}…` : text;
}

/** The 0-based line of a top-level `key:` inside the front matter's lines, if it is there. */
function lineOfKey(text: string, firstLine: number, lastLine: number, key: string): number | undefined {
  const re = new RegExp(`^${key}\\s*:`);
  let line = 0;
  let start = 0;
  while (line <= lastLine && start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (line >= firstLine && re.test(text.slice(start, Math.min(end, start + 100)))) return line;
    line++;
    start = end + 1;
  }
  return undefined;
}
