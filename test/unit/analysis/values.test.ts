/**
 * Reading stated values: every form the README promises is recognised, and dates, quarters,
 * years, model names and numbers glued to words are not.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatNumber, formatNumberSlow, formatStatedValue, formatStatedValueAsWritten, tidy, tidySlow } from '../../../src/analysis/valueFormat';
import { asPercentFraction, findValues, lastNumberEnd, mayOpenUnit, nextNumber, NUMBER, parseStatedValue } from '../../../src/analysis/values';
import { CURRENCY_SUFFIX, MULTIPLE, PER, PERCENT, PLUS, QUALIFIER_ENDINGS, QUALIFIER_LENGTHS, QUALIFIER_PHRASES, SCALE_LETTER, SCALE_WORD } from '../../../src/analysis/valueWords';
import { fuzzParameters } from '../../support/fuzz';

function one(text: string) {
  const v = parseStatedValue(text);
  assert.ok(v, `expected "${text}" to be one value`);
  return v;
}

describe('values: parseStatedValue', () => {
  const cases: [string, string, number, number, string?, string?][] = [
    ['72%', 'percent', 72, 72],
    ['72 %', 'percent', 72, 72],
    ['72\u00a0%', 'percent', 72, 72],
    ['72.5%', 'percent', 72.5, 72.5],
    ['72 percent', 'percent', 72, 72],
    ['70–75%', 'percent', 70, 75],
    ['70-75%', 'percent', 70, 75],
    ['70%–75%', 'percent', 70, 75],
    ['70 to 75%', 'percent', 70, 75],
    ['~72%', 'percent', 72, 72, 'approx'],
    ['about 72%', 'percent', 72, 72, 'approx'],
    ['approximately 72%', 'percent', 72, 72, 'approx'],
    ['over 90%', 'percent', 90, 90, 'over'],
    ['more than 90%', 'percent', 90, 90, 'over'],
    ['>80%', 'percent', 80, 80, 'over'],
    ['under 70%', 'percent', 70, 70, 'under'],
    ['less than 70%', 'percent', 70, 70, 'under'],
    ['at least 96%', 'percent', 96, 96, 'at-least'],
    ['at most 60%', 'percent', 60, 60, 'at-most'],
    ['up to 60%', 'percent', 60, 60, 'at-most'],
    ['$2.10', 'currency', 2.1, 2.1, undefined, 'USD'],
    ['$2.10/GPU-hour', 'currency', 2.1, 2.1, undefined, 'USD'],
    ['$2.10 per GPU hour', 'currency', 2.1, 2.1, undefined, 'USD'],
    ['USD 2.10', 'currency', 2.1, 2.1, undefined, 'USD'],
    ['2.10 USD', 'currency', 2.1, 2.1, undefined, 'USD'],
    ['€1.90', 'currency', 1.9, 1.9, undefined, 'EUR'],
    ['$2.10–$2.40', 'currency', 2.1, 2.4, undefined, 'USD'],
    ['$1.2B', 'currency', 1.2e9, 1.2e9, undefined, 'USD'],
    ['2.1x', 'multiple', 2.1, 2.1],
    ['10×', 'multiple', 10, 10],
    ['-5%', 'percent', -5, -5],
    ['−5%', 'percent', -5, -5],
    ['12,000', 'number', 12000, 12000],
    ['1,234.5%', 'percent', 1234.5, 1234.5],
    ['0.72', 'number', 0.72, 0.72],
    ['**72%**', 'percent', 72, 72],
  ];
  for (const [text, kind, low, high, qualifier, currency] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const v = one(text);
      assert.equal(v.kind, kind);
      assert.equal(v.low, low);
      assert.equal(v.high, high);
      assert.equal(v.qualifier, qualifier);
      assert.equal(v.currency, currency);
    });
  }

  it('is undefined for text that is not one value', () => {
    for (const text of ['', 'n/a', '—', 'Q3 2026', '2025', 'H100', '72nd', '72% and 80%', 'about', '24/7', '2025-09-30', '10:30']) {
      assert.equal(parseStatedValue(text), undefined, text);
    }
  });
});

describe('values: findValues in sentences', () => {
  const texts = (s: string) => findValues(s).map((f) => f.value.text);

  it('finds the value and its offsets in a sentence, skipping quarters and years', () => {
    const s = 'GPU utilization averaged 72% in Q3 2026.';
    const found = findValues(s);
    assert.equal(found.length, 1);
    assert.equal(s.slice(found[0].start, found[0].end), '72%');
  });

  it('skips dates, times, model names and numbers inside words', () => {
    assert.deepEqual(texts('On 2025-09-30 at 10:30 the H100 and B200 fleets ran 24/7 (FY2025, Q3\'26, v2.1, 3D).'), []);
    assert.deepEqual(texts('As of Sept 30, 2025 and in 2024–2025.'), []);
  });

  it('marks changes and references so they are not mistaken for levels', () => {
    const found = findValues('Utilization rose 5% to 72%, against the 80% target and vs. 65% last year.');
    assert.deepEqual(found.map((f) => [f.value.text, f.change, f.reference]), [
      ['5%', true, false],
      ['72%', false, false],
      ['80%', false, true],
      ['65%', false, true],
    ]);
  });

  it('keeps only the end value of "from X to Y"', () => {
    assert.deepEqual(texts('GPU utilization climbed from 65% to 72% this year'), ['72%']);
  });

  it('reads "between X and Y" as a range but not "X and Y" as one', () => {
    assert.deepEqual(texts('between 70% and 75%'), ['70% and 75%']);
    assert.deepEqual(texts('72% and 96%'), ['72%', '96%']);
  });

  it('reads a qualifier, a currency and a per-unit together', () => {
    const [f] = findValues('pricing of about $2.10/GPU-hour for H100s');
    assert.equal(f.value.text, 'about $2.10/GPU-hour');
    assert.equal(f.value.qualifier, 'approx');
    assert.equal(f.value.currency, 'USD');
  });

  it('honours the from/to window', () => {
    const s = '50% | 72% | 80%';
    assert.deepEqual(findValues(s, 4, 9).map((f) => f.value.text), ['72%']);
  });

  it('is linear on a 100,000-character line', () => {
    const line = '1 '.repeat(50_000) + '72%';
    const t0 = Date.now();
    const found = findValues(line);
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(found[found.length - 1].value.text, '72%');
    const dashes = '1-'.repeat(50_000);
    const t1 = Date.now();
    findValues(dashes);
    assert.ok(Date.now() - t1 < 5000);
  });
});

describe('values: fractions and formatting', () => {
  it('reads 0.xx as a percentage only for bare decimals below 1', () => {
    assert.equal(asPercentFraction(one('0.72'))?.low, 72);
    assert.equal(asPercentFraction(one('.96'))?.low, 96);
    assert.equal(asPercentFraction(one('1.5')), undefined);
    assert.equal(asPercentFraction(one('72')), undefined);
    assert.equal(asPercentFraction(one('72%')), undefined);
  });

  it('formats values the same way everywhere', () => {
    assert.equal(formatStatedValue(one('~72 %')), '~72%');
    assert.equal(formatStatedValue(one('70-75%')), '70–75%');
    assert.equal(formatStatedValue(one('USD 2.1')), '$2.10');
    assert.equal(formatStatedValue(one('over 90 percent')), 'over 90%');
    assert.equal(formatStatedValue(one('2.1x')), '2.1x');
  });

  it('gives a plain percentage as written only where formatting it gives that very text', () => {
    assert.equal(formatStatedValueAsWritten(one('92.4%')), '92.4%');
    assert.equal(formatStatedValueAsWritten(one('72.50%')), '72.5%');
    assert.equal(formatStatedValueAsWritten(one('072%')), '72%');
    // Any text, any number: read values (in and out of the plain shape) and values whose text is not their number.
    const digit = fc.constantFrom('0', '1', '2', '5', '9');
    const written = fc.tuple(fc.array(digit, { minLength: 0, maxLength: 5 }), fc.option(fc.array(digit, { maxLength: 6 }), { nil: undefined }), fc.constantFrom('%', ' %', '', 'x', '% '), fc.constantFrom('', '-', '~', 'over '))
      .map(([int, frac, unit, before]) => `${before}${int.join('')}${frac === undefined ? '' : `.${frac.join('')}`}${unit}`);
    fc.assert(fc.property(written, fc.option(fc.double({ min: -2000, max: 2000, noNaN: true }), { nil: undefined }), (text, other) => {
      const values = findValues(text).map((f) => f.value);
      if (other !== undefined) values.push({ kind: 'percent', low: other, high: other, text }, { kind: 'percent', low: Math.round(other * 10) / 10, high: Math.round(other * 10) / 10, text });
      for (const v of values) assert.equal(formatStatedValueAsWritten(v), formatStatedValue(v), JSON.stringify(v));
    }), fuzzParameters(20_000));
  });
});

describe('values: a plain word after a number (the shortcut past the unit, range and reference expressions)', () => {
  /** [sentence, the value as written, kind, low, high, reference]: every word that may start a unit, a range or a reference, in other capitals too. */
  const cases: [string, string, string, number, number, boolean][] = [
    ['Utilization was 72 percent in Q3.', '72 percent', 'percent', 72, 72, false],
    ['Utilization was 72 Percent in Q3.', '72 Percent', 'percent', 72, 72, false],
    ['Utilization was 72 per cent in Q3.', '72 per cent', 'percent', 72, 72, false],
    ['Utilization was 72 pct in Q3.', '72 pct', 'percent', 72, 72, false],
    ['Utilization was 72 percentage points higher.', '72', 'number', 72, 72, false],
    ['Revenue was 5 million in Q3.', '5 million', 'number', 5e6, 5e6, false],
    ['Revenue was 5 Billion in Q3.', '5 Billion', 'number', 5e9, 5e9, false],
    ['Revenue was 5 millions of units.', '5', 'number', 5, 5, false],
    ['The price was 2.10 USD per hour.', '2.10 USD per hour', 'currency', 2.1, 2.1, false],
    ['The price was 3 dollars an hour.', '3 dollars', 'currency', 3, 3, false],
    ['The price was $2.10 per GPU hour as older capacity repriced.', '$2.10 per GPU hour', 'currency', 2.1, 2.1, false],
    ['The price was $2.10 as older capacity repriced.', '$2.10', 'currency', 2.1, 2.1, false],
    ['Utilization was 70 to 75% in Q3.', '70 to 75%', 'percent', 70, 75, false],
    ['Utilization was between 70% and 75% in Q3.', '70% and 75%', 'percent', 70, 75, false],
    ['Utilization held near the 80% target for profitability.', '80%', 'percent', 80, 80, true],
    ['Utilization held near 80% Benchmark levels.', '80%', 'percent', 80, 80, true],
    ['Utilization held near 80% cut-off levels.', '80%', 'percent', 80, 80, true],
    ['Utilization held near 80% targeted levels.', '80%', 'percent', 80, 80, false],
    ['Utilization held near 80% as planned.', '80%', 'percent', 80, 80, false],
    ['Utilization held near 80% targetée levels.', '80%', 'percent', 80, 80, false],
  ];
  for (const [sentence, written, kind, low, high, reference] of cases) {
    it(`${JSON.stringify(sentence)}: ${JSON.stringify(written)}`, () => {
      const found = findValues(sentence).filter((v) => v.value.text !== 'Q3' && !/^Q\d/.test(v.value.text));
      const v = found.find((f) => f.value.text.includes(written.split(' ')[0].replace('$', '')) || f.value.text === written);
      assert.ok(v, JSON.stringify(found.map((f) => f.value.text)));
      assert.equal(sentence.slice(v.start, v.end), written);
      assert.deepEqual([v.value.kind, v.value.low, v.value.high, v.reference], [kind, low, high, reference]);
    });
  }
  it('the word after a number is remembered for its own text and place only: a scan reads the same whatever was scanned before', () => {
    // The same offset in another text must not give the last text's word.
    const pieces = ['72', '72%', ' ', ' percent', ' million', ' to ', ' and ', ' target', ' as', ' in', 'x', '–', '75%', 'between ', '$', '.'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(text, text, (before, t) => {
      findValues('');
      const fresh = findValues(t);
      findValues(before);
      assert.deepEqual(findValues(t), fresh, JSON.stringify([before, t]));
    }), fuzzParameters(3000));
  });
});

