/**
 * The one verdict function, against the bundled Pattern #17 metrics: GPU Utilization Rate (>80,
 * 0–100%), Customer Retention (>95 annual, 0–100%), Revenue per GPU Hour (USD, no numeric
 * benchmark) and Capacity Growth Rate (%, no numeric benchmark, can be negative).
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import type { Metric } from '../../../src/model/types';
import { parseStatedValue } from '../../../src/analysis/values';
import { verdictFor } from '../../../src/analysis/verdict';
import type { VerdictStatus } from '../../../src/analysis/types';

function metric(id: string): Metric {
  const m = bundledIndex().metric(id);
  assert.ok(m, id);
  return m;
}

function verdict(id: string, text: string) {
  const v = parseStatedValue(text);
  assert.ok(v, text);
  return verdictFor(metric(id), v);
}

describe('verdictFor', () => {
  const cases: [string, string, VerdictStatus][] = [
    ['gpu-utilization-rate', '72%', 'misses'],
    ['gpu-utilization-rate', '80%', 'misses'],
    ['gpu-utilization-rate', '85%', 'meets'],
    ['gpu-utilization-rate', '80.5%', 'meets'],
    ['gpu-utilization-rate', '~72%', 'misses'],
    ['gpu-utilization-rate', '~80%', 'borderline'],
    ['gpu-utilization-rate', '~81%', 'meets'],
    ['gpu-utilization-rate', '70–75%', 'misses'],
    ['gpu-utilization-rate', '75–85%', 'borderline'],
    ['gpu-utilization-rate', '82–88%', 'meets'],
    ['gpu-utilization-rate', '80–85%', 'borderline'],
    ['gpu-utilization-rate', 'over 90%', 'meets'],
    ['gpu-utilization-rate', 'over 80%', 'meets'],
    ['gpu-utilization-rate', 'over 70%', 'borderline'],
    ['gpu-utilization-rate', 'at least 80%', 'borderline'],
    ['gpu-utilization-rate', 'under 80%', 'misses'],
    ['gpu-utilization-rate', 'under 85%', 'borderline'],
    ['gpu-utilization-rate', 'at most 80%', 'misses'],
    ['gpu-utilization-rate', '140%', 'impossible'],
    ['gpu-utilization-rate', 'over 100%', 'impossible'],
    ['gpu-utilization-rate', '95–105%', 'impossible'],
    ['gpu-utilization-rate', 'up to 100%', 'borderline'],
    ['gpu-utilization-rate', '$5', 'wrong-unit'],
    ['gpu-utilization-rate', '2.1x', 'wrong-unit'],
    ['customer-retention', '96%', 'meets'],
    ['customer-retention', '95%', 'misses'],
    ['customer-retention', 'at least 96%', 'meets'],
    ['customer-retention', '-5%', 'impossible'],
    ['customer-retention', 'under 0%', 'impossible'],
    ['customer-retention', '$5', 'wrong-unit'],
    ['revenue-per-gpu-hour', '$2.10', 'no-benchmark'],
    ['revenue-per-gpu-hour', '$2.10–$2.40', 'no-benchmark'],
    ['revenue-per-gpu-hour', '72%', 'wrong-unit'],
    ['revenue-per-gpu-hour', '€2.10', 'wrong-unit'],
    ['revenue-per-gpu-hour', '2.10', 'wrong-unit'],
    ['revenue-per-gpu-hour', '-$1', 'impossible'],
    ['capacity-growth-rate', '18%', 'no-benchmark'],
    ['capacity-growth-rate', '-5%', 'no-benchmark'],
    ['capacity-growth-rate', '250%', 'no-benchmark'],
    ['capacity-growth-rate', '-120%', 'impossible'],
  ];
  for (const [id, text, status] of cases) {
    it(`${id}: ${text} → ${status}`, () => {
      assert.equal(verdict(id, text).status, status);
    });
  }

  it('says what a user needs to read in one line', () => {
    assert.equal(verdict('gpu-utilization-rate', '72%').message, '72% — below the benchmark: >80% target for profitability');
    assert.equal(verdict('customer-retention', '97%').message, '97% — meets the benchmark: >95% annual (switching cloud is painful)');
    assert.equal(verdict('gpu-utilization-rate', '140%').message, '140% — impossible: GPU Utilization Rate cannot exceed 100%');
    assert.equal(verdict('customer-retention', '-5%').message, '-5% — impossible: Customer Retention cannot be below 0%');
    assert.match(verdict('customer-retention', '$5').message, /^\$5 — wrong unit: Customer Retention is a percentage/);
    assert.match(verdict('revenue-per-gpu-hour', '72%').message, /^72% — wrong unit: Revenue per GPU Hour is measured in USD per GPU-hour/);
    assert.match(verdict('revenue-per-gpu-hour', '$2.10').message, /no numeric benchmark.*Pricing per H100\/B200 hour/);
    assert.match(verdict('gpu-utilization-rate', '75–85%').message, /^75–85% — borderline/);
  });

  it('handles a "<" benchmark the same way (a model where lower is better)', () => {
    const latency: Metric = { id: 'latency', name: 'Latency', benchmarkText: '<200 ms', benchmark: { comparator: '<', value: 200 }, unit: { kind: 'number', label: 'ms', min: 0 }, aliases: [] };
    const v = (t: string) => verdictFor(latency, parseStatedValue(t)!).status;
    assert.equal(v('150'), 'meets');
    assert.equal(v('200'), 'misses');
    assert.equal(v('150 to 250'), 'borderline');
    assert.equal(v('under 200'), 'meets');
    assert.equal(v('over 200'), 'misses');
  });
});
