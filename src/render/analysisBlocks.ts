/**
 * The blocks the preview adds around an analyst's text, all built from the one `Analysis`: the
 * front-matter header, the metric scorecard, the section coverage and the verdict badge. Every
 * value interpolated here is escaped: document text and model strings are data, not markup.
 */
import { headlineClaim, headlineSource } from '../analysis/headline';
import type { Analysis, FrontMatter, MetricClaim, VerdictStatus } from '../analysis/types';
import type { Metric } from '../model/types';
import type { ScorecardHistory } from '../portfolio/types';
import { scorecardCharts } from './charts/scorecardCharts';
import { escapeAttribute as attr, escapeHtml as esc } from './html';
import { frontMatterText } from './frontMatterText';
import { verdictLook } from './verdictLabels';

/**
 * The badge after a claimed value: verdict symbol and label, the verdict's message as tooltip.
 * A value whose finding an inline suppression acknowledges keeps its true verdict, marked
 * "acknowledged", with the comment's reason in the tooltip.
 */
export function renderBadge(claim: MetricClaim): string {
  const look = verdictLook(claim.verdict.status);
  const ack = claim.acknowledged;
  const title = ack ? `${claim.verdict.message} — acknowledged${ack.reason ? `: ${ack.reason}` : ''}` : claim.verdict.message;
  return `<span class="pa-badge ${look.className}${ack ? ' pa-acknowledged' : ''}" data-metric="${attr(claim.metricId)}" title="${attr(title)}">`
    + `<span class="pa-badge-symbol" aria-hidden="true">${esc(look.symbol)}</span> ${esc(look.label)}${ack ? ' · acknowledged' : ''}</span>`;
}

/** A front-matter value as display text: bounded, so an alias bomb or a self-referring list shows a note (see frontMatterText). */
const display = frontMatterText;

/** The title a document shows: its front-matter title, if any. */
export function frontMatterTitle(frontMatter: FrontMatter | undefined): string | undefined {
  return frontMatter ? display(frontMatter.title ?? frontMatter.data.title) : undefined;
}

/** The header that replaces the YAML block: title, then subject, pattern, period and author. */
export function renderHeader(analysis: Analysis, line: number): string {
  const fm = analysis.frontMatter;
  if (!fm) return '';
  const title = frontMatterTitle(fm);
  const subject = display(fm.subject ?? fm.data.subject);
  const period = display(fm.period ?? fm.data.period);
  const author = display(fm.author ?? fm.data.author);
  const written = display(fm.pattern?.value ?? fm.data.pattern);
  const rows: string[] = [];
  const row = (key: string, label: string, valueHtml: string | undefined): void => {
    if (valueHtml) rows.push(`<div class="pa-fact pa-fact-${key}"><dt>${esc(label)}</dt><dd>${valueHtml}</dd></div>`);
  };
  row('subject', 'Subject', subject && esc(subject));
  let patternHtml: string | undefined;
  const model = analysis.pattern?.model;
  if (model) {
    const symbol = model.symbol ? `<span class="pa-symbol">${esc(model.symbol)}</span> ` : '';
    const number = model.number !== undefined ? ` <span class="pa-muted">#${esc(String(model.number))}</span>` : '';
    patternHtml = `${symbol}${esc(model.name)}${number}`;
  } else if (written) {
    patternHtml = `${esc(written)} <span class="pa-tag pa-tag-warning">unknown pattern</span>`;
  }
  row('pattern', 'Pattern', patternHtml);
  row('period', 'Period', period && esc(period));
  row('author', 'Author', author && esc(author));
  if (!title && rows.length === 0) return '';
  return `<header class="pa-header code-line" data-line="${line}">`
    + (title ? `<h1 class="pa-title">${esc(title)}</h1>` : '')
    + (rows.length ? `<dl class="pa-facts">${rows.join('')}</dl>` : '')
    + '</header>';
}

function metricCells(metric: Metric | undefined, metricId: string): { name: string; benchmark: string } {
  return { name: esc(metric?.name ?? metricId), benchmark: metric ? esc(metric.benchmarkText) : '<span class="pa-muted">—</span>' };
}

/** Verdicts in the order a reader weighs them: problems first. */
const TALLY_ORDER: readonly VerdictStatus[] = ['misses', 'impossible', 'wrong-unit', 'borderline', 'meets', 'no-benchmark'];

/** At most this many other values are named in a row; the rest are counted. */
const OTHER_VALUES_SHOWN = 3;

/**
 * "12 mentions · first on line 24", then how the mentions' verdicts split and which other values
 * they state. The line reference carries that line (0-based) as `data-source-line`: clicked in
 * the preview, it opens the editor there (src/render/sourceLineClicks.ts).
 */
function mentionsCell(claims: readonly MetricClaim[], headline: MetricClaim): string {
  // One pass over what may be thousands of mentions (no spread into Math.min: too many arguments).
  let first = Infinity;
  const tally = new Map<VerdictStatus, number>();
  let acknowledged = 0;
  const headlineText = headline.value.text.trim();
  const others = new Set<string>();
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i];
    first = Math.min(first, c.valueRange.start.line);
    tally.set(c.verdict.status, (tally.get(c.verdict.status) ?? 0) + 1);
    if (c.acknowledged) acknowledged++;
    const text = c.value.text.trim();
    if (text !== headlineText) others.add(text);
  }
  const lineRef = `<span class="pa-line-ref" data-source-line="${first}">line ${first + 1}</span>`;
  if (claims.length === 1) return `1 mention · ${lineRef}`;
  const statuses = [...tally.keys()].sort((a, b) => rank(a) - rank(b));
  // Acknowledged misses are counted apart: still misses, but known ones.
  const split = statuses.map((status) => `${count(tally.get(status) ?? 0)} ${verdictLook(status).label}`).join(' · ') + (acknowledged ? ` (${count(acknowledged)} acknowledged)` : '');
  const named = [...others].slice(0, OTHER_VALUES_SHOWN).map(esc).join(', ');
  const more = others.size > OTHER_VALUES_SHOWN ? ` and ${others.size - OTHER_VALUES_SHOWN} more` : '';
  const otherText = others.size ? `; other values: ${named}${more}` : '';
  return `${count(claims.length)} mentions · first on ${lineRef}<div class="pa-verdict-message">${esc(split)}${otherText}</div>`;
}

