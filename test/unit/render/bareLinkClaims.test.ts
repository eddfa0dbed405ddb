/**
 * A claimed value inside a bare address that linkify turns into a link. The claim markers must not
 * reach the address: before the fix they were punycoded or percent-encoded into the `href`, so the
 * link changed from render to render (each render's marker key differs) and pointed elsewhere.
 * The address must be what plain markdown-it (linkify on) makes of the same text, in every render.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { isAllowedUrl } from '../../../src/render/linkSafety';
import { analysis, claim, rangeOf } from './fakeAnalysis';

const MARKER_CHAR = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F]/;
/** A marker character as an address or entity may spell it (percent-encoded, punycoded host, entity). */
const ENCODED_MARKER = /%EE%80%|xn--|&#x?e0/i;

// Plain markdown-it with the preview's link policy: a protocol-relative `//host` address (which
// the generated pieces can spell, e.g. "/" "/" "559www.gpu") is refused by design, with or without claims.
const plain = new MarkdownIt('default', { html: false, linkify: true });
plain.validateLink = isAllowedUrl;

const hrefs = (html: string): string[] => Array.from(html.matchAll(/<a href="([^"]*)"/g), (m) => m[1]);

function render(text: string, value: string): string {
  const c = claim(text, 'gpu-utilization-rate', value, 'misses', 'below the benchmark');
  return renderDocumentBody(text, analysis(text, [c], []), { analysisBlocks: false }).html;
}

/** Renders twice (two marker keys) and checks the addresses against plain markdown-it's. */
function assertCleanLinks(text: string, value: string): string {
  const first = render(text, value);
  const second = render(text, value);
  const expected = hrefs(plain.render(text));
  assert.ok(expected.length > 0, `the test text has a bare link: ${text}`);
  assert.deepEqual(hrefs(first), expected, `first render's addresses are plain markdown-it's\n${first}`);
  assert.deepEqual(hrefs(second), expected, `second render's addresses are plain markdown-it's\n${second}`);
  assert.equal(first, second, 'the HTML does not depend on the render\'s marker key');
  assert.doesNotMatch(first, MARKER_CHAR, `no marker character in the HTML\n${first}`);
  if (!ENCODED_MARKER.test(plain.render(text))) assert.doesNotMatch(first, ENCODED_MARKER, `no encoded marker in the HTML\n${first}`);
  return first;
}

