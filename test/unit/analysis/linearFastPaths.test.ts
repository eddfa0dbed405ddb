/**
 * The lint's faster readings give what the plain ones they replaced give, for any text: lines cut
 * at "\n" by a loop (not `split`), the search for suppression comments (not a search for
 * "pattern-analyst-"), a letter found at the first ASCII letter, a bare URL's end found by one
 * expression, and a run's raw text, which is its masked text when nothing was blanked.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasLetter } from '../../../src/analysis/analyze';
import { endsUrl, hasOpener, maskInline, openerFloor, OPENERS, urlEnd } from '../../../src/analysis/inlineMask';
import { isWordUnit } from '../../../src/analysis/nearMissNames';
import { mayQuote, visitBlocks, type TextRun } from '../../../src/analysis/markdownBlocks';
import { mayHoldDirectives, readDirectives, SUPPRESSION_PREFIX } from '../../../src/analysis/suppressions';
import { splitAtNewlines, splitLines } from '../../../src/analysis/textLines';
import { fuzzParameters } from '../../support/fuzz';

/** Texts made of the characters the readings turn on, and a few others. */
const pieces = ['\n', '\r', ' ', '\t', '\u00a0', '\u2028', '<!--', '-->', '<!-- ', 'pattern-analyst-', 'pattern-analyst-disable', 'pattern-analyst-enable ', ' benchmark-miss', 'x', 'É', '1', '`', '```', '#', '## ', '|', '- ', '> ', '**', 'https://a.b/c', '~~', '[a](b)', '\\|', '\ud83d\ude00'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));

