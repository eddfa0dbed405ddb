/**
 * `conflicting-value` within one analysis: the scorecard table states a metric's value (the value
 * the preview's scorecard shows, {@link headlineClaim}) and a plain statement elsewhere in the
 * same analysis states a different one for the same subject and period. Reported at both places,
 * each naming the other's line.
 *
 * Prose around a figure often talks about something else: a peer ("Lambda Labs runs at 85%"), an
 * earlier period ("78% in Q1 2026"), a change ("from 75% to 72%"), a target or a scenario. A false
 * alarm teaches analysts to ignore the rule, so a statement is compared only when nothing in its
 * sentence or its section heading points elsewhere: no other company, no other period, no change,
 * comparison or projection word, not a quotation. What is left says "the metric is X", plainly.
 */
import type { PatternIndex } from '../model/patternIndex';
import { headlineClaim } from './headline';
import { conflictsWith } from './valueConflict';
import type { Finding, FrontMatter, Heading, MetricClaim } from './types';

/** Words that move a statement away from "this subject, this period, as a fact". Whole words, case-insensitive. */
const ELSEWHERE_WORDS = new RegExp(
  '\\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|drop(?:s|ped)?|declin\\w*|increas\\w*|decreas\\w*|improv\\w*|deteriorat\\w*|'
  + 'up|down|versus|vs|compared|compare[sd]?|against|than|relative|target\\w*|goal\\w*|guid\\w*|expect\\w*|forecast\\w*|project\\w*|'
  + 'plan\\w*|estimat\\w*|consensus|would|could|might|if|assum\\w*|scenario\\w*|peers?|average\\w*|median|industry|benchmark\\w*|threshold\\w*|'
  + 'line|bar|prior|previous\\w*|last|earlier|ago|next|before|after|since|until|by|hyperscalers?|competitors?|rivals?|'
  + 'year-over-year|yoy|quarter-over-quarter|sequential\\w*|trailing|ttm|pro\\s+forma|restat\\w*|adjusted|excluding|ex)\\b',
  'i',
);

/** "from 75% to 72%", "from 75 to 72": a change, never a conflicting statement. */
const FROM_TO = /\bfrom\b[^.!?]{0,80}?\bto\b/i;

/** Period-looking tokens: each must be the analysis's own period, or the statement is about another. */
const PERIOD_TOKEN = /\b(?:[QH][1-4]\s*(?:FY\s*)?(?:19|20)?\d\d|[1-4][QH]\s*(?:FY\s*)?\d{2,4}|FY\s*(?:19|20)?\d\d(?:\s*[QH][1-4])?|(?:19|20)\d\d(?:-Q[1-4]|-\d\d(?:-\d\d)?)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d|quarter|annual(?:ly)?|year|month|half)\b/gi;

/** How far a sentence is followed across wrapped lines, each way. */
const SENTENCE_LINES = 3;
const SENTENCE_CHARS = 600;

export interface ConflictContext {
  readonly index: PatternIndex;
  readonly lines: readonly string[];
  readonly headings: readonly Heading[];
  readonly frontMatter: FrontMatter;
  /** The analysis's own period as text, compared by {@link samePeriodText}. */
  readonly samePeriodText: (text: string) => boolean;
}