describe('values: numbers are read exactly as Number() and toPrecision(12) read them', () => {
  /** The reading before the fast paths: Number() of the digits, times the scale, rounded to 12 significant digits. */
  const reference = (digits: string, scale = 1): number => {
    const n = Number(digits.replace(/,/g, '')) * scale;
    return Number.isInteger(n) ? n : Number(n.toPrecision(12));
  };
  const grouped = (int: string): string => int.replace(/\B(?=(\d{3})+$)/g, ',');
  const number = fc.tuple(fc.stringMatching(/^[1-9]\d{0,17}$/), fc.option(fc.stringMatching(/^\d{1,9}$/)), fc.boolean())
    .map(([int, frac, commas]) => (commas ? grouped(int) : int) + (frac === null ? '' : `.${frac}`));

  it('for any number of digits, with or without thousands commas and decimals, alone and scaled', () => {
    fc.assert(fc.property(number, fc.constantFrom(['%', 1], [' million', 1e6], ['k', 1e3], [' USD', 1]), (digits, [unit, scale]) => {
      const found = findValues(`Revenue was ${digits}${unit} in Q3.`);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.ok(Object.is(found[0].value.low, reference(digits, scale)), `${digits}${unit}: ${found[0].value.low} vs ${reference(digits, scale)}`);
    }), fuzzParameters(2_000));
  });

  it('for both ends of a range, in either order', () => {
    fc.assert(fc.property(number, number, (a, b) => {
      // A plain year before a dash is a date ("2019–72%" is no range): not this property's business.
      const n = Number(a);
      fc.pre(!(Number.isInteger(n) && n >= 1900 && n <= 2100 && /^\d+$/.test(a)));
      const found = findValues(`Utilization was ${a}–${b}% in Q3.`);
      assert.equal(found.length, 1, JSON.stringify(found));
      const [lo, hi] = [reference(a), reference(b)].sort((x, y) => x - y);
      assert.deepEqual([found[0].value.low, found[0].value.high], [lo, hi]);
    }), fuzzParameters(1_000));
  });

  it('for the edge cases of the shortcut: 12, 13, 15 and 16 digits, leading zeros, a fraction only', () => {
    for (const digits of ['123456789.012', '1234567890.123', '0.1', '.5', '007', '0.30000000000000004', '123456789012345', '1234567890123456', '12345678901234567890', '9,007,199,254,740,993', '1.0000000000001']) {
      const found = findValues(`${digits}%`);
      assert.equal(found.length, 1, digits);
      assert.ok(Object.is(found[0].value.low, reference(digits)), `${digits}: ${found[0].value.low} vs ${reference(digits)}`);
    }
  });
});

