/**
 * The markdown-it setup shared by the preview, the HTML export and the CLI. Raw HTML is off (it
 * shows as text), links go through an allowlist, images through an {@link ImagePolicy}, and four
 * small plugins add what the preview needs: `data-line` source lines on blocks (scroll sync),
 * verdict badges at the analysis' claims, the scorecard/coverage markers, and class-based table
 * alignment (the webview's CSP forbids inline styles).
 */
import MarkdownIt from 'markdown-it';
import type { MetricClaim, VerdictStatus } from '../analysis/types';
import { renderBadge } from './analysisBlocks';
import {
  END_CODE, ENCODED_MARKER_RE, HAS_MARKER_CHAR_RE, MARKER_CHARS_RE, MARKER_STOP, markerIndex, markerStartBefore, neutraliseForgedMarkers, START_CODE,
} from './claimMarks';
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
  /**
   * The key of this render's claim markers (`prepareSource`'s `markerKey`): a marker without it
   * was written by the document (an entity, a percent-encoding) and shows no badge.
   */
  readonly markerKey: string;
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
  // Tried at every line (it may end a paragraph): look at one character before copying the line.
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x3c /* < */) return false;
  const line = state.src.slice(start, state.eMarks[startLine]);
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

/**
 * Removes the claim markers from an inline run where they must not show: inline code, link and
 * image addresses and titles, and an image's alt text. Text tokens keep theirs: the `text` render
 * rule turns them into value spans and badges (see {@link renderMarkedText}). Earlier the run's
 * tokens were rebuilt here with a token per value and badge; on a 1 MB analysis that was about a
 * tenth of the render, most of it garbage collection.
 * When `forgeable` (the run's source has an entity or a percent-encoded marker character, which
 * decode to marker characters while parsing), text tokens lose every marker character that is not
 * part of one of this render's markers: it shows as U+FFFD, as a literally written one does.
 */
function stripInlineMarkers(children: readonly Token[], asText: boolean, forgeable: boolean, key: string): void {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'text') {
      // An alt text is read as plain text: the markers go, the value stays (no badge in an attribute).
      if ((asText || forgeable) && HAS_MARKER_CHAR_RE.test(child.content)) child.content = neutraliseForgedMarkers(child.content, key, asText);
      continue;
    }
    if (child.type === 'code_inline') child.content = stripMarkers(child.content);
    if (child.attrs) {
      for (const a of child.attrs) a[1] = stripMarkers(a[1].replace(ENCODED_MARKER_RE, ''));
    }
    if (child.children) stripInlineMarkers(child.children, true, forgeable, key);
  }
}

/** What {@link renderMarkedText} needs of a map from claim index to a number (a Map has it too). */
interface IndexMap {
  get(key: number): number | undefined;
  set(key: number, value: number): unknown;
  delete(key: number): boolean;
  readonly size: number;
}

/**
 * A handful of claim indexes and numbers, searched linearly and reused from text to text: a text
 * holds a few markers, and a Map or Set per text (or their `clear()`, which allocates a new table)
 * was 2 MB of garbage per render of the bench's 1 MB analysis. A text with more markers than
 * {@link SMALL_TABLE} moves to a real Map (see {@link grown}).
 */
class SmallIndexTable implements IndexMap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];
  size = 0;

  reset(): this {
    this.size = 0;
    return this;
  }

  get(key: number): number | undefined {
    for (let i = 0; i < this.size; i++) if (this.keys[i] === key) return this.values[i];
    return undefined;
  }

  set(key: number, value: number): this {
    for (let i = 0; i < this.size; i++) {
      if (this.keys[i] === key) {
        this.values[i] = value;
        return this;
      }
    }
    this.keys[this.size] = key;
    this.values[this.size++] = value;
    return this;
  }

  delete(key: number): boolean {
    for (let i = 0; i < this.size; i++) {
      if (this.keys[i] === key) {
        this.size--;
        this.keys[i] = this.keys[this.size];
        this.values[i] = this.values[this.size];
        return true;
      }
    }
    return false;
  }

  entries(): [number, number][] {
    return this.keys.slice(0, this.size).map((k, i) => [k, this.values[i]]);
  }
}

const SMALL_TABLE = 32;
/** Scratch for {@link renderMarkedText} (rendering is synchronous): last end per claim, open values. */
const lastEnds = new SmallIndexTable();
const openValues = new SmallIndexTable();

