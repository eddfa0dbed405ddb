/**
 * The pattern card (every section of the model, escaped: workspace models may be hostile), the
 * exported page (self-contained, no script), the message protocol's runtime checks, the link
 * classifier and the export's image embedding rules.
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import type { PatternModel } from '../../../src/model/types';
import { renderExportPage } from '../../../src/render/exportPage';
import { embeddableType, imageDataUri, MAX_INLINE_IMAGE_BYTES } from '../../../src/render/inlineImages';
import { classifyUrl } from '../../../src/render/linkSafety';
import { renderPatternCard } from '../../../src/render/patternCard';
import { parseCardState, parseFromWebview, parsePreviewState, parseToWebview } from '../../../src/render/protocol';
import { assertInert } from './inertHtml';
import { GIF_1X1, JPEG_FRAMED, PNG_1X1, WEBP_FRAMED } from '../../support/tinyImages';

const HOSTILE = '<img src=x onerror=alert(1)>"\'&';

function hostileModel(): PatternModel {
  const m = bundledIndex().model;
  return {
    ...m,
    name: `${HOSTILE} name`,
    symbol: '<b>',
    family: HOSTILE,
    tagline: '<script>alert(1)</script>',
    marketSize: '$1B" onmouseover="alert(1)',
    source: { ...m.source, url: 'javascript:alert(1)', closing: HOSTILE },
    metrics: m.metrics.map((x) => ({ ...x, name: `${x.name} ${HOSTILE}`, benchmarkText: '<iframe src=javascript:alert(1)>' })),
    companies: m.companies.map((c) => ({ ...c, note: `[link](command:workbench.action.terminal.new) ${HOSTILE}` })),
    strengths: [HOSTILE],
    weaknesses: ['**not markdown**'],
  };
}

describe('render: pattern card', () => {
  it('shows the tile, every section in order, metrics with benchmarks, companies with notes and the source', () => {
    const model = bundledIndex().model;
    const html = renderPatternCard(model);
    assertInert(html, 'card');
    assert.match(html, /<div class="pa-card-number">17<\/div><div class="pa-card-symbol">Ii<\/div><div class="pa-card-name">AI Infrastructure<\/div><div class="pa-card-family">AI-Native Pattern<\/div>/);
    assert.match(html, /Market size<\/span> <strong>\$200B\+<\/strong>/);
    assert.match(html, /Compute, storage, and networking for AI/);
    const titles = [...html.matchAll(/<section class="pa-card-section[^"]*" data-entity="section:[^"]+"><h2>([^<]*)<\/h2>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    assert.deepEqual(titles, model.sections.map((s) => s.title));
    for (const metric of model.metrics) {
      assert.ok(html.includes(`data-entity="metric:${metric.id}"`), metric.id);
      assert.ok(html.includes(metric.benchmarkText.replace(/&/g, '&amp;').replace(/>/g, '&gt;').replace(/</g, '&lt;')), metric.benchmarkText);
    }
    for (const company of model.companies) assert.ok(html.includes(`data-entity="company:${company.id}"`), company.id);
    assert.equal(html.match(/data-entity="strength:\d+"/g)?.length, model.strengths.length);
    assert.equal(html.match(/data-entity="weakness:\d+"/g)?.length, model.weaknesses.length);
    assert.match(html, /Source: FourWeekMBA · Business Engineer/);
    assert.match(html, /Pattern Analyst note: unit:/, 'the extension\'s own notes are labelled as such');
  });

  it('escapes every model string and turns none of them into markup or links', () => {
    const html = renderPatternCard(hostileModel());
    assertInert(html, 'hostile card');
    assert.doesNotMatch(html, /<script|<iframe|<b>|<a /);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
    assert.ok(html.includes('$1B&quot; onmouseover=&quot;alert(1)'));
    assert.ok(html.includes('[link](command:workbench.action.terminal.new)'), 'markdown in a note stays text');
    assert.ok(html.includes('**not markdown**'));
    assert.ok(html.includes('<span class="pa-muted">javascript:alert(1)</span>'), 'a non-https source address is text');
  });
});

describe('render: export page', () => {
  it('is one self-contained page: inline CSS, no script, its own CSP, escaped title', () => {
    const page = renderExportPage({ title: '</title><script>x</script>', bodyHtml: '<div class="pa-document"><p>Body</p></div>', css: 'body{color:red}\n</style><script>x</script>\n@import url(https://evil.example/x.css);\n.a{background:url(https://evil.example/t.png)}', generator: 'Pattern Analyst' });
    assert.match(page, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">/);
    assert.match(page, /<title>&lt;\/title&gt;&lt;script&gt;x&lt;\/script&gt;<\/title>/);
    assert.match(page, /<body class="pa-export pa-style-publication">\n<main class="pa-content"><div class="pa-document"><p>Body<\/p><\/div><\/main>/);
    assert.equal(page.match(/<\/style>/g)?.length, 1, 'the stylesheet cannot close its element early');
    assert.doesNotMatch(page, /<script|@import|evil\.example/);
  });
});

describe('render: message protocol', () => {
  it('accepts well-formed messages in both directions', () => {
    assert.deepEqual(parseFromWebview({ type: 'revealLine', line: 12.5 }), { type: 'revealLine', line: 12.5 });
    assert.deepEqual(parseFromWebview({ type: 'openSource', line: 3, extra: 'ignored' }), { type: 'openSource', line: 3 });
    assert.deepEqual(parseFromWebview({ type: 'setStyle', style: 'publication' }), { type: 'setStyle', style: 'publication' });
    assert.deepEqual(parseFromWebview({ type: 'toggleLock' }), { type: 'toggleLock' });
    assert.deepEqual(parseFromWebview({ type: 'openLink', href: 'https://example.com' }), { type: 'openLink', href: 'https://example.com' });
    assert.deepEqual(parseToWebview({ type: 'update', html: '<p>x</p>', source: 'file:///a.md', title: 'A' }), { type: 'update', html: '<p>x</p>', source: 'file:///a.md', title: 'A' });
    assert.deepEqual(parseToWebview({ type: 'revealEntity', key: 'metric:x' }), { type: 'revealEntity', key: 'metric:x' });
  });

  it('drops unknown types and bad fields instead of half-using them', () => {
    const bad: unknown[] = [
      null, 'revealLine', [], { type: 'executeCommand', command: 'workbench.action.terminal.new' }, { type: 'runCommand' },
      { type: 'revealLine', line: -1 }, { type: 'revealLine', line: Number.NaN }, { type: 'revealLine', line: Infinity }, { type: 'revealLine', line: '3' },
      { type: 'openSource' }, { type: 'setStyle', style: 'evil' }, { type: 'openLink', href: '' }, { type: 'openLink', href: 'x'.repeat(5000) },
      { type: 'openLink', href: 42 }, { type: '__proto__' }, { type: 'constructor' },
    ];
    for (const raw of bad) assert.equal(parseFromWebview(raw), undefined, JSON.stringify(raw));
    assert.equal(parseToWebview({ type: 'update', html: 1, source: 'x', title: 'y' }), undefined);
    assert.equal(parseToWebview({ type: 'setLocked', locked: 'yes' }), undefined);
  });

  it('reads saved state defensively', () => {
    assert.deepEqual(parsePreviewState({ source: 'file:///a.md', locked: true, line: 4, style: 'publication' }), { source: 'file:///a.md', locked: true, line: 4, style: 'publication' });
    assert.deepEqual(parsePreviewState({ source: 'file:///a.md', locked: 'no', line: -3, style: 7 }), { source: 'file:///a.md', locked: false, line: 0, style: 'theme' });
    assert.equal(parsePreviewState({ line: 4 }), undefined);
    assert.equal(parsePreviewState(undefined), undefined);
    assert.deepEqual(parseCardState({ modelId: 'ai-infrastructure', entity: 'metric:x' }), { modelId: 'ai-infrastructure', entity: 'metric:x' });
    assert.equal(parseCardState({ modelId: '' }), undefined);
  });
});

describe('render: link classification', () => {
  const cases: [string, string][] = [
    ['https://example.com', 'https'], ['HTTP://example.com', 'http'], ['mailto:a@b.c', 'mailto'], ['#part', 'fragment'],
    ['notes/x.md', 'relative'], ['./a:b.md', 'relative'], ['x.md?a=b:c', 'relative'],
    ['javascript:alert(1)', 'refused'], [' JaVaScRiPt:alert(1)', 'refused'], ['java\tscript:alert(1)', 'refused'], ['java\nscript:alert(1)', 'refused'],
    ['\u0001javascript:alert(1)', 'refused'], ['command:workbench.action.quit', 'refused'], ['vscode:extension/x', 'refused'],
    ['file:///etc/passwd', 'refused'], ['data:text/html,<script>', 'refused'], ['data:image/svg+xml,<svg>', 'refused'],
    ['data:image/png;base64,AAAA', 'data-image'], ['//evil.example/x', 'refused'], ['\\\\evil\\share', 'refused'], ['%6Aavascript:x', 'refused'], ['', 'refused'],
  ];
  for (const [url, kind] of cases) {
    it(`${JSON.stringify(url)} is ${kind}`, () => assert.equal(classifyUrl(url), kind));
  }
});

describe('render: images an export embeds', () => {
  const png = new Uint8Array(PNG_1X1);
  it('embeds small PNG/JPEG/GIF/WebP files whose whole structure is the format their name says', () => {
    assert.equal(imageDataUri('chart.png', png), `data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    assert.match(imageDataUri('a.JPG', JPEG_FRAMED) ?? '', /^data:image\/jpeg;base64,/);
    assert.match(imageDataUri('a.gif', GIF_1X1) ?? '', /^data:image\/gif;/);
    assert.match(imageDataUri('a.webp', WEBP_FRAMED) ?? '', /^data:image\/webp;/);
  });
  it('leaves out files that only start like an image: a text after "GIF89a", a truncated or padded PNG, a JPEG without its scan', () => {
    assert.equal(imageDataUri('chart.gif', new TextEncoder().encode('GIF89a secret text\nAPI_KEY=123\n')), undefined);
    assert.equal(imageDataUri('a.gif', new TextEncoder().encode('GIF89a')), undefined);
    assert.equal(imageDataUri('a.png', png.subarray(0, png.length - 4)), undefined);
    assert.equal(imageDataUri('a.png', new Uint8Array([...png, 0x41])), undefined);
    assert.equal(imageDataUri('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])), undefined);
    assert.equal(imageDataUri('a.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xd9])), undefined);
    assert.equal(imageDataUri('a.webp', new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')), undefined);
  });
  it('leaves out SVG, mislabelled files, empty files and files over 1 MB', () => {
    assert.equal(embeddableType('logo.svg'), undefined);
    assert.equal(imageDataUri('logo.svg', new TextEncoder().encode('<svg onload="alert(1)"/>')), undefined);
    assert.equal(imageDataUri('fake.png', new TextEncoder().encode('<html><script>')), undefined);
    assert.equal(imageDataUri('empty.png', new Uint8Array()), undefined);
    const big = new Uint8Array(MAX_INLINE_IMAGE_BYTES + 1);
    big.set(png);
    assert.equal(imageDataUri('big.png', big), undefined);
  });
});

describe('render: export document', () => {
  it('embeds the images the callback supplies, leaves the rest out visibly, and titles the page', async () => {
    const { exportDocumentPage } = await import('../../../src/render/exportDocument');
    const png = new Uint8Array(PNG_1X1);
    const asked: string[] = [];
    const page = await exportDocumentPage('# Report\n\n![a](img/a.png) ![b](b.svg) ![c](missing.png) ![d](https://example.com/d.png)\n', {
      isAnalysis: false, headings: [], claims: [], sections: [], metrics: [], findings: [],
    }, {
      css: '.pa-badge{}',
      fallbackTitle: 'report.md',
      images: {
        size: async (p) => {
          asked.push(p);
          return p === 'img/a.png' ? png.length : undefined;
        },
        read: async () => png,
      },
    });
    assert.deepEqual(asked, ['img/a.png', 'missing.png'], 'SVG and remote images are never read');
    assert.match(page, /<title>report\.md<\/title>/);
    assert.match(page, new RegExp(`<img src="data:image/png;base64,${PNG_1X1.toString('base64').replace(/[+/]/g, '\\$&')}" alt="a"`));
    assert.match(page, /\[image: b — image not embedded/);
    assert.match(page, /\[image: c — image not embedded/);
    assert.match(page, /\[image: d — remote image blocked\]/);
    assert.doesNotMatch(page, /<script|https:\/\/example/);
  });
});
