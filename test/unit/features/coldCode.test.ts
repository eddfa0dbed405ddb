/**
 * The cold index's first analyses split by their text's lines (src/features/portfolio/coldCode.ts):
 * the prefixes are whole lines, growing, shorter than the text; the code is called warm after a
 * run of quick files or a bounded number of files; and analysing a text's prefixes first changes
 * nothing in the text's own entry (the analyses share only the models' lookups, which depend on
 * nothing but the models and a short text), held by a property over generated analyses.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ColdCode, MAX_COLD_FILES, WARM_MS, WARM_RUN } from '../../../src/features/portfolio/coldCode';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { generateAnalysis } from '../../support/analysisGenerator';
import { fuzzParameters } from '../../support/fuzz';
import { catalog } from '../portfolio/portfolioHelpers';

describe('cold code: the first analyses split by lines', () => {
  it('splits a text into growing prefixes of whole lines, each shorter than the text', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const prefixes = new ColdCode().prefixes(text);
    assert.deepEqual(prefixes.map((p) => p.split('\n').length - 1), [8, 12, 18, 27, 41, 62, 93]);
    for (const p of prefixes) assert.ok(text.startsWith(p) && p.endsWith('\n') && p.length < text.length);
  });

  it('never offers the whole text or a partial line as a prefix', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, ' ')), { maxLength: 60 }), fc.boolean(), (lines, endsWithNewline) => {
        const text = lines.join('\n') + (endsWithNewline ? '\n' : '');
        const prefixes = new ColdCode().prefixes(text);
        let before = 0;
        for (const p of prefixes) {
          assert.ok(text.startsWith(p) && p.endsWith('\n') && p.length < text.length && p.length > before);
          before = p.length;
        }
      }),
      fuzzParameters(200),
    );
  });

  it('is warm after a run of quick files, and never splits more than a bounded number of files', () => {
    const quick = new ColdCode();
    quick.analysed(40);
    for (let i = 0; i < WARM_RUN - 1; i++) quick.analysed(WARM_MS - 1);
    assert.ok(quick.cold, 'one quick file short of the run');
    quick.analysed(WARM_MS + 1);
    for (let i = 0; i < WARM_RUN - 1; i++) quick.analysed(WARM_MS - 1);
    assert.ok(quick.cold, 'a slow file starts the run again');
    quick.analysed(1);
    assert.ok(!quick.cold);
    assert.deepEqual(quick.prefixes('a\n'.repeat(50)), [], 'no prefixes once warm');

    const slow = new ColdCode();
    for (let i = 0; i < MAX_COLD_FILES - 1; i++) slow.analysed(100);
    assert.ok(slow.cold);
    slow.analysed(100);
    assert.ok(!slow.cold, `warm after ${MAX_COLD_FILES} files whatever they took`);
  });

  it("analysing a text's prefixes first leaves its entry as it is", () => {
    const split = catalog();
    const plain = catalog();
    const cold = new ColdCode();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const text = generateAnalysis({ seed }).text;
        for (const prefix of cold.prefixes(text)) buildIndexEntry('file:///w/a.md', prefix, split);
        assert.deepEqual(buildIndexEntry('file:///w/a.md', text, split), buildIndexEntry('file:///w/a.md', text, plain));
      }),
      fuzzParameters(40),
    );
  });
});
