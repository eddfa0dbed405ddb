/**
 * Result objects that V8 never allocates straight into its old generation.
 *
 * Why this module exists: V8 gives every object and array literal an "allocation site" and counts,
 * at each young-generation collection, how many of the objects made there are still alive. When
 * nearly all are (as happens once to the claims, ranges and verdicts of one large analysis, which
 * are all kept until it returns), the site is switched to "pretenure" for good: from then on every
 * object made there is allocated in the old generation, where only a full mark-compact frees it.
 * One 100 KB lint made every later 4 KB lint ~1.4x slower (its short-lived results were now old
 * garbage: GC self time 4% -> 13%); the bench showed it as "lint 4 KB" 1.48x markdown-it.
 *
 * An object started from an empty `{}` and filled in field by field has no allocation site (only
 * literals with fields, and array literals, are tracked), so it is made young and dies young. Not
 * always, though: where the optimizing compiler folds such an object's allocation together with a
 * tenured literal's, the pair goes to the old generation (a heading literal took its range along),
 * so every object of a result that a large analysis holds to its end is made here. The objects and
 * their field order are the same as the literals they replace (same JSON, same deep equality): only
 * where V8 puts them differs. Held equal to the literals by test/unit/analysis/unsited.test.ts.
 */
import type { Finding, Fix, Heading, MetricClaim, RuleId, Severity, StatedValue, TextPosition, TextRange, Verdict, VerdictStatus } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function position(line: number, character: number): TextPosition {
  const p = {} as Mutable<TextPosition>;
  p.line = line;
  p.character = character;
  return p;
}

export function range(start: TextPosition, end: TextPosition): TextRange {
  const r = {} as Mutable<TextRange>;
  r.start = start;
  r.end = end;
  return r;
}

export function verdict(status: VerdictStatus, message: string): Verdict {
  const v = {} as Mutable<Verdict>;
  v.status = status;
  v.message = message;
  return v;
}

/** A claim; `source` only when there is one (as a literal with a conditional field gave). */
export function claim(metricId: string, nameRange: TextRange, valueRange: TextRange, value: StatedValue, verdict: Verdict, context: MetricClaim['context'], source: string | undefined): MetricClaim {
  const c = {} as Mutable<MetricClaim>;
  c.metricId = metricId;
  c.nameRange = nameRange;
  c.valueRange = valueRange;
  c.value = value;
  c.verdict = verdict;
  c.context = context;
  if (source) c.source = source;
  return c;
}

/** A heading; `sectionId` only when there is one. */
export function heading(level: number, text: string, line: number, range: TextRange, sectionId: string | undefined): Heading {
  const h = {} as Mutable<Heading>;
  h.level = level;
  h.text = text;
  h.line = line;
  h.range = range;
  if (sectionId) h.sectionId = sectionId;
  return h;
}

/**
 * "No fixes", shared by every finding without one: an empty array literal has an allocation site
 * too (and one per finding was the most common object of a long analysis's findings). Frozen, so
 * no holder can change another's.
 */
export const NO_FIXES: readonly Fix[] = Object.freeze([]);

/** A finding without fixes or related places, its fields in the order of {@link Finding}. */
export function finding(rule: RuleId, severity: Severity, message: string, range: TextRange): Finding {
  const f = {} as Mutable<Finding>;
  f.rule = rule;
  f.severity = severity;
  f.message = message;
  f.range = range;
  f.fixes = NO_FIXES;
  return f;
}
