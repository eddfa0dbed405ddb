/**
 * The portfolio webview's body, built from real analyses through the portfolio core: one row per
 * subject with the latest value of each metric, its verdict as colour class AND symbol, the period
 * and the place it is written; the pattern's companies without an analysis with a New Analysis
 * button each; and nothing from an analysis (subjects, values, periods, file names) can become
 * markup, a handler or a link.
 */
import * as assert from 'node:assert/strict';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { portfolioMatrix } from '../../../src/portfolio/matrix';
import { peerCoverage } from '../../../src/portfolio/peerCoverage';
import { metricTrends } from '../../../src/portfolio/trends';
import type { IndexEntry } from '../../../src/portfolio/types';
import { renderPortfolioView, type PortfolioViewInput } from '../../../src/render/portfolioView';
import { dangersIn, decodeEntities } from '../../support/htmlSafety';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
const pattern = bundledIndex();

function analysis(subject: string, period: string, gpu: string, retention: string): string {
  return `---\npattern: ai-infrastructure\nsubject: ${JSON.stringify(subject)}\nperiod: ${period}\n---\n\n# ${subject}\n\n| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate | ${gpu} |\n| Customer Retention | ${retention} |\n`;
}

function entry(uri: string, text: string): IndexEntry {
  const e = buildIndexEntry(uri, text, catalog);
  assert.ok(e, `${uri} is an analysis`);
  return e;
}

function view(entries: readonly IndexEntry[]): string {
  const input: PortfolioViewInput = {
    patterns: [{ id: pattern.model.id, name: pattern.model.name }],
    matrix: portfolioMatrix(entries, pattern),
    coverage: peerCoverage(entries, pattern),
    trends: metricTrends(entries, pattern),
    chart: () => '<svg class="test-chart"></svg>',
    displayName: (uri) => uri.replace('file:///ws/', ''),
    skipped: [],
  };
  return renderPortfolioView(input);
}

/** The `<tr>` of a subject. */
function row(html: string, subject: string): string {
  const rows = html.match(/<tr data-subject="[^"]*">.*?<\/tr>/gs) ?? [];
  const found = rows.find((r) => decodeEntities(/data-subject="([^"]*)"/.exec(r)?.[1] ?? '') === subject);
  assert.ok(found, `a row for ${subject}`);
  return found;
}

describe('Portfolio view (webview body)', () => {
  const entries = [
    entry('file:///ws/coreweave-q1.md', analysis('CoreWeave', 'Q1 2026', '78%', '97%')),
    entry('file:///ws/coreweave-q2.md', analysis('CoreWeave', 'Q2 2026', '72%', '97%')),
    entry('file:///ws/lambda-q2.md', analysis('Lambda Labs', 'Q2 2026', '86%', '91%')),
  ];
  const html = view(entries);

  it('shows one row per subject with the latest period’s value, verdict symbol and class, period and place', () => {
    const coreweave = row(html, 'CoreWeave');
    const gpu = /<td class="pa-pf-cell pa-verdict-misses"[^>]*>.*?<\/td>/s.exec(coreweave)?.[0] ?? '';
    assert.match(gpu, /✗/);
    assert.match(gpu, /<span class="pa-pf-value">72%<\/span>/);
    assert.match(gpu, /<span class="pa-pf-period">Q2 2026<\/span>/);
    assert.match(gpu, /data-uri="file:\/\/\/ws\/coreweave-q2\.md" data-line="10"/);
    assert.match(gpu, /data-sort="72"/);
    const lambda = row(html, 'Lambda Labs');
    assert.match(lambda, /pa-verdict-meets"[^>]*>.*?✓.*?86%/s);
    assert.match(lambda, /pa-verdict-misses"[^>]*>.*?✗.*?91%/s);
    // A metric no analysis states is an empty cell that sorts last.
    assert.match(lambda, /<td class="pa-pf-cell pa-pf-empty" data-sort="">/);
  });

  it('lists the pattern’s companies without an analysis, each with a New Analysis button', () => {
    const missing = pattern.model.companies.filter((c) => !['CoreWeave', 'Lambda Labs'].includes(c.name));
    assert.ok(missing.length > 0);
    for (const c of missing) assert.match(html, new RegExp(`data-company="${c.id}"`), `${c.name} has a New Analysis button`);
    assert.doesNotMatch(html, /data-company="coreweave"/);
  });

  it('offers every readable period in the as-of selector, newest first', () => {
    const options = [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(options, ['', 'Q2 2026', 'Q1 2026']);
  });

  it('draws one chart per metric that has values', () => {
    assert.equal((html.match(/class="test-chart"/g) ?? []).length, 2);
  });

  it('never turns text from an analysis into markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> "quoted" [x](command:workbench.action.quit)';
    const e = entry('file:///ws/%3Cscript%3E.md', analysis(hostile, 'Q2 2026', '50%', '90%'));
    const out = view([...entries, e]);
    // Buttons, selects and the charts' svg are the view's own; nothing else may appear.
    assert.deepEqual(dangersIn(out, { allowElements: ['button', 'select', 'option', 'svg'] }), []);
    assert.ok(!out.includes('<img'), 'no image element');
    assert.ok(decodeEntities(out).includes(hostile), 'the subject shows as text');
  });
});
