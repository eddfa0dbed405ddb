/**
 * Sentence boundaries as the claim finder reads them: runs of "!", "?" and "." end a sentence as
 * one, abbreviations and initials do not, a quote or emphasis may follow the end, and breaks (label
 * lines) cut too. Spans are flat pairs of offsets.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ABBREVIATIONS, labelAt, labelAtSlow, mayBeAbbreviation, sentenceSpans, sentenceSpansSlow } from '../../../src/analysis/proseStructure';
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

  it('merges the breaks as one sorted list of every cut would (in order or not, at 0, past the end, repeated)', () => {
    // The plain meaning the merge is held to: every sentence end and break, the zeros dropped, sorted, cut in turn.
    const plain = (text: string, breaks: number[]): number[] => {
      if (breaks.length === 0 && !/[.!?]/.test(text)) return [0, text.length];
      const cuts = sentenceSpans(text).filter((c, k) => k % 2 === 1 && c < text.length);
      const all = [...cuts, ...breaks].filter((c) => c > 0).sort((a, b) => a - b);
      const spans: number[] = [];
      let start = 0;
      for (const c of all) {
        if (c >= text.length) break;
        if (c > start) spans.push(start, c);
        start = Math.max(start, c);
      }
      if (start < text.length) spans.push(start, text.length);
      return spans;
    };
    const piece = fc.constantFrom('a', 'Word', ' ', '.', '!', '?', 'e.g.', 'A.', '5.5', '"', '\n', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(120), { maxLength: 6 }), fc.boolean(), (parts, rawBreaks, sorted) => {
      const text = parts.join('');
      const breaks = rawBreaks.map((b) => b % (text.length + 2));
      if (sorted) breaks.sort((a, b) => a - b);
      assert.deepEqual(sentenceSpans(text, breaks), plain(text, breaks), JSON.stringify({ text, breaks }));
    }), fuzzParameters(5_000));
    assert.deepEqual(sentences('One. Two. Three', [0, 5, 5, 40]), ['One.', ' ', 'Two.', ' Three']);
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

describe('proseStructure: sentence ends found without the expression', () => {
  it('gives the spans the sentence-end expression gives, for any text, breaks and bound', () => {
    // What may follow a run of punctuation, in and outside ASCII, besides words, numbers and abbreviations.
    const piece = fc.constantFrom('a', 'Word', ' ', '.', '!', '?', '...', '?!', 'e.g.', 'vs.', 'A.', 'é.', 'Ü', '5.5', '"', "'", ')', ']', '*', '_', '**',
      '\n', '\t', '\r', '\v', '\f', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u0085', '\u201d', '\u2019', '\u201c', '\ud83d\ude00', '\ud83d', ',', ';', 'x');
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(120), { maxLength: 4 }), fc.option(fc.nat(130), { nil: undefined }), (parts, rawBreaks, until) => {
      const text = parts.join('');
      const breaks = rawBreaks.map((b) => b % (text.length + 2));
      assert.deepEqual(sentenceSpans(text, breaks, until), sentenceSpansSlow(text, breaks, until), JSON.stringify({ text, breaks, until }));
    }), fuzzParameters(5_000));
    assert.deepEqual(sentenceSpans('Done.\u2009Next!\u201d Then? ok'), sentenceSpansSlow('Done.\u2009Next!\u201d Then? ok'));
  });
});

describe('proseStructure: the quick "no abbreviation" test before a sentence end', () => {
  it('never rejects a word that lower-cases to an abbreviation (the plain cut-and-look-up)', () => {
    const unit = fc.constantFrom('a', 'p', 'e', 'g', 'i', 'v', 's', 'x', 'c', 'o', 'm', 'A', 'P', 'E', 'S', 'V', 'İ', '\u212a', 'é', 'É', '.', 'z', 'q');
    const plainWord = fc.array(unit, { minLength: 1, maxLength: 7 }).map((u) => u.join(''));
    const abbreviation = fc.constantFrom(...ABBREVIATIONS).chain((a) => fc.array(fc.boolean(), { minLength: a.length, maxLength: a.length }).map((up) => [...a].map((c, i) => (up[i] ? c.toUpperCase() : c)).join('')));
    fc.assert(fc.property(fc.oneof(plainWord, abbreviation), fc.constantFrom('', 'x ', 'Word '), (word, before) => {
      const text = `${before}${word}.`;
      const k = before.length;
      const at = k + word.length;
      if (ABBREVIATIONS.has(word.toLowerCase())) assert.ok(mayBeAbbreviation(text, k, at), word);
    }), fuzzParameters(20_000));
  });

  it('rejects the plain words sentences usually end with', () => {
    for (const w of ['public', 'growth', 'rally', 'quarter', 'Azure', 'sites']) assert.equal(mayBeAbbreviation(w, 0, w.length), false, w);
  });
});

describe('proseStructure: labels read in place', () => {
  it('finds the label a line starts with, its name trimmed, and where its value begins', () => {
    const text = '**GPU Utilization Rate:** 72%\n- Retention : 96%\nSee https://x.io: no\nCustomer concentration remains high: the top three';
    const lines = text.split('\n');
    let from = 0;
    const found = lines.map((line) => {
      const label = labelAt(text, from, from + line.length);
      const out = label && [text.slice(label.start, label.end), text.slice(label.valueStart, from + line.length)];
      from += line.length + 1;
      return out;
    });
    assert.deepEqual(found, [['GPU Utilization Rate', ' 72%'], ['- Retention', ' 96%'], undefined, ['Customer concentration remains high', ' the top three']]);
  });

  it('gives the label the label expression gives, for any line, in and outside ASCII', () => {
    // The characters the expression and the name's checks turn on, and some that only Unicode calls spaces or letters.
    const piece = fc.constantFrom('a', 'Word', ' ', '  ', '\t', ':', '*', '**', '***', '_', '|', '.', '. ', '!', '?', ';', '1', '/', 'https://x', '10:30',
      '\r', '\v', '\f', '\u00a0', '\u2009', '\u3000', '\ufeff', 'é', '\u212a', '\ud83d\ude00', 'x y z w', 'one two three four five');
    fc.assert(fc.property(fc.array(piece, { maxLength: 24 }), fc.array(piece, { maxLength: 4 }), fc.nat(200), fc.boolean(), (parts, before, cut, lastLine) => {
      // A line of a run (after other text, followed by a line break or the run's end), or a line cut short.
      const head = `${before.join('').replace(/\n/g, '')}\n`;
      const line = parts.join('');
      const text = head + line + (lastLine ? '' : '\nnext: 1');
      const from = head.length;
      const lineEnd = from + line.length;
      const ends = [lineEnd, Math.min(lineEnd, from + (cut % (line.length + 1)))];
      for (const end of ends) assert.deepEqual(labelAt(text, from, end), labelAtSlow(text, from, end), JSON.stringify({ text, from, end }));
    }), fuzzParameters(20_000));
  });
});
