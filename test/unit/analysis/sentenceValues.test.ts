/**
 * A sentence's values are read lazily for its claims (sentenceValues.ts, values.ts' begin/next).
 * Held here to the plain reading they replaced: every value of the sentence found first
 * (findValues), those inside a metric name dropped, then indexed by binary search.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Mention } from '../../../src/model/patternIndex';
import { SentenceValues } from '../../../src/analysis/sentenceValues';
import { ValueScanner, type FoundValue } from '../../../src/analysis/values';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

const PIECES = [
  ' ', ' ', ' ', '  ', '\n', '.', ',', ';', '(', ')', '-', '–', '/', ':', '~', '>', '>=', '$', '€', 'USD ', '%', 'x', '+',
  '0', '1', '7', '72', '0.72', '1,200', '12,000', '2025', '2026', '3.5', '09', 'Q3', 'H100',
  'was', 'rose', 'grew', 'to', 'from', 'between', 'and', 'the', 'target', 'vs.', 'over', 'up to', 'about', 'at least',
  'million', 'bn', 'per', 'GPU-hour', 'Sept', 'benchmark', 'retention', 'utilization', 'é', 'Ж',
];

/** Pieces mostly separated by a space, so that most texts hold several values. */
const text = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ', '', '\n')), { maxLength: 30 }).map((p) => p.flat().join(''));

/** Sorted, non-overlapping mention ranges inside the text (the entity is never read here). */
function mentionsIn(t: string, cuts: readonly number[]): Mention[] {
  const points = [...new Set(cuts.map((c) => c % (t.length + 1)))].sort((a, b) => a - b);
  const out: Mention[] = [];
  for (let k = 0; k + 1 < points.length; k += 2) {
    if (points[k + 1] > points[k]) out.push({ start: points[k], end: points[k + 1], text: t.slice(points[k], points[k + 1]), matched: '', entity: undefined as never });
  }
  return out;
}

/** The plain reading: all values, then those inside a mention dropped (as claims.ts did). */
function plainValues(t: string, s: number, e: number, mentions: readonly Mention[], m0: number, m1: number): FoundValue[] {
  const values = new ValueScanner().findValues(t, s, e);
  const kept: FoundValue[] = [];
  let mk = m0;
  for (const v of values) {
    while (mk < m1 && mentions[mk].end <= v.start) mk++;
    if (mk < m1 && v.end > mentions[mk].start) continue;
    kept.push(v);
  }
  return kept;
}

function plainFirstFrom(values: readonly FoundValue[], offset: number): number {
  let k = 0;
  while (k < values.length && values[k].start < offset) k++;
  return k;
}

describe('sentence values, read lazily', () => {
  it('a scan read value by value gives exactly findValues', function () {
    this.timeout(fuzzTimeout());
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.nat(12), (t, a, b, stop) => {
        const s = a % (t.length + 1);
        const e = s + (b % (t.length - s + 1));
        const plain = new ValueScanner().findValues(t, s, e);
        const scanner = new ValueScanner();
        scanner.begin(t, s, e);
        const lazy: FoundValue[] = [];
        for (let v = scanner.next(); v; v = scanner.next()) lazy.push(v);
        assert.deepEqual(lazy, plain);
        // A scan ended early leaves the scanner as good as new.
        scanner.begin(t, s, e);
        for (let k = 0; k < stop; k++) scanner.next();
        scanner.end();
        assert.deepEqual(scanner.findValues(t, s, e), plain);
      }),
      fuzzParameters(5_000),
    );
  });

  it('answers every question as the whole filtered list does, however far it has read', function () {
    this.timeout(fuzzTimeout());
    const question = fc.oneof(fc.record({ has: fc.nat(8) }), fc.record({ from: fc.nat(200) }));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.array(fc.nat(), { maxLength: 6 }), fc.array(question, { maxLength: 8 }), (t, a, b, cuts, questions) => {
        const s = a % (t.length + 1);
        const e = s + (b % (t.length - s + 1));
        const mentions = mentionsIn(t, cuts);
        let m0 = 0;
        while (m0 < mentions.length && mentions[m0].start < s) m0++;
        let m1 = m0;
        while (m1 < mentions.length && mentions[m1].end <= e) m1++;
        const plain = plainValues(t, s, e, mentions, m0, m1);
        const sv = new SentenceValues(new ValueScanner(), t, s, e, mentions, m0, m1);
        for (const q of questions) {
          if ('has' in q) assert.equal(sv.has(q.has), q.has < plain.length);
          else {
            const offset = s + (q.from % (e - s + 1));
            assert.equal(sv.firstFrom(offset), plainFirstFrom(plain, offset));
          }
          assert.deepEqual(sv.list, plain.slice(0, sv.list.length));
        }
        sv.close();
      }),
      fuzzParameters(5_000),
    );
  });
});
