/**
 * The webview protocol never drops what its own side produced: every update the extension builds
 * (any body, any document URI, any title: a front-matter title of thousands of characters, an
 * alias bomb's) passes the check the webview runs on arrival, so the preview keeps following edits.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { MAX_SOURCE, MAX_TITLE, parsePreviewState, parseToWebview, patchMessage, updateMessage } from '../../../src/render/protocol';
import { DOCUMENT_CLOSE, DOCUMENT_OPEN } from '../../../src/render/previewSegments';
import { fuzzParameters } from '../../support/fuzz';
import { aliasBomb } from '../../support/hostileInputs';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

describe('hostile protocol: updates the extension builds always arrive', () => {
  it('any body, source and title make an update the webview accepts as built', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 5000 }), fc.string({ unit: 'binary', maxLength: 3000 }), (html, source, title) => {
        const message = updateMessage(html, source, title);
        assert.deepEqual(parseToWebview(message), message);
      }),
      fuzzParameters(300),
    );
  });

  it('a patch arrives as built; one with a malformed or unbounded field, or an update whose layout does not add up, is dropped whole', () => {
    const patch = patchMessage(3, 4, [{ keep: 0, count: 2, shift: 0 }, { insert: ['<p>x</p>\n'] }, { keep: 3, count: 5, shift: -2 }], 'file:///a.md', 'A');
    assert.ok(patch);
    assert.deepEqual(parseToWebview(patch), patch);
    for (const parts of [
      [{ keep: -1, count: 1, shift: 0 }], [{ keep: 0, count: 0, shift: 0 }], [{ keep: 0, count: 1, shift: 0.5 }], [{ keep: 0, count: 1, shift: 1e12 }],
      [{ insert: [1] }], [{ insert: 'x' }], [null], 'parts',
    ]) assert.equal(parseToWebview({ ...patch, parts }), undefined, JSON.stringify(parts));
    assert.equal(parseToWebview({ ...patch, base: -1 }), undefined);
    assert.equal(parseToWebview({ ...patch, seq: 'x' }), undefined);
    const html = `${DOCUMENT_OPEN}<p>a</p><p>b</p>${DOCUMENT_CLOSE}`;
    const update = updateMessage(html, 'file:///a.md', 'A', { seq: 1, lengths: [8, 8] });
    assert.deepEqual(parseToWebview(update), update);
    assert.equal(parseToWebview({ ...update, segments: { seq: 1, lengths: [8, 9] } }), undefined, 'lengths past the body');
    assert.equal(parseToWebview({ ...update, segments: { seq: 1, lengths: [8, -8, 16] } }), undefined);
    assert.equal(parseToWebview({ ...update, html: '<p>a</p><p>b</p>', segments: { seq: 1, lengths: [8, 8] } }), undefined, 'no document wrapper');
  });

  it('a front-matter title of 5,000 characters is cut for display, and the update arrives', () => {
    const text = `---\npattern: ai-infrastructure\ntitle: ${'Long '.repeat(1000)}\n---\n\n# Body\n`;
    const body = renderDocumentBody(text, analyzeText(text, catalog));
    assert.ok((body.title ?? '').length > MAX_TITLE, 'the title really is long');
    const message = updateMessage(body.html, 'file:///work/analysis.md', body.title ?? '');
    const arrived = parseToWebview(message);
    assert.ok(arrived && arrived.type === 'update', 'the update arrives');
    assert.equal(arrived.title.length, MAX_TITLE);
    assert.ok(arrived.title.startsWith('Long Long') && arrived.title.endsWith('…'));
    assert.equal(arrived.html, body.html);
  });

  it('the alias bomb\'s title arrives too', () => {
    const text = aliasBomb(9, 9);
    const body = renderDocumentBody(text, analyzeText(text, catalog));
    assert.ok(parseToWebview(updateMessage(body.html, 'file:///a.md', body.title ?? '')));
  });

  it('a document URI over 4,096 characters is kept (and restored); one past the protocol\'s limit is left out, not the update', () => {
    const deep = `file:///${'folder/'.repeat(1200)}analysis.md`;
    assert.ok(deep.length > 4096);
    const kept = parseToWebview(updateMessage('<p>x</p>', deep, 'T'));
    assert.ok(kept && kept.type === 'update' && kept.source === deep);
    assert.equal(parsePreviewState({ source: deep, locked: false, line: 3, style: 'theme' })?.source, deep);
    const huge = `file:///${'x'.repeat(MAX_SOURCE)}`;
    const left = parseToWebview(updateMessage('<p>x</p>', huge, 'T'));
    assert.ok(left && left.type === 'update' && left.source === '' && left.html === '<p>x</p>');
  });
});
