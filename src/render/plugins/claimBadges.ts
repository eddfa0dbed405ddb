/**
 * Verdict badges at the analysis' claims. Before parsing, src/render/claimMarks.ts wraps each
 * claimed value in invisible claim markers; markdown-it carries them into whichever text token the
 * value lands in (a table cell, emphasis, a link's text...). docs/architecture.md, "Claim
 * markers", explains the whole path with a diagram. This plugin
 * - removes them where no badge can show: code, addresses, titles, alt text (a core rule, after
 *   linkify so that its links are covered too), and turns marker characters the document forged
 *   through an entity or a percent-encoding into U+FFFD, as written ones already are;
 * - renders text tokens (the `text` rule): each value whose start and end markers sit in the same
 *   text wrapped in a verdict-coloured span, and a badge at each value's end.
 * Wrapping only within one text token means a span can never mis-nest with emphasis or links.
 */
import type MarkdownIt from 'markdown-it';
import type { MetricClaim } from '../../analysis/types';
import { renderBadge } from '../analysisBlocks';
import {
  END_CODE, ENCODED_MARKER_RE, HAS_MARKER_CHAR_RE, MARKER_CHARS_RE, MARKER_STOP, markerIndex, markerStartBefore, neutraliseForgedMarkers, START_CODE,
} from '../claimMarks';
import { verdictLook } from '../verdictLabels';

type Token = MarkdownIt.Token;

/** What this plugin reads in markdown-it's per-render `env` (src/render/claimMarks.ts `prepareSource` makes both). */
export interface ClaimEnv {
  /** The claims by marker index. */
  readonly claims: readonly MetricClaim[];
  /** This render's marker key: a marker without it was written by the document and shows no badge. */
  readonly markerKey: string;
}

const stripMarkers = (text: string): string => text.replace(MARKER_CHARS_RE, '');

/**
 * Whether an inline run may hold a claim marker once parsed: a marker character in its source, an
 * entity (`&#xE000;` decodes to one), or a percent-encoded marker (`%EE%80%80`, which an autolink's
 * text decodes and an address keeps). Runs without any of these are left as markdown-it made them.
 */
const MAY_HOLD_MARKER_RE = /[\uE000-\uE002\uE010-\uE019\uE020-\uE02F&]|%EE%80%/i;
/** Whether a run's text may decode to marker characters the document wrote (an entity, a percent-encoding). */
const FORGEABLE_RE = /&|%EE%80%/i;
/** A '%' then, past any marker characters, an 'E': where a percent-encoded marker could start. */
const PERCENT_E_RE = /%[\uE000-\uE002\uE010-\uE019\uE020-\uE02F]*e/i;

/**
 * Whether a run's source may spell a marker character through an entity or a percent-encoding.
 * Read without this render's markers: one may fall inside a spelling (`%\uE002…EE%80%A0`) that
 * markdown-it decodes once the markers are gone from the text (before a link is made).
 */
function mayForge(content: string): boolean {
  if (FORGEABLE_RE.test(content)) return true;
  // Past that test no '&' is left: only a `%EE%80%` that this render's markers cut can remain, and
  // it needs a '%' followed (across markers) by an 'E'. Checked before the copy without markers,
  // which every claimed percentage ("72%") made otherwise.
  return PERCENT_E_RE.test(content) && HAS_MARKER_CHAR_RE.test(content) && FORGEABLE_RE.test(content.replace(MARKER_CHARS_RE, ''));
}

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
 * Removes the claim markers from an inline run where they must not show: inline code, link and
 * image addresses and titles, and an image's alt text (`asText`: plain text, so the value stays
 * without a badge). Text tokens keep theirs for the `text` rule. When `forgeable`, text tokens lose
 * every marker character that is not part of one of this render's markers.
 */
function stripInlineMarkers(children: readonly Token[], asText: boolean, forgeable: boolean, key: string): void {
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'text') {
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

/**
 * A fence's info string (its language class) without marker characters, also those its entities
 * and backslash escapes decode to (the fence rule decodes them when it renders), re-escaped so that
 * the fence rule's decoding gives back exactly the cleaned text.
 */
function fenceInfoWithoutMarkers(info: string, unescapeAll: (text: string) => string): string {
  if (!/[&\\]/.test(info)) return stripMarkers(info);
  return stripMarkers(unescapeAll(info)).replace(/[\\&]/g, (c) => (c === '&' ? '&amp;' : '\\\\'));
}

/** The core rule: markers stay only in text tokens, and only this render's. */
function markersInTextOnly(state: MarkdownIt.StateCore): void {
  const env = state.env as ClaimEnv;
  const key = env.markerKey;
  const everyRun = referencesHoldMarkers(env);
  const unescapeAll = state.md.utils.unescapeAll;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'inline') {
      if (everyRun || MAY_HOLD_MARKER_RE.test(token.content)) stripInlineMarkers(token.children ?? [], false, mayForge(token.content), key);
      continue;
    }
    // Block content is code (or text shown as code-like plain text): no badges there.
    if (token.content && HAS_MARKER_CHAR_RE.test(token.content)) token.content = stripMarkers(token.content);
    if (token.type === 'fence' && token.info) token.info = fenceInfoWithoutMarkers(token.info, unescapeAll);
  }
}

