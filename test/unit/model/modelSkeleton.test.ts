/**
 * New Pattern Model's skeleton: a valid model for any name (the loader accepts it as written),
 * ids that follow the schema's rule and never collide, and `$schema` pointing at the schema the
 * extension serves.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fuzzParameters } from '../../support/fuzz';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { idFromName, modelFileName, newModelSkeleton, SCHEMA_URI, uniqueId } from '../../../src/model/modelSkeleton';

describe('New Pattern Model skeleton', () => {
  it('is a valid model with one example of every part and the schema reference', () => {
    const text = newModelSkeleton('Vertical AI Agents');
    const result = loadPatternModel(text);
    assert.deepEqual(result.errors, []);
    const model = result.model;
    assert.ok(model);
    assert.equal(model.id, 'vertical-ai-agents');
    assert.equal(model.name, 'Vertical AI Agents');
    assert.deepEqual(model.sections.map((s) => s.kind), ['prose', 'metrics', 'companies', 'strengthsWeaknesses']);
    assert.equal(model.metrics.length, 1);
    assert.equal(model.companies.length, 1);
    assert.equal((JSON.parse(text) as { $schema: string }).$schema, SCHEMA_URI);
    assert.ok(text.endsWith('}\n'));
  });

  it('any name gives a loadable model with a schema-valid id', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (name) => {
      const id = idFromName(name);
      assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      assert.ok(id.length <= 60);
      const result = loadPatternModel(newModelSkeleton(name));
      assert.deepEqual(result.errors, [], `name ${JSON.stringify(name)}`);
    }), fuzzParameters(200));
  });

  it('ids read like the name: accents dropped, punctuation to single hyphens', () => {
    assert.equal(idFromName('Café — Marketplace (B2B)'), 'cafe-marketplace-b2b');
    assert.equal(idFromName('   '), 'my-pattern');
    assert.equal(idFromName('<script>alert(1)</script>'), 'script-alert-1-script');
  });

  it('a taken id gets a numbered suffix, and the file name follows the id', () => {
    assert.equal(uniqueId('ai-infrastructure', new Set(['ai-infrastructure'])), 'ai-infrastructure-2');
    assert.equal(uniqueId('x', new Set(['x', 'x-2'])), 'x-3');
    assert.equal(uniqueId('fresh', new Set(['x'])), 'fresh');
    assert.equal(modelFileName('vertical-ai-agents'), 'vertical-ai-agents.pattern.json');
  });
});
