/**
 * The markdown-it setup shared by the preview, the HTML export and the CLI. Raw HTML is off (it
 * shows as text), links go through an allowlist, images through an {@link ImagePolicy}, and four
 * small plugins add what the preview needs: `data-line` source lines on blocks (scroll sync),
 * verdict badges at the analysis' claims, the scorecard/coverage markers, and class-based table
 * alignment (the webview's CSP forbids inline styles).
 */
import MarkdownIt from 'markdown-it';
import type { MetricClaim } from '../analysis/types';
import { renderBadge } from './analysisBlocks';
import { decodeIndex, ENCODED_MARKER_RE, MARKER_CHARS_RE, MARKER_RE } from './claimMarks';
import { escapeAttribute as attr, escapeHtml as esc } from './html';
import { classifyUrl, isAllowedHref, isAllowedUrl } from './linkSafety';
import { verdictLook } from './verdictLabels';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;
type StateBlock = MarkdownIt.StateBlock;

/** Where images may come from. Anything not allowed is replaced by a visible "[image blocked]" note. */
export interface ImagePolicy {
  /** Show `https:` images (the preview's `allowRemoteImages` setting, trusted workspaces only). `http:` never. */
  readonly allowHttps?: boolean;
  /** Keep `data:image/(png|gif|jpeg|webp)` images written in the document. */
  readonly allowDataImages?: boolean;
  /**
   * Turns a relative image path (decoded, without query or fragment) into an address the output
   * can load, or `undefined` to leave the image out. The webview passes `asWebviewUri`, the export
   * a `data:` URI.
   */
  readonly resolveLocal?: (path: string) => string | undefined;
  /** What a left-out local image says (the preview and the export leave images out for different reasons). */
  readonly localUnavailableReason?: string;
}

/** Which markers an analyst may put on a line of their own, and what each shows there. */
export type MarkerKind = 'scorecard' | 'coverage';

/** Per-render data the plugins read (markdown-it's `env`). */
export interface EngineEnv {
  readonly claims: readonly MetricClaim[];
  readonly images: ImagePolicy;
  /** HTML for a marker line. */
  readonly marker: (kind: MarkerKind) => string;
  /** Filled while rendering: relative image paths the document uses, in order. */
  readonly localImages: string[];
  /** Filled while rendering: which markers the document has. */
  readonly markersSeen: Set<MarkerKind>;
}

/**
 * The marker lines. An HTML comment, so other markdown renderers (GitHub, VS Code's own preview)
 * hide it; since raw HTML is off here, it is recognised by a block rule before it can become text.
 */
export const MARKER_LINE_RE = /^<!--[ \t]*pattern-(scorecard|coverage)[ \t]*-->[ \t]*$/i;

function markerRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  const m = MARKER_LINE_RE.exec(line);
  if (!m) return false;
  if (silent) return true;
  const token = state.push('pa_marker', 'div', 0);
  token.map = [startLine, startLine + 1];
  token.info = m[1].toLowerCase();
  token.block = true;
  token.attrJoin('class', `pa-marker pa-marker-${token.info}`);
  state.line = startLine + 1;
  return true;
}

/**
 * Blockquotes and lists nested deeper than this render their remaining content as plain text.
 * markdown-it silently drops content beyond its own `maxNesting` (100 levels); a hostile document
 * of 10,000 `>` would lose its text. This keeps it, escaped, and bounds the recursion.
 */
export const MAX_BLOCK_DEPTH = 40;

function depthGuard(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level < MAX_BLOCK_DEPTH || silent) return false;
  const token = state.push('pa_raw', 'p', 0);
  token.map = [startLine, endLine];
  token.block = true;
  token.content = state.getLines(startLine, endLine, state.blkIndent, false);
  state.line = endLine;
  return true;
}

function stripMarkers(text: string): string {
  return text.replace(MARKER_CHARS_RE, '');
}

/** Turns the claim markers inside text tokens into value spans and badge tokens. */
function expandInline(children: Token[], state: StateCore): Token[] {
  const out: Token[] = [];
  for (const child of children) {
    if (child.type === 'text') {
      splitText(child, state, out);
      continue;
    }
    if (child.type === 'code_inline') child.content = stripMarkers(child.content);
    if (child.attrs) {
      for (const a of child.attrs) a[1] = stripMarkers(a[1].replace(ENCODED_MARKER_RE, ''));
    }
    if (child.children) child.children = expandInline(child.children, state);
    out.push(child);
  }
  return out;
}

function splitText(token: Token, state: StateCore, out: Token[]): void {
  const text = token.content;
  MARKER_RE.lastIndex = 0;
  if (!MARKER_RE.test(text)) {
    out.push(token);
    return;
  }
  // Pieces: plain text, or a start/end marker with its claim index.
  const pieces: ({ text: string } | { start: number } | { end: number })[] = [];
  let last = 0;
  MARKER_RE.lastIndex = 0;
  for (let m = MARKER_RE.exec(text); m; m = MARKER_RE.exec(text)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index) });
    pieces.push(m[1] !== undefined ? { start: decodeIndex(m[1]) } : { end: decodeIndex(m[2]) });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  // A value is wrapped only when its start and end sit in the same text run (no markup between),
  // so the wrapping span can never mis-nest with emphasis or links; the badge is always shown.
  const open = new Set<number>();
  pieces.forEach((p, i) => {
    if ('text' in p) {
      const t = new state.Token('text', '', 0);
      t.content = p.text;
      out.push(t);
    } else if ('start' in p) {
      if (pieces.slice(i + 1).some((q) => 'end' in q && q.end === p.start)) {
        open.add(p.start);
        const t = new state.Token('pa_value_open', 'span', 1);
        t.meta = { claim: p.start };
        out.push(t);
      }
    } else {
      if (open.delete(p.end)) out.push(new state.Token('pa_value_close', 'span', -1));
      const t = new state.Token('pa_badge', '', 0);
      t.meta = { claim: p.end };
      out.push(t);
    }
  });
}

