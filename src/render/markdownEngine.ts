/**
 * The markdown-it setup shared by the preview, the HTML export and the CLI: markdown-it with raw
 * HTML off (it shows as text) and bare addresses linked, plus small plugins, each in its own file
 * under ./plugins and each using only markdown-it's public plugin API (core, block and renderer
 * rules, token attributes, `validateLink`), as VS Code's own markdown preview is built.
 * Per-document data travels in markdown-it's `env` ({@link EngineEnv}), so one engine serves any
 * number of renders, also one inside another.
 */
import MarkdownIt from 'markdown-it';
import { analysisBlockLines, type BlockLinesEnv } from './plugins/analysisBlockLines';
import { claimBadges, type ClaimEnv } from './plugins/claimBadges';
import { depthGuard } from './plugins/depthGuard';
import { linkifyClaimMarkers } from './plugins/linkifyClaimMarkers';
import { linkImagePolicy, type ImageEnv } from './plugins/linkImagePolicy';
import { rawHtmlAsText } from './plugins/rawHtmlAsText';
import { sourceLines } from './plugins/sourceLines';
import { tableAlignClasses } from './plugins/tableAlignClasses';

export type { MarkerKind } from './plugins/analysisBlockLines';
export type { ImagePolicy } from './plugins/linkImagePolicy';

/**
 * The markdown-it major version the plugins were written for: they rely on its token types
 * (`paragraph_open`, `text`, `fence`...), rule names (`table`, `html_block`) and renderer
 * signatures. A unit test compares it with the installed markdown-it, so an upgrade across a major
 * version is a conscious step: read markdown-it's changelog, check the plugins, then raise this.
 */
export const MARKDOWN_IT_MAJOR = 14;

/** Per-render data the plugins read and fill (markdown-it's `env`). */
export type EngineEnv = ClaimEnv & ImageEnv & BlockLinesEnv;

/** A configured markdown-it. Reusable: per-document data travels in the {@link EngineEnv}. */
export function createMarkdownEngine(): MarkdownIt {
  return new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false })
    .use(rawHtmlAsText)
    .use(depthGuard)
    .use(analysisBlockLines)
    .use(linkImagePolicy)
    .use(tableAlignClasses)
    .use(linkifyClaimMarkers)
    .use(claimBadges)
    .use(sourceLines);
}
