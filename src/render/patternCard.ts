/**
 * The pattern card: a pattern model as one HTML page, in the spirit of a periodic-table tile
 * (number, symbol, name, family, market size, tagline) followed by every section in the source's
 * order. Model strings are data — workspace models may be hostile — so every one is escaped and
 * none is read as markdown or HTML. Each item carries `data-entity` (its entity key) so a view can
 * scroll to it.
 */
import { entityKey } from '../model/patternIndex';
import type { PatternModel, Section } from '../model/types';
import { escapeAttribute as attr, escapeHtml as esc } from './html';
import { classifyUrl } from './linkSafety';

function paragraphs(section: Section): string {
  return section.paragraphs.map((p, i) => `<p class="pa-card-paragraph" data-entity="${attr(`paragraph:${section.id}:${i}`)}">${esc(p)}</p>`).join('');
}

function metricsList(model: PatternModel): string {
  const items = model.metrics.map((metric) => {
    const key = entityKey({ kind: 'metric', model, metric });
    const note = metric.extensionNote;
    const notes = [`unit: ${metric.unit.label}`];
    if (note?.direction) notes.push(`${note.direction} is better`);
    if (note?.definition) notes.push(`definition: ${note.definition}`);
    return `<li class="pa-card-metric" data-entity="${attr(key)}"><div class="pa-card-item-name">${esc(metric.name)}</div>`
      + `<div class="pa-card-benchmark"><span class="pa-muted">Benchmark</span> ${esc(metric.benchmarkText)}</div>`
      + `<div class="pa-card-note" title="Added by Pattern Analyst, not from the source">Pattern Analyst note: ${esc(notes.join('; '))}</div></li>`;
  });
  return `<ul class="pa-card-metrics">${items.join('')}</ul>`;
}

function companiesList(model: PatternModel): string {
  const items = model.companies.map((company) => {
    const key = entityKey({ kind: 'company', model, company });
    return `<li class="pa-card-company" data-entity="${attr(key)}"><span class="pa-card-item-name">${esc(company.name)}</span>`
      + `<span class="pa-card-company-note">${esc(company.note)}</span></li>`;
  });
  return `<ul class="pa-card-companies">${items.join('')}</ul>`;
}

function strengthsWeaknesses(model: PatternModel): string {
  const list = (kind: 'strength' | 'weakness', items: readonly string[]): string =>
    items.map((text, index) => `<li data-entity="${attr(entityKey({ kind, model, index, text }))}">${esc(text)}</li>`).join('');
  return '<div class="pa-card-sw">'
    + `<div class="pa-card-strengths" data-entity="group:strengths"><h3>Strengths</h3><ul>${list('strength', model.strengths)}</ul></div>`
    + `<div class="pa-card-weaknesses" data-entity="group:weaknesses"><h3>Weaknesses</h3><ul>${list('weakness', model.weaknesses)}</ul></div>`
    + '</div>';
}

function sourceBlock(model: PatternModel): string {
  const src = model.source;
  const parts: string[] = [];
  if (src.closing) parts.push(`<p class="pa-card-closing">${esc(src.closing)}</p>`);
  const credit = [src.publisher, src.author].filter((s): s is string => Boolean(s)).map(esc).join(' · ');
  const where = [src.collection, src.document].filter((s): s is string => Boolean(s)).map(esc).join(' · ');
  const lines: string[] = [];
  if (credit) lines.push(`Source: ${credit}`);
  if (where) lines.push(where);
  if (src.url) {
    // Only an https address becomes a link; anything else (javascript:, command:...) stays text.
    lines.push(classifyUrl(src.url) === 'https'
      ? `<a href="${attr(src.url)}" rel="noopener noreferrer">${esc(src.url)}</a>`
      : `<span class="pa-muted">${esc(src.url)}</span>`);
  }
  if (lines.length) parts.push(`<p class="pa-card-credit">${lines.join('<br>')}</p>`);
  return parts.length ? `<footer class="pa-card-source">${parts.join('')}</footer>` : '';
}

/** The card's HTML body (no page around it): used by the card panel and by an HTML export of a model. */
export function renderPatternCard(model: PatternModel): string {
  const tile = '<div class="pa-card-tile" data-entity="pattern">'
    + `<div class="pa-card-number">${model.number !== undefined ? esc(String(model.number)) : ''}</div>`
    + `<div class="pa-card-symbol">${esc(model.symbol ?? Array.from(model.name).slice(0, 2).join(''))}</div>`
    + `<div class="pa-card-name">${esc(model.name)}</div>`
    + (model.family ? `<div class="pa-card-family">${esc(model.family)}</div>` : '')
    + '</div>';
  const facts = [
    model.title && `<h1 class="pa-card-title">${esc(model.title)}</h1>`,
    model.tagline && `<p class="pa-card-tagline">${esc(model.tagline)}</p>`,
    model.marketSize && `<p class="pa-card-market"><span class="pa-muted">Market size</span> <strong>${esc(model.marketSize)}</strong></p>`,
    model.source.headerLines.length ? `<p class="pa-card-header-lines pa-muted">${model.source.headerLines.map(esc).join('<br>')}</p>` : '',
  ].filter(Boolean).join('');
  const sections = model.sections.map((section) => {
    const key = entityKey({ kind: 'section', model, section });
    let inner = paragraphs(section);
    if (section.kind === 'metrics') inner += metricsList(model);
    else if (section.kind === 'companies') inner += companiesList(model);
    else if (section.kind === 'strengthsWeaknesses') inner += strengthsWeaknesses(model);
    return `<section class="pa-card-section pa-card-section-${attr(section.kind)}" data-entity="${attr(key)}"><h2>${esc(section.title)}</h2>${inner}</section>`;
  });
  return `<article class="pa-card" data-model="${attr(model.id)}"><div class="pa-card-top">${tile}<div class="pa-card-facts">${facts}</div></div>`
    + `${sections.join('')}${sourceBlock(model)}</article>`;
}
