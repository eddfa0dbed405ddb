/**
 * The document HTML a preview webview shows after the update and patch messages it was posted,
 * built with the same segment bookkeeping as src/webview/segmentDom.ts over strings (the tests
 * have no DOM). Messages are checked on arrival as the webview checks them; a patch that does not
 * fit gives `undefined` (the webview would ask for the whole body instead of showing it).
 */
import { applyPatch, DOCUMENT_CLOSE, DOCUMENT_OPEN, patchFits, shiftDataLines } from '../../src/render/previewSegments';
import { parseToWebview, type ToWebview } from '../../src/render/protocol';

export function shownHtml(messages: readonly ToWebview[]): string | undefined {
  let html: string | undefined;
  let shown: { seq: number; segments: { html: string }[] } | undefined;
  for (const raw of messages) {
    const message = parseToWebview(raw);
    if (message?.type === 'update') {
      html = message.html;
      shown = undefined;
      if (message.segments) {
        let at = DOCUMENT_OPEN.length;
        const segments = message.segments.lengths.map((n) => ({ html: message.html.slice(at, (at += n)) }));
        shown = { seq: message.segments.seq, segments };
      }
    } else if (message?.type === 'patch') {
      if (!shown || shown.seq !== message.base || !patchFits(message.parts, shown.segments.length)) return undefined;
      const segments = applyPatch(shown.segments, message.parts, {
        make: (parts) => parts.map((h) => ({ html: h })),
        remove: () => undefined,
        shiftBy: (s, delta) => void (s.html = shiftDataLines(s.html, delta)),
      });
      shown = { seq: message.seq, segments };
      html = DOCUMENT_OPEN + segments.map((s) => s.html).join('') + DOCUMENT_CLOSE;
    }
  }
  return html;
}
