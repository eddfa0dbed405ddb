/**
 * The renderer's fast paths, tested on the inputs where they could wrongly skip work:
 * - links: the engine links exactly what plain markdown-it with the same address policy links;
 * - the claim-marker pass visits only inline runs that may hold a marker, and the text rule turns
 *   markers into value spans and badges: every badge must still follow its value (tables,
 *   emphasis, links, soft line breaks, CRLF, NBSP, entities), and no marker may be left in an
 *   address, a title, an alt text or code — including titles lent by a reference definition; and
 *   marker fragments the document writes itself (literal, entities, percent-encoded) forge no badge.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { MetricClaim } from '../../../src/analysis/types';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { isAllowedUrl } from '../../../src/render/linkSafety';
import { createMarkdownEngine, type EngineEnv } from '../../../src/render/markdownEngine';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { analysis, claim } from './fakeAnalysis';

/** Pieces that make (or nearly make) links: schemes, hosts, TLDs, IDN, mail, and the characters around them. */
const LINKISH = [
  'http', 'https', 'ftp', 'mailto', 'HTTP', ':', '//', '/', 'www', 'WWW', '.', '..', 'com', 'COM', 'ai', 'io', 'museum', 'co', 'x',
  'рф', 'РФ', 'пример', 'xn--', '80ak6aa92e', 'localhost', '@', 'ir', '1', '12', '192', '-', '_', ' ', '\u00a0', '\n', '>', '<', '|',
  '(', ')', '"', "'", ',', ';', '!', '?', '%', '&', '#', 'é', '\u2013', 'ſ', 'K', '\uE000',
];
const linkish = fc.array(fc.constantFrom(...LINKISH), { maxLength: 40 }).map((parts) => parts.join(''));

function env(claims: readonly MetricClaim[] = []): EngineEnv {
  return { claims, markerKey: 'k', images: {}, marker: () => '', localImages: [], markersSeen: new Set() };
}

/** Every link markdown-it made from bare text: address and shown text. */
function autoLinks(md: MarkdownIt, text: string, e: object): string[] {
  const out: string[] = [];
  for (const token of md.parse(text, e)) {
    const children = token.children ?? [];
    children.forEach((child, i) => {
      if (child.type === 'link_open' && child.markup === 'linkify') out.push(`${child.attrGet('href')} ${children[i + 1]?.content}`);
    });
  }
  return out;
}

describe('render: linkify', function () {
  this.timeout(fuzzTimeout());

  it('links exactly what plain markdown-it with the same address policy links, in whole documents', () => {
    const reference = new MarkdownIt({ linkify: true });
    reference.validateLink = isAllowedUrl;
    const engine = createMarkdownEngine();
    fc.assert(fc.property(fc.array(linkish, { maxLength: 6 }), (paragraphs) => {
      // Without marker characters: the engine deliberately neutralises those (a written one shows as
      // U+FFFD, one in an address is dropped; claimMarkForgery.test.ts holds that), so plain
      // markdown-it links "a\uE000.io" differently by design. The 100,000-run hunt found exactly that.
      const text = paragraphs.join('\n\n').replace(/[\uE000-\uF8FF]/g, '');
      assert.deepEqual(autoLinks(engine, text, env()), autoLinks(reference, text, {}), JSON.stringify(text));
    }), fuzzParameters(500));
  });

  it('still links bare addresses, IDN and punycode hosts, mail addresses and schemes', () => {
    const cases: [string, string][] = [
      ['Visit www.example.com today.', 'http://www.example.com'],
      ['See crusoe.ai.', 'http://crusoe.ai'],
      ['(see EXAMPLE.COM)', 'http://EXAMPLE.COM'],
      ['Write to ir@example.com.', 'mailto:ir@example.com'],
      ['Deck at https://x.org/a?b=1.', 'https://x.org/a?b=1'],
      ['Site пример.рф now', 'http://xn--e1afmkfd.xn--p1ai'],
      ['Punycode xn--80ak6aa92e.com ok', 'http://xn--80ak6aa92e.com'],
    ];
    for (const [text, href] of cases) {
      const { html } = renderDocumentBody(text, analysis(text, [], []), { analysisBlocks: false });
      assert.ok(html.includes(`<a href="${href}" rel="noopener noreferrer">`), `${text} → ${html}`);
    }
    const { html } = renderDocumentBody('e.g. 1.5x growth, IP 192.168.1.1, x.co|y', analysis('', [], []), { analysisBlocks: false });
    assert.doesNotMatch(html, /<a /, 'text that only looks address-like stays text');
  });
});

const RAW_MARKER_CHARS = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F]/;
const MARKER_CHARS = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F]|%EE%80%(?:8[0-2]|9\d|A[\dA-F])/i;

/**
 * Attribute values and code spans of rendered HTML (and the blocked-image text, which shows the alt
 * text): where no claim marker may ever be.
 */
