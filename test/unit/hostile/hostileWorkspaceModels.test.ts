/**
 * Hostile `*.pattern.json` files in a workspace, through the model set the editor and the CLI
 * both load them with: every file gets a status and problems with ranges inside the file, never
 * an exception; a hostile file never takes the bundled model or a good neighbour down with it.
 */
import * as assert from 'node:assert/strict';
import { loadModelSet } from '../../../src/model/modelSet';
import { prototypesClean } from '../../support/analysisInvariants';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { hostileModel, hostileModels } from '../../support/hostileInputs';

describe('hostile workspace models: loadModelSet', function () {
  this.timeout(30_000);

  for (const input of hostileModels()) {
    it(`${input.name}: a status and in-file problems, no exception`, () => {
      const text = input.make();
      const origin = `/ws/${input.name.replace(/\W+/g, '-')}.pattern.json`;
      const { value: set, cpuMs } = withCpuTime(() => loadModelSet([{ origin, text }]));
      assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
      assert.equal(set.files.length, 1);
      const file = set.files[0];
      assert.equal(file.status === 'ok', file.problems.length === 0, `${file.status} with ${file.problems.length} problems`);
      const lines = text.split('\n');
      for (const p of file.problems) {
        assert.ok(p.message.trim().length > 0);
        assert.ok(p.range.start.line >= 0 && p.range.start.line < lines.length, `line ${p.range.start.line}`);
        assert.ok(p.range.end.line >= p.range.start.line);
      }
      // The bundled model is always there, whatever the workspace holds.
      assert.ok(set.catalog.find('ai-infrastructure'));
      assert.ok(prototypesClean());
    });
  }

  it('loads a good model beside every hostile one', () => {
    const good = hostileModel({}).replace('"hostile-pattern"', '"good-pattern"').replace('"number":99', '"number":98');
    const files = [{ origin: '/ws/good.pattern.json', text: good }, ...hostileModels().map((h, i) => ({ origin: `/ws/bad-${i}.pattern.json`, text: h.make() }))];
    const set = loadModelSet(files);
    assert.ok(set.catalog.find('good-pattern'), set.problems.map((p) => p.message).join('\n'));
    assert.ok(set.catalog.find('ai-infrastructure'));
  });
});
