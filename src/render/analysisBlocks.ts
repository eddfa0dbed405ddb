/**
 * The blocks the preview adds around an analyst's text, all built from the one `Analysis`: the
 * front-matter header, the metric scorecard, the section coverage and the verdict badge. Every
 * value interpolated here is escaped: document text and model strings are data, not markup.
 */
import type { Analysis, FrontMatter, MetricClaim } from '../analysis/types';
import type { Metric } from '../model/types';
import { escapeAttribute as attr, escapeHtml as esc } from './html';
import { verdictLook } from './verdictLabels';

/** The badge after a claimed value: verdict symbol and label, the verdict's message as tooltip. */
export function renderBadge(claim: MetricClaim): string {
  const look = verdictLook(claim.verdict.status);
  return `<span class="pa-badge ${look.className}" data-metric="${attr(claim.metricId)}" title="${attr(claim.verdict.message)}">`
    + `<span class="pa-badge-symbol" aria-hidden="true">${esc(look.symbol)}</span> ${esc(look.label)}</span>`;
}

/** A front-matter value as display text; objects and lists are flattened, not dumped as YAML. */
function display(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(display).filter((v) => v !== undefined).join(', ') || undefined;
  return undefined;
}

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

/**
 * The scorecard: one row per stated value (metric, value, benchmark, verdict, source), and one
 * "not stated" row per pattern metric the analysis gives no value for, in the model's order.
 */
export function renderScorecard(analysis: Analysis): string {
  const index = analysis.pattern;
  if (!index) {
    return '<section class="pa-scorecard pa-empty"><h2 class="pa-block-title">Scorecard</h2>'
      + '<p class="pa-muted">No scorecard: the front matter names no known pattern (add <code>pattern: ai-infrastructure</code>).</p></section>';
  }
  const model = index.model;
  const byMetric = new Map<string, MetricClaim[]>();
  for (const claim of analysis.claims) {
    const list = byMetric.get(claim.metricId) ?? [];
    // The same value stated twice (the table, then a sentence about it) is one row: the first
    // statement, or the one that names a source.
    const same = list.findIndex((c) => c.value.low === claim.value.low && c.value.high === claim.value.high && c.verdict.status === claim.verdict.status);
    if (same < 0) list.push(claim);
    else if (!list[same].source && claim.source) list[same] = claim;
    byMetric.set(claim.metricId, list);
  }
  const order = [...model.metrics.map((m) => m.id), ...[...byMetric.keys()].filter((id) => !model.metrics.some((m) => m.id === id))];
  const rows: string[] = [];
  let stated = 0;
  for (const metricId of order) {
    const { name, benchmark } = metricCells(index.metric(metricId), metricId);
    const claims = byMetric.get(metricId) ?? [];
    if (claims.length === 0) {
      rows.push(`<tr class="pa-row-missing"><th scope="row">${name}</th><td class="pa-muted">not stated</td><td>${benchmark}</td>`
        + '<td><span class="pa-badge pa-verdict-none">— not stated</span></td><td class="pa-muted">—</td></tr>');
      continue;
    }
    stated++;
    for (const claim of claims) {
      const look = verdictLook(claim.verdict.status);
      rows.push(`<tr class="pa-row ${look.className}" data-source-line="${claim.valueRange.start.line}"><th scope="row">${name}</th>`
        + `<td class="pa-value">${esc(claim.value.text)}</td><td>${benchmark}</td>`
        + `<td>${renderBadge(claim)}<div class="pa-verdict-message">${esc(claim.verdict.message)}</div></td>`
        + `<td>${claim.source ? esc(claim.source) : '<span class="pa-muted">—</span>'}</td></tr>`);
    }
  }
  return `<section class="pa-scorecard"><h2 class="pa-block-title">Scorecard <span class="pa-muted">· ${esc(model.name)} · ${stated} of ${order.length} metrics stated</span></h2>`
    + '<table class="pa-scorecard-table"><thead><tr><th>Metric</th><th>Value</th><th>Benchmark</th><th>Verdict</th><th>Source</th></tr></thead>'
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
