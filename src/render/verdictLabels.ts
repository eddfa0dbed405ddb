/**
 * A verdict as rendered HTML shows it: the symbol and label every surface shares
 * (analysis/verdictDisplay) plus the CSS class media/preview.css colours it with. The verdict
 * itself always comes from the analysis (`claim.verdict`).
 */
import type { VerdictStatus } from '../analysis/types';
import { VERDICT_DISPLAY, verdictDisplay, type VerdictDisplay } from '../analysis/verdictDisplay';

export interface VerdictLook extends VerdictDisplay {
  readonly className: string;
}

/** Made once: a badge is built for every claimed value of a render. */
const LOOKS = new Map<string, VerdictLook>(
  Object.entries(VERDICT_DISPLAY).map(([status, display]) => [status, { ...display, className: `pa-verdict-${status}` }]),
);

/** The look of a verdict; an unknown status (a newer analysis core) gets a neutral look, not a crash. */
export function verdictLook(status: VerdictStatus): VerdictLook {
  return LOOKS.get(status) ?? { ...verdictDisplay(status), className: 'pa-verdict-other' };
}