/** 12,345: thousands separated (toLocaleString builds a number formatter per call, milliseconds per scorecard). */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function rank(status: VerdictStatus): number {
  const i = TALLY_ORDER.indexOf(status);
  return i < 0 ? TALLY_ORDER.length : i;
}

export interface ScorecardOptions {
  /** Earlier periods of the same subject, by metric: each stated row gains a sparkline of them. */
  readonly history?: ScorecardHistory;
}

/**
 * The scorecard: one row per pattern metric, in the model's order (then any other metric the
 * analysis names). A stated metric shows its headline value ({@link headlineClaim}) with its
 * benchmark, verdict and source, and how often the document mentions it: where first, how the
 * mentions' verdicts split, and the other values stated. An unstated metric says "not stated".
 * One row per metric keeps the scorecard readable (and small) however long the analysis: a row per
 * mention was 1,000 rows and 600 KB of HTML on a 1 MB analysis.
 */
export function renderScorecard(analysis: Analysis, options: ScorecardOptions = {}): string {
  const index = analysis.pattern;
  if (!index) {
    return '<section class="pa-scorecard pa-empty"><h2 class="pa-block-title">Scorecard</h2>'
      + '<p class="pa-muted">No scorecard: the front matter names no known pattern (add <code>pattern: ai-infrastructure</code>).</p></section>';
  }
  const model = index.model;
  const byMetric = new Map<string, MetricClaim[]>();
  // Indexed: once per render, often before the optimiser has seen it (an iterator allocates per step).
  for (let i = 0; i < analysis.claims.length; i++) {
    const claim = analysis.claims[i];
    const list = byMetric.get(claim.metricId);
    if (list) list.push(claim);
    else byMetric.set(claim.metricId, [claim]);
  }
  const known = new Set(model.metrics.map((m) => m.id));
  const order = [...model.metrics.map((m) => m.id), ...[...byMetric.keys()].filter((id) => !known.has(id))];
  const rows: string[] = [];
  let stated = 0;
  const period = display(analysis.frontMatter?.period ?? analysis.frontMatter?.data.period);
  for (const metricId of order) {
    const { name, benchmark } = metricCells(index.metric(metricId), metricId);
    const claims = byMetric.get(metricId) ?? [];
    if (claims.length === 0) {
      rows.push(`<tr class="pa-row-missing"><th scope="row">${name}</th><td class="pa-muted">not stated</td><td class="pa-chart-cell"></td><td>${benchmark}</td>`
        + '<td><span class="pa-badge pa-verdict-none">— not stated</span></td><td class="pa-muted">—</td><td class="pa-muted">—</td></tr>');
      continue;
    }
    stated++;
    const headline = headlineClaim(claims);
    // The same value stated again elsewhere may be the statement that names its source.
    const source = headlineSource(claims, headline);
    const look = verdictLook(headline.verdict.status);
    rows.push(`<tr class="pa-row ${look.className}" data-source-line="${headline.valueRange.start.line}"><th scope="row">${name}</th>`
      + `<td class="pa-value">${esc(headline.value.text)}</td>`
      + `<td class="pa-chart-cell">${scorecardCharts(index.metric(metricId), headline, period, options.history?.[metricId])}</td><td>${benchmark}</td>`
      + `<td>${renderBadge(headline)}<div class="pa-verdict-message">${esc(headline.verdict.message)}</div></td>`
      + `<td>${source ? esc(source) : '<span class="pa-muted">—</span>'}</td>`
      + `<td class="pa-mentions">${mentionsCell(claims, headline)}</td></tr>`);
  }
  return `<section class="pa-scorecard"><h2 class="pa-block-title">Scorecard <span class="pa-muted">· ${esc(model.name)} · ${stated} of ${order.length} metrics stated</span></h2>`
    + '<table class="pa-scorecard-table"><thead><tr><th>Metric</th><th>Value</th><th><span class="pa-visually-hidden">Chart</span></th><th>Benchmark</th><th>Verdict</th><th>Source</th><th>Mentions</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table></section>`;
}

/** Which of the pattern's sections the analysis has (present) and which it lacks (missing). */
export function renderCoverage(analysis: Analysis): string {
  const index = analysis.pattern;
  if (!index) return '';
  const present = analysis.sections.filter((s) => s.present).length;
  const items = analysis.sections.map((s) => {
    const section = index.model.sections.find((x) => x.id === s.sectionId);
    const title = esc(section?.title ?? s.sectionId);
    return s.present
      ? `<li class="pa-section-present"${s.line !== undefined ? ` data-source-line="${s.line}"` : ''}><span class="pa-mark" aria-hidden="true">✓</span> ${title}</li>`
      : `<li class="pa-section-missing"><span class="pa-mark" aria-hidden="true">✗</span> ${title} <span class="pa-muted">— missing</span></li>`;
  });
  return `<section class="pa-coverage"><h2 class="pa-block-title">Sections <span class="pa-muted">· ${present} of ${analysis.sections.length} present</span></h2>`
    + `<ul class="pa-coverage-list">${items.join('')}</ul></section>`;
}
