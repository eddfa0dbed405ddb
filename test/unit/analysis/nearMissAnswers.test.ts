/**
 * The block readers ask `nearMissAnswerOf` first and build a range maker and a finding only for a
 * text that is near some name (src/analysis/analyze.ts): for any label, heading or metric cell they
 * must report exactly what building the finding for every text reported, with or without the answers kept from before.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { nearMissAnswer, nearMissAnswerOf, nearMissFinding } from '../../../src/analysis/nearMissNames';
import type { TextRange } from '../../../src/analysis/types';
import { bundledIndex } from '../../../src/model/bundledModel';
import type { EntityKind } from '../../../src/model/patternIndex';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { analyze, doc, findings, textAt } from './analysisHelpers';

const index = bundledIndex();
const KINDS: readonly EntityKind[] = ['metric', 'company'];
const rangeOf = (a: number, b: number): TextRange => ({ start: { line: 3, character: a }, end: { line: 3, character: b } });

/** What the readers did before (the finding built for every text, then dropped when it named nothing), kept here as the reference. */
function nearMissAt(index: ReturnType<typeof bundledIndex>, text: string, rangeOf: (a: number, b: number) => TextRange, kinds: readonly EntityKind[]) {
  return nearMissFinding(index, nearMissAnswer(index, text, kinds), rangeOf);
}

/** What the readers do now: the answer, then a finding only when it names something. */
function viaAnswer(text: string, memo: Map<string, ReturnType<typeof nearMissAnswerOf>>) {
  const answer = nearMissAnswerOf(index, text, KINDS, memo);
  return answer.names.length === 0 ? undefined : nearMissFinding(index, answer, rangeOf);
}

describe('near-miss answers: the readers\' shortcut reports what nearMissAt reports', () => {
  it('a misspelt name gets one preferred fix to the canonical name, a right or unrelated text none', () => {
    const memo = new Map();
    const miss = viaAnswer('**Lambda Lab**', memo);
    assert.deepEqual(miss, nearMissAt(index, '**Lambda Lab**', rangeOf, KINDS));
    assert.deepEqual(miss?.fixes, [{ title: 'Replace with "Lambda Labs"', edits: [{ range: rangeOf(2, 12), newText: 'Lambda Labs' }], preferred: true }]);
    assert.equal(viaAnswer('Lambda Labs', memo), undefined);
    assert.equal(viaAnswer('Management commentary', memo), undefined);
    assert.equal(memo.size, 3, 'each text answered once and kept');
  });

  it('the same findings for random texts near the model\'s names, with a fresh memo or a shared one', function () {
    this.timeout(fuzzTimeout());
    const names: string[] = [];
    for (const e of index.entities) if (e.kind === 'metric' || e.kind === 'company') names.push(...index.namesOf(e));
    const edit = fc.tuple(fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'upper', 'lower', 'pad', 'none'));
    const text = fc.tuple(fc.constantFrom(...names), fc.array(edit, { maxLength: 3 })).map(([name, edits]) => {
      let t = name;
      for (const [at, kind] of edits) {
        const k = t.length === 0 ? 0 : at % t.length;
        if (kind === 'drop') t = t.slice(0, k) + t.slice(k + 1);
        else if (kind === 'double') t = t.slice(0, k) + t[k] + t.slice(k);
        else if (kind === 'swap') t = t.slice(0, k) + t.slice(k + 1, k + 2) + t.slice(k, k + 1) + t.slice(k + 2);
        else if (kind === 'upper') t = t.toUpperCase();
        else if (kind === 'lower') t = t.toLowerCase();
        else if (kind === 'pad') t = ` *${t}* `;
      }
      return t;
    });
    const shared = new Map();
    let found = 0;
    fc.assert(
      fc.property(text, (t) => {
        const expected = nearMissAt(index, t, rangeOf, KINDS);
        assert.deepEqual(viaAnswer(t, new Map()), expected);
        assert.deepEqual(viaAnswer(t, shared), expected);
        if (expected) found++;
      }),
      fuzzParameters(1_000),
    );
    assert.ok(found > 0, 'some texts were near misses');
  });

  it('labels, bold leads, headings and metric cells still get their findings in an analysis', () => {
    const text = doc(['| Metric | Value |', '|---|---|', '| Customer Retentio | 95% |', '', 'Revenue per GPU Hou: $2', '', '### Googl Cloud', '', '- **Together A** — GPU cloud', ''].join('\n'));
    const fs = findings(analyze(text), 'near-miss-name');
    assert.deepEqual(fs.map((f) => [textAt(text, f.range), f.fixes.map((x) => [x.edits[0].newText, x.preferred])]), [
      ['Customer Retentio', [['Customer Retention', true]]],
      ['Revenue per GPU Hou', [['Revenue per GPU Hour', true]]],
      ['Googl Cloud', [['Google Cloud', true]]],
      ['Together A', [['Together AI', true]]],
    ]);
  });
});
