/**
 * The ONE judgement of a stated value against its metric: hover cards, diagnostics, preview badges
 * and the CLI all call {@link verdictFor}, so they can never disagree.
 *
 * Order of checks: wrong unit (a "$5" retention, a "72%" price), then impossible (outside the
 * unit's min/max: 140% utilization, negative retention), then the benchmark. A value is read as
 * the set of numbers it allows:
 * - "72%" is 72; "~72%" is also judged as 72, except that "~80%" against ">80" is borderline;
 * - "70–75%" is every number from 70 to 75;
 * - "over 90%" is (90, max]; "at least 96%" is [96, max]; "under 70%" is [min, 70); "at most" / "up to" is [min, x].
 * If every allowed number meets the benchmark the value meets it; if none does it misses; if some
 * do and some don't (a range or a bound that straddles the threshold) it is borderline.
 */
import type { Metric } from '../model/types';
import { formatAmount, formatStatedValueAsWritten } from './valueFormat';
import { settledString } from './settledString';
import type { StatedValue, Verdict } from './types';
import * as unsited from './unsited';

/** The value's unit compared with the metric's: undefined when they agree, else why not. */
function unitMismatch(metric: Metric, value: StatedValue): string | undefined {
  const unit = metric.unit;
  const label = unit.label;
  switch (unit.kind) {
    case 'percent':
      if (value.kind === 'percent') return undefined;
      if (value.kind === 'currency') return `${metric.name} is a percentage (${label}), not a currency amount`;
      if (value.kind === 'multiple') return `${metric.name} is a percentage (${label}), not a multiple`;
      return `${metric.name} is a percentage (${label}); write the value with %`;
    case 'currency':
      if (value.kind === 'currency') {
        const want = unit.currency ?? 'USD';
        return value.currency && value.currency !== want ? `${metric.name} is measured in ${label}; this value is in ${value.currency}` : undefined;
      }
      if (value.kind === 'percent') return `${metric.name} is measured in ${label}, not as a percentage`;
      if (value.kind === 'multiple') return `${metric.name} is measured in ${label}, not as a multiple`;
      return `${metric.name} is measured in ${label}; write the currency (e.g. ${formatAmount(2.1, 'currency', unit.currency)})`;
    case 'multiple':
      return value.kind === 'multiple' || value.kind === 'number' ? undefined : `${metric.name} is a multiple (${label}), e.g. 2.1x`;
    case 'number':
      return value.kind === 'number' ? undefined : `${metric.name} is a plain number (${label})`;
  }
}

