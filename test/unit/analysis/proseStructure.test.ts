/**
 * Sentence boundaries as the claim finder reads them: runs of "!", "?" and "." end a sentence as
 * one, abbreviations and initials do not, a quote or emphasis may follow the end, and breaks (label
 * lines) cut too. Spans are flat pairs of offsets.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { sentenceSpans } from '../../../src/analysis/proseStructure';
import { fuzzParameters } from '../../support/fuzz';

function sentences(text: string, breaks?: number[]): string[] {
  const spans = sentenceSpans(text, breaks);
  const out: string[] = [];
  for (let k = 0; k < spans.length; k += 2) out.push(text.slice(spans[k], spans[k + 1]));
  return out;
}

describe('proseStructure: sentenceSpans', () => {
  it('ends a sentence at a whole run of punctuation, not after an abbreviation or an initial', () => {
    assert.deepEqual(sentences('Wow!! Really?! Yes... e.g. this one. A. Smith said so.'), ['Wow!!', ' Really?!', ' Yes...', ' e.g. this one.', ' A. Smith said so.']);
  });

  it('never inside a number or a word; a closing quote, bracket or emphasis may follow the end', () => {
    assert.deepEqual(sentences('Growth was 5.5%. Next? x..y. z'), ['Growth was 5.5%.', ' Next?', ' x..y.', ' z']);
    assert.deepEqual(sentences('"Quoted." Then (this.) and **bold.** end'), ['"Quoted.', '" Then (this.', ') and **bold.', '** end']);
  });

  it('gives the whole text when nothing ends a sentence, and adds the breaks it is given', () => {
    assert.deepEqual(sentences('No end'), ['No end']);
    assert.deepEqual(sentenceSpans(''), [0, 0]);
    assert.deepEqual(sentences('Label: 72%\nNext line. More', [10, 11]), ['Label: 72%', '\n', 'Next line.', ' More']);
  });

  it('with `until`, gives the same spans as the whole text up to the first one starting after it', () => {
    const piece = fc.constantFrom('a', 'Word', ' ', '.', '!', '?', '...', 'e.g.', 'vs.', 'A.', ' B. ', '5.5', '"', ')', '**', '\n', 'é.', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(120), { maxLength: 4 }), fc.nat(130), (parts, rawBreaks, until) => {
      const text = parts.join('');
      const breaks = rawBreaks.map((b) => b % (text.length + 2));
      const whole = sentenceSpans(text, breaks);
      const part = sentenceSpans(text, breaks, until);
      // Every span of the whole text that starts at or before `until`, in the same place.
      let k = 0;
      for (; k < whole.length && whole[k] <= until; k += 2) assert.deepEqual([part[k], part[k + 1]], [whole[k], whole[k + 1]], JSON.stringify({ text, breaks, until }));
      // After them, only spans that start after `until`.
      for (let j = k; j < part.length; j += 2) assert.ok(part[j] > until, JSON.stringify({ text, breaks, until }));
    }), fuzzParameters(5_000));
  });
});
