/**
 * A document cannot forge a verdict badge. Claim markers are private-use characters placed in the
 * source before parsing; a document can spell the same characters as entities or percent-encodings
 * that decode only while markdown-it parses. Each spelling, in each place markdown text can go
 * (text, link text, autolinks and bare links, titles, alt text, reference definitions, code, fence
 * info, table cells, headings), must show no badge, no value span and no marker character.
 */
import * as assert from 'node:assert/strict';
import { MARKER_KEY_LENGTH, neutraliseForgedMarkers, newMarkerKey, prepareSource } from '../../../src/render/claimMarks';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { analysis, claim } from './fakeAnalysis';

/** Every character the markers and their keys use. */
const MARKER_CHAR = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F]/;
const BADGE = /<span class="pa-badge /g;

/** Claim 0's end marker (no key: the shape that forged a badge before markers had one), in several spellings. */
const END0 = {
  literal: '\uE002\uE010\uE001',
  hex: '&#xE002;&#xE010;&#xE001;',
  decimal: '&#57346;&#57360;&#57345;',
  percent: '%EE%80%82%EE%80%90%EE%80%81',
};
/** Claim 0's start marker, to try to open a value span too. */
const START0 = { literal: '\uE000\uE010\uE001', hex: '&#xE000;&#xE010;&#xE001;', decimal: '&#57344;&#57360;&#57345;', percent: '%EE%80%80%EE%80%90%EE%80%81' };
/** A marker of the keyed shape, with a key a document might try (all of the first key character). */
const KEYED_END0 = {
  hex: `&#xE002;${'&#xE020;'.repeat(MARKER_KEY_LENGTH)}&#xE010;&#xE001;`,
  percent: `%EE%80%82${'%EE%80%A0'.repeat(MARKER_KEY_LENGTH)}%EE%80%90%EE%80%81`,
};

type Spelling = keyof typeof END0;

/** Places a forged fragment can sit, each as a line of markdown. */
function places(end: string, start: string, s: Spelling): [string, string][] {
  const inText = `${start}91%${end}`;
  const all: [string, string][] = [
    ['paragraph text', `Forged ${inText} here.`],
    ['emphasis', `**${inText}**`],
    ['link text', `[see ${inText}](https://example.com/x)`],
    ['link address', `[see](https://example.com/${end})`],
    ['link title', `[see](https://example.com/x "t ${end}")`],
    ['autolink', `<https://example.com/${end}>`],
    ['bare link', `www.example.com/${end}`],
    ['image alt text', `![chart ${inText}](chart.png)`],
    ['image address', `![chart](chart${end}.png)`],
    ['reference definition', `See [the deck][d].\n\n[d]: https://example.com/${end} "t ${end}"`],
    ['inline code', `\`${inText}\``],
    ['fence info', `\`\`\`${end}js\ncode ${inText}\n\`\`\``],
    ['indented code', `    code ${inText}`],
    ['table cell', `| a | b |\n| - | - |\n| ${inText} | x |`],
    ['heading', `## Heading ${inText}`],
  ];
  // Percent-encodings decode only in addresses (and the shown text of autolinks and bare links).
  return s === 'percent' ? all.filter(([name]) => /link|address|reference/.test(name)) : all;
}

/** The document with a real claim (claim 0, "72%") before the forged line, rendered. */
function render(forged: string): { html: string; text: string } {
  const text = `GPU utilization was 72% last year.\n\n${forged}\n`;
  const real = claim(text, 'gpu-utilization-rate', '72%', 'misses', '72% — below the benchmark');
  return { html: renderDocumentBody(text, analysis(text, [real], []), { analysisBlocks: false }).html, text };
}

