/**
 * The portfolio webview's messages are checked on arrival: a message of an unknown type or with a
 * malformed field is dropped whole, never half-used; saved state is sanitised before the serializer
 * uses it.
 */
import * as assert from 'node:assert/strict';
import { matrixJson, messageNumber, parseFromPortfolioWebview, parsePortfolioState, parseToPortfolioWebview, wireRowJson, WireStrings } from '../../../src/render/portfolioProtocol';

describe('Portfolio protocol', () => {
  it('accepts the well-formed messages', () => {
    assert.deepEqual(parseFromPortfolioWebview({ type: 'ready', received: 2, extra: 'ignored' }), { type: 'ready', received: 2 });
    assert.equal(parseFromPortfolioWebview({ type: 'ready', received: -1 }), undefined);
    assert.equal(parseFromPortfolioWebview({ type: 'ready' }), undefined);
    assert.deepEqual(parseFromPortfolioWebview({ type: 'missed', extra: 1 }), { type: 'missed' });
    assert.deepEqual(parseToPortfolioWebview({ type: 'sync', seq: 3 }), { type: 'sync' });
    assert.equal(messageNumber({ type: 'sync', seq: 3 }), 3);
    for (const seq of [0, -1, 1.5, '2', undefined, Number.MAX_SAFE_INTEGER + 1]) assert.equal(messageNumber({ type: 'sync', seq }), undefined, String(seq));
    assert.deepEqual(parseFromPortfolioWebview({ type: 'openValue', uri: 'file:///a.md', line: 3, character: 7 }), { type: 'openValue', uri: 'file:///a.md', line: 3, character: 7 });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'setAsOf', period: 'Q3 2026' }), { type: 'setAsOf', period: 'Q3 2026' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'newAnalysis', companyId: 'coreweave', extra: 1 }), { type: 'newAnalysis', companyId: 'coreweave' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'export', format: 'pdf' }), { type: 'export', format: 'pdf' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'setSort', column: '2', descending: true }), { type: 'setSort', column: '2', descending: true });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'matrixShown', extra: 1 }), { type: 'matrixShown' });
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
    const strings = new WireStrings();
    const text = matrixJson(matrix, (r) => wireRowJson(r, strings), strings);
    assert.deepEqual(parseToPortfolioWebview({ type: 'page', sections, matrixJson: text }), { type: 'page', sections, matrix });
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: text.slice(0, -1) }), undefined, 'not JSON');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: 5 }), undefined, 'not text');
    const wire = JSON.parse(text) as { rows: unknown[][]; strings: string[] };
    // The first row's first cell: [value, number, verdict, period, file, line, character, source].
    const changed = (edit: (w: typeof wire) => void): string => {
      const copy = JSON.parse(text) as typeof wire;
      edit(copy);
      return JSON.stringify(copy);
    };
    const firstCell = (w: typeof wire): unknown[] => (w.rows[0][4] as unknown[][])[0];
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => (firstCell(w)[4] = 1)) }), undefined, 'a cell naming a file the row does not have');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => (firstCell(w)[2] = w.strings.length)) }), undefined, 'a verdict past the strings');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => (firstCell(w)[7] = -1)) }), undefined, 'a source before the strings');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => (firstCell(w)[1] = 'x')) }), undefined, 'a number that is not one');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => ((w.rows[0][3] as unknown[][])[0][0] = 0.5)) }), undefined, 'a file\'s folder that is no string');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => w.rows[0].pop()) }), undefined, 'a row without its cells');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => (w.strings[0] = 5 as unknown as string)) }), undefined, 'strings that are not all text');
    assert.equal(parseToPortfolioWebview({ type: 'page', sections, matrixJson: changed((w) => (firstCell(w).length = 6)) }), undefined, 'a cell cut short');
  });

  it('posts a page\'s matrix in a fraction of its text written out, its repeated strings once', () => {
    const strings = new WireStrings();
    const rows = Array.from({ length: 200 }, (_, i) => ({
      key: `name:provider ${i}`, subject: `Provider ${i}`, analyses: 10,
      files: [[`file:///home/analyst/portfolio/analyses/Q1-2026/provider-${i}.md`, `analyses/Q1-2026/provider-${i}.md`] as const],
      cells: ['gpu', 'price', 'retention', 'growth'].map((_m, c) => ({ v: `${70 + (i % 20)}%`, n: 70 + (i % 20), d: ['meets', 'misses', 'borderline', 'no-benchmark'][c], p: 'Q1 2026', f: 0, l: 60 + c, c: 25, s: ['Management commentary', 'Investor deck', '10-Q filing', 'Public price list'][c] })),
    }));
    const matrix = { columns: ['a', 'b', 'c', 'd'].map((name) => ({ name, benchmark: '>80%' })), rows, empty: 'none' };
    const text = matrixJson(matrix, (r) => wireRowJson(r, strings), strings);
    assert.deepEqual(parseToPortfolioWebview({ type: 'page', sections: { header: '', controls: '', coverage: '', trends: '', problems: '' }, matrixJson: text }), { type: 'page', sections: { header: '', controls: '', coverage: '', trends: '', problems: '' }, matrix });
    assert.ok(text.length < JSON.stringify(matrix).length / 2, `${text.length} of ${JSON.stringify(matrix).length} characters`);
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
