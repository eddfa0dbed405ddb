/**
 * How each verdict is shown to a reader: one symbol and one short label. Every surface that
 * names a verdict (the preview's badges and scorecard, the hover card, the Pattern tree) takes
 * them from here, so a verdict looks the same wherever it appears. The verdict itself always comes
 * from `verdictFor` (verdict.ts); this only names it.
 *
 * "no benchmark" has its own symbol and words: the source states no number to compare with, so
 * the value was read but not judged, which a reader must be able to tell from "meets".
 */
import type { VerdictStatus } from './types';

export interface VerdictDisplay {
  /** A single character before or after the value: ✓ ✗ ≈ ⚠ ○. */
  readonly symbol: string;
  /** The verdict in words: "meets", "no benchmark". */
  readonly label: string;
}

export const VERDICT_DISPLAY: Readonly<Record<VerdictStatus, VerdictDisplay>> = {
  meets: { symbol: '✓', label: 'meets' },
  misses: { symbol: '✗', label: 'misses' },
  borderline: { symbol: '≈', label: 'borderline' },
  'no-benchmark': { symbol: '○', label: 'no benchmark' },
  impossible: { symbol: '⚠', label: 'impossible' },
  'wrong-unit': { symbol: '⚠', label: 'wrong unit' },
};

/** The display of a verdict; an unknown status (a newer analysis core) gets a neutral one, not a crash. */
export function verdictDisplay(status: VerdictStatus): VerdictDisplay {
  return VERDICT_DISPLAY[status] ?? { symbol: '○', label: String(status) };
}

/** "72% ✗ misses": a value with its verdict, for compact lists such as the Pattern tree. */
export function valueWithVerdict(valueText: string, status: VerdictStatus): string {
  const d = verdictDisplay(status);
  return `${valueText} ${d.symbol} ${d.label}`;
}
