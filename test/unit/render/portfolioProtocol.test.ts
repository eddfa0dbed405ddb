/**
 * The portfolio webview's messages are checked on arrival: a message of an unknown type or with a
 * malformed field is dropped whole, never half-used; saved state is sanitised before the serializer
 * uses it.
 */
import * as assert from 'node:assert/strict';
import { parseFromPortfolioWebview, parsePortfolioState, parseToPortfolioWebview } from '../../../src/render/portfolioProtocol';

describe('Portfolio protocol', () => {
  it('accepts the well-formed messages', () => {
    assert.deepEqual(parseFromPortfolioWebview({ type: 'openValue', uri: 'file:///a.md', line: 3, character: 7 }), { type: 'openValue', uri: 'file:///a.md', line: 3, character: 7 });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'setAsOf', period: 'Q3 2026' }), { type: 'setAsOf', period: 'Q3 2026' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'newAnalysis', companyId: 'coreweave', extra: 1 }), { type: 'newAnalysis', companyId: 'coreweave' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'export', format: 'pdf' }), { type: 'export', format: 'pdf' });
    assert.deepEqual(parseFromPortfolioWebview({ type: 'setSort', column: '2', descending: true }), { type: 'setSort', column: '2', descending: true });
    assert.deepEqual(parseToPortfolioWebview({ type: 'update', html: '<p>x</p>' }), { type: 'update', html: '<p>x</p>' });
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
    assert.equal(parseToPortfolioWebview({ type: 'update', html: 5 }), undefined);
  });

  it('sanitises saved state', () => {
    assert.deepEqual(parsePortfolioState(undefined), {});
    assert.deepEqual(parsePortfolioState({ patternId: 'ai-infrastructure', asOf: 'Q1 2026', sort: { column: '1', descending: false }, style: 'publication' }),
      { patternId: 'ai-infrastructure', asOf: 'Q1 2026', sort: { column: '1', descending: false }, style: 'publication' });
    assert.deepEqual(parsePortfolioState({ patternId: 7, asOf: '', sort: { column: 1 }, style: 'x' }), {});
  });
});
