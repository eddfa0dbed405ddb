/**
 * Random edits of markdown analyses, for the properties that check an incremental path (the
 * preview's renderer, the analysis memo) against a fresh one over sequences of edits.
 */
import fc from 'fast-check';
import { generateAnalysis } from './analysisGenerator';
import { tokenSoup } from './fuzzArbitraries';

/** What edits insert: markdown that starts, ends or joins blocks, values, and plain typing. */
export const PIECES = [
  'a', 'x', ' ', '\n', '\n\n', '\n\n\n', '# ', '## Key Metrics & Benchmarks\n', '- ', '* ', '1. ', '2) ', '> ', '    ', '  ', '\t', '```', '```\n', '~~~\n',
  '---\n', '===\n', '***\n', '| a | b |\n', '| --- | --- |\n', '| GPU Utilization Rate | 72% |\n', '|', 'GPU utilization was 72%.', ' 85%', '$2.10',
  'Customer retention 96%', '[r]: https://example.com\n', '[^1]: Company filing, FY2025: https://x.io\n', '[^1]', '[a\nb]: /u\n', '> [q]: /q\n', '[x][r]', '[r]', '![img](pic.png)', '![i](other.png)', 'https://example.com', 'www.x.io',
  '<!-- pattern-scorecard -->\n', '<!-- pattern-coverage -->\n', '<!-- pattern-analyst-disable gpu-utilization-rate -->', '*', '_', '`', '**', '\\',
  'pattern: ai-infrastructure\n', 'pattern: nope\n', '&#xE000;', '\uE001', '\r\n', 'Term\n: def\n',
];

export type Edit = { at: number; remove: number; insert: string };

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 60 })),
  insert: fc.oneof(fc.constant(''), fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((p) => p.join(''))),
});

export function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

export const start = fc.oneof(
  fc.nat({ max: 1_000_000 }).map((seed) => generateAnalysis({ seed }).text.slice(0, 6000)),
  tokenSoup,
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join('')),
);

/** A start text and the versions after each of up to `maxEdits` random edits (the start first). */
export function editedVersions(maxEdits = 8): fc.Arbitrary<string[]> {
  return fc.tuple(start, fc.array(edit, { minLength: 1, maxLength: maxEdits })).map(([text, edits]) => {
    const versions = [text];
    for (const e of edits) versions.push(apply(versions[versions.length - 1], e));
    return versions;
  });
}
