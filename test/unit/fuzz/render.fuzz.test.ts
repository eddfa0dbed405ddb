/**
 * Property-based tests of the renderer (renderDocumentBody, shared by the preview, the export and
 * the CLI): any text renders without throwing to markup with nothing that runs, loads or navigates;
 * and a `<` that did not come from markdown syntax never becomes a tag — the same paragraph with
 * every `<` replaced by a letter yields exactly the same elements.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { analysisText } from '../../support/fuzzArbitraries';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { dangersIn, tagsOf } from '../../support/htmlSafety';
import { FRONT } from '../../support/hostileInputs';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

function render(text: string): string {
  return renderDocumentBody(text, analyzeText(text, catalog)).html;
}

/**
 * Pieces of would-be HTML with no markdown meaning once inside a paragraph: no `:` or `@` (no
 * autolinks), no `.` (no linkified addresses), no `*_[]()` or backticks, no newlines, no metric
 * names or percentages ("<72%" after a metric name is a value with a qualifier, "q72%" is not).
 */
const HTMLISH = ['<', '>', '/', '=', '"', "'", ' ', '&', '#', ';', '!', '-', 'lt', 'script', 'img', 'src', 'x', 'onerror', 'alert', 'iframe', 'svg', 'onload', 'a href', 'style', 'meta', 'form', '60', 'x3C', 'é', '\u00a0'];
const htmlish = fc.array(fc.constantFrom(...HTMLISH), { maxLength: 60 }).map((parts) => parts.join(''));

const openingTags = (html: string): string[] => tagsOf(html).filter((t) => !t.closing).map((t) => t.name).sort();

describe('fuzz: renderDocumentBody', function () {
  this.timeout(fuzzTimeout());

  it('renders any text without throwing, to markup where nothing runs, loads or navigates', () => {
    fc.assert(fc.property(analysisText, (text) => {
      const html = render(text);
      assert.equal(typeof html, 'string');
      assert.deepEqual(dangersIn(html).slice(0, 3), [], JSON.stringify(text.slice(0, 200)));
    }), fuzzParameters(150));
  });

  it('a < in a paragraph never yields a tag: same elements as with every < replaced by a letter', () => {
    fc.assert(fc.property(htmlish, fc.boolean(), (s, analysis) => {
      const prefix = analysis ? FRONT : '';
      const withLt = render(`${prefix}Para ${s}\n`);
      const without = render(`${prefix}Para ${s.replace(/</g, 'q')}\n`);
      assert.deepEqual(openingTags(withLt), openingTags(without), `"${s}"`);
    }), fuzzParameters(300));
  });
});
