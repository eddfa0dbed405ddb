/**
 * Property-based tests of front-matter reading (through analyzeText, the one entry point every
 * feature uses): any YAML — valid, invalid, with `__proto__` keys, anchors, odd scalars — yields
 * an answer, never an exception or a polluted prototype; a front matter that names the pattern
 * is always recognised, whatever else it holds.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { analysisProblems, prototypesClean } from '../../support/analysisInvariants';
import { anyText } from '../../support/fuzzArbitraries';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

const yamlish = fc.oneof(
  anyText,
  fc.array(fc.tuple(fc.constantFrom('pattern', 'subject', 'period', 'author', 'title', '__proto__', 'constructor', 'prototype', 'toString', 'x'), fc.constantFrom(': ', ':', ' : ', ':\n  - ', ': &a ', ': *a ', ': !!js/function ', ': [', ': {', ': |\n  '), anyText)).map((rows) => rows.map(([k, s, v]) => `${k}${s}${v}`).join('\n')),
);

const keys = fc.constantFrom('subject', 'period', 'author', 'title', '__proto__', 'constructor', 'tags', 'x y', 'pattern2');
const values = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));

describe('fuzz: front matter', function () {
  this.timeout(fuzzTimeout());

  it('any text between --- fences is read without throwing or polluting a prototype', () => {
    fc.assert(fc.property(yamlish, fc.constantFrom('\n', '\r\n'), anyText, (front, eol, body) => {
      const text = `---${eol}${front}${eol}---${eol}${body}`;
      const analysis = analyzeText(text, catalog);
      assert.deepEqual(analysisProblems(text, analysis), []);
      assert.ok(prototypesClean());
      if (analysis.frontMatter) assert.equal(analysis.frontMatter.range.start.line, 0, 'front matter starts on line 0');
    }), fuzzParameters(300));
  });

  it('a front matter naming the pattern (by id, number or name) is always recognised', () => {
    fc.assert(fc.property(fc.dictionary(keys, values, { maxKeys: 6 }), fc.constantFrom('ai-infrastructure', 17, 'AI Infrastructure', 'Pattern #17'), (extra, ref) => {
      const data = { ...extra, pattern: ref };
      const text = `---\n${yaml.dump(data)}---\n\n# Analysis\n`;
      const analysis = analyzeText(text, catalog);
      assert.equal(analysis.isAnalysis, true, text);
      assert.equal(analysis.pattern?.model.id, 'ai-infrastructure', text);
      assert.equal(analysis.findings.filter((f) => f.rule === 'unknown-pattern' || f.rule === 'front-matter').length, 0, text);
      assert.ok(prototypesClean());
    }), fuzzParameters(200));
  });
});
