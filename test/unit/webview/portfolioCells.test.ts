/**
 * A matrix cell carries no place of its own in the webview's DOM: a click opens, and the tooltip
 * names, what the row's data says for that cell. Checked on a matrix as the webview receives it
 * (posted in the compact wire form, parsed on arrival).
 */
import * as assert from 'node:assert/strict';
import { matrixJson, parseToPortfolioWebview, wireRowJson, WireStrings, type MatrixData, type MatrixRowData } from '../../../src/render/portfolioProtocol';
import { cellPlace, cellTooltip } from '../../../src/webview/portfolioCells';

const rows: MatrixRowData[] = [
  {
    key: 'coreweave', subject: 'CoreWeave', analyses: 2,
    files: [['file:///ws/2026/q3/coreweave.md', '2026/q3/coreweave.md'], ['file:///ws/2026/q2/coreweave.md', '2026/q2/coreweave.md']],
    cells: [
      { v: '72%', n: 72, d: 'misses', p: 'Q3 2026', f: 0, l: 14, c: 22 },
      { v: '91%', n: 91, d: 'meets', p: 'Q2 2026', f: 1, l: 30, c: 3, s: '10-Q' },
      null,
    ],
  },
];

function received(matrix: MatrixData): MatrixData {
  const strings = new WireStrings();
  const message = parseToPortfolioWebview({ type: 'page', sections: { header: '', controls: '', coverage: '', trends: '', problems: '' }, matrixJson: matrixJson(matrix, (r) => wireRowJson(r, strings), strings) });
  assert.ok(message?.type === 'page' && message.matrix, 'the page is accepted');
  return message.matrix;
}

describe('Portfolio matrix cells (webview)', () => {
  const matrix = received({ columns: [{ name: 'GPU utilization', benchmark: '>80%' }, { name: 'Net retention', benchmark: '>110%' }, { name: 'Gross margin', benchmark: '50-60%' }], rows, empty: '' });
  const [row] = matrix.rows;

  it('opens each cell at its own file, line and character', () => {
    assert.deepEqual(cellPlace(row, row.cells[0]!), { uri: 'file:///ws/2026/q3/coreweave.md', line: 14, character: 22 });
    assert.deepEqual(cellPlace(row, row.cells[1]!), { uri: 'file:///ws/2026/q2/coreweave.md', line: 30, character: 3 });
  });

  it('opens nothing for a cell naming a file its row does not have', () => {
    assert.equal(cellPlace(row, { ...row.cells[0]!, f: 5 }), undefined);
  });

  it('says in its tooltip the verdict in words, the period, the file and the line a user counts from 1', () => {
    assert.equal(cellTooltip(matrix.columns[0], row, row.cells[0]!), 'GPU utilization: 72% — misses (benchmark: >80%; Q3 2026; 2026/q3/coreweave.md, line 15)');
    assert.equal(cellTooltip(matrix.columns[1], row, row.cells[1]!), 'Net retention: 91% — meets (benchmark: >110%; Q2 2026; 2026/q2/coreweave.md, line 31; source: 10-Q)');
    assert.match(cellTooltip(matrix.columns[0], row, { ...row.cells[0]!, p: '' }), /; no period; /);
  });
});
