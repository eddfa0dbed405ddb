/**
 * An acknowledged miss in the preview: the real analysis of a draft with an inline suppression,
 * rendered. The badge keeps the true verdict ("misses"), is marked acknowledged with the reason in
 * its tooltip, and the scorecard counts acknowledged misses apart from the others.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { renderDocumentBody } from '../../../src/render/documentRenderer';

const TEXT = [
  '---', 'pattern: ai-infrastructure', 'subject: Example GPU Cloud', 'period: Q3 2026', '---', '',
  '## Key Metrics & Benchmarks', '',
  '<!-- pattern-analyst-disable-next-line benchmark-miss -- ramp-up quarter -->',
  'GPU utilization averaged 72% in Q3.', '',
  'By September GPU utilization was 65%.', '',
].join('\n');

function render(): string {
  const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
  return renderDocumentBody(TEXT, analyzeText(TEXT, catalog)).html;
}

describe('render: acknowledged misses', () => {
  it('the acknowledged value keeps its "misses" badge, marked acknowledged, the reason in the tooltip', () => {
    const badges = [...render().matchAll(/<span class="pa-badge ([^"]*)"[^>]*title="([^"]*)"><span class="pa-badge-symbol"[^>]*>[^<]*<\/span>([^<]*)<\/span>/g)]
      .map((m) => ({ classes: m[1], title: m[2], label: m[3] }));
    const inText = badges.filter((b) => b.classes.includes('pa-verdict-misses'));
    const acknowledged = inText.filter((b) => b.classes.includes('pa-acknowledged'));
    assert.ok(acknowledged.length >= 1, 'an acknowledged badge');
    assert.match(acknowledged[0].title, /below the benchmark.* — acknowledged: ramp-up quarter$/);
    assert.match(acknowledged[0].label, /misses · acknowledged/);
    assert.ok(inText.some((b) => !b.classes.includes('pa-acknowledged')), 'the 65% miss is not acknowledged');
  });

  it('the scorecard counts acknowledged misses apart', () => {
    assert.match(render(), /2 misses \(1 acknowledged\)/);
  });
});
