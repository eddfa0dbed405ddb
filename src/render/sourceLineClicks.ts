/**
 * Which source line a click in the preview's analysis blocks asks the editor to open. The
 * scorecard's rows (the headline value's line), their Mentions cell's "line N" reference (the
 * first mention's line) and the present sections of the coverage list carry `data-source-line`;
 * a click on one becomes the same typed `openSource` message a double-click sends. Kept out of
 * the webview script, with a minimal element shape, so plain-node unit tests can run it.
 */
import { parseFromWebview, type FromWebview } from './protocol';

/** The little of a DOM element this needs (an `Element` has it). */
export interface LineClickTarget {
  closest(selectors: string): LineClickTarget | null;
  getAttribute(name: string): string | null;
}

/**
 * The elements a click opens the source of: only inside the analysis blocks the renderer writes
 * (a document cannot write this attribute: raw HTML is off). The innermost match wins, so the
 * Mentions cell's line reference beats its row.
 */
export const SOURCE_LINE_SELECTOR = '.pa-scorecard [data-source-line], .pa-coverage [data-source-line]';

/** A `data-source-line` value: 0-based line digits, nothing else. */
const LINE_RE = /^\d{1,9}$/;

/**
 * The `openSource` message for a click on `target` (the event's target element), or `undefined`
 * when the click is not on a scorecard row, a line reference or a present section, or its line
 * is malformed. Checked with the protocol's own validation, as the extension will check it again.
 */
export function openSourceMessageFor(target: LineClickTarget | null): Extract<FromWebview, { type: 'openSource' }> | undefined {
  const element = target?.closest(SOURCE_LINE_SELECTOR);
  const line = element?.getAttribute('data-source-line');
  if (line === null || line === undefined || !LINE_RE.test(line)) return undefined;
  const message = parseFromWebview({ type: 'openSource', line: Number(line) });
  return message?.type === 'openSource' ? message : undefined;
}
