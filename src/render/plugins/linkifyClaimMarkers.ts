/**
 * Keeps claim markers out of the links linkify makes from bare addresses. markdown-it's linkify
 * rule reads a text token's characters as they are, and linkify-it counts private-use characters
 * as letters: a claimed value inside `www.x.io` or `https://example.com/72%` put its markers into
 * the address, punycoded or percent-encoded, so the per-render key reached the `href` and the
 * address changed from render to render (and pointed elsewhere). Two core rules, before markdown-it
 * links anything (its inline `linkify` rule for `scheme://` addresses, its core `linkify` rule for
 * the rest), remove the markers from the parts of the text that will become links, so linkify sees
 * exactly the text plain markdown-it sees and makes the same address and link text.
 * A third, after markdown-it's `linkify`, puts back a paragraph's source that linkify had to read
 * without markers (see paragraphMayLink).
 * A value inside a bare address therefore shows without a badge (the scorecard still lists it);
 * values outside keep theirs. Uses only `md.linkify` (linkify-it's public API) and a core rule.
 */
import type MarkdownIt from 'markdown-it';
import { HAS_MARKER_CHAR_RE, MARKER_CHARS_RE } from '../claimMarks';

/** Passes over one text after the first; past them every marker of the text goes (bounded work). */
const MAX_PASSES = 3;

const isMarkerCode = (code: number): boolean => (code >= 0xe000 && code <= 0xe002) || (code >= 0xe010 && code <= 0xe019) || (code >= 0xe020 && code <= 0xe02f);

/**
 * `text` without the marker characters whose place, counted in the text without markers, lies in
 * one of `ranges` (from a link's first character to just after its last, both included: a marker
 * touching a link would be read as part of it).
 */
function removeMarkersIn(text: string, ranges: readonly { readonly index: number; readonly lastIndex: number }[], countMarkers: boolean): string {
  let out = '';
  let place = 0;
  let r = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const marker = isMarkerCode(code);
    if (marker) {
      while (r < ranges.length && ranges[r].lastIndex < place) r++;
      if (r < ranges.length && ranges[r].index <= place) continue;
    }
    out += text[i];
    if (!marker || countMarkers) place++;
  }
  return out;
}

/**
 * What linkify-it treats as the edge of any link (a link never contains one): its Z (spaces) and
 * Cc (controls, line breaks) classes. Its every rule reads such a character exactly as it reads
 * the start or end of the text, so a text's links are the links of its runs between them.
 */
const LINK_EDGE = /[\p{Z}\p{Cc}]/u;

/**
 * Whether the character at `i` is a {@link LINK_EDGE}: ASCII and the markers answered by their
 * code, the rest by the regex (called for every character of a marked word: the Unicode-property
 * regex on a one-character string each time was most of the scan's cost).
 */
function isLinkEdge(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code <= 0x20 || code === 0x7f;
  if (isMarkerCode(code)) return false;
  return LINK_EDGE.test(text[i]);
}

/** Finds the marker characters of a text one after another (see {@link unmarkLinks}). */
const MARKER_SCAN_RE = new RegExp(HAS_MARKER_CHAR_RE.source, 'g');

/**
 * The text linkify will see for a text token: its markers gone wherever they would fall in a link.
 * Only the runs between {@link LINK_EDGE} characters that hold a marker are looked at (links
 * cannot cross an edge, and linkify reads an edge as the text's start or end): most of a
 * paragraph's text is copied as it is, and linkify reads a few short words instead of the whole
 * text twice or more (it was a fifth of the render of the bench's 1 MB analysis).
 */
