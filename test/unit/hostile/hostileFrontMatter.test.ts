/**
 * Front matter whose YAML stands for a huge or endless value (aliases nested deep, a list that
 * holds itself) through everything that shows it: the preview header, the title, the exported
 * page. Each ends within the CPU guard with the beginning of the value and a short note, never a
 * stack overflow or a string too long for the engine. The bench prints the real times.
 */
import * as assert from 'node:assert/strict';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { exportDocumentPage } from '../../../src/render/exportDocument';
import { frontMatterText, MAX_VALUE_CHARS, SELF_REFERENCE, TOO_LONG } from '../../../src/render/frontMatterText';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { aliasBomb } from '../../support/hostileInputs';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

function header(html: string): string {
  return /<header class="pa-header[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
}

describe('hostile front matter: bounded display', function () {
  this.timeout(30_000);

  it('the review\'s 474-byte alias bomb renders in the guard, showing the start of the title and a note', async () => {
    const text = aliasBomb(9, 9);
    assert.equal(Buffer.byteLength(text), 474);
    const { value: html, cpuMs } = withCpuTime(() => renderDocumentBody(text, analyzeText(text, catalog)).html);
    assert.ok(cpuMs < GUARD_MS, `render took ${cpuMs.toFixed(0)} ms of CPU`);
    const title = /<h1 class="pa-title">([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
    assert.ok(title.startsWith('lol, lol, lol'), title.slice(0, 80));
    assert.ok(title.endsWith(TOO_LONG), title.slice(-80));
    assert.ok(title.length <= MAX_VALUE_CHARS + TOO_LONG.length, `title of ${title.length} characters`);
    const page = await exportDocumentPage(text, analyzeText(text, catalog), { css: '', fallbackTitle: 'bomb.md' });
    assert.ok(page.length < 200_000, `exported page of ${page.length} characters`);
    assert.match(/<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '', /^lol, lol.*\(too long to show in full\)$/);
  });

  for (const levels of [7, 12]) {
    it(`an alias bomb ${levels} levels deep in every header field stays within the guard`, () => {
      const bomb = aliasBomb(levels, 10).replace('title:', 'subject:');
      const text = bomb.replace('---\n\n# Bomb', `author: *l${levels - 2}\nperiod: [*l${levels - 2}]\n---\n\n# Bomb`);
      const { value: html, cpuMs } = withCpuTime(() => renderDocumentBody(text, analyzeText(text, catalog)).html);
      assert.ok(cpuMs < GUARD_MS, `render took ${cpuMs.toFixed(0)} ms of CPU`);
      const head = header(html);
      for (const field of ['subject', 'author', 'period']) assert.match(head, new RegExp(`pa-fact-${field}"><dt>[^<]*</dt><dd>[^<]*\\(too long to show in full\\)</dd>`), field);
      assert.ok(head.length < 10_000, `header of ${head.length} characters`);
    });
  }

  it('a list that contains itself says so, in the title and in a header field, without a stack overflow', () => {
    const text = '---\npattern: ai-infrastructure\ntitle: &t [*t]\nsubject: &s [CoreWeave, *s]\nauthor: &a\n  - *a\n---\n\n# x\n';
    const html = renderDocumentBody(text, analyzeText(text, catalog)).html;
    assert.match(html, new RegExp(`<h1 class="pa-title">\\${SELF_REFERENCE.slice(0, -1)}\\)</h1>`));
    assert.match(header(html), /pa-fact-subject"><dt>Subject<\/dt><dd>CoreWeave \(refers to itself\)<\/dd>/);
    assert.match(header(html), /pa-fact-author"><dt>Author<\/dt><dd>\(refers to itself\)<\/dd>/);
  });

  it('ordinary values show as before: trimmed strings, numbers, dates, lists joined, mappings left out', () => {
    assert.equal(frontMatterText('  CoreWeave  '), 'CoreWeave');
    assert.equal(frontMatterText(2025), '2025');
    assert.equal(frontMatterText(new Date('2025-03-01T00:00:00Z')), '2025-03-01');
    assert.equal(frontMatterText(['Ana', ['Bo', 'Cy'], { x: 1 }, null]), 'Ana, Bo, Cy');
    assert.equal(frontMatterText({ name: 'x' }), undefined);
    assert.equal(frontMatterText([]), undefined);
    // The same list twice (an alias used twice, no cycle) is shown twice.
    const shared = ['a'];
    assert.equal(frontMatterText([shared, shared]), 'a, a');
  });

  it('a long plain string is cut at the bound with the note, never in the middle of a surrogate pair', () => {
    const long = `${'x'.repeat(MAX_VALUE_CHARS - 1)}😀tail`;
    const shown = frontMatterText(long) ?? '';
    assert.equal(shown, `${'x'.repeat(MAX_VALUE_CHARS - 1)}${TOO_LONG}`);
    assert.equal(frontMatterText('y'.repeat(MAX_VALUE_CHARS)), 'y'.repeat(MAX_VALUE_CHARS));
  });
});
