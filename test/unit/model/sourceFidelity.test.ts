/**
 * The bundled Pattern #17 model is faithful to its source: every line of the source page (bar a
 * short, explicit list of page chrome) is carried verbatim, and every string the model presents as
 * the source's occurs in the source. Text the extension adds (ids, aliases, units, notes) is
 * excluded by name below, so a newly added field is checked by default rather than skipped.
 */
import * as assert from 'assert';
import { bundledJson, bundledModel, sourceText } from './modelFixtures';

/** Lines of the source page that are navigation or layout, not content of the pattern. */
const PAGE_CHROME = new Set([
  '← Back to Periodic Table',
  'Read Strategic Analyses',
  'Scroll to Top',
  'STRENGTHS',
  'WEAKNESSES',
]);

/** Content lines of the source: trimmed, bullets removed, blanks and page chrome dropped. */
function sourceContentLines(): string[] {
  return sourceText()
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^•\s+/, ''))
    .filter((line) => line !== '' && !PAGE_CHROME.has(line));
}

function sentences(line: string): string[] {
  return line.split(/(?<=[.!?])\s+/).filter(Boolean);
}

type Segment = string | number;
interface FoundString {
  readonly path: readonly Segment[];
  readonly value: string;
}

function collectStrings(value: unknown, at: Segment[] = [], out: FoundString[] = []): FoundString[] {
  if (typeof value === 'string') out.push({ path: at, value });
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectStrings(v, [...at, k], out);
  }
  return out;
}

/**
 * Strings that are the extension's own, not quotations of the source. Everything else in the
 * model is presented as the source's words and must occur in it.
 */
function isExtensionOwn(path: readonly Segment[]): boolean {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.includes('aliases') || path.includes('extensionNote')) return true;
  if (last === 'id' || last === 'kind' || last === '$schema' || last === 'comparator') return true;
  if (parent === 'unit' && (last === 'label' || last === 'currency' || last === 'per')) return true;
  // Citation metadata: it names where the text comes from (file, collection, address); it does not quote it.
  if (path[0] === 'source' && (last === 'document' || last === 'collection' || last === 'url')) return true;
  return false;
}

function quotedStrings(): FoundString[] {
  return collectStrings(bundledJson()).filter((s) => !isExtensionOwn(s.path));
}

const show = (path: readonly Segment[]): string => '$' + path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');

describe('bundled model: fidelity to the source text', () => {
  it('the source fixture is the shared source document, non-trivially long', () => {
    const lines = sourceContentLines();
    assert.ok(lines.length >= 40, `only ${lines.length} content lines: is the fixture truncated?`);
    assert.ok(sourceText().includes('Pattern #17'));
  });

  it('carries every sentence of every content line of the source verbatim', () => {
    const model = quotedStrings().map((s) => s.value);
    const missing: string[] = [];
    for (const line of sourceContentLines()) {
      for (const sentence of sentences(line)) {
        if (!model.some((m) => m.includes(sentence))) missing.push(sentence);
      }
    }
    assert.deepStrictEqual(missing, [], `source sentences not carried by the model:\n${missing.join('\n')}`);
  });

  it('carries every content line whole, as one model string (no line split, merged or trimmed)', () => {
    const model = new Set(quotedStrings().map((s) => s.value));
    const notWhole = sourceContentLines().filter((line) => !model.has(line));
    assert.deepStrictEqual(notWhole, [], `source lines that are not a whole model string:\n${notWhole.join('\n')}`);
  });

  it('presents nothing as the source that the source does not say', () => {
    const source = sourceText();
    const invented = quotedStrings().filter((s) => !source.includes(s.value));
    assert.deepStrictEqual(invented.map((s) => `${show(s.path)}: ${s.value}`), []);
  });

  it('checks a meaningful share of the model (the exclusions do not hollow the check out)', () => {
    const all = collectStrings(bundledJson());
    const quoted = quotedStrings();
    assert.ok(quoted.length >= 40, `only ${quoted.length} quoted strings`);
    // The excluded strings are exactly the extension's own kinds of text.
    const excludedKinds = new Set(all.filter((s) => isExtensionOwn(s.path)).map((s) => String(s.path.find((p) => p === 'aliases' || p === 'extensionNote') ?? s.path[s.path.length - 1])));
    assert.deepStrictEqual([...excludedKinds].sort(), ['$schema', 'aliases', 'collection', 'comparator', 'currency', 'document', 'extensionNote', 'id', 'kind', 'label', 'per'].sort());
  });

  it('has the source counts: 4 metrics, 6 companies, 4 strengths, 4 weaknesses, 6 sections', () => {
    const m = bundledModel();
    assert.strictEqual(m.metrics.length, 4);
    assert.strictEqual(m.companies.length, 6);
    assert.strictEqual(m.strengths.length, 4);
    assert.strictEqual(m.weaknesses.length, 4);
    assert.strictEqual(m.sections.length, 6);
  });

  it('keeps the source order of sections, metrics, companies, strengths and weaknesses', () => {
    const m = bundledModel();
    const lines = sourceContentLines();
    const positions = (names: readonly string[]): number[] => names.map((n) => {
      const i = lines.indexOf(n);
      assert.ok(i >= 0, `"${n}" is not a line of the source`);
      return i;
    });
    const ascending = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x > xs[i - 1]);
    for (const [what, names] of [
      ['sections', m.sections.map((s) => s.title)],
      ['metrics', m.metrics.map((x) => x.name)],
      ['companies', m.companies.map((c) => c.name)],
      ['strengths', m.strengths],
      ['weaknesses', m.weaknesses],
    ] as const) {
      assert.ok(ascending(positions(names)), `${what} are not in the source's order: ${names.join(' | ')}`);
    }
    assert.deepStrictEqual(m.sections.map((s) => s.title), [
      'The Pattern', 'Key Metrics & Benchmarks', 'Who Uses This Pattern', 'Strengths & Weaknesses',
      'How AI Is Transforming This Pattern', 'Business Engineer Insight',
    ]);
    assert.deepStrictEqual(m.sections.map((s) => s.kind), ['prose', 'metrics', 'companies', 'strengthsWeaknesses', 'prose', 'prose']);
  });

  it('pairs each metric with the benchmark line under it, and each company with its note', () => {
    const m = bundledModel();
    const lines = sourceContentLines();
    for (const metric of m.metrics) assert.strictEqual(lines[lines.indexOf(metric.name) + 1], metric.benchmarkText, metric.name);
    for (const company of m.companies) assert.strictEqual(lines[lines.indexOf(company.name) + 1], company.note, company.name);
  });
});
