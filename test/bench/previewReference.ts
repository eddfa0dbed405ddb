/**
 * The fair reference for the preview's figure: markdown-it configured as any markdown preview
 * needs it, built the way VS Code's own preview builds it (markdown-language-features'
 * markdownEngine), through markdown-it's public plugin API:
 *
 * - linkify on (bare addresses become links, as ours does);
 * - a core rule that gives every block token with a source map a `data-line` attribute and the
 *   `code-line` class (VS Code's `pluginSourceMap`), which scroll sync needs;
 * - the YAML front matter stripped before parsing (VS Code uses markdown-it-front-matter), with
 *   the body's line numbers kept right.
 *
 * Other options as ours (no raw HTML, no typographer), so the difference between the two is the
 * pattern-aware work alone: values, verdict badges, scorecard, coverage, link and image policy.
 */
import MarkdownIt from 'markdown-it';

interface ReferenceEnv {
  lineOffset?: number;
}

const FRONT_MATTER = /^---[ \t]*\r?\n(?:[^\n]*\n)*?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function stripFrontMatter(state: MarkdownIt.StateCore): void {
  const m = state.src.startsWith('---') ? FRONT_MATTER.exec(state.src) : null;
  if (!m) return;
  (state.env as ReferenceEnv).lineOffset = m[0].split('\n').length - 1;
  state.src = state.src.slice(m[0].length);
}

function sourceMap(state: MarkdownIt.StateCore): void {
  const offset = (state.env as ReferenceEnv).lineOffset ?? 0;
  for (const token of state.tokens) {
    if (token.map && token.type !== 'inline') {
      token.attrSet('data-line', String(token.map[0] + offset));
      token.attrJoin('class', 'code-line');
    }
  }
}

export function previewReference(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.core.ruler.before('normalize', 'front_matter_strip', (state) => stripFrontMatter(state));
  md.core.ruler.push('source_map_data_attribute', (state) => sourceMap(state));
  return md;
}

/** Renders `text` as a preview would without knowing any pattern. */
export function renderReference(md: MarkdownIt, text: string): string {
  return md.render(text, {});
}
