/**
 * Our own stylesheet and script as they may be written into a page's `<style>` and `<script>`
 * elements (the preview's and the portfolio's: see ./readAssets.ts). Pure: no `vscode`, so the
 * unit tests hold it.
 */

/** The stylesheet and script to write into the page. */
export interface InlineAssets {
  readonly css: string;
  readonly js: string;
}

/** The bundles' source map comments: they name a file relative to the page, which has none. */
const SOURCE_MAP = /\n?\/[/*][#@] sourceMappingURL=[^\n]*\s*$/;

/**
 * The texts as they may be written into `<style>` and `<script>` elements, or undefined when one
 * could end its element early (`</style`, `</script`) or change how the script's text is read
 * (`<!--`): then the page links the files.
 */
export function inlineAssets(css: string, js: string): InlineAssets | undefined {
  if (/<\/style/i.test(css) || /<\/script|<!--/i.test(js)) return undefined;
  return { css: css.replace(SOURCE_MAP, ''), js: js.replace(SOURCE_MAP, '') };
}
