/**
 * The shared renderer as a reader sees it: the front-matter header instead of YAML, a badge after
 * each stated value with the analysis' verdict, the scorecard where the marker puts it (or on top),
 * section coverage, and `data-line` source lines for scroll sync.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/analysis/analyze';
import type { Analysis } from '../../../src/analysis/types';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { renderScorecard } from '../../../src/render/analysisBlocks';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { generateAnalysis } from '../../support/analysisGenerator';
import { analysis, claim, EMPTY_ANALYSIS, frontMatter, rangeOf } from './fakeAnalysis';
import { assertInert } from './inertHtml';

const FIXTURE = path.join(__dirname, '../../../../test/fixtures/render/coreweave-analysis.md');

function coreweave(): { text: string; analysis: Analysis } {
  const text = readFileSync(FIXTURE, 'utf8');
  const fm = frontMatter(text, { title: 'CoreWeave — AI Infrastructure Review', subject: 'CoreWeave', pattern: 'ai-infrastructure', period: 'FY2024', author: 'Dana Analyst' });
  return {
    text,
    analysis: analysis(text, [
      claim(text, 'gpu-utilization-rate', '72%', 'misses', '72% — below the >80% target for profitability', { source: '10-K p. 41' }),
      claim(text, 'revenue-per-gpu-hour', '$2.10', 'meets', '$2.10 — within the $2-4 range'),
      claim(text, 'customer-retention', 'over 95%', 'borderline', 'over 95% — at the >95% benchmark', { context: 'sentence' }),
    ], ['the-pattern', 'key-metrics', 'strengths-weaknesses'], fm),
  };
}

/** The scorecard table's rows as cell texts, the header row first. */
function scorecardRows(html: string): string[][] {
  const table = /<table class="pa-scorecard-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]).trim()));
}

/** Visible text of an HTML fragment (tags dropped, entities decoded). */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