function unmarkLinks(text: string, md: MarkdownIt, mayLink: () => boolean = () => true): string {
  let out = '';
  let last = 0;
  // One global regex for every call (not re-entered: unmarkRun uses other regexes), reset here; a
  // new RegExp per marked text was one more object for each of ~5,700 texts per 1 MB render.
  const markers = MARKER_SCAN_RE;
  markers.lastIndex = 0;
  for (let found = markers.exec(text); found; found = markers.exec(text)) {
    const at = found.index;
    let start = at;
    while (start > last && !isLinkEdge(text, start - 1)) start--;
    let end = at + 1;
    while (end < text.length && !isLinkEdge(text, end)) end++;
    const run = text.slice(start, end);
    const unmarked = unmarkRun(run, md, mayLink);
    markers.lastIndex = end;
    // Most runs are no link and come back as they were: the text is rebuilt only from the first
    // run that changed (rebuilding every marked text was most of this pass's garbage).
    if (unmarked === run) continue;
    out += text.slice(last, start) + unmarked;
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * {@link unmarkLinks} for one run without a link edge. `mayLink` is asked (last: it may read a
 * whole paragraph) whether markdown-it will look for links in this run's paragraph at all.
 */
function unmarkRun(text: string, md: MarkdownIt, mayLink: () => boolean): string {
  const plain = text.replace(MARKER_CHARS_RE, '');
  // linkify-it's pretest is its own quick necessary check: no hint of a link, with or without the markers.
  if ((!md.linkify.pretest(plain) && !md.linkify.pretest(text)) || !mayLink()) return text;
  // Where plain markdown-it would link: the places counted without markers.
  let out = removeMarkersIn(text, md.linkify.match(plain) ?? [], false);
  // Markers outside those links may still join one (linkify reads them as letters): take them out
  // of whatever linkify now matches, a few times, then every marker of this run.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const touched = (md.linkify.match(out) ?? []).filter((m) => HAS_MARKER_CHAR_RE.test(out.slice(Math.max(0, m.index - 1), m.lastIndex + 1)));
    if (touched.length === 0) return out;
    out = removeMarkersIn(out, touched.map((m) => ({ index: m.index - 1, lastIndex: m.lastIndex })), true);
  }
  return out.replace(MARKER_CHARS_RE, '');
}

/**
 * Before `inline`: markdown-it 14 links `scheme://` addresses while it parses inline source (its
 * inline `linkify` rule), so their markers must go from the inline runs' source already. Any part
 * of a run that reads as an address loses its markers: a value there shows without a badge.
 */
function unmarkAddressesInSource(state: MarkdownIt.StateCore): void {
  const md = state.md;
  if (!md.options.linkify) return;
  // Indexed loops in these once-per-render passes: they run before the optimiser sees them, and
  // an array iterator there allocated a result object per token (~4 MB per 1 MB render each).
  const tokens = state.tokens;
  for (let b = 0; b < tokens.length; b++) {
    const block = tokens[b];
    // That rule starts only at a `://`: a run without one (markers left out: they may split one,
    // and plain markdown-it would link there) is left to the pass over the text tokens.
    if (block.type !== 'inline' || !HAS_MARKER_CHAR_RE.test(block.content)) continue;
    // ':' and '/' must both be there before the copy without markers can hold a '://'.
    const content = block.content;
    if (content.includes(':') && content.includes('/') && content.replace(MARKER_CHARS_RE, '').includes('://')) block.content = unmarkLinks(block.content, md);
  }
}

/**
 * Paragraphs whose source linkify must read without markers, each with its source to put back
 * after it (see {@link unmarkBareLinks}); per render.
 */
const readWithoutMarkers = new WeakMap<MarkdownIt.StateCore, { readonly block: MarkdownIt.Token; readonly content: string }[]>();

/**
 * Whether markdown-it's linkify will look at a paragraph, as plain markdown-it decides it: its
 * pretest of the paragraph's source without markers. A marker can hide what the pretest looks for
 * (`~~est.0.com~~`: the ".0." it finds, with a claimed 0), and then markdown-it would skip a
 * paragraph plain markdown-it links; such a paragraph's source is shown to linkify without
 * markers (and put back after it, for the rules that read it later).
 */
function paragraphMayLink(state: MarkdownIt.StateCore, block: MarkdownIt.Token): boolean {
  const linkify = state.md.linkify;
  if (linkify.pretest(block.content)) return true;
  const plain = block.content.replace(MARKER_CHARS_RE, '');
  if (!linkify.pretest(plain)) return false;
  let list = readWithoutMarkers.get(state);
  if (!list) readWithoutMarkers.set(state, (list = []));
  list.push({ block, content: block.content });
  block.content = plain;
  return true;
}

/** After `linkify`: the paragraphs' sources as they were (with their markers). */
function restoreParagraphSources(state: MarkdownIt.StateCore): void {
  const list = readWithoutMarkers.get(state);
  if (!list) return;
  for (const { block, content } of list) block.content = content;
  readWithoutMarkers.delete(state);
}

/** Before `linkify`: the text tokens it will look at (not inside links), for what the source pass did not see. */
function unmarkBareLinks(state: MarkdownIt.StateCore): void {
  const md = state.md;
  if (!md.options.linkify) return;
  const tokens = state.tokens;
  // markdown-it's linkify skips a paragraph on its pretest of the paragraph's source; asked only
  // once a marked word looks like part of a link, as few do. One closure for the render, reading
  // the current block (a closure per block was ~3 MB of garbage per 1 MB render).
  let block: MarkdownIt.Token | undefined;
  let pretest: boolean | undefined;
  const mayLink = (): boolean => (pretest ??= block !== undefined && paragraphMayLink(state, block));
  for (let b = 0; b < tokens.length; b++) {
    block = tokens[b];
    if (block.type !== 'inline' || !block.children || !HAS_MARKER_CHAR_RE.test(block.content)) continue;
    pretest = undefined;
    const children = block.children;
    let linkLevel = 0;
    for (let c = 0; c < children.length; c++) {
      const token = children[c];
      if (token.type === 'link_open') linkLevel++;
      else if (token.type === 'link_close') linkLevel--;
      else if (linkLevel === 0 && token.type === 'text' && HAS_MARKER_CHAR_RE.test(token.content)) token.content = unmarkLinks(token.content, md, mayLink);
    }
  }
}

export function linkifyClaimMarkers(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'pa_unmark_addresses', unmarkAddressesInSource);
  md.core.ruler.before('linkify', 'pa_unmark_bare_links', unmarkBareLinks);
  md.core.ruler.after('linkify', 'pa_restore_paragraph_sources', restoreParagraphSources);
}
