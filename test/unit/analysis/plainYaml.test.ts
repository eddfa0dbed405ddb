/**
 * plainYaml.ts answers for front matter without js-yaml: wherever it answers, the answer must be
 * js-yaml's (CORE_SCHEMA, as frontMatter.ts loads it), on front matter built from the pieces
 * that sit at the edge of the subset (reserved words, numbers that are not plain integers,
 * comments, colons, quotes, repeated keys, stray spaces and tabs, non-ASCII).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { INTEGER, isInteger, isKey, isWords, KEY, plainYamlMapping, WORDS } from '../../../src/analysis/plainYaml';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

const KEYS = ['pattern', 'subject', 'period', 'author', 'title', 'company', 'a', 'x-y', 'key_2', 'true', 'Null', 'FALSE', 'yes', 'on', '_hidden', '__proto__', '2x', 'a b', 'pattern ', '<<', 'k:', 'é'];
const WORD_PIECES = [
  'AI', 'Infrastructure', 'ai-infrastructure', 'FY2025', 'H1', 'Q3', 'CoreWeave', 'Strategy', 'team', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'yes', 'No', 'on', 'off', 'y', 'n', '~',
  '17', '0', '00', '017', '0x1F', '0o17', '1e5', '1_000', '.inf', '.NaN', '-5', '+5', '3.14', '1234567890', '2026-09-30', 'a.b', 'a/b', 'x_y', '#17', '#', ' #c', ' # c: d', '  #"q" [a] {b}', ' #\t', ' #é', ' #\u007f', '\t#c', 'a#b', ':', ': ', '"q"', "'q'", '[a]', '{a: 1}', '- a', '|', '>', '&a', '*a', '!t', '%', '@', '`',
  'Müller', '\t', ' ', '  ', '',
];

const PLAIN_KEYS = ['pattern', 'subject', 'period', 'author', 'title', 'company', 'a', 'x-y', 'key_2'];
const PLAIN_WORDS = ['AI', 'Infrastructure', 'ai-infrastructure', 'FY2025', 'H1', 'CoreWeave', 'a.b', 'a/b', 'x_y', '17', '0', 'nulls', 'trueish', 'No', 'yes', 'y', '#17', '# note: a', '#'];

/** Lines near the subset (most of them inside it), and lines built from every edge piece. */
const nearLine = fc.tuple(fc.constantFrom(...PLAIN_KEYS), fc.constantFrom(': ', ':  ', ':'), fc.array(fc.constantFrom(...PLAIN_WORDS, ...WORD_PIECES.slice(9, 40)), { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', ' ', '-', ''))
  .map(([key, colon, pieces, sep]) => `${key}${colon}${pieces.join(sep)}`);
const edgeLine = fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ' :'), fc.array(fc.constantFrom(...WORD_PIECES), { minLength: 0, maxLength: 4 }), fc.constantFrom(' ', ''))
  .map(([key, colon, pieces, sep]) => `${key}${colon}${pieces.join(sep)}`);
const line = fc.oneof({ weight: 4, arbitrary: nearLine }, { weight: 1, arbitrary: edgeLine });

function yamlOf(lines: readonly string[]): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: load(lines.join('\n'), { schema: CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
}

describe('analysis: plain YAML front matter without js-yaml', () => {
  it('answers as js-yaml does wherever it answers', function () {
    this.timeout(fuzzTimeout());
    let answered = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 0, maxLength: 5 }), (lines) => {
        const fast = plainYamlMapping(['---', ...lines, '---'], 1, lines.length + 1);
        if (fast === undefined) return;
        answered++;
        const slow = yamlOf(lines);
        assert.ok(slow.ok, `js-yaml rejects what the shortcut read: ${JSON.stringify(lines)}`);
        assert.deepStrictEqual(fast, slow.value, JSON.stringify(lines));
        assert.equal(Object.getPrototypeOf(fast), Object.getPrototypeOf(slow.value));
      }),
      fuzzParameters(5_000),
    );
    // The property says something only if the shortcut answered often.
    assert.ok(answered > 150, `answered ${answered}`);
  });

  it('reads the front matter analysts write, and leaves everything else to js-yaml', () => {
    const lines = ['pattern: AI Infrastructure', 'subject: Crusoe', 'period: FY2025 H1', 'author: Strategy team', 'number: 17', 'slug: ai-infrastructure'];
    assert.deepStrictEqual(plainYamlMapping(lines, 0, lines.length), { pattern: 'AI Infrastructure', subject: 'Crusoe', period: 'FY2025 H1', author: 'Strategy team', number: 17, slug: 'ai-infrastructure' });
    // A comment after the value says nothing ("Pattern #17" is "Pattern" to YAML).
    const commented = ['pattern: Pattern #17', 'subject: Crusoe  # the subject: see https://x.y/#a', 'number: 17 #', 'slug: a#b #c'];
    assert.equal(plainYamlMapping(commented, 0, commented.length), undefined, "'a#b' has a # inside its word: js-yaml's to read");
    assert.deepStrictEqual(plainYamlMapping(commented, 0, 3), { pattern: 'Pattern', subject: 'Crusoe', number: 17 });
    for (const other of ['pattern: "17"', 'pattern: 017', 'pattern: 1e5', 'pattern: true', 'pattern: null', 'pattern: # note', 'pattern: a\t# note', 'pattern: true # note', 'pattern: a # é', 'pattern: a #\t', 'pattern: a  b', 'pattern: a ', 'pattern:\ta', 'pattern: a: b', 'pattern:', '  pattern: a', 'pattern: [a]', 'pattern: Müller', 'true: a', '# comment', '']) {
      assert.equal(plainYamlMapping([other], 0, 1), undefined, other);
    }
    assert.equal(plainYamlMapping(['pattern: a', 'pattern: b'], 0, 2), undefined, 'a repeated key is js-yaml\'s error to report');
    assert.equal(plainYamlMapping([], 0, 0), undefined, 'an empty front matter is js-yaml\'s to read');
  });
  it('reads keys, words and integers by character exactly as the regexes that define them', () => {
    const piece = fc.oneof(fc.constantFrom('a', 'Z', '0', '1', '9', ' ', '  ', '-', '_', '.', '/', ':', '#', '@', '[', '`', '{', 'é', '\t', '\u00a0', '1234567890'), fc.string({ maxLength: 2 }));
    const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => {
      assert.equal(isKey(t), KEY.test(t), JSON.stringify(t));
      assert.equal(isWords(t), WORDS.test(t), JSON.stringify(t));
      assert.equal(isInteger(t), INTEGER.test(t), JSON.stringify(t));
    }), fuzzParameters(20_000));
  });
});
