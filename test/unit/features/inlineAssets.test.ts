/**
 * The portfolio and preview pages carry our stylesheet and script in its own `<style>` and `<script>`
 * elements (under its nonce). A text that could end its element early, or change how a script's
 * text is read, is refused (the page links the files then); the built files are inlinable.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inlineAssets } from '../../../src/features/webviewAssets/inlineAssets';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('webview page assets written into the page', () => {
  it('keeps the texts, without their source map comments', () => {
    const css = '.a { color: red; }\n/*# sourceMappingURL=portfolio.css.map */\n';
    const js = '"use strict";\nconst a = 1 < 2;\n//# sourceMappingURL=portfolio.js.map\n';
    assert.deepEqual(inlineAssets(css, js), { css: '.a { color: red; }', js: '"use strict";\nconst a = 1 < 2;' });
  });

  it('refuses a text that could end its element early or open a script comment', () => {
    assert.equal(inlineAssets('a::after { content: "</style>"; }', ''), undefined);
    assert.equal(inlineAssets('a::after { content: "</STYLE "; }', ''), undefined);
    assert.equal(inlineAssets('', 'const s = "</script>";'), undefined);
    assert.equal(inlineAssets('', 'const s = "</Script ";'), undefined);
    assert.equal(inlineAssets('', 'const s = "<!--<script>";'), undefined);
  });

  it('accepts the built stylesheet and script whole', () => {
    const css = readFileSync(path.join(ROOT, 'media', 'dist', 'portfolio.css'), 'utf8');
    const js = readFileSync(path.join(ROOT, 'media', 'dist', 'portfolio.js'), 'utf8');
    const inline = inlineAssets(css, js);
    assert.ok(inline, 'media/dist/portfolio.css and .js can be written into the page');
    assert.ok(css.startsWith(inline.css) && js.startsWith(inline.js));
    assert.doesNotMatch(inline.css + inline.js, /sourceMappingURL/);
    assert.ok(inline.js.length > 0.9 * js.length);
  });

  it('accepts the preview\'s stylesheet and script whole', () => {
    const css = readFileSync(path.join(ROOT, 'media', 'preview.css'), 'utf8');
    const js = readFileSync(path.join(ROOT, 'media', 'dist', 'preview.js'), 'utf8');
    const inline = inlineAssets(css, js);
    assert.ok(inline, 'media/preview.css and media/dist/preview.js can be written into the page');
    assert.equal(inline.css, css, 'the stylesheet as it is (it names no other file)');
    assert.doesNotMatch(inline.css, /url\(|@import/, 'nothing in it is fetched relative to the page');
    assert.ok(js.startsWith(inline.js) && inline.js.length > 0.9 * js.length);
    assert.doesNotMatch(inline.js, /sourceMappingURL/);
  });
});
