/**
 * The PDF printer, loaded from dist/pdf.js on the first Export to PDF: it drives a browser
 * process and is needed by few sessions, so activation does not parse it.
 */
import type * as PdfBundle from '../../pdf/pdfBundle';
import { lazyBundle } from '../lazyBundle';

/** The printer bundle (loaded once). */
export const printer = lazyBundle(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('./pdf.js') as typeof PdfBundle,
);
