/**
 * The portfolio webview's messages are checked on arrival: a message of an unknown type or with a
 * malformed field is dropped whole, never half-used; saved state is sanitised before the serializer
 * uses it.
 */
import * as assert from 'node:assert/strict';
import { matrixJson, parseFromPortfolioWebview, parsePortfolioState, parseToPortfolioWebview } from '../../../src/render/portfolioProtocol';

describe('Portfolio protocol', () => {
  it('accepts the well-formed messages', () => {
    assert.deepEqual(parseFromPortfolioWebview({ type: 'ready', extra: 'ignored' }), { type: 'ready' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'openValue', uri: 'file:///a.md', line: 3, character: 7 }), { type: 'openValue', uri: 'file:///a.md', line: 3, character: 7 });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'setAsOf', period: 'Q3 2026' }), { type: 'setAsOf', period: 'Q3 2026' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'newAnalysis', companyId: 'coreweave', extra: 1 }), { type: 'newAnalysis', companyId: 'coreweave' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'export', format: 'pdf' }), { type: 'export', format: 'pdf' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'setSort', column: '2', descending: true }), { type: 'setSort', column: '2', descending: true });
    const sections = { header: '<h1>x</h1>', controls: '', coverage: '', trends: '', problems: '' };
    assert.deepEqual(parseToPortfolioWebview({ type: 'page', sections }), { type: 'page', sections });
    const row = { key: 'company:coreweave', subject: 'CoreWeave', analyses: 2, files: [['file:///a.md', 'a.md']], cells: [{ v: '72%', n: 72, d: 'misses', p: 'Q2 2026', f: 0, l: 10, c: 25, s: '10-Q' }, null] };
    const matrix = { columns: [{ name: 'GPU', benchmark: '>80%' }, { name: 'Retention', benchmark: '>95%' }], rows: [row], empty: 'none' };
    assert.deepEqual(parseToPortfolioWebview({ type: 'page', sections, matrix }), { type: 'page', sections, matrix });
    assert.deepEqual(parseToPortfolioWebview({ type: 'patch', sections: { trends: '<p>t</p>' }, rows: [row], removed: ['name:x'] }, 2), { type: 'patch', sections: { trends: '<p>t</p>' }, rows: [row], removed: ['name:x'] });
  });

  it('reads a page whose matrix is posted as JSON text made of its rows\' JSON, and drops one whose text is malformed', () => {
    const sections = { header: '<h1>x</h1>', controls: '', coverage: '', trends: '', problems: '' };
    const rows = [
      { key: 'company:coreweave', subject: 'CoreWeave </script>', analyses: 2, files: [['file:///a%22.md', 'a".md'] as const], cells: [{ v: '72%', n: 72, d: 'misses', p: 'Q2 2026', f: 0, l: 10, c: 25, s: '10-Q' }, null] },
      { key: 'name:lambda', subject: 'Lambda', analyses: 1, files: [['file:///b.md', 'b.md'] as const], cells: [null, { v: '96%', n: 96, d: 'meets', p: '', f: 0, l: 3, c: 1 }] },
    ];
    const matrix = { columns: [{ name: 'GPU', benchmark: '>80%' }, { name: 'Retention "net"', benchmark: '>95%' }], rows, empty: 'none' };
    const text = matrixJson(matrix, (r) => JSON.stringify(r));
    assert.deepEqual(JSON.parse(text), matrix);
    assert.deepEqual(parseToPortfolioWebview({ type: 'page', sections, matrixJson: text }), { type: 'page', sections, matrix });
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: text.slice(0, -1) }), undefined, 'not JSON');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: 5 }), undefined, 'not text');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: text.replace('"f":0', '"f":1') }), undefined, 'a cell naming a file the row does not have');
  });

  it('drops unknown and malformed messages whole', () => {
    for (const raw of [
      null, 'openValue', [], { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'openValue', uri: 'file:///a.md', line: -1, character: 0 },
      { type: 'openValue', uri: 'file:///a.md', line: 1.5, character: 0 },
      { type: 'openValue', uri: '', line: 1, character: 0 },
      { type: 'openValue', uri: 'x'.repeat(5000), line: 1, character: 0 },
      { type: 'export', format: 'docx' },
      { type: 'newAnalysis', companyId: 42 },
      { type: 'setSort', column: '', descending: true },
      { type: 'setStyle', style: 'neon' },
    ]) assert.equal(parseFromPortfolioWebview(raw), undefined, JSON.stringify(raw)?.slice(0, 80));
    const sections = { header: '', controls: '', coverage: '', trends: '', problems: '' };
    assert.equal(parseToPortfolioWebview({ type: 'page', sections: { ...sections, header: 5 } }), undefined);
    assert.equal(parseToPortfolioWebview({ type: 'page', sections: { header: '' } }), undefined, 'a page has every part');
    const row = { key: 'k', subject: 'S', analyses: 1, files: [['file:///a.md', 'a.md']], cells: [{ v: '72%', n: 72, d: 'misses', p: 'Q2 2026', f: 0, l: 10, c: 25 }] };
    assert.ok(parseToPortfolioWebview({ type: 'patch', sections: {}, rows: [row], removed: [] }, 1));
    assert.deepEqual(parseToPortfolioWebview({ type: 'patch', sections: {}, rows: [], removed: [], charts: { 'gpu-utilization-rate': '<svg></svg>' } }), { type: 'patch', sections: {}, rows: [], removed: [], charts: { 'gpu-utilization-rate': '<svg></svg>' } });
    assert.equal(parseToPortfolioWebview({ type: 'patch', sections: {}, rows: [], removed: [], charts: { x: 5 } }), undefined);
    assert.equal(parseToPortfolioWebview({ type: 'patch', sections: {}, rows: [], removed: [], charts: ['<svg>'] }), undefined);
    for (const bad of [
      { ...row, cells: [] }, // not one cell per column
      { ...row, cells: [{ ...row.cells[0], f: 1 }] }, // a file the row does not name
      { ...row, cells: [{ ...row.cells[0], n: '72' }] },
      { ...row, cells: [{ ...row.cells[0], l: -1 }] },
      { ...row, files: [['file:///a.md']] },
      { ...row, key: '' },
    ]) assert.equal(parseToPortfolioWebview({ type: 'patch', sections: {}, rows: [bad], removed: [] }, 1), undefined, JSON.stringify(bad));
  });

  it('sanitises saved state', () => {
    assert.deepEqual(parsePortfolioState(undefined), {});
    assert.deepEqual(parsePortfolioState({ patternId: 'ai-infrastructure', asOf: 'Q1 2026', sort: { column: '1', descending: false }, style: 'publication' }),
      { patternId: 'ai-infrastructure', asOf: 'Q1 2026', sort: { column: '1', descending: false }, style: 'publication' });
    assert.deepEqual(parsePortfolioState({ patternId: 7, asOf: '', sort: { column: 1 }, style: 'x' }), {});
  });
});