describe('linear fast paths of the lint', () => {
  it('splitAtNewlines is split("\\n")', () => {
    for (const t of ['', '\n', 'a', 'a\n', '\na', 'a\n\nb', 'a\r\nb']) assert.deepEqual(splitAtNewlines(t), t.split('\n'));
    fc.assert(fc.property(text, (t) => {
      assert.deepEqual(splitAtNewlines(t), t.split('\n'));
    }), fuzzParameters(5_000));
  });

  it('a text mayHoldDirectives rules out holds no directive and no problem', () => {
    assert.equal(mayHoldDirectives('<!-- pattern-analyst-disable -->'), true);
    assert.equal(mayHoldDirectives('<!--\u00a0\tpattern-analyst-enable -->'), true);
    assert.equal(mayHoldDirectives('pattern-analyst-disable -->'), false);
    assert.equal(mayHoldDirectives('<!-- x pattern-analyst-disable -->'), false);
    fc.assert(fc.property(text, (t) => {
      const parsed = readDirectives(splitLines(t).lines, 0);
      if (!mayHoldDirectives(t)) assert.deepEqual(parsed, { directives: [], problems: [] });
      // Never more often than the search it replaced.
      if (mayHoldDirectives(t)) assert.ok(t.includes(SUPPRESSION_PREFIX));
    }), fuzzParameters(5_000));
  });

  it('mayQuote is / {0,3}>/ tried at the position (a quote marker starts there)', () => {
    const quoteText = fc.array(fc.constantFrom(' ', '  ', '\t', '>', '> ', 'a', '\u00a0', '|'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(quoteText, fc.nat(10), (t, from) => {
      const at = Math.min(from, t.length);
      const quote = / {0,3}>/y;
      quote.lastIndex = at;
      assert.equal(mayQuote(t, at), quote.test(t), JSON.stringify([t, at]));
    }), fuzzParameters(5_000));
  });

  it('hasLetter is /\\p{L}/u', () => {
    const chars = fc.array(fc.oneof(fc.constantFrom('a', 'Z', '@', '[', '`', '{', '1', ' ', '%', 'é', 'Ж', '\u00a0', '€', '\ud835\udc00', '\ud83d\ude00'), fc.string({ maxLength: 2 })), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(chars, (t) => {
      assert.equal(hasLetter(t), /\p{L}/u.test(t), JSON.stringify(t));
    }), fuzzParameters(5_000));
  });

  it('isWordUnit is /[\\p{L}\\p{N}_]/u of the one-unit string, for every UTF-16 unit', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isWordUnit(c), /[\p{L}\p{N}_]/u.test(String.fromCharCode(c)), c.toString(16));
  });

  it('urlEnd stops where endsUrl does, character by character', () => {
    fc.assert(fc.property(text, fc.nat(50), (t, from) => {
      const at = Math.min(from, t.length);
      let end = at;
      while (end < t.length && !endsUrl(t.charCodeAt(end))) end++;
      assert.equal(urlEnd(t, at), end, JSON.stringify(t));
    }), fuzzParameters(5_000));
    assert.equal(urlEnd('see https://a.b/c?d=1 and', 4), 21);
    assert.equal(urlEnd('https://a.b\u00a0x', 0), 11);
    assert.equal(urlEnd('https://a.b<x', 0), 11);
  });

  it('a line hasOpener rejects holds no opener of maskInline, and maskInline leaves it as it is', () => {
    const openerText = fc.array(fc.constantFrom('`', '<', '<!--', '<a', '</', '<!', '<1', '~', '~~', ']', '](', '] (', '\\', '\\|', '\\a', '\\\\', ':', '://', 'http://', 'https:/', 'www', 'www.', 'w', 'x', ' ', '\t', '(', ')', '>', 'É'), { maxLength: 12 }).map((p) => p.join(''));
    for (const t of ['~77%', '[^13]', 'a < b', 'a\\b', 'ftp://x', 'https://x']) assert.equal(hasOpener(t), new RegExp(OPENERS.source).test(t) || t.includes('://'), t);
    fc.assert(fc.property(openerText, (t) => {
      const opener = new RegExp(OPENERS.source).test(t);
      if (opener) assert.ok(hasOpener(t), JSON.stringify(t));
      if (!hasOpener(t)) assert.equal(maskInline(t, { inComment: false }), t, JSON.stringify(t));
    }), fuzzParameters(5_000));
  });

  it("maskInline's full pass, started at openerFloor, finds the first opener it finds from the line's start", () => {
    const openerText = fc.array(fc.constantFrom('`', '``', '<', '<!--', '<a', '</', '~~', '](', '\\|', '\\a', ':', '://', 'http://', 'https://', 'ftp://', 'www.', 'w', 'h', 's', 'x', ' ', '|', 'É'), { maxLength: 16 }).map((p) => p.join(''));
    const firstFrom = (t: string, at: number): string => {
      const re = new RegExp(OPENERS.source, 'g');
      re.lastIndex = at;
      const m = re.exec(t);
      return m ? `${m.index}:${m[0]}` : 'none';
    };
    for (const t of ['| a | b | https://example.com/x |', 'see www.example.com', 'x ftp://a https://b', 'abc']) {
      const floor = openerFloor(t);
      assert.equal(floor < 0 ? 'none' : firstFrom(t, floor), firstFrom(t, 0), t);
    }
    assert.ok(openerFloor('| a | b | https://example.com/x |') > 0, 'the pass starts past the opener-free text');
    fc.assert(fc.property(fc.oneof(openerText, text), (t) => {
      const floor = openerFloor(t);
      assert.equal(floor < 0 ? 'none' : firstFrom(t, floor), firstFrom(t, 0), JSON.stringify(t));
    }), fuzzParameters(5_000));
  });

  it('a line inside an open HTML comment is blank but for its tabs', () => {
    fc.assert(fc.property(text, (t) => {
      const line = t.split('\n')[0].split('-->')[0];
      const state = { inComment: true };
      const masked = maskInline(line, state);
      assert.equal(masked, [...line].map((c) => (c === '\t' ? c : ' '.repeat(c.length))).join(''), JSON.stringify(line));
      assert.equal(state.inComment, true);
    }), fuzzParameters(5_000));
  });

  it('a line of one marker repeated is a thematic break, never a list item; other marker lines are items or text', () => {
    // The block loop tests a line for a break once, by its last character then the expression, and
    // lets only non-breaks through to the list markers (which no longer test for a break themselves).
    const blocksOf = (line: string): string[] => {
      const out: string[] = [];
      visitBlocks(['', line], 0, 0, (block) => out.push(block.kind === 'prose' ? `prose ${block.listItem} ${JSON.stringify(block.run.text)}` : block.kind));
      return out;
    };
    const rest = fc.array(fc.constantFrom('-', '*', '_', '+', ' ', '\t', 'x', '1.'), { maxLength: 10 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.constantFrom('-', '*', '_', '+'), rest, (marker, tail) => {
      const line = marker + tail;
      const got = blocksOf(line);
      if (/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) assert.deepEqual(got, [], JSON.stringify(line));
      else if (/^[-+*](?:[ \t]|$)/.test(line)) assert.ok(got.length === 1 && got[0].startsWith('prose true'), `${JSON.stringify(line)}: ${got.join('; ')}`);
      else assert.deepEqual(got, [`prose false ${JSON.stringify(line)}`], JSON.stringify(line));
    }), fuzzParameters(5_000));
    assert.deepEqual(blocksOf('- - -'), []);
    assert.deepEqual(blocksOf('* * *  '), []);
    assert.deepEqual(blocksOf('- item -'), ['prose true "item -"']);
    assert.deepEqual(blocksOf('- item'), ['prose true "item"']);
  });

  it("a run's raw text is its lines' raw columns, blanked or not", () => {
    const rawOf = (lines: readonly string[], run: TextRun): string =>
      run.segments.map((seg, k) => {
        const end = k + 1 < run.segments.length ? run.segments[k + 1].offset - 1 : run.text.length;
        return lines[seg.line].slice(seg.col, seg.col + end - seg.offset);
      }).join('\n');
    fc.assert(fc.property(text, fc.boolean(), (body, bom) => {
      const doc = splitLines((bom ? '\ufeff' : '') + body);
      visitBlocks(doc.lines, 0, doc.bom, (block) => {
        if (block.kind === 'table') return;
        assert.equal(block.run.raw, rawOf(doc.lines, block.run), JSON.stringify(body));
        assert.equal(block.run.raw.length, block.run.text.length);
        // A run said to be unmasked (claims.ts then takes a value's text as written without comparing) reads as written.
        if (block.run.unmasked) assert.equal(block.run.text, rawOf(doc.lines, block.run), JSON.stringify(body));
      });
    }), fuzzParameters(5_000));
  });
});
