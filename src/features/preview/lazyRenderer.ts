/**
 * The renderer, loaded from dist/renderer.js on first use instead of at activation: markdown-it
 * and its tables are only needed once a preview or an export is opened.
 */
import type * as RendererBundle from '../../render/rendererBundle';
import { lazyBundle } from '../lazyBundle';

/** The renderer bundle (loaded once). */
export const renderer = lazyBundle(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require('./renderer.js') as typeof RendererBundle,
);
