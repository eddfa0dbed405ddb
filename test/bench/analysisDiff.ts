/**
 * A differential check for speed work on the analysis core: dumps what `analyzeText` answers for
 * the samples, every markdown fixture, generated analyses (many seeds, the bench's sizes, CRLF),
 * mutated analyses and token soup (fast-check, fixed seed), the hostile documents, and a few
 * option sets, so a change that should only make it faster can be shown to change nothing.
 *
 *   node out/test/bench/analysisDiff.js --write=<dir>   record the answers of this build
 *   node out/test/bench/analysisDiff.js --check=<dir>   compare this build with a record
 *
 * Each answer is stored as canonical JSON (keys sorted, the pattern index by its id), one file per
 * input, so a difference can be read with `diff`. Not a test: a record is only meaningful between
 * two builds of one branch, while a change to what the rules say is being ruled out.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeText, type AnalyzeOptions } from '../../src/analysis/analyze';
import { AnalysisMemo } from '../../src/analysis/analysisMemo';
import { PatternIndex } from '../../src/model/patternIndex';
import { loadModelSet } from '../../src/model/modelSet';
import type { PatternCatalog } from '../../src/model/patternCatalog';
import { generateAnalysis } from '../support/analysisGenerator';
import { mutatedAnalysis, tokenSoup } from '../support/fuzzArbitraries';
import { hostileDocuments } from '../support/hostileInputs';
import { analysisOfBytes, bundledCatalog, SIZES } from './benchInputs';
import { REPO_ROOT } from './optionalModule';
import { typingVersions } from './coreFigures';

/** Front matter at the edges of what is read without js-yaml (src/analysis/plainYaml.ts). */
const FRONT_MATTERS = [
  'pattern: AI Infrastructure', 'pattern: 17', 'pattern: "17"', "pattern: '#17'", 'pattern: 017', 'pattern: 1e5', 'pattern: true', 'pattern: null', 'pattern:',
  'pattern: ai-infrastructure # a note', 'pattern: ai-infrastructure\npattern: 17', 'pattern: ai-infrastructure\nsubject: [CoreWeave, Lambda]',
  'pattern: ai-infrastructure\nsubject:  CoreWeave', 'pattern: ai-infrastructure\nsubject: CoreWeave ', 'pattern: ai-infrastructure\nsubject:\tCoreWeave',
  'pattern: ai-infrastructure\nperiod: Q3 2026\nsubject: Müller AG', 'pattern: ai-infrastructure\nperiod: 2026-09-30', 'pattern: ai-infrastructure\nsubject: null',
  'pattern: ai-infrastructure\n\nsubject: CoreWeave', '# comment\npattern: ai-infrastructure', 'pattern: ai-infrastructure\nTrue: x', 'pattern: ai-infrastructure\n__proto__: x',
  'pattern: AI  Infrastructure', 'Pattern: ai-infrastructure', 'pattern: ai-infrastructure\nsubject: a: b', 'pattern: ai-infrastructure\nperiod: FY2025 H1\ntitle: A/B. test_1',
];