const ALIGN_RE = /^text-align:(left|right|center)$/;

/** Blocks that get a source line: the ones scroll sync can land on (not every table part, to keep output small). */
const LINE_TOKENS = new Set([
  'paragraph_open', 'heading_open', 'blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open',
  'table_open', 'tr_open', 'code_block', 'fence', 'hr', 'pa_marker', 'pa_raw',
]);

/** After parsing: source lines on blocks, class-based alignment, claim markers → badges. */
function postProcess(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'inline') {
      if (token.children) token.children = expandInline(token.children, state);
      continue;
    }
    if (token.type === 'fence' || token.type === 'code_block' || token.type === 'pa_raw') token.content = stripMarkers(token.content);
    if (token.map && LINE_TOKENS.has(token.type)) {
      token.attrJoin('class', 'code-line');
      token.attrSet('data-line', String(token.map[0]));
    }
    if (token.type === 'th_open' || token.type === 'td_open') {
      const style = token.attrGet('style');
      if (style !== null) {
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
        const m = ALIGN_RE.exec(style);
        if (m) token.attrJoin('class', `pa-align-${m[1]}`);
      }
    }
  }
}

function decodePath(src: string): string | undefined {
  const path = src.replace(/[?#].*$/s, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function blockedImage(alt: string, reason: string): string {
  return `<span class="pa-image-blocked" title="${attr(reason)}">[image${alt ? `: ${esc(alt)}` : ''} — ${esc(reason)}]</span>`;
}

function renderImage(tokens: Token[], idx: number, options: MarkdownIt.Options, env: EngineEnv, self: MarkdownIt.Renderer): string {
  const token = tokens[idx];
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const src = token.attrGet('src') ?? '';
  const title = token.attrGet('title');
  let resolved: string | undefined;
  let reason = 'image blocked';
  switch (classifyUrl(src)) {
    case 'https':
      resolved = env.images.allowHttps ? src : undefined;
      reason = 'remote image blocked';
      break;
    case 'http':
      reason = 'insecure remote image blocked';
      break;
    case 'data-image':
      resolved = env.images.allowDataImages ? src : undefined;
      reason = 'inline image blocked';
      break;
    case 'relative': {
      const path = decodePath(src);
      if (path) {
        env.localImages.push(path);
        resolved = env.images.resolveLocal?.(path);
      }
      reason = env.images.localUnavailableReason ?? 'local image not available';
      break;
    }
    default:
      break;
  }
  if (resolved === undefined) return blockedImage(alt, reason);
  return `<img src="${attr(resolved)}" alt="${attr(alt)}"${title ? ` title="${attr(title)}"` : ''} loading="lazy">`;
}

/** A configured markdown-it. Reusable: per-document data travels in the {@link EngineEnv}. */
export function createMarkdownEngine(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isAllowedUrl;
  md.block.ruler.before('table', 'pa_depth_guard', depthGuard);
  md.block.ruler.before('html_block', 'pa_marker', markerRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.core.ruler.push('pa_post_process', postProcess);

  const rules = md.renderer.rules;
  // html:false means these tokens are never produced; if a future option slipped, they stay text.
  rules.html_block = (tokens, idx) => `<p>${esc(tokens[idx].content)}</p>`;
  rules.html_inline = (tokens, idx) => esc(tokens[idx].content);
  rules.image = (tokens, idx, options, env, self) => renderImage(tokens, idx, options, env as EngineEnv, self);
  const defaultLinkOpen = rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = token.attrGet('href');
    if (href === null || !isAllowedHref(href)) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
      token.attrJoin('class', 'pa-link-refused');
    } else if (/^(?:https?|mailto):/i.test(href)) {
      token.attrSet('rel', 'noopener noreferrer');
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  rules.pa_value_open = (tokens, idx, _options, env: EngineEnv) => {
    const claim = env.claims[(tokens[idx].meta as { claim: number }).claim];
    return claim ? `<span class="pa-value ${verdictLook(claim.verdict.status).className}">` : '<span>';
  };
  rules.pa_value_close = () => '</span>';
  rules.pa_badge = (tokens, idx, _options, env: EngineEnv) => {
    const claim = env.claims[(tokens[idx].meta as { claim: number }).claim];
    return claim ? renderBadge(claim) : '';
  };
  rules.pa_raw = (tokens, idx, _options, _env, self) => {
    tokens[idx].attrJoin('class', 'pa-raw');
    return `<p${self.renderAttrs(tokens[idx])}>${esc(tokens[idx].content)}</p>\n`;
  };
  rules.pa_marker = (tokens, idx, _options, env: EngineEnv, self) => {
    const kind = tokens[idx].info as MarkerKind;
    env.markersSeen.add(kind);
    return `<div${self.renderAttrs(tokens[idx])}>${env.marker(kind)}</div>\n`;
  };
  return md;
}
