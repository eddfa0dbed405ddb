/**
 * How a verdict looks in rendered output: a short label, a symbol and a CSS class. The verdict
 * itself always comes from the analysis (`claim.verdict`); this only names it for display.
 */
import type { VerdictStatus } from '../analysis/types';

export interface VerdictLook {
  readonly label: string;
  readonly symbol: string;
  readonly className: string;
}

const LOOKS: Readonly<Record<VerdictStatus, VerdictLook>> = {
  meets: { label: 'meets', symbol: '✓', className: 'pa-verdict-meets' },
  misses: { label: 'misses', symbol: '✗', className: 'pa-verdict-misses' },
  borderline: { label: 'borderline', symbol: '≈', className: 'pa-verdict-borderline' },
  'no-benchmark': { label: 'no benchmark', symbol: '·', className: 'pa-verdict-no-benchmark' },
  impossible: { label: 'impossible', symbol: '⚠', className: 'pa-verdict-impossible' },
  'wrong-unit': { label: 'wrong unit', symbol: '⚠', className: 'pa-verdict-wrong-unit' },
};

/** The look of a verdict; an unknown status (a newer analysis core) gets a neutral look, not a crash. */
export function verdictLook(status: VerdictStatus): VerdictLook {
  return LOOKS[status] ?? { label: String(status), symbol: '·', className: 'pa-verdict-other' };
}
