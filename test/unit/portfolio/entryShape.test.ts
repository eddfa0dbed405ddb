/**
 * The shape check the editor's warm-start cache runs on every entry it reads back from disk: every
 * entry the core builds passes it (after the JSON round trip the cache gives it), and an entry
 * with any field of the wrong type, a value out of its set, or another file's URI does not.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isIndexEntry } from '../../../src/portfolio/entryShape';
import { buildIndexEntry } from '../../../src/portfolio/indexEntry';
import { analysisText, catalog, markdownFiles, SAMPLES } from './portfolioHelpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the test breaks a JSON copy field by field, as a corrupt cache file would */
/** `entry` after the cache's JSON round trip, with `change` applied to the copy. */
function changed(entry: unknown, change: (e: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(entry)) as Record<string, any>;
  change(copy);
  return copy;
}

describe('portfolio entry shape (warm-start cache check)', () => {
  it('accepts every entry the core builds for the samples, as the cache stores it', () => {
    const cat = catalog();
    let checked = 0;
    for (const file of markdownFiles(SAMPLES)) {
      const entry = buildIndexEntry(file, readFileSync(file, 'utf8'), cat);
      if (!entry) continue;
      assert.ok(isIndexEntry(JSON.parse(JSON.stringify(entry)), file), file);
      checked++;
    }
    assert.ok(checked >= 10, `checked ${checked} entries`);
  });

  it('refuses a wrong type, a value out of its set, a missing field and another file’s entry', () => {
    const uri = 'file:///w/a.md';
    const entry = buildIndexEntry(uri, analysisText('CoreWeave', 'Q3 2026', '72%'), catalog());
    assert.ok(entry && entry.metrics.length > 0 && entry.period?.period);
    assert.ok(isIndexEntry(changed(entry, () => undefined), uri));
    const bad: [string, (e: Record<string, any>) => void][] = [
      ['metrics not a list', (e) => (e.metrics = 'x')],
      ['a metric value without text', (e) => delete e.metrics[0].value.text],
      ['a verdict out of its set', (e) => (e.metrics[0].verdict = 'great')],
      ['a NaN stored as null', (e) => (e.metrics[0].value.low = null)],
      ['a range with a string line', (e) => (e.metrics[0].range.start.line = '3')],
      ['findings missing', (e) => delete e.findings],
      ['a subject that is a number', (e) => (e.subject = 7)],
      ['a period kind out of its set', (e) => (e.period.period.kind = 'decade')],
      ['coverage missing a list', (e) => (e.coverage.missing = [1])],
    ];
    for (const [what, change] of bad) assert.equal(isIndexEntry(changed(entry, change), uri), false, what);
    assert.equal(isIndexEntry(null, uri), false, 'null');
    assert.equal(isIndexEntry([entry], uri), false, 'a list');
    assert.equal(isIndexEntry(changed(entry, () => undefined), 'file:///w/b.md'), false, 'another file’s entry');
  });
});