describe('values: tidy (rounding to 12 significant digits) without toPrecision where it changes nothing', () => {
  it('equals its definition for any double, and for the numbers values are made of', () => {
    const decimal = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 16 }), fc.constantFrom(1, 100, 1e3, 1e6, 1e9, 0.01, 1 / 3, -1))
      .map(([k, d, scale]) => (k / 10 ** d) * scale);
    fc.assert(fc.property(fc.oneof(fc.double(), decimal), (n) => {
      assert.ok(Object.is(tidy(n), tidySlow(n)), `${n}: ${tidy(n)} vs ${tidySlow(n)}`);
    }), fuzzParameters(20_000));
  });

  it('at the edges: 12 and 13 digits, powers of ten, exponents, NaN and infinities', () => {
    for (const n of [0.72 * 100, 123456789.012, 1234567890.123, 0.1 + 0.2, 1e-7, 1.5e-7, 1e21, 1.5e21, 0.09999999999999999, 99999999999.95, 999999999999.5, -0.000123, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE]) {
      assert.ok(Object.is(tidy(n), tidySlow(n)), `${n}: ${tidy(n)} vs ${tidySlow(n)}`);
    }
  });
});

describe('values: qualifier phrases after any number of words before them', () => {
  // readPrefix reads the head's words first and the qualifier's only after a word that ends a
  // phrase (QUALIFIER_LENGTHS): every phrase must still be found, however many words come first.
  it('finds every phrase with zero to six words before it', () => {
    for (const [phrase, qualifier] of QUALIFIER_PHRASES) {
      for (let words = 0; words <= 6; words++) {
        const lead = ['the', 'reported', 'GPU', 'fleet', 'utilization', 'was'].slice(0, words).join(' ');
        const text = `${lead}${lead ? ' ' : ''}${phrase} 72%`;
        const found = findValues(text);
        assert.equal(found.length, 1, text);
        assert.equal(found[0].value.qualifier, qualifier, text);
        assert.equal(found[0].value.text, `${phrase} 72%`, text);
      }
    }
  });

  it('lists, for each last word, exactly the lengths of the phrases it ends, longest first', () => {
    for (const [last, lengths] of QUALIFIER_LENGTHS) {
      const expected = [...new Set([...QUALIFIER_PHRASES.keys()].filter((p) => p.split(' ').at(-1) === last).map((p) => p.split(' ').length))].sort((a, b) => b - a);
      assert.deepEqual(lengths, expected, last);
    }
    assert.deepEqual([...QUALIFIER_LENGTHS.keys()].sort(), [...QUALIFIER_ENDINGS].sort());
  });
});

