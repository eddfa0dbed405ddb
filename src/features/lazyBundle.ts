/**
 * Parts of the extension that load from their own file beside dist/extension.js on first use
 * instead of at activation (the bench's bundle and activation figures): the renderer
 * (features/preview/lazyRenderer) and the analysis core (features/lazyAnalysis). Each caller
 * passes a `require` of a literal path that esbuild.mjs marks external, so the bundle keeps it
 * as written and Node resolves it at run time.
 */

/** A getter that calls `load` on its first call and returns the same module afterwards. */
export function lazyBundle<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
