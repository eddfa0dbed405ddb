/**
 * The renderer, loaded from dist/renderer.js on first use instead of at activation. Keeps
 * dist/extension.js small and activation quick (the bench's bundle and activation figures):
 * markdown-it and its tables are only needed once a preview or an export is opened.
 */
import type * as RendererBundle from '../../render/rendererBundle';

let loaded: typeof RendererBundle | undefined;

/** The renderer bundle (loaded once, then cached by Node's module cache and here). */
export function renderer(): typeof RendererBundle {
  // A path esbuild leaves alone (external in esbuild.mjs): resolved beside dist/extension.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./renderer.js') as typeof RendererBundle;
  return loaded;
}
