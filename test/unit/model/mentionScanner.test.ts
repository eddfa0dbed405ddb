/**
 * The fast mention scanner must find exactly what the one regular expression over all names found
 * (the index's search before the scanner, rebuilt here as the reference): same texts, same offsets,
 * same choice where names overlap. Checked on the inputs where a pre-filter could wrongly skip a
 * position — line breaks (LF and CRLF) inside names, non-breaking and narrow spaces, hyphens and
 * dashes, other capitals, aliases, matchCase aliases, typographic apostrophes, names that start
 * with a non-ASCII letter or a case-folding one (Kelvin sign, long s), names shorter than the
 * three characters the scanner keys on, text that ends mid-name, surrogate pairs and non-Latin
 * letters around names — and on random texts built from those pieces.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { MentionScanner } from '../../../src/model/mentionScanner';
import { entityKey } from '../../../src/model/patternIndex';
import { foldTypography, namePattern } from '../../../src/model/names';
import { bundledPatternIndex } from './modelFixtures';
import { fuzzParameters, fuzzTimeout } from '../../support/fuzz';

/** The expression PatternIndex searched with before the scanner (longest name first, bounded by non-word characters). */
function referenceRegex(names: readonly string[], flags: string): RegExp {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  const firsts = [...new Set(sorted.map((n) => foldTypography(n).trimStart()[0]).filter(Boolean))];
  const lead = `(?=[${firsts.map((c) => c.replace(/[\\\]^[-]/g, '\\$&')).join('')}])`;
  return new RegExp(`${lead}(?<![\\p{L}\\p{N}_])(?:${sorted.map(namePattern).join('|')})(?![\\p{L}\\p{N}_])`, flags);
}

type Hit = [number, string];

function referenceHits(names: readonly string[], matchCase: boolean, text: string): Hit[] {
  const regex = referenceRegex(names, matchCase ? 'gu' : 'giu');
  const hits: Hit[] = [];
  for (let m = regex.exec(text); m; m = regex.exec(text)) hits.push([m.index, m[0]]);
  return hits;
}

/** The hits of one list of the scanner (`list`), in the order the scanner reports them. */
function scannerHits(scanner: MentionScanner, text: string, list = 0): Hit[] {
  const hits: Hit[] = [];
  scanner.scan(text, (k, start, end) => {
    if (k === list) hits.push([start, text.slice(start, end)]);
  });
  return hits;
}

