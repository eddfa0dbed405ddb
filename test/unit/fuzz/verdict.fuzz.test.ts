/**
 * Property-based tests of the one verdict function (verdictFor): for any metric (unit kind,
 * bounds, benchmark) and any stated value (kind, range, qualifier, currency) it returns a valid
 * status and a readable message, never throws; and it agrees with plain arithmetic wherever the
 * answer is unambiguous: an exact value meets the benchmark exactly when the comparison holds,
 * a range meets it when both ends do and misses when neither does, a value beyond the unit's
 * bounds is impossible, and a value in another unit is a wrong unit.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { StatedValue } from '../../../src/analysis/types';
import { verdictFor } from '../../../src/analysis/verdict';
import type { Comparator, Metric, UnitKind } from '../../../src/model/types';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

const STATUSES = ['meets', 'misses', 'borderline', 'no-benchmark', 'impossible', 'wrong-unit'];
const KINDS: UnitKind[] = ['percent', 'currency', 'number', 'multiple'];
const COMPARATORS: Comparator[] = ['>', '>=', '<', '<='];

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
/** Small round numbers, where equality with the threshold actually happens. */
const round = fc.integer({ min: -200, max: 200 });
const number = fc.oneof(round, finite);

const metric: fc.Arbitrary<Metric> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    currency: fc.constantFrom('USD', 'EUR', undefined),
    bounds: fc.option(fc.tuple(round, round).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)),
    min: fc.option(round),
    benchmark: fc.option(fc.record({ comparator: fc.constantFrom(...COMPARATORS), value: round })),
  })
  .map(({ kind, currency, bounds, min, benchmark }) => ({
    id: 'fuzz-metric',
    name: 'Fuzz Metric',
    benchmarkText: benchmark ? `${benchmark.comparator}${benchmark.value}` : 'no threshold',
    ...(benchmark ? { benchmark } : {}),
    unit: {
      kind,
      label: `a ${kind}`,
      ...(kind === 'currency' ? { currency: currency ?? 'USD' } : {}),
      ...(bounds ? { min: bounds[0], max: bounds[1] } : min !== null ? { min } : {}),
    },
    aliases: [],
  }));

const value: fc.Arbitrary<StatedValue> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    a: number,
    b: fc.option(number),
    qualifier: fc.constantFrom(undefined, 'approx', 'over', 'under', 'at-least', 'at-most'),
    currency: fc.constantFrom(undefined, 'USD', 'EUR', 'GBP'),
  })
  .map(({ kind, a, b, qualifier, currency }) => {
    const low = b === null ? a : Math.min(a, b);
    const high = b === null ? a : Math.max(a, b);
    return { kind, low, high, text: `${low}–${high}`, ...(qualifier ? { qualifier } : {}), ...(kind === 'currency' && currency ? { currency } : {}) } as StatedValue;
  });

function holds(v: number, comparator: Comparator, t: number): boolean {
  switch (comparator) {
    case '>': return v > t;
    case '>=': return v >= t;
    case '<': return v < t;
    case '<=': return v <= t;
  }
}

/** The value is in the metric's own unit (so only the numbers decide). */
function sameUnit(m: Metric, v: StatedValue): boolean {
  if (m.unit.kind === 'multiple') return v.kind === 'multiple' || v.kind === 'number';
  if (m.unit.kind === 'currency') return v.kind === 'currency' && (v.currency === undefined || v.currency === m.unit.currency);
  return v.kind === m.unit.kind;
}

const inBounds = (m: Metric, x: number): boolean => (m.unit.min === undefined || x >= m.unit.min) && (m.unit.max === undefined || x <= m.unit.max);

describe('fuzz: verdictFor', function () {
  this.timeout(fuzzTimeout());

  it('never throws; a valid status and a readable message for any metric and value', () => {
    fc.assert(fc.property(metric, value, (m, v) => {
      const verdict = verdictFor(m, v);
      assert.ok(STATUSES.includes(verdict.status), verdict.status);
      assert.ok(typeof verdict.message === 'string' && verdict.message.trim().length > 0);
      assert.doesNotMatch(verdict.message, /NaN|undefined|\[object/, verdict.message);
    }), fuzzParameters(2000));
  });

  it('an exact value in range meets the benchmark exactly when the comparison holds', () => {
    fc.assert(fc.property(metric, value, (m, v0) => {
      const v: StatedValue = { kind: v0.kind, low: v0.low, high: v0.low, text: String(v0.low), ...(v0.currency ? { currency: v0.currency } : {}) };
      fc.pre(!!m.benchmark && sameUnit(m, v) && inBounds(m, v.low));
      const expected = holds(v.low, m.benchmark!.comparator, m.benchmark!.value) ? 'meets' : 'misses';
      assert.equal(verdictFor(m, v).status, expected, `${v.low} ${m.benchmark!.comparator} ${m.benchmark!.value}`);
    }), fuzzParameters(1000));
  });

  it('a range meets when both ends do, misses when neither does, else is borderline', () => {
    fc.assert(fc.property(metric, value, (m, v0) => {
      const v: StatedValue = { kind: v0.kind, low: v0.low, high: v0.high, text: `${v0.low}–${v0.high}`, ...(v0.currency ? { currency: v0.currency } : {}) };
      fc.pre(!!m.benchmark && sameUnit(m, v) && inBounds(m, v.low) && inBounds(m, v.high));
      const { comparator, value: t } = m.benchmark!;
      const lo = holds(v.low, comparator, t);
      const hi = holds(v.high, comparator, t);
      const expected = lo && hi ? 'meets' : !lo && !hi ? 'misses' : 'borderline';
      assert.equal(verdictFor(m, v).status, expected, `${v.low}–${v.high} ${comparator} ${t}`);
    }), fuzzParameters(1000));
  });

  it('an exact value beyond the unit\'s bounds is impossible; one in another unit is a wrong unit', () => {
    fc.assert(fc.property(metric, value, (m, v0) => {
      const v: StatedValue = { kind: v0.kind, low: v0.low, high: v0.low, text: String(v0.low), ...(v0.currency ? { currency: v0.currency } : {}) };
      const status = verdictFor(m, v).status;
      if (!sameUnit(m, v)) assert.equal(status, 'wrong-unit');
      else if (!inBounds(m, v.low)) assert.equal(status, 'impossible');
      else assert.ok(status !== 'wrong-unit' && status !== 'impossible', status);
    }), fuzzParameters(1000));
  });

  it('is monotone: raising a value never turns a met higher-is-better benchmark into a miss', () => {
    fc.assert(fc.property(metric, round, fc.nat({ max: 100 }), (m, x, up) => {
      fc.pre(!!m.benchmark && (m.benchmark.comparator === '>' || m.benchmark.comparator === '>='));
      const kind = m.unit.kind;
      const at = (n: number): StatedValue => ({ kind, low: n, high: n, text: String(n), ...(kind === 'currency' ? { currency: m.unit.currency } : {}) });
      fc.pre(inBounds(m, x) && inBounds(m, x + up));
      if (verdictFor(m, at(x)).status === 'meets') assert.equal(verdictFor(m, at(x + up)).status, 'meets');
    }), fuzzParameters(1000));
  });
});