/** The table to keep writing to: a real Map once a small table holds {@link SMALL_TABLE} entries. */
function grown(table: IndexMap): IndexMap {
  return table instanceof SmallIndexTable && table.size >= SMALL_TABLE ? new Map(table.entries()) : table;
}

/**
 * The HTML of a text token that holds claim markers: its text escaped, each value whose start and
 * end sit in this same text (no markup between) wrapped in a verdict-coloured span, and a badge
 * at each value's end. Wrapping only within one text run means the span can never mis-nest with
 * emphasis or links; the badge is always shown. `escapeText` is markdown-it's own, so text without
 * markers comes out exactly as markdown-it's `text` rule writes it. Scans characters instead of
 * collecting pieces and maps per text: 5,700 marked texts on the bench's 1 MB analysis.
 */
function renderMarkedText(text: string, env: EngineEnv, escapeText: (text: string) => string): string {
  // Every marker ends with the same character; most text of a run with a claim has none.
  const stop = text.indexOf(MARKER_STOP);
  if (stop < 0) return escapeText(text);
  return renderPairedValues(text, stop, env, escapeText) ?? renderAnyMarkers(text, stop, env, escapeText);
}

/**
 * The next marker of this render at or after `from`, as its STOP position, or -1. Document text
 * can hold STOP characters that belong to no marker (an entity decodes to one): those are passed.
 */
function nextMarkerStop(text: string, from: number, key: string): number {
  for (let stop = text.indexOf(MARKER_STOP, from); stop >= 0; stop = text.indexOf(MARKER_STOP, stop + 1)) {
    if (markerStartBefore(text, stop, from, key) >= 0) return stop;
  }
  return -1;
}

/**
 * {@link renderAnyMarkers}' result in one pass for the usual text: each start marker followed
 * directly by its own end (a value with no markup inside), and end markers whose start lies in an
 * earlier text (a value split by emphasis). Returns undefined at the first start that is not
 * followed by its end, and the caller renders the text the general way; nothing is lost but the
 * work done so far. Half the render's extra time went into the general two passes.
 */
function renderPairedValues(text: string, firstStop: number, env: EngineEnv, escapeText: (text: string) => string): string | undefined {
  const key = env.markerKey;
  let html = '';
  let last = 0;
  let badges: BadgeCache | undefined;
  for (let stop = firstStop, from = 0; stop >= 0; stop = text.indexOf(MARKER_STOP, from)) {
    const at = markerStartBefore(text, stop, from, key);
    from = stop + 1;
    if (at < 0) continue;
    const index = markerIndex(text, at, stop, key);
    if (at > last) html += escapeText(text.slice(last, at));
    last = from;
    if (text.charCodeAt(at) === START_CODE) {
      const endStop = nextMarkerStop(text, from, key);
      if (endStop < 0) return undefined;
      const endAt = markerStartBefore(text, endStop, from, key);
      if (text.charCodeAt(endAt) !== END_CODE || markerIndex(text, endAt, endStop, key) !== index) return undefined;
      const claim = env.claims[index];
      html += claim ? valueOpen(claim.verdict.status) : '<span>';
      if (endAt > last) html += escapeText(text.slice(last, endAt));
      html += '</span>';
      last = from = endStop + 1;
    }
    const claim = env.claims[index];
    if (claim) html += badgeOf(claim, badges ??= badgeCacheOf(env));
  }
  if (last < text.length) html += escapeText(text.slice(last));
  return html;
}

/**
 * The general way, for any order of markers in a text: two passes, the first finding where each
 * claim's end marker is so that a start knows whether its end follows in this same text.
 */
function renderAnyMarkers(text: string, firstStop: number, env: EngineEnv, escapeText: (text: string) => string): string {
  let stop = firstStop;
  const key = env.markerKey;
  // First pass: where each claim's (last) end marker is, counted in markers, so that a start can
  // tell in constant time whether its end follows in this text.
  let lastEndOf: IndexMap = lastEnds.reset();
  let count = 0;
  for (let from = 0, s = stop; s >= 0; s = text.indexOf(MARKER_STOP, from)) {
    const at = markerStartBefore(text, s, from, key);
    from = s + 1;
    if (at < 0) continue;
    if (text.charCodeAt(at) === END_CODE) (lastEndOf = grown(lastEndOf)).set(markerIndex(text, at, s, key), count);
    count++;
  }
  if (count === 0) return escapeText(text);
  // Second pass: the HTML.
  let open: IndexMap = openValues.reset();
  let badges: BadgeCache | undefined;
  let html = '';
  let last = 0;
  let ordinal = 0;
  for (let from = 0; stop >= 0; stop = text.indexOf(MARKER_STOP, from)) {
    const at = markerStartBefore(text, stop, from, key);
    from = stop + 1;
    if (at < 0) continue;
    if (at > last) html += escapeText(text.slice(last, at));
    last = stop + 1;
    const index = markerIndex(text, at, stop, key);
    const claim = env.claims[index];
    if (text.charCodeAt(at) === START_CODE) {
      if ((lastEndOf.get(index) ?? -1) > ordinal) {
        (open = grown(open)).set(index, 1);
        html += claim ? valueOpen(claim.verdict.status) : '<span>';
      }
    } else {
      if (open.delete(index)) html += '</span>';
      if (claim) html += badgeOf(claim, badges ??= badgeCacheOf(env));
    }
    ordinal++;
  }
  if (last < text.length) html += escapeText(text.slice(last));
  return html;
}