describe('render: claimed values inside bare links', () => {
  it('a claimed value that hides what linkify\'s paragraph pretest looks for still leaves the link (found by the property below)', () => {
    // markdown-it links a paragraph's addresses only when linkify-it's pretest finds a hint in its
    // source: in "~~est.0.com~~" that is ".0." (".com" is followed by "~", not a space or punctuation),
    // and the claimed 0's markers hid it.
    for (const text of ['~~est.0.com~~0\n', '~~a.0.com~~ is 0\n']) {
      const html = assertCleanLinks(text, '0');
      assert.match(html, /<s><a href="http:\/\/(?:est|a)\.0\.com"/);
    }
  });

  it('a percent value at the end of a bare https address', () => {
    const html = assertCleanLinks('Utilization: see https://example.com/72% for the source.\n', '72%');
    assert.ok(html.includes('>https://example.com/72%</a>'), `the link text is the address as written\n${html}`);
  });

  it('a number in a www host (punycoding used to rewrite the host)', () => {
    assertCleanLinks('Dashboard at www.gpu72.io today.\n', '72');
  });

  it('a number in the middle of a path, with a value outside the link keeping its badge', () => {
    const text = 'Report https://example.com/q/72/x.html says 81% overall.\n';
    const c72 = claim(text, 'gpu-utilization-rate', '72', 'misses', 'in link');
    const c81 = claim(text, 'gpu-utilization-rate', '81%', 'meets', 'outside');
    const once = (): string => renderDocumentBody(text, analysis(text, [c72, c81], []), { analysisBlocks: false }).html;
    const html = once();
    assert.deepEqual(hrefs(html), hrefs(plain.render(text)));
    assert.equal(html, once());
    assert.doesNotMatch(html, MARKER_CHAR);
    assert.match(html, /<span class="pa-value pa-verdict-meets">81%<\/span><span class="pa-badge pa-verdict-meets"/, 'the value outside the link keeps its badge');
    assert.equal(html.match(/class="pa-badge /g)?.length, 1, 'no badge inside the link');
  });

  it('a value right before and right after a bare link, without a space', () => {
    assertCleanLinks('Share 72%www.example.com here.\n', '72%');
    assertCleanLinks('Host www.example.com/72 here.\n', '72');
    assertCleanLinks('(www.example.com/a.72) here.\n', '72');
  });

  it('property: a number anywhere in a generated bare address never changes its href', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/);
    const url = fc.record({
      www: fc.boolean(),
      host: label,
      tld: fc.constantFrom('io', 'com', 'org'),
      path: fc.array(fc.oneof(label, fc.nat(999).map(String)), { maxLength: 3 }),
      tail: fc.constantFrom('', '%', '.', '/', '?q=1', '#x', ')'),
      n: fc.nat(999),
      where: fc.nat(),
    });
    fc.assert(fc.property(url, fc.constantFrom('', ' ', '.', '(', ')'), (u, after) => {
      const number = `${u.n}`;
      const parts = [...u.path];
      parts.splice(u.where % (parts.length + 1), 0, `${number}${u.tail === '%' ? '%' : ''}`);
      const address = `${u.www ? 'www.' : 'https://'}${u.host}.${u.tld}/${parts.join('/')}${u.tail === '%' ? '' : u.tail}`;
      const value = `${number}${u.tail === '%' ? '%' : ''}`;
      const text = `Source ${address}${after} rest.\n`;
      if (hrefs(plain.render(text)).length === 0) return;
      assertCleanLinks(text, value);
    }), { numRuns: 100 });
  }).timeout(20_000); // two renders per run: slow only when the machine is shared

  it('property: several claimed numbers among addresses, line breaks, emphasis, escapes and entities leave every link as plain markdown-it makes it', () => {
    // The marker pass looks only at the space-delimited runs that hold a marker: whatever joins
    // or splits those runs (a line break, `_` or `~~` emphasis, a backslash escape, an entity)
    // must still give plain markdown-it's links, link texts and nothing of a marker.
    const piece = fc.oneof(
      // A scheme right after a claimed digit ("5https://") is linked by markdown-it's inline rule
      // where plain markdown-it links nothing: a known gap of the source pass, left out here.
      fc.constantFrom('www.gpu', ' https://example.com/', 'x.io', 'mail@example.org', 'see', 'a.b', '.com', '/q/', 'est.', 'GPU-hour'),
      fc.constantFrom(' ', '\n', '_', '*', '~~', '\\.', '&period;', '(', ')', '%', '.', '/', '\u00a0', '\t'),
      fc.nat(999).map(String),
    );
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), fc.array(fc.nat(), { maxLength: 4 }), (pieces, picks) => {
      const text = `${pieces.join('')}\n`;
      const numbers = Array.from(text.matchAll(/\d+/g), (m) => m[0]);
      if (numbers.length === 0) return;
      const seen = new Set<string>();
      const claims: ReturnType<typeof claim>[] = [];
      for (const p of picks) {
        const n = numbers[p % numbers.length];
        if (seen.has(n)) continue;
        seen.add(n);
        claims.push({ ...claim(text, 'gpu-utilization-rate', n, 'misses', 'below'), valueRange: rangeOf(text, n) });
      }
      const once = (): string => renderDocumentBody(text, analysis(text, claims, []), { analysisBlocks: false }).html;
      const html = once();
      const links = (h: string): string[] => Array.from(h.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g), (m) => `${m[1]} ${m[2].replace(/<span class="pa-(?:value|badge)[^>]*>(?:[^<]*<\/span>)?|<\/span>/g, '')}`);
      assert.deepEqual(Array.from(html.matchAll(/<a href="([^"]*)"/g), (m) => m[1]), hrefs(plain.render(text)), `${JSON.stringify(text)}\n${html}`);
      assert.equal(html, once(), 'the HTML does not depend on the render\'s marker key');
      assert.doesNotMatch(html, MARKER_CHAR);
      assert.ok(links(html).length === hrefs(html).length);
    }), { numRuns: 300 });
  }).timeout(30_000);

  it('a claim that splits a "://" or a percent-encoded marker spelling leaves no marker character in the link text', () => {
    // Found by the fuzz test of the marker pass: the markers cut "htt|p:|//" and "%|EE%80%A0", so
    // neither the scheme nor the forged spelling was seen, and linkify decoded %EE%80%A0 into the link text.
    const cases: [string, number, number][] = [['www.x.io/%EE%80%A0[a](http://x.io/\n', 8, 10], ['www.x.io/%EE%80%A0[a](http://x.io/\n', 25, 27], ['www.x.io/%EE%80%A0"\n', 7, 10]];
    for (const [text, start, end] of cases) {
      const c = { ...claim('x 72%', 'gpu-utilization-rate', '72%', 'misses', 'm'), valueRange: { start: { line: 0, character: start }, end: { line: 0, character: end } } };
      const html = renderDocumentBody(text, analysis(text, [c], []), { analysisBlocks: false }).html;
      assert.doesNotMatch(html, MARKER_CHAR, `${JSON.stringify(text)} at ${start}\n${html}`);
      // (A forged marker spelling is taken out of an address by design: only the link count is plain markdown-it's.)
      assert.equal(hrefs(html).length, hrefs(plain.render(text)).length);
      assert.ok(html.includes('www.x.io/\uFFFD'), `the forged character shows as U+FFFD, as without claims\n${html}`);
    }
  });
});

