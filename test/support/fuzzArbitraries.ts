/**
 * fast-check arbitraries shared by the fuzz suites: arbitrary text of three flavours (any code
 * units, analysis-shaped token soup, and realistic analyses with random mutations), so properties
 * reach both the odd corners of the parsers and the deep paths only a real analysis reaches.
 */
import fc from 'fast-check';
import { generateAnalysis } from './analysisGenerator';

/** Pieces analysts (and attackers) write; concatenated at random they make near-analyses. */
const TOKENS = [
  '---\n', '---\r\n', 'pattern: ai-infrastructure\n', 'pattern: 17\n', 'pattern: "#17"\n', 'pattern: nope\n', 'pattern:\n', 'subject: CoreWeave\n',
  'period: FY2025\n', '# ', '## ', '### ', 'The Pattern', 'Key Metrics & Benchmarks', 'Who Uses This Pattern', 'Strengths & Weaknesses',
  'How AI Is Transforming This Pattern', 'Business Engineer Insight', '| Metric | Value | Source |\n', '| --- | --- | --- |\n', '| ', ' |',
  'GPU Utilization Rate', 'GPU utilisation', 'GPU Utilisation Rat', 'Customer Retention', 'retention', 'Revenue per GPU Hour', '$/GPU-hour',
  'Capacity Growth Rate', 'CoreWeave', 'Coreweave', 'Together AI', 'AWS', ' was ', ' of ', ': ', '**', '*', '_', '`', '```\n', '> ', '- ', '1. ',
  '72%', '~80%', '140%', '-5%', '70–75%', '70-75 %', 'over 90%', 'at least 96%', 'under 70%', '$2.10', 'USD 2.10', '$5', '2.1x', '0.72', '12,000',
  '1e309', '99999999999999999999%', 'NaN%', '%', '$', '~', '–', '\u00a0', '\u200b', '\t', ' ', '\n', '\r\n', '\r', '\n\n', '<', '>', '&', '"', "'",
  '[', ']', '(', ')', '<script>', '](javascript:x)', '\\', '\uE000', '\uE001', '\uE010', '\ud800', '\u0000', '😀', 'é', 'İ', 'ß',
];

/** Any sequence of UTF-16 code units, lone surrogates and controls included. */
export const anyText = fc.string({ unit: 'binary', maxLength: 400 });

/** Analysis-shaped token soup: front matter, headings, tables, names and values in random order. */
export const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'crlf' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(anyText, tokenSoup) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('crlf' as const) }),
);

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
  }
}

/** A realistic generated analysis (seeded), optionally mutated a few times. */
export const mutatedAnalysis = fc
  .tuple(fc.nat({ max: 1_000_000 }), fc.array(mutation, { maxLength: 4 }))
  .map(([seed, mutations]) => mutations.reduce(mutate, generateAnalysis({ seed }).text));

/** A realistic generated analysis, unmutated (for fix round trips, which need a sane document). */
export const realisticAnalysis = fc.nat({ max: 1_000_000 }).map((seed) => generateAnalysis({ seed }).text);

/** All three flavours. */
export const analysisText = fc.oneof(anyText, tokenSoup, mutatedAnalysis);
