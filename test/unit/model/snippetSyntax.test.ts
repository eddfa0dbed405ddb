/**
 * Snippet escaping, checked against VS Code's snippet grammar (snippetParser.ts in VS Code 1.100):
 * outside choices `$`, `}` and `\` are escaped; inside a choice `,`, `|` and `\` are, and a `$` is
 * plain text (escaping it would leave a visible backslash).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { choice, choiceElement, parseChoices, placeholder, snippetText } from '../../../src/model/snippetSyntax';

/** Reads literal snippet text back the way VS Code's parser does for text outside placeholders. */
function unescapeText(s: string): string {
  return s.replace(/\\([$}\\])/g, '$1');
}

describe('snippet syntax', () => {
  it('escapes $, } and \\ in body text, and nothing else', () => {
    assert.equal(snippetText('Enormous capital expenditure ($50B+/year for hyperscalers)'), 'Enormous capital expenditure (\\$50B+/year for hyperscalers)');
    assert.equal(snippetText('a}b\\c'), 'a\\}b\\\\c');
    assert.equal(snippetText('GPU | rate, 80%'), 'GPU | rate, 80%');
  });

  it('body text round-trips for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => unescapeText(snippetText(s)) === s));
  });

  it('writes placeholders with escaped defaults, and bare tab stops for empty ones', () => {
    assert.equal(placeholder(3, 'value'), '${3:value}');
    assert.equal(placeholder(4, '$5 }'), '${4:\\$5 \\}}');
    assert.equal(placeholder(5, ''), '${5}');
  });

  it('escapes , | and \\ in choice elements but leaves $ alone', () => {
    assert.equal(choiceElement('Revenue, net | $/GPU-hour \\ x'), 'Revenue\\, net \\| $/GPU-hour \\\\ x');
    assert.equal(choice(1, ['AWS', 'Microsoft Azure']), '${1|AWS,Microsoft Azure|}');
    assert.throws(() => choice(1, []), /at least one/);
  });

  it('choice lists read back to exactly the values given', () => {
    const value = fc.string({ minLength: 1 }).filter((s) => !s.endsWith('|'));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6 }), fc.array(value, { minLength: 1, maxLength: 6 }), (a, b) => {
        const body = `| ${choice(1, a)} | text | ${choice(2, b)} |`;
        assert.deepEqual(parseChoices(body), [a, b]);
      }),
    );
  });
});
