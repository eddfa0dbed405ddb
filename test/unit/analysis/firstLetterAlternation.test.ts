/**
 * `alternationByFirstLetter` (src/analysis/firstLetterAlternation.ts) only regroups the company
 * names' search of the `near-miss-name` rule for speed: whatever the names and the text, the
 * grouped search must find exactly the matches (where, and what text) of the plain alternation.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { alternationByFirstLetter } from '../../../src/analysis/firstLetterAlternation';
import { namePattern } from '../../../src/model/names';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';
import { catalog } from './analysisHelpers';

/** Every match of a global search: [index, text], as companyCaseFindings reads them. */
function matches(source: string, text: string): [number, string][] {
  const regex = new RegExp(source, 'gi');
  const out: [number, string][] = [];
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    out.push([m.index, m[0]]);
    // An empty match (a pattern can be empty) would never move on.
    if (m[0].length === 0) regex.lastIndex++;
  }
  return out;
}

/** The company names' patterns as the rule builds them: distinct, longest first. */
function patternsOf(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => b.length - a.length).map(namePattern);
}

const plain = (patterns: readonly string[]): string => patterns.join('|');

describe('alternationByFirstLetter: the same matches as the plain alternation', () => {
  it('groups names by first letter in any case, and finds what the plain search finds', () => {
    const patterns = patternsOf(['Google Cloud Platform', 'Google Cloud', 'GCP', 'AWS', 'Azure', 'CoreWeave', 'coreweave labs']);
    const grouped = alternationByFirstLetter(patterns);
    assert.notEqual(grouped, plain(patterns));
    const text = 'google  cloud platform, GOOGLE-Cloud, gcp; Coreweave Labs and aws/AZURE; xAWS Azurex';
    assert.deepEqual(matches(grouped, text), matches(plain(patterns), text));
    assert.deepEqual(
      matches(grouped, text).map(([, t]) => t),
      ['google  cloud platform', 'GOOGLE-Cloud', 'gcp', 'Coreweave Labs', 'aws', 'AZURE', 'AWS', 'Azure'],
    );
  });

  it('leaves the alternation as it is when a pattern does not start with a plain letter', () => {
    for (const names of [['3M', 'AWS', 'Azure'], ['(Acme)', 'Acme Co'], ['Éclair', 'Eclipse'], ["'Quoted", 'Quiet']]) {
      const patterns = patternsOf(names);
      assert.equal(alternationByFirstLetter(patterns), plain(patterns));
    }
    // Not made by namePattern, but the module's own guards: a quantified first letter, an alternation inside.
    assert.equal(alternationByFirstLetter(['a+b', 'ac']), 'a+b|ac');
    assert.equal(alternationByFirstLetter(['ab|cd', 'ae']), 'ab|cd|ae');
    assert.equal(alternationByFirstLetter([]), '');
  });

  it('finds the same company names as the plain search in the bundled models', () => {
    const all: string[] = [];
    for (const index of catalog().indexes) {
      const names: string[] = [];
      for (const e of index.entities) {
        if (e.kind !== 'company') continue;
        names.push(e.company.name);
        for (const a of e.company.aliases) if (!a.matchCase) names.push(a.text);
      }
      all.push(...names);
      const patterns = patternsOf(names);
      if (patterns.length === 0) continue;
      const text = names.map((n, k) => (k % 3 === 0 ? n.toLowerCase() : k % 3 === 1 ? n.toUpperCase() : n)).join(' | ') + ' ' + names.join('-');
      const found = matches(alternationByFirstLetter(patterns), text);
      assert.deepEqual(found, matches(plain(patterns), text));
      assert.ok(found.length >= names.length / 2, `${index.model.name}: ${found.length} matches`);
    }
    assert.ok(all.length > 0);
  });

  it('finds the same matches for random names in random texts', function () {
    this.timeout(fuzzTimeout());
    // Few letters, so names share first letters and prefixes; cases, separators, quotes and
    // characters that fold to ASCII letters in some case mappings (Kelvin sign, long s, dotted I).
    const letter = fc.constantFrom('a', 'A', 'b', 'B', 'k', 'K', 's', 'S', 'i', 'I');
    const nameChar = fc.oneof({ weight: 6, arbitrary: letter }, fc.constantFrom(' ', '-', "'", '.', '&', '1', 'é', '(', '|', '+', '*'));
    const name = fc.array(nameChar, { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
    const textChar = fc.oneof(
      { weight: 6, arbitrary: letter },
      fc.constantFrom(' ', '  ', '-', '\u2011', '\u00a0', '\n', "'", '\u2019', '.', '&', '1', '|', '_', 'é', 'É', '\u212a', '\u017f', '\u0130', '\u0131'),
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 8 }), fc.array(textChar, { maxLength: 60 }), (names, chars) => {
        const patterns = patternsOf(names).filter((p) => p.length > 0);
        if (patterns.length === 0) return;
        // The text also holds the names themselves, case changed, so matches are common.
        const text = chars.join('') + names.map((n) => n.toUpperCase()).join(' ') + chars.reverse().join('') + names.join('');
        assert.deepEqual(matches(alternationByFirstLetter(patterns), text), matches(plain(patterns), text));
      }),
      fuzzParameters(3_000),
    );
  });
});
