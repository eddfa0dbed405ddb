/**
 * Which of the pattern's sections an analysis has: headings are matched to section titles and
 * aliases from the model (case-insensitive, "&" = "and", numbering such as "2." or "II." and
 * trailing colons ignored, and a title followed by ":" / "—" / "(" and more words still counts).
 * A missing section gets a finding whose fix inserts its skeleton where the pattern's order puts
 * it: after the block of the previous section present, or before the next one present — and never
 * inside a code fence or comment left open at the end, where the heading would not count.
 */
import { foldTypography, nameKey } from '../model/names';
import type { PatternIndex } from '../model/patternIndex';
import type { Section } from '../model/types';
import type { Finding, Heading, SectionCoverage, TextPosition } from './types';

/** Heading text as compared with section titles. */
export function headingKey(text: string): string {
  // Whitespace is collapsed first so that no later pattern meets a long run of spaces.
  // Each step runs only where it can change something: most headings are plain words.
  let t = foldTypography(text).toLowerCase();
  if (/[*_`]/.test(t)) t = t.replace(/[*_`]/g, '');
  if (/\s\s|[^\S ]/.test(t)) t = t.replace(/\s+/g, ' ');
  if (/[&+]/.test(t)) t = t.replace(/ ?(?:&amp;|&|\+) ?/g, ' and ');
  t = t.trim();
  // "2.", "2)", "2.1", "2 ", "II.", "A.", "Section 2:" before the title.
  t = t.replace(/^(?:(?:section|part|chapter) )?(?:\d+(?:\.\d+)*[.):]?|[ivxlc]+[.):]|[a-z][.)]) /, '');
  let end = t.length;
  while (end > 0 && ' :.;-'.includes(t[end - 1])) end--;
  return t.slice(0, end);
}

interface SectionKeys {
  readonly exact: Map<string, string>;
  readonly titles: readonly { key: string; id: string }[];
}

const cache = new WeakMap<PatternIndex, SectionKeys>();

function keysOf(index: PatternIndex): SectionKeys {
  let keys = cache.get(index);
  if (!keys) {
    const exact = new Map<string, string>();
    const titles: { key: string; id: string }[] = [];
    for (const e of index.entities) {
      if (e.kind !== 'section') continue;
      for (const name of index.namesOf(e)) {
        const k = headingKey(name);
        if (!exact.has(nameKey(k))) exact.set(nameKey(k), e.section.id);
        titles.push({ key: k, id: e.section.id });
      }
    }
    titles.sort((a, b) => b.key.length - a.key.length);
    keys = { exact, titles };
    cache.set(index, keys);
  }
  return keys;
}

