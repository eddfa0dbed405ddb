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
import type { MatrixRowData } from '../../../src/render/portfolioProtocol';
import { matrixData, renderPortfolioSections, renderTrendsSection, type PortfolioViewInput } from '../../../src/render/portfolioView';
import { subjectKey } from '../../../src/portfolio/subjects';
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

function input(entries: readonly IndexEntry[]): PortfolioViewInput {
  return {
    patterns: [{ id: pattern.model.id, name: pattern.model.name }],
    matrix: portfolioMatrix(entries, pattern),
    coverage: peerCoverage(entries, pattern),
    trends: metricTrends(entries, pattern),
    chart: () => '<svg class="test-chart"></svg>',
    displayName: (uri) => uri.replace('file:///ws/', ''),
    skipped: [],
  };
}

/** The page's HTML parts, joined. */
function view(entries: readonly IndexEntry[]): string {
  return Object.values(renderPortfolioSections(input(entries))).join('');
}

/** The matrix rows as the webview receives them. */
function rows(entries: readonly IndexEntry[]): readonly MatrixRowData[] {
  const i = input(entries);
  const keyOf = new Map(entries.map((e) => [e.uri, subjectKey(e)]));
  return matrixData(i.matrix, i.matrix.rows.map((row) => ({ key: keyOf.get(row.cells.find((c) => c)?.location.uri ?? '') ?? row.subject, row })), i.displayName).rows;
}

function row(data: readonly MatrixRowData[], subject: string): MatrixRowData {
  const found = data.find((r) => r.subject === subject);
  assert.ok(found, `a row for ${subject}`);
  return found;
}

describe('Portfolio view (webview content)', () => {
  const entries = [
    entry('file:///ws/coreweave-q1.md', analysis('CoreWeave', 'Q1 2026', '78%', '97%')),
    entry('file:///ws/coreweave-q2.md', analysis('CoreWeave', 'Q2 2026', '72%', '97%')),
    entry('file:///ws/lambda-q2.md', analysis('Lambda Labs', 'Q2 2026', '86%', '91%')),
  ];
  const html = view(entries);
  const data = rows(entries);

  it('gives one row per subject with the latest period’s value, verdict, period and place', () => {
    const coreweave = row(data, 'CoreWeave');
    assert.equal(coreweave.analyses, 2);
    const gpu = coreweave.cells[0];
    assert.ok(gpu);
    assert.deepEqual({ v: gpu.v, n: gpu.n, d: gpu.d, p: gpu.p, l: gpu.l }, { v: '72%', n: 72, d: 'misses', p: 'Q2 2026', l: 10 });
    assert.deepEqual(coreweave.files[gpu.f], ['file:///ws/coreweave-q2.md', 'coreweave-q2.md']);
    const lambda = row(data, 'Lambda Labs');
    assert.deepEqual(lambda.cells.slice(0, 4).map((c) => c && `${c.v} ${c.d}`).filter(Boolean), ['86% meets', '91% misses']);
    // A metric no analysis states is an empty cell (the webview shows a dash, sorted last).
    assert.ok(lambda.cells.includes(null));
    // Cells of one file name it once.
    assert.equal(lambda.files.length, 1);
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

  it('renders the trends part alone as the page does (the panel sends a large matrix’s trends after it)', () => {
    const trends = renderTrendsSection(input(entries));
    assert.equal(trends, renderPortfolioSections(input(entries)).trends);
    assert.equal((trends.match(/class="test-chart"/g) ?? []).length, 2);
  });

  it('never turns text from an analysis into markup', () => {
    const hostile = '<img src=x onerror="alert(1)"> "quoted" [x](command:workbench.action.quit)';
    const e = entry('file:///ws/%3Cscript%3E.md', analysis(hostile, 'Q2 2026', '50%', '90%'));
    const out = view([...entries, e]);
    // Buttons, selects and the charts' svg are the view's own; nothing else may appear.
    assert.deepEqual(dangersIn(out, { allowElements: ['button', 'select', 'option', 'svg'] }), []);
    assert.ok(!out.includes('<img'), 'no image element');
    assert.ok(decodeEntities(out).includes(hostile), 'the subject shows as text');
    // In the matrix it is data, which the webview sets as text.
    assert.equal(row(rows([...entries, e]), hostile).subject, hostile);
  });
});