const valueOpens = new Map<VerdictStatus, string>();

/** The opening tag of a value span (one string per verdict, shared by every value). */
function valueOpen(status: VerdictStatus): string {
  let tag = valueOpens.get(status);
  if (tag === undefined) {
    tag = `<span class="pa-value ${verdictLook(status).className}">`;
    valueOpens.set(status, tag);
  }
  return tag;
}

/**
 * Badges built during one render, by verdict message: the badges already built for that message
 * (the same value stated again has the same badge). Each claim has one end marker, so a cache by
 * claim index was never hit; it only cost an array of the claims' length per render.
 */
type BadgeCache = Map<string, { readonly claim: MetricClaim; readonly html: string }[]>;

/** Badges built during one render (the env is per render). */
const badgeCaches = new WeakMap<EngineEnv, BadgeCache>();

function badgeCacheOf(env: EngineEnv): BadgeCache {
  let cache = badgeCaches.get(env);
  if (!cache) {
    cache = new Map();
    badgeCaches.set(env, cache);
  }
  return cache;
}

/**
 * The badge of `claim`, built once per render for each distinct metric, verdict and message: a
 * long analysis restates the same values (7,000 badges, 1,400 distinct on the bench's 1 MB text),
 * and every badge built is a dozen strings for the collector.
 */
function badgeOf(claim: MetricClaim, cache: BadgeCache): string {
  const message = claim.verdict.message;
  const same = cache.get(message);
  if (same) {
    for (const built of same) {
      if (built.claim.metricId === claim.metricId && built.claim.verdict.status === claim.verdict.status) return built.html;
    }
  }
  const html = renderBadge(claim);
  if (same) same.push({ claim, html });
  else cache.set(message, [{ claim, html }]);
  return html;
}

const ALIGN_RE = /^text-align:(left|right|center)$/;

/**
 * Whether an inline run may hold a claim marker once parsed: a marker character in its source, an
 * entity (`&#xE000;` decodes to one), or a percent-encoded marker (`%EE%80%80`, which an autolink's
 * text decodes and an address keeps). Runs without any of these are left as markdown-it made them:
 * rebuilding every run of a 1 MB document cost about a fifth of the render, most of it garbage.
 * Checked on the run's own text rather than on the claims' lines, so it is exact by construction.
 */
const MAY_HOLD_MARKER_RE = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F&]|%EE%80%/i;
/** Whether a run's text may decode to marker characters the document wrote (an entity, a percent-encoding). */
const FORGEABLE_RE = /&|%EE%80%/i;

/** A reference definition (`[r]: address "title"`) lends its address and title to runs that only say `[x][r]`. */
function referencesHoldMarkers(env: unknown): boolean {
  const references = (env as { references?: Record<string, { href?: string; title?: string }> } | undefined)?.references;
  if (!references) return false;
  for (const key of Object.keys(references)) {
    const ref = references[key];
    if (MAY_HOLD_MARKER_RE.test(ref.href ?? '') || MAY_HOLD_MARKER_RE.test(ref.title ?? '')) return true;
  }
  return false;
}

/**
 * Blocks that carry their source line (`class="code-line" data-line="N"`) for scroll sync (not
 * every table part, to keep output small) and that markdown-it renders through `renderAttrs` with
 * the token itself: {@link renderAttrsWithLine} adds the line as it renders them. A fence renders a
 * copy of its attributes, and pa_raw / pa_marker add a class when rendered: their rules store the
 * line first ({@link storeLine}).
 */
const RENDERED_LINE_TOKENS = new Set([
  'paragraph_open', 'heading_open', 'blockquote_open', 'bullet_list_open', 'ordered_list_open', 'list_item_open',
  'table_open', 'tr_open', 'code_block', 'hr',
]);