/** A name's expression as the list compares them: names that are the same expression are one name. */
function sameExpression(name: string, matchCase: boolean): string {
  const source = namePattern(name);
  return matchCase ? source : source.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * The reference expression's matches with the name each one is: the first name, longest first,
 * whose alternative matched (each alternative a group of its own), as its expression.
 */
function referenceNames(names: readonly string[], matchCase: boolean, text: string): [number, string, string][] {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  const grouped = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sorted.map((n) => `(${namePattern(n)})`).join('|')})(?![\\p{L}\\p{N}_])`, matchCase ? 'gu' : 'giu');
  const starts = new Set(referenceHits(names, matchCase, text).map((h) => h[0]));
  const found: [number, string, string][] = [];
  for (const [start] of referenceHits(names, matchCase, text)) {
    grouped.lastIndex = start;
    const m = grouped.exec(text);
    assert.ok(m && m.index === start && starts.has(start));
    const k = m.slice(1).findIndex((g) => g !== undefined);
    found.push([start, m[0], sameExpression(sorted[k], matchCase)]);
  }
  return found;
}

/** The scanner's matches of one list with the name it reports for each (null where it reports none). */
function scannerNames(scanner: MentionScanner, text: string, list: number, matchCase: boolean): [number, string, string | null][] {
  const found: [number, string, string | null][] = [];
  scanner.scan(text, (k, start, end, name) => {
    if (k === list) found.push([start, text.slice(start, end), name >= 0 ? sameExpression(scanner.nameOf(k, name), matchCase) : null]);
  });
  return found;
}

/** Where the scanner names the name a match is, it is the reference's: the index looks its entity up by that name. */
function assertSameNames(scanner: MentionScanner, names: readonly string[], matchCase: boolean, text: string, list = 0): void {
  const reported = scannerNames(scanner, text, list, matchCase);
  const reference = referenceNames(names, matchCase, text);
  // Where the scanner names none (an expression decided), only the match itself is compared.
  const expected = reference.map((r, i): [number, string, string | null] => (reported[i]?.[2] === null ? [r[0], r[1], null] : r));
  assert.deepStrictEqual(reported, expected, JSON.stringify(text));
}

function scannerOf(names: readonly string[], matchCase: boolean): MentionScanner {
  return new MentionScanner([{ names, matchCase }]);
}

const bundled = bundledPatternIndex();
/** The names the bundled index searches for, as it collects them (case-insensitive ones, and matchCase aliases). */
const BUNDLED_NAMES: string[] = [];
const BUNDLED_CASE_NAMES: string[] = [];
for (const e of bundled.entities) {
  if (e.kind !== 'metric' && e.kind !== 'company') continue;
  const named = e.kind === 'metric' ? e.metric : e.company;
  BUNDLED_NAMES.push(named.name);
  for (const a of named.aliases) (a.matchCase ? BUNDLED_CASE_NAMES : BUNDLED_NAMES).push(a.text);
}

/**
 * Names chosen to stress the pre-filter and the plain matcher: short words, apostrophes, regex
 * characters, letters that fold to ASCII, a leading hyphen (which the look-ahead of first
 * characters rules out), and — kept apart, since they send every position to the expression —
 * names that start with a non-ASCII letter.
 */
const ODD_ASCII_NAMES = [
  'X AI', 'AI', 'Q', 'ſtar index', '\u212Aelvin load', 'O’Reilly share', "Moody's rating", 'LTV/CAC (x)', 'C++ share', 'a.b', '$/GPU-hour',
  'GPU', 'GPU util', '-dash lead', 'Amazon Web Services', 'Lambda Labs', 'customer retention',
];
const NON_ASCII_NAMES = ['Überlingen Data', 'éclair rate', 'Straße cost', 'İstanbul region', 'Ωmega'];
const ODD_NAMES = [...ODD_ASCII_NAMES, ...NON_ASCII_NAMES];

const TRICKY_TEXTS = [
  'CoreWeave reported GPU utilization of 72% last quarter, while AWS and Azure kept customer retention above 95%.',
  'Fleet-wide GPU\nutilization averaged 78%; revenue per GPU\u00a0hour was $2.10 and $/GPU-hour will rise.',
  'GPU\r\nUtilization\r\nRate hit 85% and customer\r\nretention 96%.',
  'GPU\u202futilization, GPU\u2007util, GPU\u2060utilisation, GPU–utilization, GPU—util, gpu-UTIL, Gpu Util',
  'Lambda and Together undercut; together we cut; LAMBDA; lambda; Together AI; TOGETHER AI.',
  'AWSome Azurean GCPX retentions preretention subutilization rate _AWS 9GCP éAWS ΩAzure 中AWS 😀AWS 😀 AWS',
  'ends with GP', 'ends with G', 'GC', 'A', '', '$', '$/', '$/GPU', '$/GPU-h', 'x $/GPU hour y',
  'X AI and x ai and X\u00a0AI; XAI; AI; ai; Q and q; Qq',
  'Überlingen Data, überlingen data, ÜBERLINGEN DATA, Uberlingen Data, Éclair rate, éclair-rate',
  'star index, Star Index, ſtar index, ſtar-index, kelvin load, Kelvin load, \u212Aelvin load, \u212Aelvin\u00a0load',
  'O’Reilly share, O\'Reilly share, o‘reilly share, Moody’s rating, moody\'s rating, Moody\u2019s Rating',
  'LTV/CAC (x) is 4; C++ share 10%; axb; a.b.; A.B',
  'strasse cost, STRASSE cost, Straße cost, straße COST, İstanbul region, istanbul region, i̇stanbul region',
  'ωmega, Ωmega, ΩMEGA, Ωmegas',
  '\u0080GPU \u0080 GPU GPU\u0080 G\u0080PU',
  'Amazon Web Service\u017F, Lambda Lab\u017F, cu\u017Ftomer retention, Amazon Web Servi\u212Aes, GPU \u212Aelvin',
  'dash lead, -dash lead, X\tAI, X\u000bAI, X\u2028AI, X\u3000AI, X\u2060-\u2014AI, Moody’s rating, Moody‘s rating, Moody\u02bcs rating',
  // The third character (the scanner skips word starts whose first three characters start no name): in every case, cut short, folded.
  'to tog Tog TOGETHER AI togethe ToGeThEr Ai an ann Ann ANNUAL RETENTION cor Cor COREWEAVE co c lam La LAMBDA LABS gp GPu gPU-UTIL',
  'Lam', 'La', 'Tog', 'AW', 'AWs', 'AWS', 'aw\u017F', 'Cu\u017Ftomer retention', 'cu\u212Atomer', 'Mo\u2019dy', 'O\'Reilly share', 'Xa', 'X AI',
];

describe('MentionScanner: the same matches as one expression over every name', () => {
  const cases: Array<[string, readonly string[], boolean]> = [
    ['bundled names', BUNDLED_NAMES, false],
    ['bundled matchCase aliases', BUNDLED_CASE_NAMES, true],
    ['odd ASCII names', ODD_ASCII_NAMES, false],
    ['odd ASCII names, matching case', ODD_ASCII_NAMES, true],
    ['names starting with a non-ASCII letter', NON_ASCII_NAMES, false],
    ['odd names', ODD_NAMES, false],
    ['odd names, matching case', ODD_NAMES, true],
    ['bundled and odd names together', [...BUNDLED_NAMES, ...ODD_NAMES], false],
  ];

  for (const [label, names, matchCase] of cases) {
    it(`${label}: on texts made to trip a pre-filter`, () => {
      const scanner = scannerOf(names, matchCase);
      for (const text of TRICKY_TEXTS) {
        assert.deepStrictEqual(scannerHits(scanner, text), referenceHits(names, matchCase, text), JSON.stringify(text));
        assertSameNames(scanner, names, matchCase, text);
      }
    });
  }

  it('finds the names the tricky texts hold (the reference is not vacuous)', () => {
    const scanner = scannerOf(BUNDLED_NAMES, false);
    assert.deepStrictEqual(scannerHits(scanner, TRICKY_TEXTS[2]), [[0, 'GPU\r\nUtilization\r\nRate'], [35, 'customer\r\nretention']]);
    const odd = scannerOf(ODD_NAMES, false);
    const hits = scannerHits(odd, 'star index, \u212Aelvin\u00a0load and X\u00a0AI');
    assert.deepStrictEqual(hits.map((h) => h[1]), ['star index', '\u212Aelvin\u00a0load', 'X\u00a0AI']);
  });

  it('says which name each match is where every name is plain words (the bundled model), other capitals and separators too', () => {
    const scanner = new MentionScanner([{ names: BUNDLED_NAMES, matchCase: false }, { names: BUNDLED_CASE_NAMES, matchCase: true }]);
    const text = 'GPU utilization rate, gpu\u00a0UTILISATION, Customer-Retention, $/GPU\nhour, customer retention rate, Together and Lambda.';
    const found: [string, string][] = [];
    scanner.scan(text, (k, start, end, name) => found.push([text.slice(start, end), name >= 0 ? scanner.nameOf(k, name) : '?']));
    assert.deepStrictEqual(found, [
      ['GPU utilization rate', 'GPU Utilization Rate'], ['gpu\u00a0UTILISATION', 'GPU utilisation'], ['Customer-Retention', 'Customer Retention'],
      ['$/GPU\nhour', '$/GPU-hour'], ['customer retention rate', 'customer retention rate'], ['Together', 'Together'], ['Lambda', 'Lambda'],
    ]);
  });

  it('reports every list in one pass, by start, each list as its own expression', () => {
    const scanner = new MentionScanner([{ names: BUNDLED_NAMES, matchCase: false }, { names: BUNDLED_CASE_NAMES, matchCase: true }]);
    const text = 'Together AI and Lambda Labs beat Lambda, Together and AWS; together, lambda.';
    const order: [number, number, string][] = [];
    scanner.scan(text, (k, start, end) => order.push([k, start, text.slice(start, end)]));
    assert.deepStrictEqual(order, [
      [0, 0, 'Together AI'], [1, 0, 'Together'], [0, 16, 'Lambda Labs'], [1, 16, 'Lambda'], [1, 33, 'Lambda'], [1, 41, 'Together'], [0, 54, 'AWS'],
    ]);
    assert.deepStrictEqual(scannerHits(scanner, text, 1), referenceHits(BUNDLED_CASE_NAMES, true, text));
  });

  it('agrees with the expression on random texts of names, separators and other characters', function () {
    this.timeout(fuzzTimeout());
    const names = [...BUNDLED_NAMES, ...ODD_ASCII_NAMES];
    const caseNames = [...BUNDLED_CASE_NAMES, ...ODD_ASCII_NAMES];
    const scanner = new MentionScanner([{ names, matchCase: false }, { names: caseNames, matchCase: true }]);
    const pieces = [
      ...names, ...BUNDLED_CASE_NAMES, ...names.map((n) => n.toUpperCase()), ...names.map((n) => n.toLowerCase()),
      ' ', '\n', '\r\n', '\u00a0', '\u202f', '-', '–', '_', '.', ',', '(', '$', '/', "'", '’', 'é', 'Ω', '中', '😀', '\u212A', 'ſ', 'x', '9',
      'the ', 'capex ', 'GP', 'Ü', 'Q', 'Service\u017F', 'Lab\u017F', '\u2028', '\u3000', '‘',
    ];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        assert.deepStrictEqual(scannerHits(scanner, text, 0), referenceHits(names, false, text));
        assert.deepStrictEqual(scannerHits(scanner, text, 1), referenceHits(caseNames, true, text));
        assertSameNames(scanner, names, false, text, 0);
        assertSameNames(scanner, caseNames, true, text, 1);
      }),
      fuzzParameters(2_000),
    );
  });
});

describe('PatternIndex.mentions: the same mentions as the two expressions it used before', () => {
  /** The index's search before the scanner: both expressions, sorted by start (longest first), overlaps dropped. */
  function referenceMentions(text: string): [number, number, string, string][] {
    const found: [number, number, string, string][] = [];
    for (const [names, matchCase] of [[BUNDLED_NAMES, false], [BUNDLED_CASE_NAMES, true]] as const) {
      for (const [start, written] of referenceHits(names, matchCase, text)) {
        const entity = bundled.lookup(written);
        if (entity && (entity.kind === 'metric' || entity.kind === 'company')) found.push([start, start + written.length, written, entityKey(entity)]);
      }
    }
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const kept: [number, number, string, string][] = [];
    for (const m of found) if (kept.length === 0 || m[0] >= kept[kept.length - 1][1]) kept.push(m);
    return kept;
  }

  function indexMentions(text: string): [number, number, string, string][] {
    return bundled.mentions(text).map((m) => [m.start, m.end, m.text, entityKey(m.entity)]);
  }

  it('keeps the longer name where a matchCase alias and a name start together, and the earlier where they overlap', () => {
    const text = 'Together AI, Lambda Labs, Lambda, Together, TOGETHER AI and lambda labs.';
    assert.deepStrictEqual(indexMentions(text).map((m) => m[2]), ['Together AI', 'Lambda Labs', 'Lambda', 'Together', 'TOGETHER AI', 'lambda labs']);
    assert.deepStrictEqual(indexMentions(text), referenceMentions(text));
  });

  it('agrees on random texts', function () {
    this.timeout(fuzzTimeout());
    const pieces = [...BUNDLED_NAMES, ...BUNDLED_CASE_NAMES, ...BUNDLED_NAMES.map((n) => n.toLowerCase()), ' ', '\n', '\u00a0', '-', ',', 'x', '9', 'é', 'AI', 'Labs'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 2 })), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        assert.deepStrictEqual(indexMentions(text), referenceMentions(text));
      }),
      fuzzParameters(1_000),
    );
  });
});
