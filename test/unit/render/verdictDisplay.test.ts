/**
 * A verdict looks the same on every surface that shows it: the preview's badge, the hover card
 * and the Pattern tree's coverage all show the one symbol (and, where they name it, the one label)
 * of analysis/verdictDisplay. "no benchmark" in particular is shown, not left blank.
 */
import * as assert from 'node:assert/strict';
import type { MetricClaim, VerdictStatus } from '../../../src/analysis/types';
import { parseStatedValue } from '../../../src/analysis/values';
import { verdictFor } from '../../../src/analysis/verdict';
import { VERDICT_DISPLAY, valueWithVerdict } from '../../../src/analysis/verdictDisplay';
import { bundledIndex } from '../../../src/model/bundledModel';
import { renderBadge } from '../../../src/render/analysisBlocks';
import { entityCard, entityCardMarkdown } from '../../../src/render/entityCard';

const index = bundledIndex();
const at = { line: 3, character: 0 };

function claim(metricId: string, text: string): MetricClaim {
  const metric = index.metric(metricId);
  const value = parseStatedValue(text);
  assert.ok(metric && value, text);
  return { metricId, nameRange: { start: at, end: at }, valueRange: { start: at, end: at }, value, verdict: verdictFor(metric, value), context: 'table' };
}

/** One stated value for each verdict, judged by the core. */
const EXAMPLES: Readonly<Record<VerdictStatus, MetricClaim>> = {
  meets: claim('gpu-utilization-rate', '85%'),
  misses: claim('gpu-utilization-rate', '72%'),
  borderline: claim('gpu-utilization-rate', '~80%'),
  'no-benchmark': claim('capacity-growth-rate', '18%'),
  impossible: claim('gpu-utilization-rate', '140%'),
  'wrong-unit': claim('gpu-utilization-rate', '$5'),
};

/** The visible text of the badge's HTML (it holds no entities for these words). */
function badgeText(c: MetricClaim): string {
  return renderBadge(c).replace(/<[^>]*>/g, '');
}

function hoverFirstVerdictLine(c: MetricClaim): string {
  const e = index.byId(`metric:${c.metricId}`);
  assert.ok(e && e.kind === 'metric');
  return entityCardMarkdown(entityCard(e, { claims: [c] })).split('\n\n')[1];
}

describe('verdict display: one table, three surfaces', () => {
  for (const status of Object.keys(VERDICT_DISPLAY) as VerdictStatus[]) {
    it(`${status}: the badge, the hover card and the tree agree`, () => {
      const c = EXAMPLES[status];
      assert.equal(c.verdict.status, status, `the example ${c.value.text} is ${status}`);
      const { symbol, label } = VERDICT_DISPLAY[status];
      assert.equal(badgeText(c), `${symbol} ${label}`);
      assert.ok(hoverFirstVerdictLine(c).startsWith(`${symbol} **`), hoverFirstVerdictLine(c));
      assert.equal(valueWithVerdict(c.value.text, status), `${c.value.text} ${symbol} ${label}`);
    });
  }

  it('every verdict has its own label and a one-character symbol; only the two unit problems share ⚠', () => {
    const looks = Object.values(VERDICT_DISPLAY);
    assert.equal(new Set(looks.map((l) => l.label)).size, looks.length);
    for (const l of looks) assert.equal([...l.symbol].length, 1, l.label);
    assert.equal(VERDICT_DISPLAY.impossible.symbol, VERDICT_DISPLAY['wrong-unit'].symbol);
    assert.equal(new Set(looks.map((l) => l.symbol)).size, looks.length - 1);
  });

  it('a value with no benchmark says so, in words, on every surface', () => {
    const c = EXAMPLES['no-benchmark'];
    assert.match(badgeText(c), /no benchmark/);
    assert.match(hoverFirstVerdictLine(c), /no numeric benchmark/);
    assert.match(valueWithVerdict('18%', 'no-benchmark'), /^18% ○ no benchmark$/);
  });
});
