/**
 * The UI tier runs its checks in the listed order, not in file-name order: every check file is
 * listed exactly once, and nothing is listed that does not exist.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { UI_CHECK_ORDER } from '../../ui/checkOrder';

const CHECKS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'ui', 'checks');

describe('UI check order', () => {
  it('lists every file of test/ui/checks once, and only those', () => {
    const files = readdirSync(CHECKS_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
    assert.equal(new Set(UI_CHECK_ORDER).size, UI_CHECK_ORDER.length, 'no check listed twice');
    assert.deepEqual([...UI_CHECK_ORDER].sort(), files);
  });
});
