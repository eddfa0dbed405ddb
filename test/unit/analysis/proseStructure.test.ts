/**
 * Sentence boundaries as the claim finder reads them: runs of "!", "?" and "." end a sentence as
 * one, abbreviations and initials do not, a quote or emphasis may follow the end, and breaks (label
 * lines) cut too. Spans are flat pairs of offsets.
 */
import * as assert from 'node:assert/strict';
import { sentenceSpans } from '../../../src/analysis/proseStructure';

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
});
