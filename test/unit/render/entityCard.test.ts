/**
 * What a hover card says about a metric or company of the bundled Pattern #17 model, and that no
 * model or document text can become markup, a link or a command when the card is rendered.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { parseStatedValue } from '../../../src/analysis/values';
import { verdictFor } from '../../../src/analysis/verdict';
import type { MetricClaim } from '../../../src/analysis/types';
import { bundledIndex } from '../../../src/model/bundledModel';
import { PatternIndex, type NamedEntity } from '../../../src/model/patternIndex';
import { commandLinkTarget, entityCard, entityCardMarkdown } from '../../../src/render/entityCard';

const index = bundledIndex();
const at = { line: 3, character: 0 };
const range = { start: at, end: at };

function entity(key: string): NamedEntity {
  const e = index.byId(key);
  assert.ok(e && (e.kind === 'metric' || e.kind === 'company'), key);
  return e;
}

function claim(metricId: string, text: string): MetricClaim {
  const metric = index.metric(metricId);
  const value = parseStatedValue(text);
  assert.ok(metric && value, text);
  return { metricId, nameRange: range, valueRange: range, value, verdict: verdictFor(metric, value), context: 'table' };
}

/** Rendered as strictly as possible: even with raw HTML on, the card must produce none. */
const md = new MarkdownIt({ html: true, linkify: false });

describe('entityCard', () => {
  it('a metric card: verbatim benchmark, direction, section, unit and the extension\'s note apart', () => {
    const card = entityCard(entity('metric:gpu-utilization-rate'));
    assert.equal(card.name, 'GPU Utilization Rate');
    assert.equal(card.benchmark, '>80% target for profitability');
    assert.deepEqual(card.better, { direction: 'higher', from: 'extension' });
    assert.equal(card.section, 'Key Metrics & Benchmarks');
    assert.equal(card.patternLabel, 'AI Infrastructure (Pattern #17)');
    assert.equal(card.key, 'metric:gpu-utilization-rate');
    assert.match(card.extensionNote ?? '', /^GPU-hours sold or used/);
    assert.equal(card.sourceNote, undefined);
    assert.deepEqual(card.verdicts, []);

    const text = entityCardMarkdown(card);
    assert.match(text, /\*\*Benchmark\*\* \(source, verbatim\): \\>80% target for profitability/);
    assert.match(text, /\*Pattern Analyst's note, not the source's:\* GPU\\?-hours sold or used/);
  });

  it('shows the verdict of a value stated on the line, and only for this metric', () => {
    const stated = claim('gpu-utilization-rate', '72%');
    const card = entityCard(entity('metric:gpu-utilization-rate'), { claims: [stated, claim('customer-retention', '97%')] });
    assert.equal(card.verdicts.length, 1);
    assert.equal(card.verdicts[0].status, 'misses');
    // The one verdict function's words, passed through unchanged.
    assert.equal(card.verdicts[0].message, stated.verdict.message);
    assert.match(card.verdicts[0].message, /^72% — below .*>80% target for profitability$/);
    const html = md.render(entityCardMarkdown(card));
    assert.match(html, /✗ <strong>72% — below .*&gt;80% target for profitability<\/strong>/);
  });

  it('a company card: the source\'s note, attributed, its section and its pattern', () => {
    const card = entityCard(entity('company:coreweave'));
    assert.equal(card.sourceNote, 'GPU-specialized cloud, fastest-growing AI infrastructure');
    assert.equal(card.sourceName, 'FourWeekMBA');
    assert.equal(card.section, 'Who Uses This Pattern');
    assert.equal(card.benchmark, undefined);
    assert.equal(card.extensionNote, undefined);
    const html = md.render(entityCardMarkdown(card));
    assert.match(html, /<strong>Source's note<\/strong> \(FourWeekMBA\): GPU-specialized cloud, fastest-growing AI infrastructure/);
    assert.match(html, /<strong>Pattern:<\/strong> AI Infrastructure \(Pattern #17\)/);
  });

  it('says how an alias was written, but not when the canonical name was', () => {
    const line = 'Our GPU util was 72% and CoreWeave grew.';
    const util = index.mentionAt(line, 6);
    assert.ok(util);
    assert.equal(entityCard(util.entity, { writtenAs: util.text }).writtenAs, 'GPU util');
    const cw = index.mentionAt(line, 28);
    assert.ok(cw);
    assert.equal(entityCard(cw.entity, { writtenAs: cw.text }).writtenAs, undefined);
    assert.equal(entityCard(entity('company:coreweave'), { writtenAs: 'coreweave' }).writtenAs, undefined);
  });

  it('falls back to the benchmark for the direction when the extension has no note', () => {
    const m = index.metric('customer-retention');
    assert.ok(m);
    const model = { ...index.model, metrics: [{ ...m, extensionNote: undefined }] };
    const e = new PatternIndex(model).byId('metric:customer-retention');
    assert.ok(e?.kind === 'metric');
    const card = entityCard(e);
    assert.deepEqual(card.better, { direction: 'higher', from: 'benchmark' });
    assert.equal(card.extensionNote, undefined);
    assert.doesNotMatch(entityCardMarkdown(card), /Pattern Analyst's note, not/);
  });

  it('escapes hostile model and document text: no links, images, HTML or commands come out of it', () => {
    const m = index.model.metrics[0];
    const hostile = {
      ...index.model,
      name: '[evil](command:workbench.action.terminal.new)',
      metrics: [{ ...m, name: 'Rate <img src=x onerror=alert(1)>', benchmarkText: '![x](https://tracker.example/p.png) **bold** `code`', extensionNote: { definition: '<script>alert(1)</script> [link](https://x.example)' } }],
    };
    const e = new PatternIndex(hostile).byId(`metric:${m.id}`);
    assert.ok(e?.kind === 'metric');
    const card = entityCard(e, { writtenAs: '[w](command:x)' });
    const link = { title: 'Show in Pattern Tree', target: commandLinkTarget('patternAnalyst.showInTree', [hostile.id, card.key]) };
    const html = md.render(entityCardMarkdown(card, [link]));
    assert.doesNotMatch(html, /<img|<script|<code>|<strong>bold/);
    const anchors = [...html.matchAll(/<a href="([^"]*)"/g)].map((a) => a[1]);
    assert.deepEqual(anchors, [link.target]);
    // The text is still there for the reader, verbatim.
    assert.match(html, /!\[x\]\(https:\/\/tracker\.example\/p\.png\) \*\*bold\*\* `code`/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('commandLinkTarget', () => {
  it('encodes arguments so nothing in an id can end the markdown link', () => {
    const target = commandLinkTarget('patternAnalyst.showInTree', ['odd) id', "metric:it's(x)"]);
    assert.doesNotMatch(target.slice('command:'.length), /[()' "[\]]/);
    const args = JSON.parse(decodeURIComponent(target.split('?')[1])) as unknown;
    assert.deepEqual(args, ['odd) id', "metric:it's(x)"]);
    const html = md.render(`[Show](${target})`);
    assert.equal([...html.matchAll(/<a href=/g)].length, 1);
  });
});