/** The opening tag of a value's span, coloured by its verdict. */
function valueOpen(claim: MetricClaim | undefined): string {
  return claim ? `<span class="pa-value ${verdictLook(claim.verdict.status).className}">` : '<span>';
}

/** The next marker of this render at or after `from`, as its STOP position, or -1 (STOPs of forged markers are passed). */
function nextMarkerStop(text: string, from: number, key: string): number {
  for (let stop = text.indexOf(MARKER_STOP, from); stop >= 0; stop = text.indexOf(MARKER_STOP, stop + 1)) {
    if (markerStartBefore(text, stop, from, key) >= 0) return stop;
  }
  return -1;
}

/** Where each claim's end marker is, for the end markers at or after `from`. */
function endMarkers(text: string, from: number, key: string): Map<number, number> {
  const ends = new Map<number, number>();
  for (let stop = text.indexOf(MARKER_STOP, from); stop >= 0; stop = text.indexOf(MARKER_STOP, from)) {
    const at = markerStartBefore(text, stop, from, key);
    from = stop + 1;
    if (at >= 0 && text.charCodeAt(at) === END_CODE) ends.set(markerIndex(text, at, stop, key), at);
  }
  return ends;
}

/**
 * The HTML of a text token: its text escaped (by markdown-it's own `escapeHtml`, so text without
 * markers comes out exactly as markdown-it's `text` rule writes it), each value whose start and
 * end markers both sit in this text wrapped in a span, and a badge at each end marker.
 * Almost every value is a start marker followed directly by its own end (no markup inside): that
 * case needs no look-up. Otherwise (nested or overlapping values, a value split by emphasis) a
 * start opens a span only if its end follows in this text, found in a table of the text's end
 * markers built once, on first need.
 */
function renderMarkedText(text: string, env: ClaimEnv, escapeText: (text: string) => string): string {
  let stop = text.indexOf(MARKER_STOP);
  if (stop < 0) return escapeText(text);
  const key = env.markerKey;
  let html = '';
  let last = 0;
  let ends: Map<number, number> | undefined;
  let open: number[] | undefined;
  for (let from = 0; stop >= 0; stop = text.indexOf(MARKER_STOP, from)) {
    const at = markerStartBefore(text, stop, from, key);
    from = stop + 1;
    if (at < 0) continue;
    if (at > last) html += escapeText(text.slice(last, at));
    last = from;
    const index = markerIndex(text, at, stop, key);
    const claim = env.claims[index];
    if (text.charCodeAt(at) === START_CODE) {
      const endStop = nextMarkerStop(text, from, key);
      const endAt = endStop < 0 ? -1 : markerStartBefore(text, endStop, from, key);
      if (endAt >= 0 && text.charCodeAt(endAt) === END_CODE && markerIndex(text, endAt, endStop, key) === index) {
        html += valueOpen(claim);
        if (endAt > last) html += escapeText(text.slice(last, endAt));
        html += '</span>';
        if (claim) html += renderBadge(claim);
        last = from = endStop + 1;
      } else if (((ends ??= endMarkers(text, from, key)).get(index) ?? -1) > at) {
        (open ??= []).push(index);
        html += valueOpen(claim);
      }
    } else {
      const o = open ? open.lastIndexOf(index) : -1;
      if (o >= 0) {
        open?.splice(o, 1);
        html += '</span>';
      }
      if (claim) html += renderBadge(claim);
    }
  }
  if (last < text.length) html += escapeText(text.slice(last));
  return html;
}

export function claimBadges(md: MarkdownIt): void {
  md.core.ruler.push('pa_claim_markers', markersInTextOnly);
  const escapeText = md.utils.escapeHtml;
  md.renderer.rules.text = (tokens, idx, _options, env: ClaimEnv) => renderMarkedText(tokens[idx].content, env, escapeText);
}
