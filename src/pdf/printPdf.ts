/**
 * Prints a self-contained HTML page to PDF with a Chromium-family browser already on the machine,
 * driven over the DevTools pipe ({@link CdpPipe}). The one printing function for every deliverable
 * (an analysis today, the portfolio page later): HTML in, PDF bytes out.
 *
 * Safe by construction, whatever the page holds:
 * - the page is a file in a fresh temporary folder, loaded from there;
 * - every request except that file is refused (Fetch domain), so no image, stylesheet, font,
 *   frame or `file:` neighbour is loaded, and nothing reaches the network;
 * - scripts are disabled before the page loads;
 * - the browser runs with a throw-away profile in the same temporary folder, removed afterwards;
 * - a time limit and an AbortSignal end the browser at any step.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Readable, Writable } from 'node:stream';
import { CdpError, CdpPipe } from './cdpPipe';

export type PageSize = 'a4' | 'letter';
export const PAGE_SIZES: readonly PageSize[] = ['a4', 'letter'];

/** Paper in inches, as Page.printToPDF takes it. */
const PAPER: Readonly<Record<PageSize, { width: number; height: number }>> = {
  a4: { width: 210 / 25.4, height: 297 / 25.4 },
  letter: { width: 8.5, height: 11 },
};

/**
 * The default time limit: two minutes, plus two more per MB of page. It is there for a stuck
 * browser, not a slow machine: a 1 MB analysis is hundreds of pages, and a loaded machine lays
 * them out slowly.
 */
export function defaultTimeLimitMs(pageChars: number): number {
  return 120_000 + Math.ceil(pageChars / 1_000_000) * 120_000;
}

export interface PrintOptions {
  /** The browser's executable (see findBrowser). */
  readonly browser: string;
  readonly pageSize: PageSize;
  /** Time limit for the whole print, browser start included (default {@link defaultTimeLimitMs}). */
  readonly timeoutMs?: number;
  /** Aborting ends the browser and rejects with a {@link PrintCancelled}. */
  readonly signal?: AbortSignal;
  /** Called at each step ("Starting the browser", "Loading the page", "Printing"). */
  readonly onProgress?: (step: string) => void;
}

export interface PrintResult {
  readonly pdf: Buffer;
  /** Every URL the page asked for and was refused (images, stylesheets, frames...), in order. */
  readonly refused: readonly string[];
}

/** The print failed: the message says why in words a user can act on. */
export class PrintError extends Error {}
/** The print was cancelled by the caller (its AbortSignal). */
export class PrintCancelled extends PrintError {
  constructor() {
    super('printing was cancelled');
  }
}

/** Prints `html` (a complete, self-contained page) to a PDF. */
export async function printHtmlToPdf(html: string, options: PrintOptions): Promise<PrintResult> {
  if (options.signal?.aborted) throw new PrintCancelled();
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pattern-analyst-pdf-'));
  let browser: ChildProcess | undefined;
  try {
    const pageFile = path.join(workDir, 'page.html');
    await fs.writeFile(pageFile, html, { encoding: 'utf8', mode: 0o600 });
    options.onProgress?.('Starting the browser');
    browser = launch(options.browser, path.join(workDir, 'profile'));
    const limits = { ...options, timeoutMs: options.timeoutMs ?? defaultTimeLimitMs(html.length) };
    return await withLimits(browser, limits, (pipe) => printPage(pipe, pathToFileURL(pageFile).href, options));
  } finally {
    if (browser) await stop(browser);
    // The browser may still be flushing its profile for a moment after it exits.
    await fs.rm(workDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  }
}

/** Flags for a headless, quiet browser that talks only over the pipe and remembers nothing. */
function launch(executable: string, profileDir: string): ChildProcess {
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-sync',
    '--disable-breakpad',
    '--disable-domain-reliability',
    '--disable-dev-shm-usage',
    '--metrics-recording-only',
    '--no-pings',
    '--mute-audio',
    // Nothing should resolve a name even if a request slipped past the Fetch domain.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    'about:blank',
  ];
  // Chromium refuses to start its sandbox as root (CI containers); everywhere else it keeps it.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
  return spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], windowsHide: true });
}

