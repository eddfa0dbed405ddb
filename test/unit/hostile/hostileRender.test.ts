/**
 * Hostile documents and models through everything that turns them into HTML or hover markdown:
 * the preview body, the exported page, the pattern card and the hover card. Checked on the markup
 * itself (test/support/htmlSafety): no element that runs, loads, submits or navigates, no event
 * handler, no address outside http/https/mailto/fragment/relative, no remote or out-of-folder image,
 * no `command:` link but the card's own. Each within a 5 s CPU guard.
 */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { analyzeText } from '../../../src/analysis/analyze';
import { bundledIndex } from '../../../src/model/bundledModel';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { PatternCatalog } from '../../../src/model/patternCatalog';
import { PatternIndex, type NamedEntity } from '../../../src/model/patternIndex';
import { renderDocumentBody } from '../../../src/render/documentRenderer';
import { commandLinkTarget, entityCard, entityCardMarkdown } from '../../../src/render/entityCard';
import { exportDocumentPage } from '../../../src/render/exportDocument';
import { EXPORT_CSP } from '../../../src/render/exportPage';
import { renderPatternCard } from '../../../src/render/patternCard';
import { prototypesClean } from '../../support/analysisInvariants';
import { GUARD_MS, withCpuTime } from '../../support/cpuGuard';
import { dangersIn, tagsOf } from '../../support/htmlSafety';
import { FRONT, hostileDocuments, hostileModels } from '../../support/hostileInputs';

const catalog = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);

function describeDangers(html: string, dangers: ReturnType<typeof dangersIn>): string {
  return dangers.slice(0, 5).map((d) => `${d.what} near ${JSON.stringify(html.slice(Math.max(0, d.offset - 40), d.offset + 80))}`).join('\n');
}

describe('hostile documents: preview body and exported page', function () {
  this.timeout(60_000);

  for (const input of hostileDocuments()) {
    it(`${input.name}: nothing runs, loads or navigates`, async () => {
      const text = input.make();
      const analysis = analyzeText(text, catalog);
      const { value: body, cpuMs } = withCpuTime(() => renderDocumentBody(text, analysis));
      assert.ok(cpuMs < GUARD_MS, `render took ${cpuMs.toFixed(0)} ms of CPU`);
      const dangers = dangersIn(body.html);
      assert.deepEqual(dangers, [], describeDangers(body.html, dangers));
      // Planted copies of the renderer's private marker characters make no badge of their own.
      const clean = text.replace(/[\uE000-\uE0FF]/g, '').replace(/%EE%80%[89][0-9A-F]/gi, '');
      if (clean !== text) {
        const badges = (html: string): number => html.split('class="pa-badge ').length - 1;
        assert.equal(badges(body.html), badges(renderDocumentBody(clean, analyzeText(clean, catalog)).html), 'badges from planted markers');
      }

      const page = await exportDocumentPage(text, analysis, { css: 'body { color: black }', fallbackTitle: 'export' });
      const main = /<main class="pa-content">([\s\S]*)<\/main>/.exec(page)?.[1];
      assert.ok(main !== undefined, 'the page has its content');
      assert.deepEqual(dangersIn(main), []);
      const head = page.slice(0, page.indexOf('<body'));
      for (const tag of tagsOf(head).filter((t) => t.name === 'meta')) {
        const equiv = tag.attributes.find((a) => a.name === 'http-equiv');
        if (equiv) assert.equal(equiv.value, 'Content-Security-Policy', 'the only http-equiv is the page\'s CSP');
      }
      assert.ok(head.includes(EXPORT_CSP), 'the exported page carries its CSP');
      assert.equal(tagsOf(page).filter((t) => t.name === 'script').length, 0, 'an exported page has no script at all');
      assert.ok(prototypesClean());
      // The preview's policy as a trusted workspace with remote images allowed: still nothing but
      // https images. (Large inputs skip this second render: it takes the same path.)
      if (input.large) return;
      const asked: string[] = [];
      const permissive = renderDocumentBody(text, analysis, { images: { allowHttps: true, resolveLocal: (p) => void asked.push(p) } });
      const permissiveDangers = dangersIn(permissive.html, { allowRemoteImages: true });
      assert.deepEqual(permissiveDangers, [], describeDangers(permissive.html, permissiveDangers));
      for (const p of asked) assert.doesNotMatch(p, /%2e|%2f|%5c/i, `the image policy got an undecoded path: ${p}`);
    });
  }

  it('shows the text of a blocked script instead of dropping it silently', () => {
    const text = `${FRONT}<script>alert(1)</script>\n`;
    const html = renderDocumentBody(text, analyzeText(text, catalog)).html;
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), html);
  });

  it('refuses a remote image by default with a visible note, and shows it only when allowed', () => {
    const text = `${FRONT}![chart](https://example.com/chart.png)\n`;
    const analysis = analyzeText(text, catalog);
    const blocked = renderDocumentBody(text, analysis).html;
    assert.doesNotMatch(blocked, /<img /);
    assert.match(blocked, /pa-image-blocked/);
    const allowed = renderDocumentBody(text, analysis, { images: { allowHttps: true } }).html;
    assert.match(allowed, /<img src="https:\/\/example\.com\/chart\.png"/);
  });
});

describe('hostile models: hover cards and the pattern card', () => {
  const md = new MarkdownIt({ html: true });
  const SHOW_IN_TREE = commandLinkTarget('patternAnalyst.showInTree', ['hostile-pattern', 'metric:hostile-rate']);

  for (const input of hostileModels()) {
    it(`${input.name}: cards keep model text as text`, () => {
      const loaded = loadPatternModel(input.make());
      if (!loaded.model) return; // refused by the loader (tested there): nothing to show
      const model = loaded.model;
      const index = new PatternIndex(model);
      const named = index.entities.filter((e): e is NamedEntity => e.kind === 'metric' || e.kind === 'company');
      assert.ok(named.length > 0);
      for (const entity of named) {
        const markdown = entityCardMarkdown(entityCard(entity), [{ title: 'Show in Pattern Tree', target: SHOW_IN_TREE }]);
        // Rendered by a renderer that allows HTML, the card still carries only its own markup.
        const html = md.render(markdown);
        assert.deepEqual(dangersIn(html, { allowAddresses: [SHOW_IN_TREE] }), [], html);
        const links = tagsOf(html).filter((t) => t.name === 'a' && !t.closing).map((t) => t.attributes.find((a) => a.name === 'href')?.value);
        assert.deepEqual(links, [SHOW_IN_TREE], `only the card's own link: ${JSON.stringify(links)}`);
      }
      const card = renderPatternCard(model);
      assert.deepEqual(dangersIn(card), [], card.slice(0, 400));
      assert.ok(prototypesClean());
    });
  }
});
