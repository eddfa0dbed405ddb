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
import { commandLinkTarget, entityCard, entityCardMarkdown, freshEntityCard, freshEntityCardMarkdown } from '../../../src/render/entityCard';

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

describe('entityCard kept for a card without verdicts', () => {
  const named = index.entities.filter((e): e is NamedEntity => e.kind === 'metric' || e.kind === 'company');
  const writtenAll = (e: NamedEntity): (string | undefined)[] => {
    const n = e.kind === 'metric' ? e.metric : e.company;
    return [undefined, n.name, n.name.toUpperCase(), n.name.toLowerCase(), ...n.aliases.map((a) => a.text), ...n.aliases.map((a) => a.text.toLowerCase())];
  };
  const tree = (e: NamedEntity): { title: string; target: string }[] => [{ title: 'Show in Pattern Tree', target: commandLinkTarget('patternAnalyst.showInTree', [e.model.id, `${e.kind}`]) }];
  const other = { title: 'Other', target: 'command:x' };

  it('is the same object, and the same markdown, on every hover that has no verdict for it', () => {
    const e = entity('metric:gpu-utilization-rate');
    const card = entityCard(e, { writtenAs: 'GPU util' });
    assert.equal(entityCard(e, { writtenAs: 'GPU util', claims: [claim('customer-retention', '97%')] }), card);
    assert.ok(Object.isFrozen(card) && Object.isFrozen(card.verdicts));
    assert.notEqual(entityCard(e, { writtenAs: 'GPU util', claims: [claim('gpu-utilization-rate', '72%')] }), card, 'a card with a verdict is never kept');
    assert.equal(entityCardMarkdown(card, [other]), entityCardMarkdown(card, [{ ...other }]));
  });

  it('equals the card and markdown built afresh, for every metric and company, written every way, with and without claims', () => {
    const metrics = index.model.metrics;
    let compared = 0;
    for (const e of named) {
      const own = e.kind === 'metric' ? [claim(e.metric.id, '72%'), claim(e.metric.id, '>99%')] : [];
      const elsewhere = metrics.filter((m) => e.kind !== 'metric' || m.id !== e.metric.id).slice(0, 2).map((m) => claim(m.id, '50%'));
      for (const claims of [undefined, [], elsewhere, own, [...elsewhere, ...own]]) {
        for (const writtenAs of writtenAll(e)) {
          // Twice each: the first may keep the card, the second reads it back; and with other links after.
          for (const links of [tree(e), tree(e), [other], [], undefined, tree(e)]) {
            const card = entityCard(e, { writtenAs, claims });
            const fresh = freshEntityCard(e, { writtenAs, claims });
            assert.deepEqual(card, fresh);
            assert.equal(entityCardMarkdown(card, links), freshEntityCardMarkdown(fresh, links));
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 1000, `${compared}`);
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