/** Runs `work` against the browser's pipe, rejecting on a start failure, an early exit, the time limit or the signal. */
async function withLimits<T>(browser: ChildProcess, options: PrintOptions, work: (pipe: CdpPipe) => Promise<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultTimeLimitMs(0);
  const stderr: Buffer[] = [];
  browser.stderr?.on('data', (c: Buffer) => {
    stderr.push(c);
    if (stderr.length > 50) stderr.shift();
  });
  const pipe = new CdpPipe(browser.stdio[3] as Writable, browser.stdio[4] as Readable);
  let cleanup = (): void => undefined;
  const failure = new Promise<never>((_, reject) => {
    const fail = (error: Error): void => {
      pipe.close(error);
      reject(error);
    };
    const timer = setTimeout(() => fail(new PrintError(`the browser did not finish printing within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    const onAbort = (): void => fail(new PrintCancelled());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    browser.once('error', (e: NodeJS.ErrnoException) => fail(new PrintError(`cannot start ${options.browser}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'not executable' : e.message}`)));
    browser.once('exit', (code, signal) => {
      const said = lastLine(Buffer.concat(stderr).toString('utf8'));
      fail(new PrintError(`the browser ${options.browser} stopped before printing (${signal ?? `exit code ${code}`})${said ? `: ${said}` : ''}`));
    });
    cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
  });
  failure.catch(() => undefined);
  try {
    return await Promise.race([work(pipe), failure]);
  } catch (e) {
    if (!(e instanceof CdpError)) throw e;
    // The pipe broke: the browser's exit, with its reason, is the better message when it comes.
    const exit = await Promise.race([failure.then(() => undefined, (f: Error) => f), new Promise<undefined>((r) => setTimeout(() => r(undefined), 1_000))]);
    throw exit ?? new PrintError(`the browser stopped answering: ${e.message}`);
  } finally {
    cleanup();
  }
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return (lines.pop() ?? '').slice(0, 300);
}

/** Loads `pageUrl` in a new tab with every other request refused and scripts off, then prints it. */
async function printPage(pipe: CdpPipe, pageUrl: string, options: PrintOptions): Promise<PrintResult> {
  const { targetId } = await pipe.send('Target.createTarget', { url: 'about:blank' }) as { targetId: string };
  const { sessionId } = await pipe.send('Target.attachToTarget', { targetId, flatten: true }) as { sessionId: string };
  const send = (method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> => pipe.send(method, params, sessionId);

  const refused: string[] = [];
  pipe.on('Fetch.requestPaused', (params, from) => {
    if (from !== sessionId) return;
    const { requestId, request, resourceType } = params as { requestId: string; request: { url: string }; resourceType?: string };
    // Only the page itself; a redirect or a fragment of it is a different request and is refused.
    if (request.url === pageUrl) {
      void send('Fetch.continueRequest', { requestId }).catch(() => undefined);
    } else if (resourceType === 'Document') {
      // A navigation (a meta refresh, a frame): answered "204 No Content", which tells the browser
      // to stay where it is. Failed instead, it commits an error page in place of the page being
      // printed, and a print that starts meanwhile fails ("Printing failed": 2 prints in 30 of a
      // page with <meta http-equiv="refresh" content="0;url=...">).
      refused.push(request.url);
      void send('Fetch.fulfillRequest', { requestId, responseCode: 204, responseHeaders: [] }).catch(() => undefined);
    } else {
      refused.push(request.url);
      void send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }).catch(() => undefined);
    }
  });
  await send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  await send('Emulation.setScriptExecutionDisabled', { value: true });
  await send('Page.enable');

  options.onProgress?.('Loading the page');
  const loaded = new Promise<void>((resolve) => {
    const off = pipe.on('Page.loadEventFired', (_params, from) => {
      if (from === sessionId) {
        off();
        resolve();
      }
    });
  });
  const navigation = await send('Page.navigate', { url: pageUrl }) as { errorText?: string };
  if (navigation.errorText) throw new PrintError(`the browser could not open the page to print: ${navigation.errorText}`);
  await loaded;

  options.onProgress?.('Printing');
  const paper = PAPER[options.pageSize];
  const printed = await send('Page.printToPDF', {
    paperWidth: paper.width,
    paperHeight: paper.height,
    printBackground: true,
    // The page's own @page rules (margins, running header, page numbers) decide the layout;
    // the paper size is the caller's choice, not the page's.
    preferCSSPageSize: false,
    displayHeaderFooter: false,
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  }) as { data: string };
  const pdf = Buffer.from(printed.data, 'base64');
  await pipe.send('Browser.close').catch(() => undefined);
  return { pdf, refused };
}

/** Waits up to two seconds for the browser to exit after Browser.close, then kills it. */
async function stop(browser: ChildProcess): Promise<void> {
  // Never started (no such file), or already gone.
  if (browser.pid === undefined || browser.exitCode !== null || browser.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => browser.once('exit', () => resolve()));
  const grace = setTimeout(() => browser.kill('SIGKILL'), 2_000);
  try {
    (browser.stdio[3] as Writable | null)?.end();
    await exited;
  } finally {
    clearTimeout(grace);
  }
}
