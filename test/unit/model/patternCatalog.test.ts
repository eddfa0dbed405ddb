/**
 * Finding the model an analysis names in its front matter: by id, number, "#17", name, title or
 * alias, and refusing a second model with an id that is already taken.
 */
import * as assert from 'assert';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { PatternIndex } from '../../../src/model/patternIndex';
import { bundledPatternIndex, minimalModelJson } from './modelFixtures';

function otherIndex(overrides: Record<string, unknown>): PatternIndex {
  const result = loadPatternModel(JSON.stringify({ ...minimalModelJson(), ...overrides }));
  assert.ok(result.model, JSON.stringify(result.errors));
  return new PatternIndex(result.model);
}

describe('PatternCatalog', () => {
  const bundled = bundledPatternIndex();
  const usage = otherIndex({ id: 'usage-based-pricing', number: 4, name: 'Usage-Based Pricing', aliases: ['Metered Pricing'] });
  const catalog = new PatternCatalog([
    { index: bundled, origin: 'bundled', bundled: true },
    { index: usage, origin: '/ws/usage.pattern.json', bundled: false },
  ]);

  for (const ref of ['ai-infrastructure', 17, '17', '#17', ' #17 ', 'Pattern #17', 'pattern 17', 'AI Infrastructure', 'ai infrastructure',
    'AI-Infrastructure', 'AI Infrastructure Business Model', 'AI Infra']) {
    it(`finds Pattern #17 by ${JSON.stringify(ref)}`, () => assert.strictEqual(catalog.find(ref), bundled));
  }

  it('finds the other model by its own id, number, name and alias', () => {
    for (const ref of ['usage-based-pricing', 4, '#4', 'usage based pricing', 'Metered Pricing']) assert.strictEqual(catalog.find(ref), usage, String(ref));
  });

  it('finds nothing for an unknown reference', () => {
    for (const ref of ['#18', 18, 'AI Infrastructur', 'infrastructure', '', '#', 'ai-infrastructure-2']) assert.strictEqual(catalog.find(ref), undefined, String(ref));
  });

  it('suggests the closest pattern for a misspelt reference', () => {
    assert.deepStrictEqual(catalog.suggest('AI Infrastructur').map((m) => m.id), ['ai-infrastructure']);
    assert.deepStrictEqual(catalog.suggest('usage pricing').map((m) => m.id)[0], 'usage-based-pricing');
    assert.deepStrictEqual(catalog.suggest('zzzz'), []);
  });

  it('refuses a second model with a taken id, naming where the first came from', () => {
    const c = new PatternCatalog([{ index: bundled, origin: 'bundled', bundled: true }]);
    const clash = c.add({ index: otherIndex({ id: 'ai-infrastructure', name: 'My Copy' }), origin: '/ws/copy.pattern.json', bundled: false });
    assert.strictEqual(clash.ok, false);
    assert.match(!clash.ok ? clash.reason : '', /"ai-infrastructure" is already loaded from bundled/);
    assert.strictEqual(c.entries.length, 1);
    assert.strictEqual(c.find('My Copy'), undefined);
  });
});