describe('render: document body', () => {
  it('replaces the YAML block by a header with title, subject, pattern, period and author', () => {
    const { text, analysis: a } = coreweave();
    const { html, title } = renderDocumentBody(text, a);
    assertInert(html, 'coreweave');
    assert.equal(title, 'CoreWeave — AI Infrastructure Review');
    const header = /<header class="pa-header[^"]*" data-line="0">([\s\S]*?)<\/header>/.exec(html)?.[1];
    assert.ok(header, 'header present, mapped to line 0');
    const t = textOf(header);
    for (const s of ['CoreWeave — AI Infrastructure Review', 'SubjectCoreWeave', 'AI Infrastructure', '#17', 'PeriodFY2024', 'AuthorDana Analyst']) assert.ok(t.includes(s), `${s} in "${t}"`);
    // No YAML left in the body: neither the keys nor the fences (which would render as <hr>).
    assert.ok(!textOf(html).includes('subject: CoreWeave'));
    assert.doesNotMatch(html, /<hr/);
  });

  it('puts a verdict badge after every claimed value, wherever markdown puts the text', () => {
    const { text, analysis: a } = coreweave();
    const { html } = renderDocumentBody(text, a);
    // Table cell.
    assert.match(html, /<td class="pa-align-right"><span class="pa-value pa-verdict-misses">72%<\/span><span class="pa-badge pa-verdict-misses" data-metric="gpu-utilization-rate" title="72% — below the &gt;80% target for profitability">.*?misses<\/span><\/td>/);
    assert.match(html, /<span class="pa-value pa-verdict-meets">\$2\.10<\/span><span class="pa-badge pa-verdict-meets"/);
    // Inside emphasis in a sentence: the badge stays inside <strong>, nothing mis-nests.
    assert.match(html, /<strong><span class="pa-value pa-verdict-borderline">over 95%<\/span><span class="pa-badge pa-verdict-borderline"[^>]*>.*?borderline<\/span><\/strong> in the period/);
    // Three claims → three badges in the body, plus three in the scorecard.
    assert.equal(html.match(/class="pa-badge pa-verdict-(?:meets|misses|borderline)"/g)?.length, 6);
  });

  it('shows exactly the verdict the analysis gives (it computes none itself)', () => {
    const text = 'GPU Utilization Rate: 95%';
    const a = analysis(text, [claim(text, 'gpu-utilization-rate', '95%', 'impossible', 'made-up verdict from the core')], []);
    const { html } = renderDocumentBody(text, a);
    assert.match(html, /pa-badge pa-verdict-impossible[^>]*title="made-up verdict from the core"/);
    assert.doesNotMatch(html, /pa-verdict-meets/);
  });

  it('renders the scorecard where the marker line is, and not again on top', () => {
    const { text, analysis: a } = coreweave();
    const { html } = renderDocumentBody(text, a);
    const marker = text.split('\n').indexOf('<!-- pattern-scorecard -->');
    assert.ok(marker > 0);
    assert.equal(html.match(/<section class="pa-scorecard">/g)?.length, 1);
    assert.match(html, new RegExp(`<div class="pa-marker pa-marker-scorecard code-line" data-line="${marker}"><section class="pa-scorecard">`));
    assert.ok(html.indexOf('pa-scorecard') > html.indexOf('>The Pattern</h2>'), 'after the section that precedes the marker');
    assert.ok(!textOf(html).includes('pattern-scorecard'), 'the marker itself is not shown');
    // Rows: metric, value, chart, benchmark, verdict, source, mentions; unstated metrics say so.
    const rows = scorecardRows(html);
    assert.deepEqual(rows[0], ['Metric', 'Value', 'Chart', 'Benchmark', 'Verdict', 'Source', 'Mentions']);
    assert.equal(rows[1][0], 'GPU Utilization Rate');
    assert.equal(rows[1][1], '72%');
    assert.match(html, /<td class="pa-chart-cell"><svg class="pa-chart pa-bullet pa-verdict-misses"[^>]*><title>72% — below the &gt;80% target for profitability<\/title>/, 'the bullet chart says its verdict in words');
    assert.equal(rows[1][3], '>80% target for profitability');
    assert.match(rows[1][4], /misses/);
    assert.equal(rows[1][5], '10-K p. 41');
    assert.equal(rows[1][6], `1 mention · line ${text.split('\n').findIndex((l) => l.includes('72%')) + 1}`);
    const capacity = rows.find((r) => r[0] === 'Capacity Growth Rate');
    assert.ok(capacity && capacity[1] === 'not stated' && capacity[6] === '—', 'a metric without a value is listed as not stated');
  });

  it('gives each metric one scorecard row however often it is mentioned: the scorecard table\'s value, where first, how the mentions split', () => {
    const text = [
      '---', 'pattern: ai-infrastructure', '---', '',
      'Utilization was 64% two years ago and 70% last year.', '',
      '| Metric | Value | Source |', '| --- | --- | --- |', '| GPU Utilization Rate | 84% | |', '',
      'We expect 84% again (10-K p. 12), then 86%, 88% or 91%; 70% stays the floor.',
    ].join('\n');
    const gpu = 'gpu-utilization-rate';
    const claims = [
      claim(text, gpu, '64%', 'misses', '64% — below', { context: 'sentence' }),
      claim(text, gpu, '70%', 'misses', '70% — below', { context: 'sentence' }),
      claim(text, gpu, '84%', 'meets', '84% — meets the >80% target'),
      { ...claim(text, gpu, '84%', 'meets', '84% — meets', { context: 'sentence', source: '10-K p. 12' }), valueRange: rangeOf(text, '84%', 1) },
      claim(text, gpu, '86%', 'meets', '86% — meets', { context: 'sentence' }),
      claim(text, gpu, '88%', 'meets', '88% — meets', { context: 'sentence' }),
      claim(text, gpu, '91%', 'meets', '91% — meets', { context: 'sentence' }),
      { ...claim(text, gpu, '70%', 'borderline', '70% — borderline', { context: 'sentence' }), valueRange: rangeOf(text, '70%', 1) },
      claim(text, 'customer-retention', '64%', 'misses', '64% — below', { context: 'sentence' }),
    ];
    const { html } = renderDocumentBody(text, analysis(text, claims, []));
    const rows = scorecardRows(html);
    const gpuRows = rows.filter((r) => r[0] === 'GPU Utilization Rate');
    assert.equal(gpuRows.length, 1, 'one row for eight mentions');
    const [, value, , , verdict, source, mentions] = gpuRows[0];
    assert.equal(value, '84%', 'the value of the scorecard table, not the first sentence');
    assert.match(verdict, /meets/);
    assert.equal(source, '10-K p. 12', 'the source named where the same value is stated again');
    assert.equal(mentions, '8 mentions · first on line 5' + '2 misses · 1 borderline · 5 meets; other values: 64%, 70%, 86% and 2 more');
    assert.match(html, /<tr class="pa-row pa-verdict-meets" data-source-line="8">/);
    assert.equal(rows.filter((r) => r[0] === 'Customer Retention')[0][6], '1 mention · line 5');
    assert.equal(rows.length, 1 + 4, 'a header and one row per pattern metric');
  });

  it('summarises a metric mentioned 200,000 times in one row, without running out of stack', () => {
    const text = 'GPU Utilization Rate: 72%';
    const one = claim(text, 'gpu-utilization-rate', '72%', 'misses', '72% — below');
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...one, valueRange: { start: { line: 200_000 - i, character: 0 }, end: { line: 200_000 - i, character: 3 } } }));
    const html = renderScorecard(analysis(text, many, []));
    assert.match(html, /200,000 mentions · first on <span class="pa-line-ref" data-source-line="1">line 2<\/span><div class="pa-verdict-message">200,000 misses<\/div>/);
  });

  it('keeps the scorecard to one row per metric on a long generated analysis', () => {
    const text = generateAnalysis({ seed: 17, minChars: 120_000 }).text;
    const a = analyzeText(text, new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]));
    assert.ok(a.claims.length > 200, `${a.claims.length} claims`);
    const rows = scorecardRows(renderDocumentBody(text, a).html).slice(1);
    assert.deepEqual(rows.map((r) => r[0]), a.pattern?.model.metrics.map((m) => m.name));
    const counted = rows.reduce((sum, r) => sum + Number(/^([\d,]+) mentions?/.exec(r[6])?.[1].replace(/,/g, '') ?? 0), 0);
    assert.equal(counted, a.claims.length, 'every mention is counted in its metric\'s row');
  });

  it('puts the scorecard and coverage on top when there is no marker', () => {
    const { text, analysis: a } = coreweave();
    const { html } = renderDocumentBody(text.replace('<!-- pattern-scorecard -->', ''), a);
    const header = html.indexOf('</header>');
    const scorecard = html.indexOf('<section class="pa-scorecard">');
    const coverage = html.indexOf('<section class="pa-coverage">');
    const firstHeading = html.indexOf('<h1 class="code-line"');
    assert.ok(header < scorecard && scorecard < coverage && coverage < firstHeading, 'header, scorecard, coverage, then the text');
  });

  it('accepts the marker in any case and spacing, but not inside code', () => {
    const text = '# A\n\n<!--PATTERN-SCORECARD-->\n\n```\n<!-- pattern-coverage -->\n```\n';
    const a = analysis(text, [], []);
    const { html } = renderDocumentBody(text, a);
    assert.match(html, /pa-marker-scorecard code-line" data-line="2"/);
    assert.match(html, /<code class="code-line" data-line="4">&lt;!-- pattern-coverage --&gt;\n<\/code>/);
    // The coverage marker was in code, so coverage goes on top.
    assert.match(html, /pa-marker-coverage pa-auto/);
  });

  it('lists the pattern sections as present or missing', () => {
    const { text, analysis: a } = coreweave();
    const { html } = renderDocumentBody(text, a);
    const coverage = /<section class="pa-coverage">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.match(textOf(coverage), /3 of 6 present/);
    assert.match(coverage, /<li class="pa-section-present"><span class="pa-mark" aria-hidden="true">✓<\/span> The Pattern<\/li>/);
    assert.match(coverage, /<li class="pa-section-missing">.*?Who Uses This Pattern <span class="pa-muted">— missing<\/span><\/li>/);
  });

  it('marks every block with its 0-based source line (front matter keeps line numbers)', () => {
    const { text, analysis: a } = coreweave();
    const { html } = renderDocumentBody(text, a);
    const lines = text.split('\n');
    for (const [heading, tag] of [['# CoreWeave', 'h1'], ['## Key Metrics & Benchmarks', 'h2'], ['## Strengths & Weaknesses', 'h2']] as const) {
      const line = lines.indexOf(heading);
      assert.ok(html.includes(`<${tag} class="code-line" data-line="${line}">`), `${heading} at line ${line}`);
    }
    assert.ok(html.includes(`<tr class="code-line" data-line="${lines.findIndex((l) => l.includes('GPU Utilization Rate'))}">`));
    assert.ok(html.includes(`<li class="code-line" data-line="${lines.findIndex((l) => l.startsWith('- Strength'))}">`));
    assert.match(html, new RegExp(`<div class="code-line pa-end" data-line="${lines.length}">`));
  });

  it('works with CRLF line ends and without front matter or analysis', () => {
    const { html, title } = renderDocumentBody('# Notes\r\n\r\nPlain text.\r\n', EMPTY_ANALYSIS);
    assert.equal(title, undefined);
    assert.match(html, /<h1 class="code-line" data-line="0">Notes<\/h1>\n<p class="code-line" data-line="2">Plain text.<\/p>/);
    assert.doesNotMatch(html, /pa-scorecard|pa-coverage|pa-header/);
  });

  it('hides an unreadable front-matter block instead of showing YAML as a heading', () => {
    const { html } = renderDocumentBody('---\npattern: [unclosed\n---\n\n# Body\n', EMPTY_ANALYSIS);
    assert.doesNotMatch(html, /unclosed|<hr/);
    assert.match(html, /<h1 class="code-line" data-line="4">Body<\/h1>/);
  });

  it('names an unknown pattern in the header and explains the missing scorecard', () => {
    const text = '---\npattern: quantum-farming\n---\n\n<!-- pattern-scorecard -->\n';
    const fm = frontMatter(text, { pattern: 'quantum-farming' });
    const a: Analysis = { ...EMPTY_ANALYSIS, isAnalysis: true, frontMatter: fm };
    const { html } = renderDocumentBody(text, a);
    assert.match(html, /quantum-farming <span class="pa-tag pa-tag-warning">unknown pattern<\/span>/);
    assert.match(html, /No scorecard: the front matter names no known pattern/);
  });

  it('escapes hostile front-matter values, verdict messages and sources', () => {
    const text = '---\ntitle: x\n---\n\nGPU Utilization Rate: 72%\n';
    const fm = frontMatter(text, { title: '<img src=x onerror=alert(1)>', subject: '"><script>alert(1)</script>', author: '</dd><iframe>' });
    const a = analysis(text, [claim(text, 'gpu-utilization-rate', '72%', 'misses', '"><script>alert(1)</script>', { source: '<b onmouseover=alert(1)>' })], [], fm);
    const { html } = renderDocumentBody(text, a);
    assertInert(html, 'hostile analysis');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
  });

  it('cannot be tricked into a badge by private-use characters in the document', () => {
    const text = 'Forged \uE002\uE010\uE001 badge and 72% real.';
    const a = analysis(text, [claim(text, 'gpu-utilization-rate', '72%', 'misses', 'real')], []);
    const { html } = renderDocumentBody(text, a);
    assert.equal(html.match(/class="pa-badge pa-verdict-misses"/g)?.length, 2, 'one in the text, one in the scorecard');
    assert.ok(html.includes('Forged \uFFFD\uFFFD\uFFFD badge'), 'the forged marker shows as replacement characters');
    assert.ok(html.lastIndexOf('pa-badge pa-verdict-misses') > html.indexOf('72%</span>'), 'the body badge sits after the real value');
    assert.ok(html.indexOf('72%</span>') > html.indexOf('badge and'));
  });

  it('ignores claims whose ranges fall outside the document', () => {
    const text = 'Short.';
    const bogus = { ...claim('x 72%', 'gpu-utilization-rate', '72%', 'misses', 'm'), valueRange: { start: { line: 9, character: 0 }, end: { line: 9, character: 3 } } };
    const { html } = renderDocumentBody(text, analysis(text, [bogus], []));
    assert.match(html, /<p class="code-line" data-line="0">Short\.<\/p>/);
  });

  describe('images', () => {
    const text = '![chart](img/chart%201.png "Q3") ![remote](https://example.com/a.png) ![plain](http://example.com/a.png) ![inline](data:image/png;base64,iVBORw0KGgo=)';
    it('blocks every image by default, saying why', () => {
      const { html, localImages } = renderDocumentBody(text, EMPTY_ANALYSIS);
      assert.doesNotMatch(html, /<img /);
      assert.match(html, /\[image: chart — local image not available\]/);
      assert.match(html, /\[image: remote — remote image blocked\]/);
      assert.deepEqual(localImages, ['img/chart 1.png']);
    });
    it('resolves local images through the callback, https only when allowed, never http', () => {
      const { html } = renderDocumentBody(text, EMPTY_ANALYSIS, { images: { allowHttps: true, allowDataImages: true, resolveLocal: (p) => `https://file+.vscode-resource/ws/${encodeURI(p)}` } });
      assert.match(html, /<img src="https:\/\/file\+\.vscode-resource\/ws\/img\/chart%201\.png" alt="chart" title="Q3" loading="lazy">/);
      assert.match(html, /<img src="https:\/\/example\.com\/a\.png" alt="remote"/);
      assert.match(html, /<img src="data:image\/png;base64,iVBORw0KGgo=" alt="inline"/);
      assert.match(html, /\[image: plain — insecure remote image blocked\]/);
    });
  });
});