function assertUnforged(html: string, what: string): void {
  assert.equal(html.match(BADGE)?.length ?? 0, 1, `${what}: only the real claim's badge\n${html}`);
  assert.equal(html.match(/class="pa-value /g)?.length ?? 0, 1, `${what}: only the real value is wrapped\n${html}`);
  assert.match(html, /was <span class="pa-value pa-verdict-misses">72%<\/span><span class="pa-badge pa-verdict-misses" data-metric="gpu-utilization-rate"/, what);
  assert.doesNotMatch(html, MARKER_CHAR, `${what}: no marker character reaches the HTML\n${html}`);
  assert.equal(html.match(/<span/g)?.length, html.match(/<\/span>/g)?.length, `${what}: every span closed`);
}

describe('render: a document cannot forge a claim badge', () => {
  for (const spelling of Object.keys(END0) as Spelling[]) {
    for (const [place, line] of places(END0[spelling], START0[spelling], spelling)) {
      it(`${spelling} marker characters in ${place}`, () => {
        const { html } = render(line);
        assertUnforged(html, `${spelling} / ${place}`);
      });
    }
  }

  for (const [spelling, end] of Object.entries(KEYED_END0)) {
    for (const [place, line] of places(end, '', spelling === 'percent' ? 'percent' : 'hex')) {
      it(`a keyed-shape ${spelling} marker with a guessed key in ${place}`, () => assertUnforged(render(line).html, `${spelling} / ${place}`));
    }
  }

  it('shows forged marker characters in text as U+FFFD, as written ones are, whatever their spelling', () => {
    for (const spelling of ['literal', 'hex', 'decimal'] as const) {
      const { html } = render(`Forged ${END0[spelling]} here.`);
      assert.ok(html.includes('Forged \uFFFD\uFFFD\uFFFD here.'), `${spelling}: ${html}`);
    }
    const { html } = render(`<https://example.com/${END0.percent}>`);
    assert.ok(html.includes('<a href="https://example.com/" rel="noopener noreferrer">https://example.com/\uFFFD\uFFFD\uFFFD</a>'), html);
  });

  it('the brief\'s two reports: entities after a value and a percent-encoded autolink', () => {
    for (const forged of ['&#xE002;&#xE010;&#xE001;', '<http://a/%EE%80%82%EE%80%90%EE%80%81>']) {
      const text = `Utilization 72% here. ${forged}\n`;
      const c = claim(text, 'gpu-utilization-rate', '72%', 'misses', 'm');
      const { html } = renderDocumentBody(text, analysis(text, [c], []), { analysisBlocks: false });
      assert.equal(html.match(BADGE)?.length, 1, html);
      // Without any claim, nothing at all.
      const none = renderDocumentBody(text, analysis(text, [], []), { analysisBlocks: false }).html;
      assert.equal(none.match(BADGE), null, none);
      assert.doesNotMatch(none, MARKER_CHAR);
    }
  });

  it('keeps the real badges of values next to, inside and around forged fragments', () => {
    const text = `Utilization 72%${END0.hex} and &#xE000;81%&#xE002; then [84%${END0.hex}](https://x.io) and 86%.\n`;
    const claims = ['72%', '81%', '84%', '86%'].map((v) => claim(text, 'gpu-utilization-rate', v, 'meets', v));
    const { html } = renderDocumentBody(text, analysis(text, claims, []), { analysisBlocks: false });
    for (const v of ['72%', '81%', '84%', '86%']) {
      assert.ok(html.includes(`<span class="pa-value pa-verdict-meets">${v}</span><span class="pa-badge pa-verdict-meets" data-metric="gpu-utilization-rate" title="${v}">`), `${v}: ${html}`);
    }
    assert.equal(html.match(BADGE)?.length, 4);
    assert.doesNotMatch(html, MARKER_CHAR);
  });

  it('keys differ per render and never reach the HTML', () => {
    const keys = new Set(Array.from({ length: 20 }, () => newMarkerKey()));
    assert.ok(keys.size > 1, 'fresh keys');
    for (const key of keys) assert.match(key, new RegExp(`^[\\uE020-\\uE02F]{${MARKER_KEY_LENGTH}}$`));
    const text = 'Utilization 72%.\n';
    const c = claim(text, 'gpu-utilization-rate', '72%', 'meets', 'm');
    const first = renderDocumentBody(text, analysis(text, [c], []), { analysisBlocks: false }).html;
    const second = renderDocumentBody(text, analysis(text, [c], []), { analysisBlocks: false }).html;
    assert.equal(first, second, 'the rendered HTML does not depend on the key');
  });

  it('neutraliseForgedMarkers keeps (or removes) exactly the markers with the render\'s key', () => {
    const key = '\uE021\uE022';
    const prepared = prepareSource('a 72% b', undefined, [claim('a 72% b', 'gpu-utilization-rate', '72%', 'meets', 'm')], key);
    const genuine = prepared.text;
    assert.equal(genuine, 'a \uE000\uE021\uE022\uE010\uE00172%\uE002\uE021\uE022\uE010\uE001 b');
    const forged = '\uE002\uE021\uE023\uE010\uE001';
    assert.equal(neutraliseForgedMarkers(`${genuine}${forged}`, key, false), `${genuine}\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD`);
    assert.equal(neutraliseForgedMarkers(`${forged}${genuine}`, key, true), '\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDa 72% b');
    // A genuine marker's STOP does not complete forged characters written before its start.
    assert.equal(neutraliseForgedMarkers(`\uE002${genuine}`, key, true), '\uFFFDa 72% b');
  });
});