/** The `conflicting-value` findings of one analysis; `claims` in document order. */
export function conflictFindings(ctx: ConflictContext, claims: readonly MetricClaim[]): Finding[] {
  const out: Finding[] = [];
  const byMetric = new Map<string, MetricClaim[]>();
  for (const c of claims) {
    const list = byMetric.get(c.metricId);
    if (list) list.push(c);
    else byMetric.set(c.metricId, [c]);
  }
  // Looked up on the first statement compared (a name lookup normalises the subject): most
  // analyses have no value that disagrees with their scorecard, and then it is never needed.
  let subject: { readonly id: string | undefined } | undefined;
  const subjectCompany = (): string | undefined => (subject ??= { id: subjectCompanyId(ctx) }).id;
  const plainHeadings = new Map<Heading, boolean>();
  for (const [metricId, list] of byMetric) {
    if (list.length < 2) continue;
    const headline = headlineClaim(list);
    if (headline.context !== 'table' || unjudgeable(headline)) continue;
    // The metric's name, for messages: looked up on the first conflict (most metrics have none).
    let name: string | undefined;
    const metricName = (): string => (name ??= ctx.index.metric(metricId)?.name ?? metricId);
    const conflicts = conflictsWith(headline.value);
    const others: MetricClaim[] = [];
    let capped = false;
    for (const c of list) {
      if (c.context === 'table' || unjudgeable(c) || !conflicts(c.value)) continue;
      if (others.length === MAX_CONFLICTS_PER_METRIC) {
        capped = true;
        break;
      }
      if (!aboutThisSubjectAndPeriod(ctx, c, subjectCompany, plainHeadings)) continue;
      others.push(c);
      const there = headline.value.text.trim();
      const here = c.value.text.trim();
      out.push({
        rule: 'conflicting-value', severity: 'warning', range: c.valueRange, fixes: [],
        message: `${metricName()}: ${here} here, but the scorecard table states ${there} (line ${headline.valueRange.start.line + 1})`,
        related: [{ range: headline.valueRange, message: `the scorecard states ${there}` }],
      });
    }
    if (others.length > 0) out.push(headlineFinding(metricName(), headline, others, capped));
  }
  return out;
}

/** How many conflicting statements the scorecard's finding points at; the rest are counted. */
const MAX_RELATED = 10;

/**
 * A bound on the statements compared per metric. No analysis states one metric a thousand times;
 * a document that does (generated, or hostile) would otherwise spend seconds reading the sentence
 * around each, and fill the Problems panel with copies. The scorecard's finding says where it stopped.
 */
export const MAX_CONFLICTS_PER_METRIC = 1_000;

/**
 * The scorecard's side of the conflicts: ONE finding however many statements disagree with it
 * (each of those has its own finding), so a long analysis that repeats a figure cannot bury the
 * scorecard line under thousands of copies.
 */
function headlineFinding(name: string, headline: MetricClaim, others: readonly MetricClaim[], capped: boolean): Finding {
  const there = headline.value.text.trim();
  const first = others[0];
  const more = others.length - 1;
  const message = `${name}: the scorecard states ${there}, but line ${first.valueRange.start.line + 1} states ${first.value.text.trim()}`
    + (more > 0 ? ` (and ${more} other statement${more === 1 ? '' : 's'})` : '')
    + (capped ? `; checking stopped after ${MAX_CONFLICTS_PER_METRIC} disagreeing statements of this metric` : '');
  return {
    rule: 'conflicting-value', severity: 'warning', range: headline.valueRange, fixes: [], message,
    related: others.slice(0, MAX_RELATED).map((c) => ({ range: c.valueRange, message: `states ${c.value.text.trim()}` })),
  };
}

/** An impossible or wrong-unit value is already reported by `impossible-value`; comparing it says nothing more. */
function unjudgeable(c: MetricClaim): boolean {
  return c.verdict.status === 'impossible' || c.verdict.status === 'wrong-unit';
}

function subjectCompanyId(ctx: ConflictContext): string | undefined {
  const subject = ctx.frontMatter.subject;
  if (typeof subject !== 'string') return undefined;
  const e = ctx.index.lookup(subject);
  return e?.kind === 'company' ? e.company.id : undefined;
}

