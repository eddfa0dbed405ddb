/**
 * How the engine is built, as issue 15 asks: markdown-it plus plugins that use only its public
 * plugin API, written for one markdown-it major version, and safe to re-enter (a render inside a
 * render, or two renders interleaved, give what each gives alone).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { MetricClaim } from '../../../src/analysis/types';
import { prepareSource } from '../../../src/render/claimMarks';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { createMarkdownEngine, MARKDOWN_IT_MAJOR, type EngineEnv } from '../../../src/render/markdownEngine';
import { analysis, claim } from './fakeAnalysis';

/** The repository root, from out/test/unit/render. */
const ROOT = path.resolve(__dirname, '../../../..');

describe('markdown engine: built on markdown-it\'s public API', () => {
  it(`was written for the installed markdown-it major version (${MARKDOWN_IT_MAJOR})`, () => {
    const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/markdown-it/package.json'), 'utf8')) as { version: string };
    const major = Number(installed.version.split('.')[0]);
    assert.equal(major, MARKDOWN_IT_MAJOR,
      `markdown-it ${installed.version} is installed; the plugins in src/render/plugins were written for ${MARKDOWN_IT_MAJOR}.x: check them against its changelog, then raise MARKDOWN_IT_MAJOR`);
  });

  it('keeps every rule and method of markdown-it as markdown-it made it, and only adds its own', () => {
    const plain = new MarkdownIt('default', { html: false, linkify: true });
    const engine = createMarkdownEngine();
    // The renderer's loop, its attribute writer and linkify's tests are markdown-it's own.
    assert.equal(engine.renderer.render, plain.renderer.render);
    assert.equal(engine.renderer.renderAttrs, plain.renderer.renderAttrs);
    assert.equal(engine.renderer.renderInline, plain.renderer.renderInline);
    assert.equal(engine.linkify.pretest, plain.linkify.pretest);
    assert.equal(engine.linkify.test, plain.linkify.test);
    assert.ok(!Object.hasOwn(engine.renderer, 'render') && !Object.hasOwn(engine.linkify, 'pretest'), 'no method replaced on the instance');
    // Each of markdown-it's rules still runs, in its order; the engine's rules come in addition.
    for (const [name, ruler, plainRuler] of [['core', engine.core.ruler, plain.core.ruler], ['block', engine.block.ruler, plain.block.ruler], ['inline', engine.inline.ruler, plain.inline.ruler]] as const) {
      const own: readonly unknown[] = ruler.getRules('');
      const theirs: readonly unknown[] = plainRuler.getRules('');
      assert.deepEqual(own.filter((rule) => theirs.includes(rule)), theirs, `${name} rules`);
    }
  });
});

describe('markdown engine: re-entrant', () => {
  // A's image comes first: the render nested in its callback runs before A's values are written.
  const A = '# Plan ![c](a.png)\n\n| Metric | Value |\n| - | -: |\n| GPU utilization | 72% |\n\nUtilization **81%** here.\n\n<!-- pattern-scorecard -->\n';
  const B = 'Retention held at 96% and 91%; see www.example.com.\n\n![b](b.png)\n';
  const claimsOf = (text: string, values: readonly string[]): MetricClaim[] =>
    values.map((v, i) => claim(text, i % 2 ? 'customer-retention' : 'gpu-utilization-rate', v, i % 2 ? 'meets' : 'misses', `${v} message`));
  const claimsA = claimsOf(A, ['72%', '81%']);
  const claimsB = claimsOf(B, ['96%', '91%']);
  const alone = (text: string, claims: MetricClaim[]): string => renderDocumentBody(text, analysis(text, claims, [])).html;

  it('renders a document inside the render of another (from the image callback) as each renders alone', () => {
    const nested: string[] = [];
    const html = renderDocumentBody(A, analysis(A, claimsA, []), {
      images: {
        resolveLocal: (p) => {
          nested.push(renderDocumentBody(B, analysis(B, claimsB, [])).html);
          return `local/${p}`;
        },
      },
    }).html;
    assert.equal(nested.length, 1);
    assert.equal(nested[0], alone(B, claimsB));
    assert.equal(html, renderDocumentBody(A, analysis(A, claimsA, []), { images: { resolveLocal: (p) => `local/${p}` } }).html);
    assert.match(html, /<td class="pa-align-right"><span class="pa-value pa-verdict-misses">72%<\/span><span class="pa-badge pa-verdict-misses" data-metric="gpu-utilization-rate" title="72% message">/);
    assert.match(html, /<strong><span class="pa-value pa-verdict-meets">81%<\/span><span class="pa-badge pa-verdict-meets" data-metric="customer-retention" title="81% message">/);
    assert.doesNotMatch(html, /9[16]%/, 'nothing of the nested document leaks into the outer one');
  });

  it('gives each of two interleaved renders (both parsed, then rendered in the other order) its own output', () => {
    const engine = createMarkdownEngine();
    const envOf = (text: string, claims: MetricClaim[]): { env: EngineEnv; src: string } => {
      const prepared = prepareSource(text, undefined, claims);
      return {
        src: prepared.text,
        env: { claims: prepared.claims, markerKey: prepared.markerKey, images: {}, marker: (kind) => `[${kind}]`, localImages: [], markersSeen: new Set() },
      };
    };
    const render = (text: string, claims: MetricClaim[]): string => {
      const { env, src } = envOf(text, claims);
      return engine.render(src, env);
    };
    const a = envOf(A, claimsA);
    const b = envOf(B, claimsB);
    const tokensA = engine.parse(a.src, a.env);
    const tokensB = engine.parse(b.src, b.env);
    const htmlB = engine.renderer.render(tokensB, engine.options, b.env);
    const htmlA = engine.renderer.render(tokensA, engine.options, a.env);
    assert.equal(htmlA, render(A, claimsA));
    assert.equal(htmlB, render(B, claimsB));
    assert.deepEqual(a.env.localImages, ['a.png']);
    assert.deepEqual(b.env.localImages, ['b.png']);
    assert.deepEqual([...a.env.markersSeen], ['scorecard']);
    assert.equal(b.env.markersSeen.size, 0);
    assert.match(htmlB, /<span class="pa-value pa-verdict-misses">96%<\/span><span class="pa-badge pa-verdict-misses" data-metric="gpu-utilization-rate" title="96% message">/);
  });
});