/** Typographic quotes and dashes, and names in other letter cases, through a generated analysis. */
function typographic(text: string): string {
  return text.replace(/'/g, '\u2019').replace(/"([^"\n]*)"/g, '\u201c$1\u201d').replace(/ - /g, ' \u2013 ').replace(/GPU-hour/g, 'GPU\u2011hour').replace(/ per /g, '\u00a0per\u00a0');
}

function caseVariants(text: string): string {
  return text.replace(/CoreWeave/g, 'Coreweave').replace(/Lambda Labs/g, 'LAMBDA LABS').replace(/Customer Retention/g, 'customer retention').replace(/GPU Utilization Rate/g, 'gpu utilization rate');
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly catalog: PatternCatalog;
  readonly options?: AnalyzeOptions;
}

/**
 * JSON with sorted keys; a pattern index is written as its model's id (it is the model, not the
 * answer). Inside the front matter's YAML data an object met again is written as a reference to
 * its first place, so an alias bomb stays small (js-yaml shares aliased nodes).
 */
function canonical(value: unknown): string {
  const out: string[] = [];
  const write = (v: unknown, yamlSeen: Map<object, number> | undefined, key: string): void => {
    if (v instanceof PatternIndex) {
      out.push(JSON.stringify(`<index ${v.model.id}>`));
      return;
    }
    if (v === null || typeof v !== 'object') {
      out.push(v === undefined ? 'null' : JSON.stringify(v) ?? 'null');
      return;
    }
    let seen = yamlSeen;
    if (seen) {
      const at = seen.get(v);
      if (at !== undefined) {
        out.push(`{"<ref>":${at}}`);
        return;
      }
      seen.set(v, seen.size);
    } else if (key === 'data') {
      seen = new Map([[v, 0]]);
    }
    if (Array.isArray(v)) {
      out.push('[');
      v.forEach((item, i) => {
        if (i) out.push(',');
        write(item, seen, '');
      });
      out.push(']\n');
      return;
    }
    out.push('{');
    let first = true;
    for (const k of Object.keys(v).sort()) {
      const item = (v as Record<string, unknown>)[k];
      if (item === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k), ':');
      write(item, seen, k);
    }
    out.push('}');
  };
  write(value, undefined, '');
  return out.join('');
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(full));
    else if (/\.(md|markdown|txt)$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

function workspaceCatalog(): PatternCatalog {
  const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace-models');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.pattern.json')).sort()
    .map((f) => ({ origin: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  return loadModelSet(files).catalog;
}

function cases(): Case[] {
  const bundled = bundledCatalog();
  const workspace = workspaceCatalog();
  const out: Case[] = [];
  for (const file of [...markdownFiles(path.join(REPO_ROOT, 'samples')), ...markdownFiles(path.join(REPO_ROOT, 'test', 'fixtures'))]) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(REPO_ROOT, file);
    out.push({ name: `file ${rel}`, text, catalog: bundled });
    out.push({ name: `file+ws ${rel}`, text, catalog: workspace });
  }
  for (let seed = 1; seed <= 400; seed++) {
    const text = generateAnalysis({ seed, dropSections: seed % 3 !== 0 }).text;
    out.push({ name: `gen ${seed}`, text, catalog: bundled });
    if (seed % 10 === 0) out.push({ name: `gen-crlf ${seed}`, text: text.replace(/\n/g, '\r\n'), catalog: bundled });
    if (seed % 10 === 1) out.push({ name: `gen-ws ${seed}`, text: text.replace(/^pattern: .*$/m, 'pattern: vertical-saas'), catalog: workspace });
    if (seed % 10 === 2) out.push({ name: `gen-levels ${seed}`, text, catalog: bundled, options: { levels: { 'near-miss-name': 'off', 'conflicting-value': 'off', 'unsourced-value': 'off', 'period-mismatch': 'off', 'missing-section': 'off' } } });
    if (seed % 10 === 3) out.push({ name: `gen-nosup ${seed}`, text, catalog: bundled, options: { inlineSuppressions: false } });
  }
  for (const size of SIZES) out.push({ name: `bench ${size.name}`, text: analysisOfBytes(size.bytes), catalog: bundled });
  for (let seed = 401; seed <= 480; seed++) {
    const text = generateAnalysis({ seed, dropSections: seed % 2 === 0 }).text;
    out.push({ name: `gen-typo ${seed}`, text: typographic(text), catalog: bundled });
    out.push({ name: `gen-case ${seed}`, text: caseVariants(text), catalog: bundled });
  }
  const body = generateAnalysis({ seed: 7 }).text.replace(/^---\n(?:[^\n]*\n)*?---\n/, '');
  FRONT_MATTERS.forEach((fm, i) => {
    out.push({ name: `fm ${i}`, text: `---\n${fm}\n---\n${body}`, catalog: bundled });
    out.push({ name: `fm-crlf ${i}`, text: `---\r\n${fm.replace(/\n/g, '\r\n')}\r\n---\r\n${body.replace(/\n/g, '\r\n')}`, catalog: bundled });
  });
  // The editor's path: one memo per document, each call the next version of a typing cycle.
  for (const [label, text] of [['4KB', analysisOfBytes(4 * 1024)], ['100KB', analysisOfBytes(100 * 1024)], ['gen 9', generateAnalysis({ seed: 9 }).text], ['gen-crlf 10', generateAnalysis({ seed: 10 }).text.replace(/\n/g, '\r\n')]] as const) {
    const memo = new AnalysisMemo();
    typingVersions(text).forEach((version, i) => out.push({ name: `memo ${label} v${i}`, text: version, catalog: bundled, options: { memo } }));
  }
  out.push({ name: 'gen 200k-lines', text: generateAnalysis({ seed: 5, minLines: 20_000 }).text, catalog: bundled });
  fc.sample(mutatedAnalysis, { seed: 1717, numRuns: 600 }).forEach((text, i) => out.push({ name: `mutated ${i}`, text, catalog: bundled }));
  fc.sample(tokenSoup, { seed: 1718, numRuns: 1500 }).forEach((text, i) => out.push({ name: `soup ${i}`, text: `---\npattern: 17\n---\n${text}`, catalog: bundled }));
  fc.sample(tokenSoup, { seed: 1719, numRuns: 500 }).forEach((text, i) => out.push({ name: `soup-raw ${i}`, text, catalog: bundled }));
  for (const h of hostileDocuments()) out.push({ name: `hostile ${h.name}`, text: h.make(), catalog: bundled });
  return out;
}

function fileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.json`;
}

function main(): void {
  const write = process.argv.find((a) => a.startsWith('--write='))?.slice('--write='.length);
  const check = process.argv.find((a) => a.startsWith('--check='))?.slice('--check='.length);
  if (!write === !check) throw new Error('usage: analysisDiff --write=<dir> | --check=<dir>');
  const all = cases();
  const names = new Set<string>();
  let differ = 0;
  for (const c of all) {
    const file = fileName(c.name);
    if (names.has(file)) throw new Error(`two cases map to ${file}`);
    names.add(file);
    const json = canonical(analyzeText(c.text, c.catalog, c.options));
    if (write) {
      fs.mkdirSync(write, { recursive: true });
      fs.writeFileSync(path.join(write, file), json);
    } else {
      const recorded = fs.readFileSync(path.join(check as string, file), 'utf8');
      if (recorded !== json) {
        differ++;
        const at = [...json].findIndex((ch, i) => ch !== recorded[i]);
        process.stdout.write(`DIFFERS ${c.name} at ${at}: ${JSON.stringify(recorded.slice(Math.max(0, at - 80), at + 80))}\n  now: ${JSON.stringify(json.slice(Math.max(0, at - 80), at + 80))}\n`);
      }
    }
  }
  if (check) {
    // Again, in reverse order: whatever is kept per model between analyses must not change an answer.
    for (let i = all.length - 1; i >= 0; i -= 5) {
      const c = all[i];
      if (canonical(analyzeText(c.text, c.catalog, c.options)) !== fs.readFileSync(path.join(check, fileName(c.name)), 'utf8')) {
        differ++;
        process.stdout.write(`DIFFERS on a second analysis (reverse order) ${c.name}\n`);
      }
    }
  }
  process.stdout.write(`${all.length} cases, ${write ? 'written' : `${differ} differ`}\n`);
  if (differ) process.exitCode = 1;
}

main();