/** The section a heading is, if any. */
export function sectionOfHeading(index: PatternIndex, text: string): string | undefined {
  const keys = keysOf(index);
  const k = headingKey(text);
  const hit = keys.exact.get(nameKey(k));
  if (hit) return hit;
  for (const t of keys.titles) {
    if (k.length > t.key.length && k.startsWith(t.key) && /^\s*[:(|/-]/.test(k.slice(t.key.length))) return t.id;
  }
  return undefined;
}

/** Coverage of every model section, in the model's order. First matching heading wins. */
export function sectionCoverage(index: PatternIndex, headings: readonly Heading[]): SectionCoverage[] {
  const first = new Map<string, number>();
  for (const h of headings) if (h.sectionId && !first.has(h.sectionId)) first.set(h.sectionId, h.line);
  return index.model.sections.map((s) => {
    const line = first.get(s.id);
    return line === undefined ? { sectionId: s.id, present: false } : { sectionId: s.id, present: true, line };
  });
}

/** A short line that says what belongs in a section, written into its skeleton. */
function placeholderLine(index: PatternIndex, section: Section): string {
  const model = index.model;
  switch (section.kind) {
    case 'metrics':
      return `TODO: state ${model.metrics.map((m) => m.name).join(', ')}, each with its source.`;
    case 'companies':
      return `TODO: where the subject stands among ${model.companies.slice(0, 3).map((c) => c.name).join(', ')}${model.companies.length > 3 ? ' and others' : ''}.`;
    case 'strengthsWeaknesses':
      return 'TODO: which strengths and weaknesses of the pattern apply to the subject, and why.';
    default:
      return 'TODO: your analysis.';
  }
}

export interface DocumentShape {
  readonly lines: readonly string[];
  readonly eol: string;
  /** First line after the front matter. */
  readonly bodyStart: number;
  /** Where a code fence or HTML comment that runs to the end of the document opens (see BlocksEnd). */
  readonly openSince?: number;
}

/** What a missing section's finding says: the same for every analysis of the pattern. */
interface SectionTexts {
  readonly title: string;
  readonly message: string;
  readonly fixTitle: string;
  readonly placeholder: string;
}

const sectionTexts = new WeakMap<PatternIndex, readonly SectionTexts[]>();

/**
 * The texts of each section's finding, in the model's order, worked out once per index: every
 * analysis that lacks a section said the same words again (a tenth of the lint of a short analysis).
 */
function textsOf(index: PatternIndex): readonly SectionTexts[] {
  let texts = sectionTexts.get(index);
  if (!texts) {
    texts = index.model.sections.map((section) => {
      const title = section.title.replace(/\s+/g, ' ').trim();
      return {
        title,
        message: `Section "${title}" of ${index.model.name} is missing.`,
        fixTitle: `Insert section "${title}"`,
        placeholder: placeholderLine(index, section),
      };
    });
    sectionTexts.set(index, texts);
  }
  return texts;
}

/**
 * One `missing-section` finding per absent section, each with a fix inserting `## Title` and a
 * placeholder line at the section's place in the pattern's order. `anchor` is where the finding
 * is shown (the front matter's `pattern:` value: the reason the section is expected).
 */
export function missingSectionFindings(
  index: PatternIndex,
  headings: readonly Heading[],
  coverage: readonly SectionCoverage[],
  doc: DocumentShape,
  anchor: Finding['range'],
): Finding[] {
  const findings: Finding[] = [];
  let texts: readonly SectionTexts[] | undefined;
  for (let i = 0; i < coverage.length; i++) {
    if (coverage[i].present) continue;
    let prev: SectionCoverage | undefined;
    for (let k = i - 1; k >= 0 && !prev; k--) if (coverage[k].present) prev = coverage[k];
    let next: SectionCoverage | undefined;
    for (let k = i + 1; k < coverage.length && !next; k++) if (coverage[k].present) next = coverage[k];
    const prevHeading = prev && sectionHeadingAt(headings, prev.line);
    const nextHeading = next && sectionHeadingAt(headings, next.line);
    const level = prevHeading?.level ?? nextHeading?.level ?? 2;
    let line: number;
    if (prevHeading) {
      // The previous section's block ends at the next heading of the same or a higher level.
      const after = headings.find((h) => h.line > prevHeading.line && h.level <= prevHeading.level);
      line = after ? after.line : doc.lines.length;
    } else if (nextHeading) {
      line = nextHeading.line;
    } else {
      line = doc.lines.length;
    }
    // At the end of a document whose last code fence (or comment) never closes, a heading would be
    // code too and the section would stay missing: it goes before that fence opens instead (the
    // user's fence is left open, as written).
    if (line >= doc.lines.length && doc.openSince !== undefined) line = doc.openSince;
    const t = (texts ??= textsOf(index))[i];
    const eol = doc.eol;
    const body = `${'#'.repeat(level)} ${t.title}${eol}${eol}${t.placeholder}`;
    findings.push({
      rule: 'missing-section',
      severity: 'information',
      message: t.message,
      range: anchor,
      fixes: [{ title: t.fixTitle, edits: [insertBlock(doc, line, body)], preferred: true }],
    });
  }
  return findings;
}

/** The first heading that is a section at `line` (coverage's lines are such headings' lines). */
function sectionHeadingAt(headings: readonly Heading[], line: number | undefined): Heading | undefined {
  for (const h of headings) if (h.sectionId !== undefined && h.line === line) return h;
  return undefined;
}

/** An edit inserting `body` (lines joined with the document's line end) as a block before `line` (or at the end), blank-line separated. */
function insertBlock(doc: DocumentShape, line: number, body: string): { range: { start: TextPosition; end: TextPosition }; newText: string } {
  const { lines, eol } = doc;
  // The front matter's closing fence counts as text: a skeleton right after it gets a blank line first.
  const blankAt = (k: number): boolean => k < 0 || k >= lines.length || (k >= doc.bodyStart && lines[k].trim() === '');
  if (line >= lines.length) {
    const last = lines.length - 1;
    const lastText = lines[last] ?? '';
    if (lastText === '') {
      // The document ends with a line break: insert on the empty last line.
      const needBlank = !blankAt(last - 1);
      const at = { line: last, character: 0 };
      return { range: { start: at, end: at }, newText: (needBlank ? eol : '') + body + eol };
    }
    const at = { line: last, character: lastText.length };
    return { range: { start: at, end: at }, newText: eol + eol + body + eol };
  }
  const at = { line, character: 0 };
  const needBlankBefore = !blankAt(line - 1);
  return { range: { start: at, end: at }, newText: (needBlankBefore ? eol : '') + body + eol + eol };
}