describe('values: formatNumber (String once for the usual value) writes what its definition writes', () => {
  const decimal = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 16 }), fc.constantFrom(1, 100, 1e3, 1e6, 1e9, 0.01, 1 / 3, -1))
    .map(([k, d, scale]) => (k / 10 ** d) * scale);

  it('for any double, and for the numbers values are made of', () => {
    fc.assert(fc.property(fc.oneof(fc.double(), decimal), (n) => {
      assert.equal(formatNumber(n), formatNumberSlow(n), String(n));
    }), fuzzParameters(20_000));
  });

  it('at the edges: grouping, four decimals, exponents, NaN and infinities', () => {
    for (const n of [92.4, -92.4, 999.9999, 999.99999, 1000.5, -1000.5, 12.3456, 12.34567, 0.72 * 100, 0.1 + 0.2, 1e-7, 1.5e-7, 1e21, 1.5e21, -0.000123, 123456.5, -0, 0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE]) {
      assert.equal(formatNumber(n), formatNumberSlow(n), String(n));
    }
  });
});

describe('values: the number finder', () => {
  /** Every match of the reference expression run globally from `from`, as [start, end) pairs, starting before `to`. */
  function byExpression(text: string, from: number, to: number): number[] {
    const re = new RegExp(NUMBER.source, NUMBER.flags);
    const out: number[] = [];
    re.lastIndex = from;
    for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
    return out;
  }
  function byFinder(text: string, from: number, to: number): number[] {
    const out: number[] = [];
    for (let at = nextNumber(text, from, to); at >= 0; at = nextNumber(text, out[out.length - 1], to)) out.push(at, lastNumberEnd());
    return out;
  }

  it('finds exactly what the NUMBER expression finds, from any start and to any end', () => {
    const pieces = ['1', '12', '123', '1234', '0', ',', '.', ',000', ',12', '.5', 'a', 'Z', '_', "'", '’', '/', '\\', ' ', '-', '%', '$', 'é', '٣', '😀', '\ud835\udfce', '\ud800', '\udc00', 'H100', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const from = a % (text.length + 1);
        const to = from + (b % (text.length + 2 - from));
        assert.deepEqual(byFinder(text, from, to), byExpression(text, from, to), JSON.stringify(text));
      }),
      fuzzParameters(3000),
    );
  });

  it('the same across long stretches without digits (the finder skips them in chunks of 64 characters)', () => {
    // Fillers of 63, 64, 65 and 200 characters put digits, dots and the search's `to` on either side of a chunk's end.
    const fillers = [63, 64, 65, 128, 200].flatMap((n) => ['a'.repeat(n), ' '.repeat(n), 'é'.repeat(n)]);
    const pieces = [...fillers, '1', '12', '1234', '.', '.5', ',000', 'a', ' ', '/', '’', 'H100'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const from = a % (text.length + 1);
        const to = from + (b % (text.length + 2 - from));
        assert.deepEqual(byFinder(text, from, to), byExpression(text, from, to), JSON.stringify(text));
      }),
      fuzzParameters(3000),
    );
  });
});

