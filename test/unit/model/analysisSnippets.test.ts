/**
 * The snippets are generated from the model: the committed file must be exactly what the bundled
 * model yields now (so it can never drift), parse as JSON, and every choice list must hold exactly
 * the model's metric or company names. The scaffold must carry every section and every benchmark.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import * as yaml from 'js-yaml';
import { analysisScaffold, analysisSnippets, snippetFileText, yamlScalar, type SnippetDefinition } from '../../../src/model/analysisSnippets';
import { bundledIndex } from '../../../src/model/bundledModel';
import { parseChoices } from '../../../src/model/snippetSyntax';
import type { PatternModel } from '../../../src/model/types';

const ROOT = path.resolve(__dirname, '../../../..');
const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'pattern-analysis.code-snippets');

describe('generated snippets', () => {
  const model = bundledIndex().model;

  it('the committed snippet file is exactly what the model generates', () => {
    const committed = readFileSync(SNIPPETS_FILE, 'utf8');
    assert.equal(committed, snippetFileText(model), 'snippets/pattern-analysis.code-snippets is stale: run `node scripts/generate-snippets.mjs` (or `npm run build`) and commit it');
  });

  it('the committed file parses as JSON and every entry has a prefix, description and body', () => {
    const parsed = JSON.parse(readFileSync(SNIPPETS_FILE, 'utf8')) as Record<string, SnippetDefinition>;
    const prefixes = Object.values(parsed).map((s) => s.prefix);
    assert.deepEqual(prefixes, ['pa-analysis', 'pa-metric', 'pa-company', 'pa-strengths', 'pa-insight']);
    for (const [name, s] of Object.entries(parsed)) {
      assert.ok(s.description.length > 20, name);
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), name);
    }
  });

  it('every choice list holds exactly the model\'s metric names or company names', () => {
    const metricNames = model.metrics.map((m) => m.name);
    const companyNames = model.companies.map((c) => c.name);
    const lists = Object.values(analysisSnippets(model)).flatMap((s) => parseChoices(s.body.join('\n')));
    assert.deepEqual(lists, [metricNames, companyNames]);
  });

  it('the scaffold names the pattern in front matter and has every section as ## in the model\'s order', () => {
    const body = analysisScaffold(model);
    assert.deepEqual(body.slice(0, 6), ['---', 'pattern: ai-infrastructure', 'subject: ${1:Company name}', 'period: ${2:$CURRENT_YEAR}', 'author: ${3:Your name}', '---']);
    const headings = body.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    assert.deepEqual(headings, ['The Pattern', 'Key Metrics & Benchmarks', 'Who Uses This Pattern', 'Strengths & Weaknesses', 'How AI Is Transforming This Pattern', 'Business Engineer Insight']);
  });

  it('the scorecard lists every metric with its benchmark verbatim', () => {
    const body = analysisScaffold(model);
    const header = body.indexOf('| Metric | Value | Benchmark | Source |');
    assert.ok(header > 0);
    assert.equal(body[header + 1], '| --- | --- | --- | --- |');
    const rows = body.slice(header + 2, header + 2 + model.metrics.length).map((r) => r.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '')));
    assert.deepEqual(rows.map((r) => [r[0], r[2]]), [
      ['GPU Utilization Rate', '>80% target for profitability'],
      ['Revenue per GPU Hour', 'Pricing per H100/B200 hour'],
      ['Customer Retention', '>95% annual (switching cloud is painful)'],
      ['Capacity Growth Rate', 'GPU fleet expansion quarter-over-quarter'],
    ]);
  });

  it('tab stops run 1, 2, 3… with no gaps, and the subject is mirrored in the title', () => {
    const text = analysisScaffold(model).join('\n');
    const stops = [...text.matchAll(/\$\{(\d+)[:}|]/g)].map((m) => Number(m[1]));
    const distinct = [...new Set(stops)];
    assert.deepEqual(distinct, distinct.map((_, i) => i + 1));
    assert.match(text, /^# \$\{1\} — AI Infrastructure$/m);
  });

  it('strengths and weaknesses are quoted verbatim, with $ escaped for the snippet parser', () => {
    const body = analysisSnippets(model)['AI Infrastructure: strengths and weaknesses'].body;
    assert.ok(body.includes('- Enormous capital expenditure (\\$50B+/year for hyperscalers) — ${5:assessment}'));
    assert.equal(body.filter((l) => l.startsWith('- ')).length, model.strengths.length + model.weaknesses.length);
  });

  it('a given subject is pre-filled, YAML-quoted when it needs to be', () => {
    assert.equal(analysisScaffold(model, { subject: 'CoreWeave' })[2], 'subject: ${1:CoreWeave}');
    assert.equal(analysisScaffold(model, { subject: 'Acme: Cloud $5 {x}' })[2], 'subject: ${1:"Acme: Cloud \\$5 {x\\}"}');
    // The title shows the subject itself, not its YAML quoting; a plain subject is a mirror of tab stop 1.
    assert.ok(analysisScaffold(model, { subject: 'Acme: Cloud $5 {x}' }).includes('# Acme: Cloud \\$5 {x\\} — AI Infrastructure'));
    assert.ok(analysisScaffold(model, { subject: 'CoreWeave' }).includes('# ${1} — AI Infrastructure'));
  });

  it('special characters in model names are escaped in text and in choices', () => {
    const odd: PatternModel = {
      ...model,
      name: 'Odd $Pattern}',
      metrics: [{ ...model.metrics[0], name: 'Rate | a, b', benchmarkText: '>$5 | net' }],
      companies: [{ ...model.companies[0], name: 'A,B|C $D' }],
    };
    const snippets = analysisSnippets(odd);
    const scaffold = snippets['Odd $Pattern}: analysis scaffold'].body;
    assert.ok(scaffold.includes('# ${1} — Odd \\$Pattern\\}'));
    assert.ok(scaffold.includes('| Rate \\\\| a, b | ${5:value} | >\\$5 \\\\| net | ${6:source} |'), scaffold.join('\n'));
    assert.deepEqual(parseChoices(snippets['Odd $Pattern}: company profile'].body.join('\n')), [['A,B|C $D']]);
  });
});

describe('yamlScalar', () => {
  it('leaves plain names plain', () => {
    assert.equal(yamlScalar('CoreWeave'), 'CoreWeave');
    assert.equal(yamlScalar("McDonald's"), "McDonald's");
    assert.equal(yamlScalar('ai-infrastructure'), 'ai-infrastructure');
  });

  it('quotes what YAML would read as something else', () => {
    for (const s of ['yes', 'null', '2025', '1e5', '2025-01-01', 'Acme: Cloud', '#1 cloud', '- item', '']) {
      assert.equal(yamlScalar(s), JSON.stringify(s), s);
    }
  });

  it('always reads back as the same string', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const data = yaml.load(`subject: ${yamlScalar(s)}\n`) as { subject: unknown };
        return data.subject === s;
      }),
    );
  });
});
