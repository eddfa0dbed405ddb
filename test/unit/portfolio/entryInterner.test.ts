/**
 * The interner the warm start passes each entry through as it is read back from the cache
 * (src/portfolio/entryInterner.ts): what repeats across entries becomes one shared string or object,
 * and every entry still says exactly what it said, read back from the same cache line.
 */
import * as assert from 'node:assert/strict';
import { EntryInterner } from '../../../src/portfolio/entryInterner';
import { fileLine, trustedLine } from '../../../src/portfolio/indexCacheFormat';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import type { IndexEntry } from '../../../src/portfolio/types';
import { analysisText, catalog, sampleEntries } from './portfolioHelpers';

/** An entry as the warm start gets it: written to a cache line and parsed back (fresh objects of its own). */
function readBack(entry: IndexEntry): IndexEntry {
  const line = fileLine(entry.uri, 1, 2, entry);
  const read = trustedLine<IndexEntry>(line.slice(0, -1)).entry;
  assert.ok(read);
  return read;
}

describe('EntryInterner', () => {
  it('leaves every entry of the samples equal to what was written', () => {
    const interner = new EntryInterner();
    for (const entry of sampleEntries()) {
      assert.deepEqual(interner.intern(readBack(entry), entry.uri), entry);
    }
  });

  it('shares the period, metric ids, sources, pattern and author of analyses that repeat them', () => {
    const cat = catalog();
    const interner = new EntryInterner();
    const a = interner.intern(readBack(buildIndexEntry('file:///w/a.md', analysisText('CoreWeave', 'Q3 2026', '72%'), cat)!), 'file:///w/a.md');
    const b = interner.intern(readBack(buildIndexEntry('file:///w/b.md', analysisText('CoreWeave', 'Q3 2026', '81%'), cat)!), 'file:///w/b.md');
    assert.ok(a.period && a.metrics.length > 0);
    assert.equal(a.period, b.period, 'one period object for both');
    assert.equal(a.findings === b.findings, JSON.stringify(a.findings) === JSON.stringify(b.findings));
    // Equal strings are equal in JavaScript whether shared or not: the memory saving is what the
    // bench measures; here, that the values are still right and come from the first entry.
    assert.equal(b.metrics[0].metricId, a.metrics[0].metricId);
    assert.equal(b.patternId, a.patternId);
    assert.notEqual(b.metrics[0].value.text, a.metrics[0].value.text, 'their own values');
    assert.equal(b.uri, 'file:///w/b.md');
  });

  it('never shares a period, coverage or finding counts that differ in any field', () => {
    const cat = catalog();
    const interner = new EntryInterner();
    const base = buildIndexEntry('file:///w/a.md', analysisText('CoreWeave', 'Q3 2026', '72%'), cat)!;
    const fiscal = buildIndexEntry('file:///w/b.md', analysisText('CoreWeave', 'Q3 FY2026', '72%'), cat)!;
    const a = interner.intern(readBack(base), base.uri);
    const b = interner.intern(readBack(fiscal), fiscal.uri);
    assert.notEqual(a.period, b.period);
    assert.equal(b.period?.period?.label, 'Q3 FY2026');
    assert.equal(b.period?.written, 'Q3 FY2026');
    // Same label text, another field differing: a hand-made entry (a tampered cache could hold one).
    const odd = readBack({ ...base, uri: 'file:///w/c.md', period: { written: 'Q3 2026', period: { ...base.period!.period!, end: base.period!.period!.end + 1 } }, findings: { ...base.findings, hint: base.findings.hint + 1 }, coverage: { ...base.coverage!, missing: ['x'] } });
    const c = interner.intern(odd, 'file:///w/c.md');
    assert.notEqual(c.period, a.period);
    assert.equal(c.period?.period?.end, base.period!.period!.end + 1);
    assert.notEqual(c.findings, a.findings);
    assert.equal(c.findings.hint, base.findings.hint + 1);
    assert.deepEqual(c.coverage?.missing, ['x']);
  });
});
