/**
 * `claimsOnLine` (src/analysis/claimsByLine.ts) answers from an index built once per analysis. It
 * must say exactly what filtering every claim of the analysis says: the claims whose metric name or
 * value touches the line, each once, in the analysis' order. Checked on generated analyses and on
 * claims whose name and value sit on other lines, overlap, or span lines.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText } from '../../../src/analysis/analyze';
import { claimsOnLine } from '../../../src/analysis/claimsByLine';
import type { Analysis, MetricClaim, TextRange } from '../../../src/analysis/types';
import { generateAnalysis } from '../../support/analysisGenerator';
import { fuzzParameters } from '../../support/fuzz';
import { catalog } from './analysisHelpers';

/** The plain meaning: every claim of the analysis, filtered. */
function plainClaimsOnLine(analysis: Analysis, line: number): MetricClaim[] {
  const touches = (r: TextRange): boolean => r.start.line <= line && line <= r.end.line;
  return analysis.claims.filter((c) => touches(c.nameRange) || touches(c.valueRange));
}

function lastLine(analysis: Analysis): number {
  return analysis.claims.reduce((max, c) => Math.max(max, c.nameRange.end.line, c.valueRange.end.line), 0);
}

function range(start: number, end: number): TextRange {
  return { start: { line: start, character: 0 }, end: { line: end, character: 1 } };
}

/** A claim with only what the index reads (its lines and its verdict message) that matters. */
function claimOn(id: number, name: TextRange, value: TextRange): MetricClaim {
  return {
    metricId: `m${id}`,
    nameRange: name,
    valueRange: value,
    value: { text: `${id}%` },
    verdict: { status: 'meets', message: `${id}% — meets the benchmark: >${id % 7}0%` },
    context: 'sentence',
  } as unknown as MetricClaim;
}

describe('claimsOnLine', () => {
  it('equals filtering every claim, on every line of generated analyses', () => {
    const cat = catalog();
    for (const seed of [1, 2, 3, 17]) {
      const analysis = analyzeText(generateAnalysis({ seed, minLines: 400 }).text, cat);
      assert.ok(analysis.claims.length > 20, 'the generated analysis states values');
      for (let line = 0; line <= lastLine(analysis) + 1; line++) assert.deepEqual(claimsOnLine(analysis, line), plainClaimsOnLine(analysis, line), `line ${line}`);
    }
  });

  it('lists a claim on the lines of its name and of its value, once where they meet', () => {
    const a = claimOn(1, range(2, 2), range(4, 4));
    const b = claimOn(2, range(3, 5), range(4, 6));
    const c = claimOn(3, range(4, 4), range(4, 4));
    const analysis = { claims: [a, b, c] } as unknown as Analysis;
    assert.deepEqual(claimsOnLine(analysis, 1), []);
    assert.deepEqual(claimsOnLine(analysis, 2), [a]);
    assert.deepEqual(claimsOnLine(analysis, 3), [b]);
    assert.deepEqual(claimsOnLine(analysis, 4), [a, b, c]);
    assert.deepEqual(claimsOnLine(analysis, 6), [b]);
    assert.deepEqual(claimsOnLine(analysis, 7), []);
  });

  it('equals filtering every claim, for claims on any lines', () => {
    const lineRange = fc.tuple(fc.nat(12), fc.nat(3)).map(([start, length]) => range(start, start + length));
    fc.assert(
      fc.property(fc.array(fc.tuple(lineRange, lineRange), { maxLength: 12 }), (ranges) => {
        const analysis = { claims: ranges.map(([name, value], i) => claimOn(i, name, value)) } as unknown as Analysis;
        for (let line = 0; line <= 17; line++) assert.deepEqual(claimsOnLine(analysis, line), plainClaimsOnLine(analysis, line));
      }),
      fuzzParameters(300),
    );
  });

  it('answers the same when asked again (the index is kept with the analysis)', () => {
    const analysis = analyzeText(generateAnalysis({ seed: 5, minLines: 200 }).text, catalog());
    const line = analysis.claims[0].valueRange.start.line;
    const first = claimsOnLine(analysis, line);
    assert.ok(first.length > 0);
    assert.equal(claimsOnLine(analysis, line), first);
  });
});
