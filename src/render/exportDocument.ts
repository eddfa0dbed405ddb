/**
 * An analysis as the exported, self-contained HTML page: the one function the editor's Export to
 * HTML and the CLI's `render` both call, so the two write the same page. Pure: the edges read
 * the stylesheet and the document's local images (through {@link ExportImages}) and pass them in;
 * which images are embedded, and how, is decided here once.
 */
import type { Analysis } from '../analysis/types';
import type { ScorecardHistory } from '../portfolio/types';
import { renderDocumentBody } from './documentRenderer';
import { renderExportPage } from './exportPage';
import { embeddableType, EXPORT_IMAGE_NOTE, imageDataUri, MAX_INLINE_IMAGE_BYTES, MAX_INLINE_TOTAL_BYTES } from './inlineImages';
import { printStylesheet, runningHeaderOf } from './printStyle';

/**
 * The document's local images, by the relative path the document writes. Each edge resolves a
 * path inside the document's folder only (never above it) and answers undefined / throws for
 * anything else; a failure leaves that image out with the page's note.
 */
export interface ExportImages {
  /** Size in bytes of the image at `path`, or undefined when it is outside the folder or missing. */
  size(path: string): Promise<number | undefined>;
  /** The bytes of the image at `path` (called only after `size` answered). */
  read(path: string): Promise<Uint8Array>;
}

export interface ExportDocumentOptions {
  /** The stylesheet to inline (the preview's `media/preview.css`). */
  readonly css: string;
  /** The page title when the front matter has none (usually the file name). */
  readonly fallbackTitle: string;
  /** The document's local images; none are embedded without it (an untitled document has no folder). */
  readonly images?: ExportImages;
  /** Add the print design (src/render/printStyle.ts) after `css`; default true. The bench's reference page leaves it out. */
  readonly printStyle?: boolean;
  /** Earlier periods of the subject (from the portfolio index): the scorecard's sparklines, as inline SVG. */
  readonly history?: ScorecardHistory;
}

/** The exported page of `text` with its `analysis`. */
export async function exportDocumentPage(text: string, analysis: Analysis, options: ExportDocumentOptions): Promise<string> {
  const history = options.history ? { history: options.history } : {};
  const first = renderDocumentBody(text, analysis, history);
  const images = options.images ? await embedImages(options.images, first.localImages) : new Map<string, string>();
  const body = images.size === 0 ? first : renderDocumentBody(text, analysis, {
    ...history,
    images: { allowDataImages: true, resolveLocal: (p) => images.get(p), localUnavailableReason: EXPORT_IMAGE_NOTE },
  });
  // The print design travels with every exported page, so the PDF export and a reader's own
  // "Print → Save as PDF" of the HTML file print the same pages.
  const css = options.printStyle === false ? options.css : `${options.css}\n${printStylesheet(runningHeaderOf(analysis))}`;
  return renderExportPage({ title: body.title ?? options.fallbackTitle, bodyHtml: body.html, css, generator: 'Pattern Analyst' });
}

/** The images an export embeds, as `data:` URIs by relative path: real PNG/JPEG/GIF/WebP within the size limits. */
async function embedImages(source: ExportImages, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let total = 0;
  for (const path of new Set(paths)) {
    if (!embeddableType(path)) continue;
    try {
      const size = await source.size(path);
      if (size === undefined || size > MAX_INLINE_IMAGE_BYTES || total + size > MAX_INLINE_TOTAL_BYTES) continue;
      const dataUri = imageDataUri(path, await source.read(path));
      if (dataUri) {
        out.set(path, dataUri);
        total += size;
      }
    } catch {
      // Missing or unreadable: left out, the page says so where the image was.
    }
  }
  return out;
}