/** The interval of numbers a value allows, with open/closed ends. */
interface Interval {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

function intervalOf(value: StatedValue, metric: Metric): Interval {
  const min = metric.unit.min ?? -Infinity;
  const max = metric.unit.max ?? Infinity;
  switch (value.qualifier) {
    case 'over': return { lo: value.high, hi: Math.max(max, value.high), loOpen: true, hiOpen: max === Infinity };
    case 'at-least': return { lo: value.high, hi: Math.max(max, value.high), loOpen: false, hiOpen: max === Infinity };
    case 'under': return { lo: Math.min(min, value.low), hi: value.low, loOpen: min === -Infinity, hiOpen: true };
    case 'at-most': return { lo: Math.min(min, value.low), hi: value.low, loOpen: min === -Infinity, hiOpen: false };
    default: return { lo: value.low, hi: value.high, loOpen: false, hiOpen: false };
  }
}

type Fit = 'all' | 'none' | 'some';

/** Whether all, none or some of the interval satisfies `comparator threshold`. */
function fit(iv: Interval, comparator: '>' | '>=' | '<' | '<=', t: number): Fit {
  switch (comparator) {
    case '>':
      if (iv.lo > t || (iv.lo === t && iv.loOpen)) return 'all';
      return iv.hi <= t ? 'none' : 'some';
    case '>=':
      if (iv.lo >= t) return 'all';
      return iv.hi < t || (iv.hi === t && iv.hiOpen) ? 'none' : 'some';
    case '<':
      if (iv.hi < t || (iv.hi === t && iv.hiOpen)) return 'all';
      return iv.lo >= t ? 'none' : 'some';
    case '<=':
      if (iv.hi <= t) return 'all';
      return iv.lo > t || (iv.lo === t && iv.loOpen) ? 'none' : 'some';
  }
}

/** The metric's benchmark as the source states it, for messages: "benchmark: >80% target for profitability". */
export function benchmarkPhrase(metric: Metric): string {
  return `benchmark: ${metric.benchmarkText}`;
}

/** What follows the value in each benchmark verdict's message about one metric. */
interface Tails {
  readonly meets: string;
  readonly misses: string;
  readonly borderline: string;
  readonly noBenchmark: string;
}

const tails = new WeakMap<Metric, Tails>();

/**
 * The message tails of a metric's verdicts (" — meets the benchmark: …"), made once per metric and
 * shared by every message about it. Why: a message written as one template of four pieces built a
 * chain of intermediate strings per claim, each garbage once the next was added, and the whole was
 * then copied into one string (settledString); now it is the value and one finished tail. Keyed by
 * the model's metric objects: a bounded vocabulary, not the document's text.
 */
function tailsOf(metric: Metric): Tails {
  let t = tails.get(metric);
  if (t === undefined) {
    const phrase = `the ${benchmarkPhrase(metric)}`;
    const higherIsBetter = metric.benchmark !== undefined && (metric.benchmark.comparator === '>' || metric.benchmark.comparator === '>=');
    t = {
      meets: settledString(` — meets ${phrase}`),
      misses: settledString(` — ${higherIsBetter ? 'below' : 'above'} ${phrase}`),
      borderline: settledString(` — borderline: may or may not meet ${phrase}`),
      noBenchmark: settledString(` — no numeric benchmark to compare with (the pattern says: ${metric.benchmarkText})`),
    };
    tails.set(metric, t);
  }
  return t;
}

/**
 * The verdict of `value` for `metric`. Pure; the message starts with the value as written
 * (normalised) so every surface reads the same: "72% — below the benchmark: >80% target for profitability".
 */
export function verdictFor(metric: Metric, value: StatedValue): Verdict {
  const verdict = judge(metric, value);
  // Every hover on the claim's line reads the message: made one string now (see settledString).
  settledString(verdict.message);
  return verdict;
}

function judge(metric: Metric, value: StatedValue): Verdict {
  const shown = formatStatedValueAsWritten(value);
  const mismatch = unitMismatch(metric, value);
  if (mismatch) return unsited.verdict('wrong-unit', `${value.text.trim() || shown} — wrong unit: ${mismatch}`);

  const { min, max } = metric.unit;
  const unitKind = metric.unit.kind === 'multiple' ? 'multiple' : value.kind;
  const currency = value.currency ?? metric.unit.currency;
  const iv = intervalOf(value, metric);
  const q = value.qualifier;
  // Impossible when no number the value allows can exist: "140%", "over 100%", "-5%" retention, "under 0%".
  // A range with one end outside ("95–105%") is impossible too; "up to 120%" is merely loose, not impossible.
  const tooHigh = max !== undefined && (q === 'over' ? value.high >= max : q === 'at-least' ? value.high > max : q === 'under' || q === 'at-most' ? false : value.high > max);
  const tooLow = min !== undefined && (q === 'under' ? value.low <= min : q === 'at-most' ? value.low < min : q === 'over' || q === 'at-least' ? false : value.low < min);
  if (tooHigh) return unsited.verdict('impossible', `${shown} — impossible: ${metric.name} cannot exceed ${formatAmount(max, unitKind, currency)}`);
  if (tooLow) return unsited.verdict('impossible', `${shown} — impossible: ${metric.name} cannot be below ${formatAmount(min, unitKind, currency)}`);

  const bm = metric.benchmark;
  const tail = tailsOf(metric);
  if (!bm) return unsited.verdict('no-benchmark', shown + tail.noBenchmark);

  let result = fit(iv, bm.comparator, bm.value);
  // "~80%" against ">80%": the analyst says "about", so it may be on either side.
  if (value.qualifier === 'approx' && value.low <= bm.value && value.high >= bm.value) result = 'some';
  switch (result) {
    case 'all': return unsited.verdict('meets', shown + tail.meets);
    case 'none': return unsited.verdict('misses', shown + tail.misses);
    default: return unsited.verdict('borderline', shown + tail.borderline);
  }
}

/** True for the verdicts the `benchmark-miss` rule reports. */
export function isMiss(verdict: Verdict): boolean {
  return verdict.status === 'misses';
}

/** True for the verdicts the `impossible-value` rule reports. */
export function isImpossible(verdict: Verdict): boolean {
  return verdict.status === 'impossible' || verdict.status === 'wrong-unit';
}