describe('values: the quick "no unit here" after a number (mayOpenUnit)', () => {
  /** The unit expressions readUnit tries after a number, in its order. */
  const UNITS = [SCALE_LETTER, SCALE_WORD, PERCENT, MULTIPLE, CURRENCY_SUFFIX, PLUS, PER];
  const anyUnitAt = (text: string): boolean => UNITS.some((re) => {
    re.lastIndex = 0;
    return re.exec(text) !== null;
  });
  /** Tails that complete every unit word and sign, were its first character there. */
  const tails = ['', ' ', 'x', '%', 'ercent', 'er cent', 'ct', 'er hour', 'SD', 'UR', 'BP', 'ollars', 'uro', 'housand', 'illion', 'rillion', 'n', '/h', 'GPU-hour'];
  const spaces = ['', ' ', '\u00a0', ' \t', '\u2009\u202f'];
  /** No unit expression matches where mayOpenUnit says none can open. */
  const check = (text: string): void => {
    if (!mayOpenUnit(text, 0)) assert.equal(anyUnitAt(text), false, JSON.stringify(text));
  };

  it('for every character of ASCII, Latin-1, the general punctuation and the case-folding letters, after any spaces', () => {
    const codes: number[] = [];
    for (let c = 0; c < 0x250; c++) codes.push(c);
    for (let c = 0x2000; c < 0x2070; c++) codes.push(c);
    codes.push(0x212a, 0x017f, 0xff05, 0x2212, 0x00d7, 0xfeff, 0x3000);
    for (const c of codes) for (const sp of spaces) for (const tail of tails) check(sp + String.fromCharCode(c) + tail);
  });

  it('for any text after a number', () => {
    const piece = fc.oneof(fc.constantFrom(...tails, ...spaces, 'k', 'K', 'M', 'mn', 'B', 'bn', 'T', 'p', 'P', 'U', 'd', 'e', '+', '/', '×', '％', '\u212a', '(', '[', '–', '-'), fc.string({ maxLength: 2 }), fc.string({ unit: 'binary', maxLength: 2 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), (parts) => check(parts.join(''))), fuzzParameters(5_000));
  });

  it('still lets every unit through', () => {
    for (const text of ['%', ' %', 'x', ' ×', 'k', 'M', 'bn', ' million', '\u00a0billion', ' percent', ' pct', 'USD', ' EUR', ' dollars', '+', '/GPU-hour', ' / hr', ' per hour', '\u212a']) {
      if (anyUnitAt(text)) assert.equal(mayOpenUnit(text, 0), true, JSON.stringify(text));
    }
    assert.equal(mayOpenUnit(' (see', 0), false);
    assert.equal(mayOpenUnit('–95%', 0), false);
    assert.equal(mayOpenUnit('[^15]', 0), false);
    assert.equal(mayOpenUnit('   ', 0), false);
  });
});