/** Stores a block's source line on it, after any attribute it has (what renderAttrsWithLine writes for one without). */
function storeLine(token: Token): void {
  if (!token.map) return;
  token.attrJoin('class', 'code-line');
  token.attrSet('data-line', String(token.map[0]));
}

/** A table cell's `style="text-align:…"` (which the webview's CSP forbids) as a `pa-align-…` class. */
function alignByClass(token: Token): void {
  const style = token.attrGet('style');
  if (style === null) return;
  token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
  const m = ALIGN_RE.exec(style);
  if (m) token.attrJoin('class', `pa-align-${m[1]}`);
}

/** Lines below this keep their attribute string between renders (at most ~4 MB of strings). */
const LINE_ATTRIBUTES_KEPT = 50_000;
const lineAttributeStrings: string[] = [];

/**
 * ` class="code-line" data-line="N"` for source line `N`, the same string object for the same line
 * in every render: written 10,000 times per render of the bench's 1 MB analysis, these strings were
 * a large share of the renderer's garbage. A pure function of the line number, so keeping them is
 * safe for any document; lines past {@link LINE_ATTRIBUTES_KEPT} are built each time.
 */
function lineAttributes(line: number): string {
  if (line >= LINE_ATTRIBUTES_KEPT) return ` class="code-line" data-line="${line}"`;
  let attributes = lineAttributeStrings[line];
  if (attributes === undefined) {
    // Filled in order, so the array stays packed (a hole would make a slow dictionary of it).
    for (let l = lineAttributeStrings.length; l <= line; l++) lineAttributeStrings.push(` class="code-line" data-line="${l}"`);
    attributes = lineAttributeStrings[line];
  }
  return attributes;
}

/**
 * markdown-it's `renderAttrs`, plus a block's source line ({@link RENDERED_LINE_TOKENS}) and table
 * cells' alignment as a class. Done while rendering rather than in a pass over the tokens after
 * parsing: that pass visited all 59,000 tokens of the bench's 1 MB analysis for the few that need
 * anything, about 6% of the render. A block without attributes gets its line written directly
 * (the line is digits, nothing to escape): storing two attribute pairs on 30,000 blocks was a
 * tenth of the engine's extra allocation.
 */
function renderAttrsWithLine(general: (token: Token) => string): (token: Token) => string {
  return (token) => {
    const type = token.type;
    if (token.attrs === null) return token.map && RENDERED_LINE_TOKENS.has(type) ? lineAttributes(token.map[0]) : '';
    if (type === 'td_open' || type === 'th_open') alignByClass(token);
    else if (RENDERED_LINE_TOKENS.has(type)) storeLine(token);
    return general(token);
  };
}

/**
 * markdown-it's `Renderer.render` (the same loop), which also removes claim markers from each inline
 * run that may hold one just before rendering it (see {@link stripInlineMarkers}); linkify has run
 * by then, so its links are covered too.
 */
function renderWithMarkers(this: MarkdownIt.Renderer, tokens: Token[], options: MarkdownIt.Options, env: EngineEnv): string {
  const everyRun = referencesHoldMarkers(env);
  const key = env.markerKey;
  const rules = this.rules;
  let result = '';
  for (let i = 0, len = tokens.length; i < len; i++) {
    const token = tokens[i];
    const type = token.type;
    if (type === 'inline') {
      const children = token.children ?? [];
      if (everyRun || MAY_HOLD_MARKER_RE.test(token.content)) stripInlineMarkers(children, false, FORGEABLE_RE.test(token.content), key);
      result += this.renderInline(children, options, env);
    } else {
      const rule = rules[type];
      result += rule !== undefined ? rule(tokens, i, options, env, this) : this.renderToken(tokens, i, options);
    }
  }
  return result;
}

/** Code's text (and a fence's info string) without claim markers: code shows no badges. */
function stripCode(token: Token, unescapeAll: (text: string) => string): void {
  token.content = stripMarkers(token.content);
  // A fence's info string becomes its language class, entities decoded when rendered.
  if (token.info) token.info = fenceInfoWithoutMarkers(token.info, unescapeAll);
}

/**
 * A fence's info string without marker characters, also those its entities and backslash escapes
 * decode to (the fence rule decodes them when it renders), re-escaped so that the fence rule's
 * decoding gives back exactly the cleaned text.
 */
