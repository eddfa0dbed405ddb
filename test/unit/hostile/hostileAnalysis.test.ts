/**
 * Hostile documents through the analysis core (the entry point of diagnostics, hover, tree
 * coverage, preview badges and the CLI): every input of the hostile catalogue is analysed without
 * an exception, in well under the 5 s guard, with a well-formed result and no polluted prototype.
 * Inputs that only pretend to be analyses (a binary file, an unclosed front matter) get no
 * findings that would send the analyst after problems that are not there.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { analysisProblems, prototypesClean } from '../../support/analysisInvariants';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { hostileDocuments } from '../../support/hostileInputs';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

describe('hostile documents: analyzeText', function () {
  this.timeout(30_000);

  for (const input of hostileDocuments()) {
    it(`${input.name}: no exception, well-formed, under ${GUARD_MS / 1000} s of CPU`, () => {
      const text = input.make();
      const { value: analysis, cpuMs } = withCpuTime(() => analyzeText(text, catalog));
      assert.ok(cpuMs < GUARD_MS, `took ${cpuMs.toFixed(0)} ms of CPU`);
      assert.deepEqual(analysisProblems(text, analysis).slice(0, 5), []);
      assert.ok(prototypesClean(), 'a prototype was polluted');
    });
  }

  it('a YAML language tag never runs: the !!js/function front matter is data, not code', () => {
    const input = hostileDocuments().find((h) => h.name === 'YAML language-specific tags');
    assert.ok(input);
    analyzeText(input.make(), catalog);
    assert.equal((globalThis as Record<string, unknown>).__pa_pwned, undefined);
  });

  it('a __proto__ key in front matter stays a key of the data (or is dropped), never the prototype', () => {
    const input = hostileDocuments().find((h) => h.name === '__proto__ keys in front matter');
    assert.ok(input);
    const analysis = analyzeText(input.make(), catalog);
    const data = analysis.frontMatter?.data;
    if (data) {
      const proto = Object.getPrototypeOf(data) as object | null;
      assert.ok(proto === Object.prototype || proto === null);
      assert.equal((data as Record<string, unknown>).polluted, undefined);
    }
    assert.ok(prototypesClean());
  });
});
