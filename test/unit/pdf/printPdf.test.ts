/**
 * Printing with the real browser (Debian's Chromium in CI), read back the way a reader sees the
 * PDF (pdftotext, pdfinfo): every sample prints with its subject, every scorecard value and
 * verdict, the running header and "Page n of m", on the chosen paper; a hostile page loads
 * nothing and runs nothing; cancel, time limit and a wrong browser end cleanly with nothing left
 * behind. Slow by nature (a browser per print): each test has its own time limit.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyzeText } from '../../../src/analysis/analyze';
import type { Analysis, MetricClaim } from '../../../src/analysis/types';
import { printHtmlToPdf, PrintCancelled, PrintError } from '../../../src/pdf/printPdf';
import { exportDocumentPage } from '../../../src/render/exportDocument';
import { runningHeaderOf } from '../../../src/render/printStyle';
import { verdictLook } from '../../../src/render/verdictLabels';
import { bundledCatalog } from '../../bench/benchInputs';
import { hostileDocuments } from '../../support/hostileInputs';
import { pdfInfo, pdfPages, PT_PER_IN, PT_PER_MM, runCli, testBrowser, type CliRun } from '../../support/pdfTools';

const ROOT = path.resolve(__dirname, '../../../..');
const SAMPLES = path.join(ROOT, 'samples');
const CSS = readFileSync(path.join(ROOT, 'media', 'preview.css'), 'utf8');

/** The value and verdict the scorecard shows for each stated metric: its first table statement, else its first. */
function scorecardRows(analysis: Analysis): { metric: string; value: string; verdict: string }[] {
  const byMetric = new Map<string, MetricClaim[]>();
  for (const c of analysis.claims) byMetric.set(c.metricId, [...(byMetric.get(c.metricId) ?? []), c]);
  return [...byMetric].map(([id, claims]) => {
    const headline = claims.find((c) => c.context === 'table') ?? claims[0];
    return { metric: analysis.pattern?.metric(id)?.name ?? id, value: headline.value.text.trim(), verdict: verdictLook(headline.verdict.status).label };
  });
}

/** A local server that records every request: nothing a printed page does may reach it. */
async function recordingServer(): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('body { background: red }');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

function ourTempDirs(): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith('pattern-analyst-pdf-'));
}

