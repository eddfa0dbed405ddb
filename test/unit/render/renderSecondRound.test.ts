/**
 * The second round of render speed-ups, tested where they could change what a user sees:
 * - claim markers are ordered by a native sort of packed numbers instead of a comparator: the
 *   order must be the comparator's exactly, ties included (ends before starts at one place, the
 *   later claim's first), or value spans would mis-nest;
 * - markdown-it's `normalize` copies the source only when it holds CR or NUL: documents with CRLF,
 *   lone CR and NUL must render as if normalised;
 * - source lines, table alignment and code cleaning happen while rendering instead of in a pass
 *   after parsing: ordered lists with a start, aligned cells, fences, indented code and marker
 *   lines must carry exactly the attributes they did.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { markerOrder } from '../../../src/render/claimMarks';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { fuzzParameters } from '../../support/fuzz';
import { analysis, claim } from './fakeAnalysis';

function comparatorOrder(at: Uint32Array, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  return order.sort((a, b) => at[a] - at[b] || (b & 1) - (a & 1) || b - a);
}

describe('render: marker order', () => {
  it('is the comparator order for any places, ties and nesting included', () => {
    // Few distinct places, so that many markers share one.
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(12), fc.nat(4)), { maxLength: 60 }), (claims) => {
      const at = new Uint32Array(2 * claims.length);
      claims.forEach(([start, length], k) => {
        at[2 * k] = start;
        at[2 * k + 1] = start + length;
      });
      assert.deepEqual([...markerOrder(at, at.length, 20)], comparatorOrder(at, at.length));
    }), fuzzParameters(500));
  });

  it('orders places far apart and near the limits exactly', () => {
    const at = new Uint32Array([2 ** 28 - 1, 2 ** 28 - 1, 0, 0, 1_999_999, 2_000_000, 5, 5]);
    assert.deepEqual([...markerOrder(at, at.length, 2 ** 28 - 1)], comparatorOrder(at, at.length));
    // Beyond the packed range it falls back to the comparator, with the same result.
    assert.deepEqual([...markerOrder(at, at.length, 2 ** 28)], comparatorOrder(at, at.length));
  });

  it('keeps two values that touch, and a value inside another, as separate badges', () => {
    const text = 'GPU util 72%81% and 90% here.\n';
    const claims = [
      claim(text, 'gpu-utilization-rate', '72%', 'misses', 'first'),
      claim(text, 'gpu-utilization-rate', '81%', 'meets', 'second'),
      claim(text, 'gpu-utilization-rate', '90%', 'meets', 'third'),
    ];
    const { html } = renderDocumentBody(text, analysis(text, claims, []), { analysisBlocks: false });
    assert.match(html, /<span class="pa-value pa-verdict-misses">72%<\/span><span class="pa-badge pa-verdict-misses"[^>]*title="first"/);
    assert.match(html, /<span class="pa-value pa-verdict-meets">81%<\/span><span class="pa-badge pa-verdict-meets"[^>]*title="second"/);
    assert.match(html, /<span class="pa-value pa-verdict-meets">90%<\/span><span class="pa-badge pa-verdict-meets"[^>]*title="third"/);
  });
});

describe('render: line breaks and NUL normalised only when present', () => {
  const render = (text: string): string => renderDocumentBody(text, analysis(text, [], []), { analysisBlocks: false }).html;

  it('renders CRLF, lone CR and NUL exactly as the normalised text', () => {
    const written = 'Title\r\n===\r\n\r\nOne\rtwo\r\n\r\n- a\0b\r\n- c\n\n```\r\ncode\0\r\n```\r\n';
    const normalised = written.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');
    assert.equal(render(written), render(normalised));
    assert.ok(render(written).includes('a\uFFFDb'), 'NUL shows as U+FFFD');
    assert.ok(!/[\r\0]/.test(render(written)), 'no CR or NUL reaches the HTML');
  });
});

describe('render: block attributes written while rendering', () => {
  it('gives every kind of block its source line and cells their alignment class', () => {
    const text = [
      '3. first', '4. second', '', // 0–2
      '| a | b | c |', '|:-:|--:|---|', '| 1 | 2 | 3 |', '', // 3–6
      '```py x', 'GPU 62%', '```', '', // 7–10
      '    indented', '', // 11–12
      '<!-- pattern-scorecard -->', '', // 13–14
      '> quote', '', '***', '', '# Heading', '', // 15–20
    ].join('\n');
    const { html } = renderDocumentBody(text, analysis(text, [], []), { analysisBlocks: false });
    assert.ok(html.includes('<ol start="3" class="code-line" data-line="0">'), html);
    assert.ok(html.includes('<li class="code-line" data-line="0">first</li>'), html);
    assert.ok(html.includes('<table class="code-line" data-line="3">'), html);
    assert.ok(html.includes('<tr class="code-line" data-line="3">'), html);
    assert.ok(html.includes('<th class="pa-align-center">a</th>\n<th class="pa-align-right">b</th>\n<th>c</th>'), html);
    assert.ok(html.includes('<td class="pa-align-center">1</td>\n<td class="pa-align-right">2</td>\n<td>3</td>'), html);
    assert.ok(html.includes('<pre><code class="code-line language-py" data-line="7">GPU 62%\n</code></pre>'), html);
    assert.ok(html.includes('<pre class="code-line" data-line="11"><code>indented\n</code></pre>'), html);
    assert.ok(html.includes('<div class="pa-marker pa-marker-scorecard code-line" data-line="13">'), html);
    assert.ok(html.includes('<blockquote class="code-line" data-line="15">'), html);
    assert.ok(html.includes('<hr class="code-line" data-line="17">'), html);
    assert.ok(html.includes('<h1 class="code-line" data-line="19">Heading</h1>'), html);
    assert.doesNotMatch(html, /style=/);
  });
});

describe('render: values in one pass, and the general way when they nest or split', () => {
  const render = (text: string, claims: ReturnType<typeof claim>[]): string =>
    renderDocumentBody(text, analysis(text, claims, []), { analysisBlocks: false }).html;
  const badge = (status: string, message: string): string =>
    `<span class="pa-badge pa-verdict-${status}" data-metric="gpu-utilization-rate" title="${message}">`;

  it('wraps a value nested in another after a plain one on the same line', () => {
    const text = 'First 50% then 72% 81% end.\n';
    const html = render(text, [
      claim(text, 'gpu-utilization-rate', '50%', 'misses', 'plain'),
      claim(text, 'gpu-utilization-rate', '72% 81%', 'misses', 'outer'),
      claim(text, 'gpu-utilization-rate', '81%', 'meets', 'inner'),
    ]);
    assert.ok(html.includes(`First <span class="pa-value pa-verdict-misses">50%</span>${badge('misses', 'plain')}`), html);
    assert.ok(html.includes(
      `then <span class="pa-value pa-verdict-misses">72% <span class="pa-value pa-verdict-meets">81%</span>${badge('meets', 'inner')}`,
    ), html);
    // The inner badge, then the outer value's span closes, then the outer badge.
    assert.match(html, /title="inner">.*? meets<\/span><\/span><span class="pa-badge pa-verdict-misses"[^>]*title="outer">/);
  });

  it('shows the badge of a value split by emphasis after its end, without a span', () => {
    const text = 'Rate **72**% today and 80% later.\n';
    const html = render(text, [
      claim(text, 'gpu-utilization-rate', '72**%', 'misses', 'split'),
      claim(text, 'gpu-utilization-rate', '80%', 'meets', 'whole'),
    ]);
    assert.ok(html.includes(`<strong>72</strong>%${badge('misses', 'split')}`), html);
    assert.ok(html.includes(`and <span class="pa-value pa-verdict-meets">80%</span>${badge('meets', 'whole')}`), html);
  });
});

describe('render: source-line attributes kept between renders', () => {
  const render = (text: string): string => renderDocumentBody(text, analysis(text, [], []), { analysisBlocks: false }).html;

  it('writes the right line for lines met in any order, and past the kept range', () => {
    const far = `${'\n'.repeat(50_001)}far paragraph\n\nnext\n`;
    const farHtml = render(far);
    assert.ok(farHtml.includes('<p class="code-line" data-line="50001">far paragraph</p>'), farHtml.slice(-300));
    assert.ok(farHtml.includes('<p class="code-line" data-line="50003">next</p>'), farHtml.slice(-300));
    const near = render('\n\n\nthird line\n\n- item\n');
    assert.ok(near.includes('<p class="code-line" data-line="3">third line</p>'), near);
    assert.ok(near.includes('<li class="code-line" data-line="5">item</li>'), near);
    const between = render(`${'\n'.repeat(49_998)}a\n\nb\n\nc\n`);
    for (const [line, text] of [[49_998, 'a'], [50_000, 'b'], [50_002, 'c']] as const) {
      assert.ok(between.includes(`<p class="code-line" data-line="${line}">${text}</p>`), `${line}: ${between.slice(-400)}`);
    }
  });
});
