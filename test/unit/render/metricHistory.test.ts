/**
 * A metric's earlier values for the same subject, and the sentence the hover card says them in.
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import type { IndexEntry } from '../../../src/portfolio/types';
import { historySentence, metricHistory } from '../../../src/render/metricHistory';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

function entry(name: string, subject: string, period: string, gpu: string): IndexEntry {
  const e = buildIndexEntry(`file:///ws/${name}.md`, `---\npattern: ai-infrastructure\nsubject: ${subject}\nperiod: ${period}\n---\n\n| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate | ${gpu} |\n`, catalog);
  assert.ok(e);
  return e;
}

describe('Metric history', () => {
  const q1 = entry('cw-q1', 'CoreWeave', 'Q1 2026', '78%');
  const q2 = entry('cw-q2', 'CoreWeave', '2026-Q2', '75%');
  const q3 = entry('cw-q3', 'CoreWeave', 'Q3 2026', '72%');
  const q4 = entry('cw-q4', 'CoreWeave', 'Q4 2026', '70%');
  const other = entry('lambda-q1', 'Lambda Labs', 'Q1 2026', '90%');

  it('lists earlier periods of the same subject, newest first, and says them in words', () => {
    const all = [q4, other, q1, q3, q2];
    const history = metricHistory(all, q3, 'gpu-utilization-rate');
    assert.deepEqual(history.map((h) => `${h.text} ${h.period.label}`), ['75% Q2 2026', '78% Q1 2026']);
    const period = q3.period?.period;
    assert.ok(period);
    assert.equal(historySentence('72%', period, history), '72% in Q3 2026, from 75% in Q2 2026 and 78% in Q1 2026');
    assert.equal(historySentence('72%', period, history.slice(0, 1)), '72% in Q3 2026, from 75% in Q2 2026');
  });

  it('has nothing to say without earlier values or a readable period', () => {
    assert.deepEqual(metricHistory([q1, q2, q3], q1, 'gpu-utilization-rate'), []);
    assert.equal(historySentence('78%', q1.period?.period ?? assert.fail(), []), undefined);
    const undated = entry('cw-undated', 'CoreWeave', 'sometime soon', '71%');
    assert.deepEqual(metricHistory([q1, q2, undated], undated, 'gpu-utilization-rate'), []);
  });
});
