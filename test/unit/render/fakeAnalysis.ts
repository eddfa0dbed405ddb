/**
 * Builds analyses by hand for renderer tests: the renderer only reads the contract, so a test can
 * state exactly which claims, verdicts and sections exist and check how they are shown. Values are
 * located in the text by search, as the analysis core would report them.
 */
import type { Analysis, FrontMatter, MetricClaim, TextRange, VerdictStatus } from '../../../src/analysis/types';
import { bundledIndex } from '../../../src/model/bundledModel';

export function rangeOf(text: string, needle: string, occurrence = 0): TextRange {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" not found in the test text`);
  }
  const pos = (o: number): { line: number; character: number } => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(offset), end: pos(offset + needle.length) };
}

export function claim(text: string, metricId: string, valueText: string, status: VerdictStatus, message: string, extra: Partial<MetricClaim> = {}): MetricClaim {
  const valueRange = rangeOf(text, valueText, 0);
  const number = Number(valueText.replace(/[^\d.]/g, ''));
  return {
    metricId,
    nameRange: valueRange,
    valueRange,
    value: { kind: 'percent', low: number, high: number, text: valueText },
    verdict: { status, message },
    context: 'table',
    ...extra,
  };
}

export function frontMatter(text: string, data: Record<string, string>): FrontMatter {
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: close, character: 3 } },
    data,
    ...(data.pattern ? { pattern: { value: data.pattern, range: rangeOf(text, data.pattern) } } : {}),
    subject: data.subject,
    period: data.period,
    author: data.author,
    title: data.title,
  };
}

/** An analysis of `text` against the bundled model with the given claims and present sections. */
export function analysis(_text: string, claims: MetricClaim[], presentSections: string[], fm?: FrontMatter): Analysis {
  const index = bundledIndex();
  return {
    isAnalysis: true,
    ...(fm ? { frontMatter: fm } : {}),
    pattern: index,
    headings: [],
    claims,
    sections: index.model.sections.map((s) => ({ sectionId: s.id, present: presentSections.includes(s.id) })),
    metrics: index.model.metrics.map((m) => ({ metricId: m.id, claims: claims.filter((c) => c.metricId === m.id) })),
    findings: [],
  };
}

export const EMPTY_ANALYSIS: Analysis = { isAnalysis: false, headings: [], claims: [], sections: [], metrics: [], findings: [] };
