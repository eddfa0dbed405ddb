/**
 * The charts' geometry and markup: where the value bar, the threshold and the points go; no
 * threshold where the source states none; misses drawn as crosses, not only in colour; the words
 * in <title>; escaping; no scripts.
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import { BULLET_WIDTH, bulletGeometry, renderBulletChart } from '../../../src/render/charts/bulletChart';
import { metricDomain, niceCeil, scale } from '../../../src/render/charts/chartScale';
import { renderSmallMultiples, smallMultiplesGeometry } from '../../../src/render/charts/smallMultiples';
import { renderSparkline, sparkGeometry } from '../../../src/render/charts/sparkline';
import { readPeriod } from '../../../src/portfolio/periods';
import { columnsOf } from '../../../src/portfolio/subjects';
import type { MetricTrend } from '../../../src/portfolio/types';
import { assertInert } from './inertHtml';

const model = bundledIndex().model;
const util = model.metrics.find((m) => m.id === 'gpu-utilization-rate')!;
const revenue = model.metrics.find((m) => m.id === 'revenue-per-gpu-hour')!;
const PLOT = BULLET_WIDTH - 14;
const r2 = (n: number): number => Math.round(n * 100) / 100;

describe('charts', () => {
  it('scales: a 0–100% metric keeps its range; other units get a nice range above the values and threshold', () => {
    assert.deepEqual(metricDomain(util.unit, util.benchmark, [{ low: 72, high: 72 }]), { min: 0, max: 100 });
    assert.deepEqual(metricDomain(revenue.unit, undefined, [{ low: 2.1, high: 2.1 }]), { min: 0, max: 2.5 });
    assert.deepEqual([niceCeil(7.3), niceCeil(0.42), niceCeil(100)], [10, 0.5, 100]);
    assert.equal(scale({ min: 0, max: 100 }, 0, 200, 150), 200, 'clamped to the axis');
  });

  it('bullet: the bar ends at the value, the threshold sits at the benchmark, the meeting side is shaded', () => {
    const g = bulletGeometry({ value: { low: 72, high: 72 }, verdict: 'misses', unit: util.unit, benchmark: util.benchmark, description: 'd' });
    assert.deepEqual(g.bar, { x: 0, width: r2(PLOT * 0.72) });
    assert.equal(g.threshold, r2(PLOT * 0.8));
    assert.deepEqual(g.meets, { x: r2(PLOT * 0.8), width: r2(PLOT - r2(PLOT * 0.8)) });
  });

  it('bullet: a range is a band from its low to its high end', () => {
    const g = bulletGeometry({ value: { low: 70, high: 75 }, verdict: 'misses', unit: util.unit, benchmark: util.benchmark, description: 'd' });
    assert.equal(g.bar.x, r2(PLOT * 0.7));
    assert.equal(Math.round(g.bar.width), Math.round(PLOT * 0.05));
  });

  it('bullet: no threshold and no shaded side where the source states no numeric benchmark', () => {
    const svg = renderBulletChart({ value: { low: 2.1, high: 2.1 }, verdict: 'no-benchmark', unit: revenue.unit, description: '$2.10 — no numeric benchmark' });
    assert.doesNotMatch(svg, /pa-chart-threshold|pa-chart-meets-zone/);
    assert.equal(bulletGeometry({ value: { low: 2.1, high: 2.1 }, verdict: 'no-benchmark', unit: revenue.unit, description: '' }).threshold, undefined);
  });

  it('bullet: says the verdict in words and with a symbol, escaped, inert', () => {
    const svg = renderBulletChart({ value: { low: 72, high: 72 }, verdict: 'misses', unit: util.unit, benchmark: util.benchmark, description: '72% <b>below</b> "80%"' });
    assert.match(svg, /<title>72% &lt;b&gt;below&lt;\/b&gt; &quot;80%&quot;<\/title>/);
    assert.match(svg, /aria-label="72% &lt;b&gt;below/);
    assert.match(svg, /<text class="pa-chart-symbol"[^>]*>✗<\/text>/);
    assertInert(svg, 'bullet');
  });

  it('sparkline: points left to right at their values, the benchmark dashed, misses as crosses', () => {
    const input = {
      points: [
        { label: 'Q1 2026', value: { low: 78, high: 78 }, verdict: 'misses' as const },
        { label: 'Q2 2026', value: { low: 85, high: 85 }, verdict: 'meets' as const },
        { label: 'Q3 2026', value: { low: 72, high: 72 }, verdict: 'misses' as const },
      ],
      unit: util.unit,
      benchmark: util.benchmark,
      description: 'GPU Utilization Rate: 72% in Q3 2026, from 85% in Q2 2026 and 78% in Q1 2026',
    };
    const g = sparkGeometry(input, 90, 22);
    assert.deepEqual(g.points.map((p) => p.x), [3, 45, 87]);
    assert.ok(g.points[1].y < g.points[0].y && g.points[0].y < g.points[2].y, 'higher values higher up');
    assert.ok(g.threshold !== undefined && g.threshold > g.points[1].y && g.threshold < g.points[0].y, 'the 80% line between 78% and 85%');
    const svg = renderSparkline(input);
    assert.equal(svg.match(/class="pa-chart-miss"/g)?.length, 2);
    assert.match(svg, /<title>GPU Utilization Rate: 72% in Q3 2026, from 85% in Q2 2026 and 78% in Q1 2026<\/title>/);
    assertInert(svg, 'sparkline');
  });

  it('small multiples: one panel per subject on a shared period axis, the benchmark and its text, inert', () => {
    const q = (s: string) => readPeriod(s)!;
    const loc = { uri: 'a', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const v = (n: number) => ({ kind: 'percent' as const, low: n, high: n, text: `${n}%` });
    const trend: MetricTrend = {
      column: columnsOf(bundledIndex())[0],
      series: [
        { subject: 'AWS', points: [{ period: q('Q1 2026'), value: v(84), verdict: 'meets', location: loc }, { period: q('Q3 2026'), value: v(85), verdict: 'meets', location: loc }] },
        { subject: 'Lambda <Labs>', points: [{ period: q('Q2 2026'), value: v(73), verdict: 'misses', location: loc }] },
      ],
    };
    const g = smallMultiplesGeometry(trend);
    assert.deepEqual(g.periods.map((p) => p.label), ['Q1 2026', 'Q2 2026', 'Q3 2026']);
    assert.deepEqual(g.series.map((s) => s.map((p) => p.x)), [[8, 142], [75]], 'Q2 sits in the middle of the shared axis');
    const html = renderSmallMultiples(trend);
    assert.equal(html.match(/<figure class="pa-multiple-panel">/g)?.length, 2);
    assert.match(html, /dashed line: &gt;80% target for profitability; ✗ misses it/);
    assert.match(html, /Lambda &lt;Labs&gt;/);
    assert.equal(html.match(/class="pa-chart-miss"/g)?.length, 1);
    assertInert(html, 'small multiples');
  });
});