function markerFreeZones(html: string, altText = true): string[] {
  const zones = [...html.matchAll(/\s[\w-]+="([^"]*)"/g)].map((m) => m[1]);
  zones.push(...[...html.matchAll(/<code[^>]*>([\s\S]*?)<\/code>/g)].map((m) => m[1]));
  if (altText) zones.push(...[...html.matchAll(/\[image[^\]]*\]/g)].map((m) => m[0]));
  return zones;
}

function badges(html: string): number {
  return html.match(/<span class="pa-badge /g)?.length ?? 0;
}

describe('render: claim markers on the fast path', () => {
  const LINES = [
    '| Metric | Value |',
    '| --- | ---: |',
    '| GPU Utilization Rate | 72% |',
    '',
    'Utilization reached **81%** in the period, after',
    '74% a year ago; retention held at\u00a096%.',
    '',
    'R&amp;D grew while utilization was 77% &mdash; see [the deck][deck] and `89%` in code.',
    '',
    'A [link about 83%](https://example.com/83%) and ![chart of 85%](chart.png).',
    '',
    '[deck]: https://example.com/deck "utilization 87%"',
  ];

  function rendered(eol: string): { html: string; claims: number } {
    const text = LINES.join(eol);
    const plain = LINES.join('\n');
    const values = ['72%', '81%', '74%', '96%', '77%', '89%', '83%', '85%', '87%'];
    const claims = values.map((v) => claim(plain, v === '96%' ? 'customer-retention' : 'gpu-utilization-rate', v, 'misses', `${v} — below`));
    return { html: renderDocumentBody(text, analysis(text, claims, []), { analysisBlocks: false }).html, claims: claims.length };
  }

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`puts each badge after its value and keeps markers out of addresses, titles, alt text and code (${name})`, () => {
      const { html } = rendered(eol);
      for (const zone of markerFreeZones(html)) assert.doesNotMatch(zone, MARKER_CHARS, zone);
      // Table cell, emphasis, a value at a line end and after a soft break, after NBSP, after an entity.
      assert.match(html, /<td class="pa-align-right"><span class="pa-value pa-verdict-misses">72%<\/span><span class="pa-badge /);
      assert.match(html, /<strong><span class="pa-value pa-verdict-misses">81%<\/span><span class="pa-badge [^>]*>.*?<\/span><\/strong> in the period/);
      assert.match(html, /after\n<span class="pa-value pa-verdict-misses">74%<\/span><span class="pa-badge /);
      assert.match(html, /held at\u00a0<span class="pa-value pa-verdict-misses">96%<\/span><span class="pa-badge pa-verdict-misses" data-metric="customer-retention"/);
      assert.match(html, /R&amp;D grew while utilization was <span class="pa-value pa-verdict-misses">77%<\/span><span class="pa-badge /);
      // A value in link text is marked inside the link; in code, in an image's alt text and in a
      // title lent by a reference definition it stays plain text, without a badge.
      assert.match(html, /<a href="https:\/\/example.com\/83%25" rel="noopener noreferrer">link about <span class="pa-value pa-verdict-misses">83%<\/span><span class="pa-badge /);
      assert.ok(html.includes('<code>89%</code>'));
      assert.ok(html.includes('[image: chart of 85% — local image not available]'));
      assert.ok(html.includes('title="utilization 87%"'));
      assert.equal(badges(html), 6);
    });
  }

  for (const n of [3, 40]) {
    it(`wraps and badges every value of a text holding ${n} of them, nested and empty ranges included`, () => {
      const values = Array.from({ length: n }, (_, i) => `${10 + i}%`);
      const text = `Utilization: ${values.join(', ')} overall.`;
      const claims = values.map((v, i) => claim(text, 'gpu-utilization-rate', v, i % 2 ? 'meets' : 'misses', `${v} m`));
      // A range over the first two values and the comma after them (nested around theirs), and an empty one at the second.
      const afterSecond = { ...claims[1].valueRange.end, character: claims[1].valueRange.end.character + 1 };
      const outer = { ...claims[0], valueRange: { start: claims[0].valueRange.start, end: afterSecond } };
      const empty = { ...claims[1], valueRange: { start: claims[1].valueRange.start, end: claims[1].valueRange.start } };
      const { html } = renderDocumentBody(text, analysis(text, [...claims, outer, empty], []), { analysisBlocks: false });
      for (const [i, v] of values.entries()) {
        const look = i % 2 ? 'meets' : 'misses';
        assert.ok(html.includes(`<span class="pa-value pa-verdict-${look}">${v}</span><span class="pa-badge pa-verdict-${look}" data-metric="gpu-utilization-rate" title="${v} m">`), `${v} in ${html}`);
      }
      assert.ok(html.startsWith(`<div class="pa-document"><p class="code-line" data-line="0">Utilization: <span class="pa-value pa-verdict-misses"><span class="pa-value pa-verdict-misses">10%</span>`), html.slice(0, 200));
      assert.equal(badges(html), n + 2, 'a badge per value, the outer range and the empty one');
      assert.equal(html.match(/<span/g)?.length, html.match(/<\/span>/g)?.length, 'every span closed');
    });
  }

  it('cleans runs that hold no marker of their own where one can still reach them: a lent title, an entity, an encoded address', () => {
    const lent = 'See [the deck][d].\n\n[d]: https://x.io/d "utilization 87%"\n';
    let { html } = renderDocumentBody(lent, analysis(lent, [claim(lent, 'gpu-utilization-rate', '87%', 'meets', 'm')], []), { analysisBlocks: false });
    assert.ok(html.includes('<a href="https://x.io/d" title="utilization 87%" rel="noopener noreferrer">the deck</a>'), html);
    assert.equal(badges(html), 0, 'a value in a title gets no badge');
    // Written by the document: an entity and a percent-encoding that decode to marker characters.
    const written = 'A [page](http://x.io/&#xE000;) and <http://y.io/%EE%80%80>.\n';
    ({ html } = renderDocumentBody(written, analysis(written, [], []), { analysisBlocks: false }));
    assert.ok(html.includes('<a href="http://x.io/" rel="noopener noreferrer">page</a>'), html);
    assert.ok(html.includes('<a href="http://y.io/" rel="noopener noreferrer">'), html);
  });

  it('leaves no marker in attributes or code, and forges no badge, whatever the document and wherever claims fall', function () {
    this.timeout(fuzzTimeout());
    const template = claim('x 72%', 'gpu-utilization-rate', '72%', 'misses', 'm');
    // Forged marker fragments, in every spelling: the pieces of a start or end marker for claim 0
    // (or 1), key characters, and whole markers, literal, as entities and percent-encoded.
    const FORGED = ['\uE000', '\uE001', '\uE002\uE010\uE001', '\uE020', '&#xE000;', '&#xE002;', '&#xE010;', '&#xE001;', '&#xE02A;', '&#57346;&#57360;&#57345;',
      '&#xE002;&#xE020;&#xE020;&#xE020;&#xE020;&#xE020;&#xE020;&#xE020;&#xE020;&#xE010;&#xE001;', '%EE%80%80', '%EE%80%82%EE%80%90%EE%80%81', '%EE%80%A0', '%ee%80%82%ee%80%91%ee%80%81'];
    const BITS = ['[a](http://x.io/', ')', '[r]', '\n\n[r]: http://x.io/r "t ', '"\n\n', '![alt ', '](i.png)', '`', '```', '**', '&amp;',
      '<http://x.io/', '>', 'www.x.io/', ' 72% ', 'GPU utilization ', '\n', '\r\n', '| a | b |\n| - | - |\n| ', '\u00a0', '> ', '- ', '# ', ...FORGED, ...FORGED];
    const doc = fc.array(fc.constantFrom(...BITS), { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(doc, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(4)), { maxLength: 6 }), (text, spots) => {
      const lines = text.split(/\r\n|\r|\n/);
      const claims = spots.map(([l, c, len]) => {
        const line = l % lines.length;
        const start = c % (lines[line].length + 1);
        return { ...template, valueRange: { start: { line, character: start }, end: { line, character: Math.min(lines[line].length, start + len) } } };
      });
      const { html } = renderDocumentBody(text, analysis(text, claims, []), { analysisBlocks: false });
      // No marker character anywhere (text, alt text, attributes, code); an encoded one in an
      // attribute only if the document did not write one itself (a title keeps the text it wrote).
      assert.doesNotMatch(html, RAW_MARKER_CHARS, JSON.stringify(text));
      const written = /%EE%80%/i.test(text);
      for (const zone of markerFreeZones(html)) assert.doesNotMatch(zone, written ? RAW_MARKER_CHARS : MARKER_CHARS, `${JSON.stringify(text)}: ${zone}`);
      assert.ok(badges(html) <= claims.length, `${JSON.stringify(text)}: ${badges(html)} badges for ${claims.length} claims`);
      // Without claims, forged fragments make neither a badge nor a value span.
      const bare = renderDocumentBody(text, analysis(text, [], []), { analysisBlocks: false }).html;
      assert.equal(badges(bare), 0, `${JSON.stringify(text)}: ${bare}`);
      assert.doesNotMatch(bare, /class="pa-value /, JSON.stringify(text));
      assert.doesNotMatch(bare, RAW_MARKER_CHARS, JSON.stringify(text));
    }), fuzzParameters(400));
  });
});

describe('render: block attributes', () => {
  it('keeps other attributes next to the source line (ordered list start, table alignment)', () => {
    const text = '3. third\n4. fourth\n\n| a | b |\n| :-: | --: |\n| 1 | 2 |\n';
    const { html } = renderDocumentBody(text, analysis(text, [], []), { analysisBlocks: false });
    assert.ok(html.includes('<ol start="3" class="code-line" data-line="0">'), html);
    assert.ok(html.includes('<li class="code-line" data-line="1">'));
    assert.ok(html.includes('<tr class="code-line" data-line="5">'));
    assert.ok(html.includes('<td class="pa-align-center">1</td>') && html.includes('<td class="pa-align-right">2</td>'));
  });
});
