/**
 * The index's progress in the status bar (progressThrottle.ts): a few reports a second, not one
 * per batch of files (200 messages to the window on a warm start of 10,000 files), the first and
 * the last always, and increments that add up to what is done.
 */
import * as assert from 'node:assert/strict';
import { ProgressThrottle } from '../../../src/features/portfolio/progressThrottle';

describe('progress reports of the workspace index', () => {
  it('reports 200 batches done within 300 ms a few times, the last one included, adding up to 100%', () => {
    let clock = 0;
    const throttle = new ProgressThrottle(10_000, 100, () => clock);
    const reported: [number, number][] = [];
    for (let batch = 1; batch <= 209; batch++) {
      clock += 1.5;
      const done = Math.min(batch * 48, 10_000);
      const increment = throttle.increment(done);
      if (increment !== undefined) reported.push([done, increment]);
    }
    assert.ok(reported.length <= 5, `${reported.length} reports`);
    assert.deepEqual(reported[0], [48, 0.48], 'the first batch is reported at once');
    assert.equal(reported.at(-1)?.[0], 10_000, 'the last batch is always reported');
    assert.ok(Math.abs(reported.reduce((sum, [, i]) => sum + i, 0) - 100) < 1e-9);
  });

  it('reports every step that is at least the interval after the one reported before', () => {
    let clock = 0;
    const throttle = new ProgressThrottle(4, 100, () => clock);
    const reported: (number | undefined)[] = [];
    for (let done = 1; done <= 4; done++) {
      reported.push(throttle.increment(done));
      clock += 100;
    }
    assert.deepEqual(reported, [25, 25, 25, 25]);
  });
});
