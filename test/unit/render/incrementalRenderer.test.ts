/**
 * The live preview's incremental renderer (src/render/incrementalRenderer.ts) reuses the HTML of
 * blocks an edit cannot have changed. Whatever it reuses, its result must be byte for byte what a
 * full render of the same text gives: checked after sequences of random edits (typing, deleting,
 * new lines, fences and lists opened and closed, reference definitions, analysis-block markers,
 * front matter changes) on random and realistic analyses, each analysed afresh as the preview does.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { DOCUMENT_CLOSE, DOCUMENT_OPEN, renderDocumentBody, type RenderOptions } from '../../../src/render/documentRenderer';
import { IncrementalRenderer } from '../../../src/render/incrementalRenderer';
import { applyPatch, diffSegments, patchFits, shiftDataLines, type Segment } from '../../../src/render/previewSegments';
import { generateAnalysis } from '../../support/analysisGenerator';
import { editedVersions } from '../../support/editArbitraries';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { HOSTILE_INPUTS } from '../../support/hostileInputs';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

/**
 * Renders each version incrementally and in full; they must agree. The preview's webview is sent
 * only a splice of segments per version (src/render/previewSegments.ts): applied to what it was
 * sent before, it must give the full render too. Returns how many renders reused blocks.
 */
function check(versions: readonly string[], options: RenderOptions = {}): number {
  const renderer = new IncrementalRenderer();
  let reused = 0;
  let sent: Segment[] | undefined;
  let shown: { html: string }[] = [];
  for (const text of versions) {
    const analysis = analyzeText(text, catalog);
    const got = renderer.render(text, analysis, options);
    const want = renderDocumentBody(text, analysis, options);
    assert.equal(got.html, want.html, `version ${versions.indexOf(text)} of ${JSON.stringify(versions)}`);
    assert.deepEqual(got.localImages, want.localImages);
    assert.equal(got.title, want.title);
    assert.equal(DOCUMENT_OPEN + got.segments.map((s) => s.html).join('') + DOCUMENT_CLOSE, want.html, 'the segments are the document');
    if (sent) {
      const parts = diffSegments(sent, got.segments);
      assert.ok(patchFits(parts, shown.length));
      shown = applyPatch(shown, parts, {
        make: (html) => html.map((h) => ({ html: h })),
        remove: () => undefined,
        shiftBy: (s, delta) => void (s.html = shiftDataLines(s.html, delta)),
      });
      assert.equal(DOCUMENT_OPEN + shown.map((s) => s.html).join('') + DOCUMENT_CLOSE, want.html, 'the patched view is the document');
    } else {
      shown = got.segments.map((s) => ({ html: s.html }));
    }
    sent = [...got.segments];
    if (got.incremental) reused++;
  }
  return reused;
}

describe('render: incremental rendering', function () {
  this.timeout(fuzzTimeout(60_000));

  it('gives exactly the full render after any sequence of edits', () => {
    const images: RenderOptions = { images: { resolveLocal: (p) => `local:${p}` } };
    fc.assert(fc.property(editedVersions(), (versions) => {
      check(versions, images);
    }), fuzzParameters(300));
  });

  it('reuses blocks on an ordinary edit, and still matches after lines are added above', () => {
    const base = generateAnalysis({ seed: 3 }).text;
    const middle = base.indexOf('\n\n', base.length >> 1) + 2;
    const typed = base.slice(0, middle) + 'A new paragraph about GPU utilization at 71%.\n\n' + base.slice(middle);
    // Lines added near the top (after the front matter): every later block moves down.
    const afterFrontMatter = typed.indexOf('\n---\n') + 5;
    const above = `${typed.slice(0, afterFrontMatter)}\nIntro line\n\n${typed.slice(afterFrontMatter)}`;
    const reused = check([base, typed, typed.replace('71%', '91%'), above, typed]);
    assert.equal(reused, 4, `reused blocks in ${reused} of 4 edits`);
  });

  it('sends the preview only the block an edit changed, and a line shift for the blocks after it', () => {
    const base = generateAnalysis({ seed: 5 }).text;
    const middle = base.indexOf('\n\n', base.length >> 1) + 2;
    const typed = `${base.slice(0, middle)}A new paragraph.\n\n${base.slice(middle)}`;
    const renderer = new IncrementalRenderer();
    const before = renderer.render(base, analyzeText(base, catalog)).segments;
    const after = renderer.render(typed, analyzeText(typed, catalog)).segments;
    const parts = diffSegments(before, after);
    assert.ok(before.length > 20, `${before.length} segments`);
    const inserted = parts.flatMap((p) => ('insert' in p ? p.insert : []));
    const kept = parts.reduce((n, p) => n + ('keep' in p ? p.count : 0), 0);
    // The new paragraph, and the coverage block at the top (it names the lines sections start on).
    assert.equal(inserted.length, 2, JSON.stringify(parts.map((p) => ('insert' in p ? p.insert.length : p))));
    assert.ok(inserted.some((html) => html.includes('A new paragraph.')));
    assert.equal(kept, after.length - 2);
    const last = parts[parts.length - 1];
    assert.ok('keep' in last && last.shift === 2, 'the blocks after the new paragraph moved down two lines');
  });

  it('keeps the document\'s link reference definitions for reused blocks, and renders in full when one is edited', () => {
    const text = 'See [the deck][d].\n\nGPU utilization was 72%.\n\nMore text.\n\nEven more.\n\n[d]: https://example.com/deck\n';
    const valueEdited = text.replace('72%', '82%');
    const definitionEdited = valueEdited.replace('deck\n', 'slides\n');
    const edits = [valueEdited, definitionEdited, definitionEdited.replace('See', 'Read')];
    check([text, ...edits]);
    const renderer = new IncrementalRenderer();
    const incremental = [text, ...edits].map((t) => renderer.render(t, analyzeText(t, catalog)).incremental);
    assert.deepEqual(incremental, [false, true, false, true]);
  });

  it('renders every hostile input as the full render does, also after an edit in its middle', function () {
    this.timeout(fuzzTimeout(180_000));
    for (const input of HOSTILE_INPUTS.filter((h) => h.kind === 'document' && !h.large)) {
      const text = input.make();
      const middle = text.indexOf('\n', text.length >> 1) + 1;
      check([text, text.slice(0, middle) + '\n\nAn inserted paragraph at 81%.\n\n' + text.slice(middle)]);
    }
  });
});