function fenceInfoWithoutMarkers(info: string, unescapeAll: (text: string) => string): string {
  if (!/[&\\]/.test(info)) return stripMarkers(info);
  return stripMarkers(unescapeAll(info)).replace(/[\\&]/g, (c) => (c === '&' ? '&amp;' : '\\\\'));
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

/**
 * A cheap necessary condition for linkify-it's own `pretest`: every link it can find contains `@`,
 * `//`, a scheme (`http:`, `https:`, `ftp:`, `mailto:`), `localhost`, `www.`, `.1.` (an address)
 * or a dot, a top-level domain (2–6 letters, `xn--…` or `рф`) and no letter or digit after it.
 * linkify-it's pretest tests the same alternatives but behind a large Unicode punctuation class
 * tried at every character; run on every paragraph, table cell and heading it cost about 5% of
 * the render, though fewer than one run in fifteen holds anything link-like. Only a `false` from
 * this skips work, and then linkify-it's pretest (and its `test`, which needs one of the same
 * alternatives) would have said `false` too.
 */
export const LINKIFY_QUICK_RE = /@|\/\/|(?:https?|ftp|mailto):|localhost|www\.|\.\d{1,3}\.|\.(?:[a-z]{2,6}|xn--[a-z\d-]{1,59}|рф)(?![a-z\d])/i;

function quickLinkifyPretest(md: MarkdownIt): void {
  const linkify = md.linkify;
  const pretest = linkify.pretest.bind(linkify);
  const test = linkify.test.bind(linkify);
  linkify.pretest = (text: string): boolean => LINKIFY_QUICK_RE.test(text) && pretest(text);
  // `test` looks for the same things (a scheme, a fuzzy host, an `@`), on each text of a run that passed.
  linkify.test = (text: string): boolean => LINKIFY_QUICK_RE.test(text) && test(text);
}

/**
 * markdown-it's `normalize` core rule, which copies the whole source twice (`\r\n` → `\n`, NUL →
 * U+FFFD) even when neither occurs: about 5 ms and two source-sized strings per render of a 1 MB
 * document. The same replacements, made only when there is something to replace (prepareSource
 * has already turned line breaks into `\n`), so the parsed text is exactly the same.
 */
function normalizeWhenNeeded(state: StateCore): void {
  const src = state.src;
  if (src.includes('\r')) state.src = src.replace(/\r\n?/g, '\n');
  if (state.src.includes('\0')) state.src = state.src.replace(/\0/g, '\uFFFD');
}

/** A configured markdown-it. Reusable: per-document data travels in the {@link EngineEnv}. */
export function createMarkdownEngine(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, typographer: false, breaks: false });
  md.validateLink = isAllowedUrl;
  quickLinkifyPretest(md);
  md.core.ruler.at('normalize', normalizeWhenNeeded);
  md.block.ruler.before('table', 'pa_depth_guard', depthGuard);
  md.block.ruler.before('html_block', 'pa_marker', markerRule, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });

  md.renderer.renderAttrs = renderAttrsWithLine(md.renderer.renderAttrs.bind(md.renderer));
  md.renderer.render = renderWithMarkers;
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
  const escapeText = md.utils.escapeHtml;
  rules.text = (tokens, idx, _options, env: EngineEnv) => renderMarkedText(tokens[idx].content, env, escapeText);
  const unescapeAll = md.utils.unescapeAll;
  const defaultCodeBlock = rules.code_block;
  const defaultFence = rules.fence;
  if (!defaultCodeBlock || !defaultFence) throw new Error('markdown-it without code_block/fence rules');
  rules.code_block = (tokens, idx, options, env, self) => {
    stripCode(tokens[idx], unescapeAll);
    return defaultCodeBlock(tokens, idx, options, env, self);
  };
  rules.fence = (tokens, idx, options, env, self) => {
    stripCode(tokens[idx], unescapeAll);
    storeLine(tokens[idx]);
    return defaultFence(tokens, idx, options, env, self);
  };
  rules.pa_raw = (tokens, idx, _options, _env, self) => {
    stripCode(tokens[idx], unescapeAll);
    storeLine(tokens[idx]);
    tokens[idx].attrJoin('class', 'pa-raw');
    return `<p${self.renderAttrs(tokens[idx])}>${esc(tokens[idx].content)}</p>\n`;
  };
  rules.pa_marker = (tokens, idx, _options, env: EngineEnv, self) => {
    const kind = tokens[idx].info as MarkerKind;
    env.markersSeen.add(kind);
    storeLine(tokens[idx]);
    return `<div${self.renderAttrs(tokens[idx])}>${env.marker(kind)}</div>\n`;
  };
  return md;
}
