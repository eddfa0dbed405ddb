/**
 * Which multi-word metric or company name the user has begun, so completion replaces all of it.
 */
import * as assert from 'node:assert/strict';
import { startedName } from '../../../src/features/completion/startedName';

const GPU = ['GPU Utilization Rate', 'GPU utilization', 'GPU util', 'utilization rate'];

describe('startedName', () => {
  it('finds a name begun several words back', () => {
    assert.deepEqual(startedName('Our GPU Uti', GPU), { start: 4, name: 'GPU Utilization Rate' });
    assert.deepEqual(startedName('| GPU utilization ra', GPU), { start: 2, name: 'GPU Utilization Rate' });
  });

  it('matches across hyphens and case like the index does', () => {
    assert.deepEqual(startedName('the gpu-utilization r', ['GPU Utilization Rate']), { start: 4, name: 'GPU Utilization Rate' });
  });

  it('leaves a single word to the editor', () => {
    assert.equal(startedName('Our Util', GPU), undefined);
  });

  it('offers nothing after a space or for text that begins no name', () => {
    assert.equal(startedName('Our GPU ', GPU), undefined);
    assert.equal(startedName('', GPU), undefined);
    assert.equal(startedName('Revenue grew fast', GPU), undefined);
  });

  it('starts a name after a table pipe, never before it', () => {
    assert.deepEqual(startedName('| 72% |GPU Util', GPU), { start: 7, name: 'GPU Utilization Rate' });
    assert.deepEqual(startedName('| 72% | GPU Util', GPU), { start: 8, name: 'GPU Utilization Rate' });
    assert.equal(startedName('GPU|Util', GPU), undefined);
  });
});