describe('PDF printing with the real browser', function () {
  this.timeout(120_000);
  let browser: string;
  let out: string;

  before(() => {
    browser = testBrowser();
    out = mkdtempSync(path.join(tmpdir(), 'pa-pdf-test-'));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  for (const name of readdirSync(SAMPLES).filter((n) => n.endsWith('.md'))) {
    it(`prints samples/${name} with its subject, every scorecard value and verdict, header and page numbers (A4)`, async () => {
      const text = readFileSync(path.join(SAMPLES, name), 'utf8');
      const analysis = analyzeText(text, bundledCatalog());
      const page = await exportDocumentPage(text, analysis, { css: CSS, fallbackTitle: name });
      const before = ourTempDirs();
      const { pdf, refused } = await printHtmlToPdf(page, { browser, pageSize: 'a4' });
      assert.deepEqual(ourTempDirs(), before, 'the temporary page and profile are removed');
      assert.deepEqual(refused, [], 'an exported page asks for nothing');
      const file = path.join(out, name.replace(/\.md$/, '.pdf'));
      writeFileSync(file, pdf);

      const info = pdfInfo(file);
      assert.ok(Math.abs(info.width - 210 * PT_PER_MM) < 1 && Math.abs(info.height - 297 * PT_PER_MM) < 1, `A4, got ${info.width} x ${info.height}`);
      const pages = pdfPages(file);
      assert.equal(pages.length, info.pages);
      pages.forEach((p, i) => assert.ok(p.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} is numbered: ${p.slice(-80)}`));

      const subject = analysis.frontMatter?.subject;
      if (subject) assert.ok(pages[0].includes(subject), `the cover shows the subject ${subject}`);
      const all = pages.join(' ');
      if (analysis.pattern) {
        const scorecard = all.slice(all.indexOf('Scorecard'), all.indexOf('Sections ·'));
        assert.ok(scorecard.length > 0, 'the scorecard is printed');
        const rows = scorecardRows(analysis);
        assert.ok(rows.length > 0);
        for (const row of rows) {
          assert.ok(scorecard.includes(row.value), `scorecard shows ${row.metric} = ${row.value}`);
          assert.ok(scorecard.includes(row.verdict), `scorecard shows the verdict ${row.verdict} (${row.metric})`);
        }
      } else {
        assert.match(all, /No scorecard/);
      }
      const header = runningHeaderOf(analysis);
      for (let i = 1; i < pages.length; i++) assert.ok(pages[i].startsWith(header), `page ${i + 1} starts with the running header "${header}": ${pages[i].slice(0, 80)}`);
    });
  }

  it('makes no request and runs nothing, whatever the page holds (no CSP to help)', async () => {
    const { server, base, hits } = await recordingServer();
    const marker = path.join(out, 'marker.txt');
    writeFileSync(marker, 'LOCAL FILE LEAKED');
    try {
      const page = `<!DOCTYPE html><html><head>
        <link rel="stylesheet" href="${base}/link.css"><link rel="prefetch" href="${base}/prefetch">
        <style>@import url("${base}/import.css"); body { background: url("${base}/bg.png"); }
          @font-face { font-family: X; src: url("${base}/font.woff"); } p { font-family: X; }</style>
        <meta http-equiv="refresh" content="0;url=${base}/refresh">
        <script src="${base}/script.js"></script></head><body>
        <p>Hostile page</p><img src="${base}/img.png"><img src="file://${marker}"><iframe src="${base}/frame"></iframe>
        <iframe src="file://${marker}"></iframe><object data="${base}/object"></object><video poster="${base}/poster.png"></video>
        <img src="x" onerror="document.body.append('SCRIPT RAN'); fetch('${base}/onerror')">
        <script>document.body.append('SCRIPT RAN'); fetch('${base}/inline'); new Image().src = '${base}/beacon';</script>
        </body></html>`;
      const { pdf, refused } = await printHtmlToPdf(page, { browser, pageSize: 'a4' });
      const file = path.join(out, 'hostile-page.pdf');
      writeFileSync(file, pdf);
      const text = pdfPages(file).join(' ');
      assert.match(text, /Hostile page/);
      assert.doesNotMatch(text, /SCRIPT RAN|LOCAL FILE LEAKED/);
      assert.deepEqual(hits, [], 'the local server saw no request');
      assert.ok(refused.some((u) => u.endsWith('/img.png')) && refused.some((u) => u.startsWith('file:')), `requests were refused, not missed: ${refused.join(', ')}`);
    } finally {
      server.close();
    }
  });

  it('prints a page that navigates away while it prints (meta refresh): the page itself, never a failed print', async () => {
    // A long page keeps the print going when the refresh fires, so the navigation always lands
    // mid-print: refused by failing it, the browser committed an error page and the print failed
    // ("Printing failed", every time at this length; 1 print in 15 of the short hostile page).
    const { server, base, hits } = await recordingServer();
    try {
      const page = `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=${base}/refresh"></head>
        <body><p>Hostile page</p>${'<p>A paragraph that fills the pages.</p>'.repeat(3000)}</body></html>`;
      const { pdf, refused } = await printHtmlToPdf(page, { browser, pageSize: 'a4' });
      const file = path.join(out, 'refreshing-page.pdf');
      writeFileSync(file, pdf);
      const pages = pdfPages(file);
      assert.match(pages[0], /Hostile page/, 'the first page is the page, not an error page');
      assert.ok(pages.length > 10, `the whole page is printed: ${pages.length} pages`);
      assert.ok(refused.includes(`${base}/refresh`), `the refresh was refused: ${refused.join(', ')}`);
      assert.deepEqual(hits, [], 'the local server saw no request');
    } finally {
      server.close();
    }
  });

  it('prints the hostile corpus (its script, load, navigate and leak attacks) with no request and nothing run', async () => {
    const { server, base, hits } = await recordingServer();
    try {
      const bodies: string[] = [];
      let shell = '';
      // The hang and crash inputs test the renderer's limits (the hostile suites); here, what the printed page could do.
      for (const input of hostileDocuments().filter((h) => !h.large && ['script', 'load', 'navigate', 'leak'].includes(h.threat))) {
        // Every remote address of the corpus points at the recording server instead.
        const text = input.make().replace(/(https?:)?\/\/evil\.example/g, base);
        const page = await exportDocumentPage(text, analyzeText(text, bundledCatalog()), { css: CSS, fallbackTitle: input.name });
        shell ||= page;
        bodies.push(`<h2>${input.name.replace(/[<&]/g, '')}</h2>${/<main class="pa-content">([\s\S]*)<\/main>/.exec(page)?.[1] ?? ''}`);
      }
      const combined = shell.replace(/<main class="pa-content">[\s\S]*<\/main>/, () => `<main class="pa-content">${bodies.join('')}</main>`);
      const { pdf } = await printHtmlToPdf(combined, { browser, pageSize: 'a4' });
      const file = path.join(out, 'hostile-corpus.pdf');
      writeFileSync(file, pdf);
      const text = pdfPages(file).join(' ');
      assert.match(text, /meta refresh/, 'the corpus was printed');
      // Raw HTML in a document is printed as text, never as markup that could run.
      assert.ok(text.includes('<script>window.__pa_pwned = 1; alert(1)</script>'), 'the script element is printed as text');
      assert.deepEqual(hits, [], 'the local server saw no request');
    } finally {
      server.close();
    }
  });

  it('cancels: the browser ends, nothing is returned and the temporary folder is gone', async () => {
    const before = ourTempDirs();
    const abort = new AbortController();
    const started = Date.now();
    await assert.rejects(
      printHtmlToPdf('<p>x</p>'.repeat(10_000), { browser, pageSize: 'a4', signal: abort.signal, onProgress: (step) => step === 'Loading the page' && abort.abort() }),
      (e: unknown) => e instanceof PrintCancelled,
    );
    assert.ok(Date.now() - started < 30_000);
    assert.deepEqual(ourTempDirs(), before);
  });

  it('stops at the time limit with a message that says so', async () => {
    await assert.rejects(printHtmlToPdf('<p>x</p>', { browser, pageSize: 'a4', timeoutMs: 50 }), (e: unknown) => e instanceof PrintError && /did not finish printing within/.test(e.message));
  });

  it('says clearly when the browser cannot start or is not a browser', async () => {
    await assert.rejects(printHtmlToPdf('<p>x</p>', { browser: path.join(out, 'no-such-browser'), pageSize: 'a4' }), /cannot start .*no such file/);
    await assert.rejects(printHtmlToPdf('<p>x</p>', { browser: '/bin/true', pageSize: 'a4' }), /stopped before printing/);
  });
});

describe('pattern-analyst render --format pdf', function () {
  this.timeout(120_000);
  const CLI = path.join(ROOT, 'dist', 'cli.js');

  const cli = (args: readonly string[], cwd: string): Promise<CliRun> => runCli(CLI, args, cwd);

  it('writes the Letter PDF of an analysis, with the running header from page 2 on, and says which browser printed it', async () => {
    const browser = testBrowser();
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-pdf-cli-'));
    try {
      const run = await cli(['render', path.join(SAMPLES, 'coreweave-ai-infrastructure.md'), '--format', 'pdf', '--page-size', 'letter', '--browser', browser, '-o', 'out.pdf'], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /printing \(Letter\) with .*\nwrote out\.pdf/);
      const info = pdfInfo(path.join(dir, 'out.pdf'));
      assert.ok(Math.abs(info.width - 8.5 * PT_PER_IN) < 1 && Math.abs(info.height - 11 * PT_PER_IN) < 1, `Letter, got ${info.width} x ${info.height}`);
      const pages = pdfPages(path.join(dir, 'out.pdf'));
      assert.ok(pages.length >= 2, `several pages (${pages.length})`);
      assert.ok(pages[0].startsWith('CoreWeave through the AI Infrastructure lens'), `the first page opens with the cover block, not the running header: ${pages[0].slice(0, 80)}`);
      assert.ok(pages[1].startsWith('CoreWeave · Q3 2026 · AI Infrastructure'), pages[1].slice(0, 80));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names what to install or set when the browser is missing, and writes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pa-pdf-cli-'));
    try {
      const run = await cli(['render', path.join(SAMPLES, 'coreweave-ai-infrastructure.md'), '--format', 'pdf', '--browser', '/nowhere/chrome', '-o', 'out.pdf'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^pattern-analyst: The browser "\/nowhere\/chrome" set to print PDFs is not an executable file\. Set patternAnalyst\.pdf\.browserPath \(CLI: --browser\)/);
      assert.equal(existsSync(path.join(dir, 'out.pdf')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
