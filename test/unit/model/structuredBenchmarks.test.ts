/**
 * The machine-readable side of the bundled model: benchmarks exist exactly where the source states
 * a threshold, say what the source says, and units bound the values that can exist at all.
 */
import * as assert from 'assert';
import type { Metric } from '../../../src/model/types';
import { bundledModel } from './modelFixtures';

function metricNamed(name: string): Metric {
  const metric = bundledModel().metrics.find((m) => m.name === name);
  assert.ok(metric, `no metric named "${name}"`);
  return metric;
}

describe('bundled model: structured benchmarks and units', () => {
  it('GPU Utilization Rate: more than 80%, basis "target for profitability"', () => {
    const m = metricNamed('GPU Utilization Rate');
    assert.deepStrictEqual(m.benchmark, { comparator: '>', value: 80, basis: 'target for profitability' });
    assert.strictEqual(m.benchmarkText, '>80% target for profitability');
    assert.strictEqual(m.unit.kind, 'percent');
    assert.strictEqual(m.unit.min, 0);
    assert.strictEqual(m.unit.max, 100);
  });

  it('Customer Retention: more than 95%, annual, basis "switching cloud is painful"', () => {
    const m = metricNamed('Customer Retention');
    assert.deepStrictEqual(m.benchmark, { comparator: '>', value: 95, period: 'annual', basis: 'switching cloud is painful' });
    assert.strictEqual(m.benchmarkText, '>95% annual (switching cloud is painful)');
    assert.strictEqual(m.unit.kind, 'percent');
    assert.strictEqual(m.unit.max, 100);
  });

  it('Revenue per GPU Hour: no benchmark (the source states none), in USD per GPU-hour', () => {
    const m = metricNamed('Revenue per GPU Hour');
    assert.strictEqual(m.benchmark, undefined);
    assert.strictEqual(m.benchmarkText, 'Pricing per H100/B200 hour');
    assert.deepStrictEqual(
      { kind: m.unit.kind, currency: m.unit.currency, per: m.unit.per, label: m.unit.label, min: m.unit.min, max: m.unit.max },
      { kind: 'currency', currency: 'USD', per: 'GPU-hour', label: 'USD per GPU-hour', min: 0, max: undefined },
    );
  });

  it('Capacity Growth Rate: no benchmark, in % quarter-over-quarter, may shrink but not below -100%', () => {
    const m = metricNamed('Capacity Growth Rate');
    assert.strictEqual(m.benchmark, undefined);
    assert.strictEqual(m.benchmarkText, 'GPU fleet expansion quarter-over-quarter');
    assert.strictEqual(m.unit.kind, 'percent');
    assert.strictEqual(m.unit.label, '% quarter-over-quarter');
    assert.strictEqual(m.unit.period, 'quarter-over-quarter');
    assert.strictEqual(m.unit.min, -100);
    assert.strictEqual(m.unit.max, undefined, 'growth has no upper bound');
  });

  it('every structured benchmark agrees with its benchmark line (comparator, value, period, basis)', () => {
    for (const m of bundledModel().metrics) {
      if (!m.benchmark) continue;
      const b = m.benchmark;
      assert.ok(m.benchmarkText.startsWith(`${b.comparator}${b.value}%`), `${m.name}: "${m.benchmarkText}" does not start with ${b.comparator}${b.value}%`);
      if (b.period) assert.ok(m.benchmarkText.includes(b.period), `${m.name}: period "${b.period}"`);
      if (b.basis) assert.ok(m.benchmarkText.includes(b.basis), `${m.name}: basis "${b.basis}"`);
      assert.ok(m.unit.min === undefined || b.value >= m.unit.min, `${m.name}: threshold below the unit's minimum`);
      assert.ok(m.unit.max === undefined || b.value <= m.unit.max, `${m.name}: threshold above the unit's maximum`);
    }
  });

  it('exactly the two metrics whose source line states a threshold have a benchmark', () => {
    const withThreshold = bundledModel().metrics.filter((m) => /^[<>]=?\d/.test(m.benchmarkText)).map((m) => m.name);
    const withBenchmark = bundledModel().metrics.filter((m) => m.benchmark).map((m) => m.name);
    assert.deepStrictEqual(withBenchmark, withThreshold);
    assert.deepStrictEqual(withBenchmark, ['GPU Utilization Rate', 'Customer Retention']);
  });
});