/** Nothing in the statement's sentence or section heading points at another subject, period or a change. */
function aboutThisSubjectAndPeriod(ctx: ConflictContext, c: MetricClaim, subjectCompany: () => string | undefined, plainHeadings: Map<Heading, boolean>): boolean {
  const line = ctx.lines[c.valueRange.start.line] ?? '';
  if (/^\s{0,3}>/.test(line)) return false; // a quotation is someone else's statement
  // Every check is a pure test, so their order only decides the cost: first the sentence's words
  // (most statements that disagree with the scorecard are comparisons or changes, "since",
  // "compared with", and end here), then the heading, then the sentence's names and periods (both
  // a mention search).
  const sentence = sentenceAround(ctx.lines, c.valueRange.start.line, c.valueRange.start.character);
  if (ELSEWHERE_WORDS.test(sentence) || FROM_TO.test(sentence)) return false;
  // A section holds many statements under one heading, read once, and a heading naming another
  // company or period ("Deep dive: Lambda in Q2 2025") settles all of them.
  const heading = headingAbove(ctx.headings, c.valueRange.start.line);
  if (heading !== undefined) {
    let ok = plainHeadings.get(heading);
    if (ok === undefined) {
      ok = !FROM_TO.test(heading.text) && namesOnlyThis(ctx, heading.text, subjectCompany());
      plainHeadings.set(heading, ok);
    }
    if (!ok) return false;
  }
  return namesOnlyThis(ctx, sentence, subjectCompany());
}

/** "this quarter", "the year": the analysis's own period, said without naming it. */
const OWN_PERIOD_WORDS = /\b(?:this|the|current)\s+(?:quarter|year|half|month|period)\b/gi;

/** No company but the subject, and no period but the analysis's own. */
function namesOnlyThis(ctx: ConflictContext, written: string, subjectCompany: string | undefined): boolean {
  const text = written.replace(OWN_PERIOD_WORDS, ' ');
  for (const m of ctx.index.mentions(text)) {
    if (m.entity.kind === 'company' && m.entity.company.id !== subjectCompany) return false;
  }
  PERIOD_TOKEN.lastIndex = 0;
  for (let m = PERIOD_TOKEN.exec(text); m; m = PERIOD_TOKEN.exec(text)) {
    if (!ctx.samePeriodText(m[0])) return false;
  }
  return true;
}

/** The last heading before `line`, by binary search (headings are in document order): a scan per claim would be claims × headings. */
function headingAbove(headings: readonly Heading[], line: number): Heading | undefined {
  let lo = 0;
  let hi = headings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (headings[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? headings[lo - 1] : undefined;
}

// Compiled once (a literal in the function made a new expression object at every claim compared).
const END = /[.!?](?=\s|$)/g;
const BLANK = /^\s*$/;
/** A line that starts another block: a heading, a table row, a list item. */
const BLOCK_START = /^\s{0,3}(?:#|\||[-*+]\s|\d+[.)]\s)/;

/**
 * The sentence around a position: back to the previous sentence end (or a blank line, at most
 * {@link SENTENCE_LINES} lines up) and on to the next one. Bounded, so linear in the document.
 */
export function sentenceAround(lines: readonly string[], line: number, character: number): string {
  let before = '';
  for (let l = line, i = 0; l >= 0 && i <= SENTENCE_LINES && before.length < SENTENCE_CHARS; l--, i++) {
    const text = l === line ? (lines[l] ?? '').slice(0, character) : lines[l] ?? '';
    if (l !== line && (BLANK.test(text) || BLOCK_START.test(lines[l + 1] ?? ''))) break;
    let cut = -1;
    END.lastIndex = 0;
    for (let m = END.exec(text); m; m = END.exec(text)) cut = m.index + 1;
    if (cut >= 0) {
      before = `${text.slice(cut)} ${before}`;
      break;
    }
    before = `${text} ${before}`;
  }
  let after = '';
  for (let l = line, i = 0; l < lines.length && i <= SENTENCE_LINES && after.length < SENTENCE_CHARS; l++, i++) {
    const text = l === line ? (lines[l] ?? '').slice(character) : lines[l] ?? '';
    if (l !== line && (BLANK.test(text) || BLOCK_START.test(text))) break;
    END.lastIndex = 0;
    const m = END.exec(text);
    if (m) {
      after = `${after} ${text.slice(0, m.index + 1)}`;
      break;
    }
    after = `${after} ${text}`;
  }
  return `${before}${after}`.slice(0, 2 * SENTENCE_CHARS);
}
