/**
 * Whatever the input, the analysis returns a well-formed answer: no throw, every range inside the
 * document, every claim's value range covering exactly the value as written, and no quadratic
 * blow-up on very long lines or very deep nesting (generous 5 s guards: the machine is shared).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fuzzParameters } from '../../support/fuzz';
import type { Analysis, TextRange } from '../../../src/analysis/types';
import { analyze, doc, textAt } from './analysisHelpers';

function assertWellFormed(text: string, a: Analysis): void {
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (r: TextRange): boolean =>
    r.start.line >= 0 && r.end.line < lines.length && r.start.character >= 0 && r.end.character <= lines[r.end.line].length
    && r.start.character <= lines[r.start.line].length && (r.start.line < r.end.line || r.start.character <= r.end.character);
  for (const f of a.findings) {
    assert.ok(inside(f.range), `finding range outside the text: ${JSON.stringify(f.range)}`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(inside(e.range), `edit range outside the text: ${JSON.stringify(e.range)}`);
  }
  for (const c of a.claims) {
    assert.ok(inside(c.nameRange) && inside(c.valueRange));
    assert.equal(textAt(text, c.valueRange), c.value.text);
  }
}

function timed(label: string, f: () => void): void {
  const t = Date.now();
  f();
  assert.ok(Date.now() - t < 5000, `${label} took ${Date.now() - t} ms`);
}

describe('analysis: robustness', () => {
  it('never throws and keeps every range inside the document (random markdown-ish text)', () => {
    const piece = fc.constantFrom(
      'GPU utilization', 'Customer retention', 'revenue per GPU hour', 'capacity grew', 'Coreweave', 'Microsft Azure', ': ', ' ', '\n', '\r\n', '\n\n',
      '72%', '~80 %', '70–75%', '$2.10/GPU-hour', 'over 90%', '-5%', '0.72', '2025', 'Q3 2026', '|', '| --- |', '```', '~~~', '    ', '> ', '- ', '1. ',
      '## ', '# ', '**', '`', '<!--', '-->', '[x](http://a.b/72%)', '.', ', ', ' and ', '\u00a0', '\t', '\\', '---', '===',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), (pieces, crlf) => {
        let text = doc(pieces.join(''));
        if (crlf) text = text.replace(/\r?\n/g, '\r\n');
        assertWellFormed(text, analyze(text));
      }),
      fuzzParameters(400),
    );
  });

  it('claims read the value exactly as written in realistic prose', () => {
    const text = doc([
      '## Key Metrics & Benchmarks', '',
      '| Metric | Q2 2026 | Q3 2026 | Source |', '|---|---:|---:|---|', '| GPU utilization | 70% | **~74 %** | 10-Q |', '| Revenue per GPU hour | $2.05 | USD 2.10 | call |', '',
      '- **Customer retention:** at least 96%', '- Capacity growth: 18% QoQ', '',
      'GPU utilization averaged 70–75% across the\r\nyear, while the GPU fleet grew 12% and retention of 0.97 held.',
    ].join('\n'));
    const a = analyze(text);
    assert.equal(a.claims.length, 7);
    assertWellFormed(text, a);
  });

  it('stays linear on 100,000-character lines', () => {
    const long = 'GPU utilization was 72% and '.repeat(3600);
    timed('long prose line', () => assertWellFormed(doc(long), analyze(doc(long))));
    const pipes = `| GPU utilization | ${'72% | '.repeat(16000)}\n`;
    timed('long table line', () => analyze(doc(`| Metric | Value |\n|---|---|\n${pipes}`)));
    for (const ch of ['`', '*', '[', '<', '~', '_', '|', '\\', '-', ' ', '#', '$', '%', '0', '.', '(']) {
      const line = ch.repeat(100_000);
      timed(`100,000 × ${JSON.stringify(ch)}`, () => analyze(doc(`${line}\n\nGPU utilization: ${line}\n`)));
    }
    timed('spaces before a letter', () => analyze(doc(`## The Pattern${' '.repeat(100_000)}x\n${'GPU utilization ' + ' '.repeat(100_000) + '72%'}\n`)));
    timed('numbers and dashes', () => analyze(doc(`GPU utilization ${'1-'.repeat(50_000)}\n${'1,'.repeat(50_000)}\n${'$1 to '.repeat(20_000)}\n`)));
  });

  it('stays linear on 10,000-level nesting', () => {
    for (const prefix of ['> ', '- ', '* ', '1. ', '  ', '>']) {
      const text = doc(`${prefix.repeat(10_000)}GPU utilization: 72%\n${prefix.repeat(10_000)}## The Pattern\n`);
      timed(`nesting ${JSON.stringify(prefix)}`, () => assertWellFormed(text, analyze(text)));
    }
    timed('deep brackets', () => analyze(doc(`${'['.repeat(10_000)}GPU utilization: 72%${']('.repeat(10_000)}\n`)));
    timed('many lines', () => analyze(doc('GPU utilization: 72%\n'.repeat(20_000))));
  });

  it('a very long front matter without a closing fence is bounded', () => {
    timed('unclosed front matter', () => analyze(`---\npattern: 17\n${'key: value\n'.repeat(100_000)}`));
  });
});
