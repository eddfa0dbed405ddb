/**
 * The table delimiter row read character by character (src/analysis/delimiterRow.ts) gives the
 * same column count as the split-and-test reading it replaced, for every line.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { delimiterColumns, delimiterColumnsByParts, mayBeDelimiterRow } from '../../../src/analysis/delimiterRow';
import { fuzzParameters } from '../../support/fuzz';

describe('delimiterRow: column count of a table delimiter row', () => {
  it('counts the columns of usual rows and refuses other lines', () => {
    const cases: [string, number][] = [
      ['|---|---|', 2], ['| :-- | :-: | --: |', 3], ['---|---', 2], ['|-', 1], ['-|', 1], ['-', 1], [' | - | ', 1],
      ['||-', 0], ['|-||', 0], ['| - | - x', 0], ['|', 0], ['| |', 0], ['|:|', 0], ['|::|', 0], ['|- -|', 0], ['', 0], ['\t|\t-\t|\t', 1],
    ];
    for (const [text, cols] of cases) {
      assert.equal(delimiterColumns(text), cols, JSON.stringify(text));
      assert.equal(delimiterColumnsByParts(text), cols, JSON.stringify(text));
    }
  });

  it('answers as the split-and-test reading does, for any line of delimiter characters and a few others', () => {
    const line = fc.array(fc.constantFrom(' ', '\t', '|', ':', '-', '-', '-', 'x', '\u00a0'), { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(fc.property(line, (text) => {
      assert.equal(delimiterColumns(text), delimiterColumnsByParts(text), JSON.stringify(text));
    }), fuzzParameters(50_000));
  });

  it('mayBeDelimiterRow is false only for lines where no delimiter row follows any run of quote markers', () => {
    const line = fc.array(fc.constantFrom(' ', '\t', '>', '> ', '|', ':', '-', '-', 'x', '#', '\u00a0'), { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(fc.property(line, (text) => {
      if (mayBeDelimiterRow(text)) return;
      // Wherever the quote markers may end (within the leading spaces, tabs and ">"), no delimiter row starts.
      for (let k = 0; k <= text.length; k++) {
        assert.equal(delimiterColumns(text.slice(k)), 0, `${JSON.stringify(text)} at ${k}`);
        if (!/[ \t>]/.test(text[k] ?? '')) break;
      }
    }), fuzzParameters(50_000));
    assert.equal(mayBeDelimiterRow('Revenue grew 5% - a record'), false);
    assert.equal(mayBeDelimiterRow('> > | --- |'), true);
    assert.equal(mayBeDelimiterRow('  :-: | --'), true);
  });
});
