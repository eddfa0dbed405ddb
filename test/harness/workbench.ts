/**
 * One real VS Code workbench: a private code-server plus headless Chromium on its page, with the
 * extension under development loaded from the payload URL. Shared by the integration-test shim,
 * the UI checks and `npm start`'s headless fallback, so they all start and stop it the same way.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { CodeServer, type CodeServerOptions, type WorkbenchUrlOptions } from './codeServer';

export interface WorkbenchOptions extends WorkbenchUrlOptions, CodeServerOptions {
  /** Called with the page before it loads the workbench (expose functions, listen to the console). */
  readonly beforeLoad?: (page: Page) => Promise<void> | void;
  /** Wait for the activity bar before resolving (default true). */
  readonly waitForWorkbench?: boolean;
  /** Viewport of the page (default 1400x900: room for the side bar and an editor). */
  readonly viewport?: { readonly width: number; readonly height: number };
  /**
   * How long the page's navigation and the workbench's first paint may each take (default 30 s
   * and 60 s). The bench raises it on a loaded machine; a navigation that times out is tried once
   * more, since a workbench page that never reached `domcontentloaded` has nothing to keep.
   */
  readonly loadTimeoutMs?: number;
}

export interface Workbench {
  readonly server: CodeServer;
  readonly browser: Browser;
  readonly page: Page;
  readonly url: string;
  /** Closes the browser and ends the server's process group. Safe to call twice. */
  close(): Promise<void>;
}

export const WORKBENCH_READY = '.monaco-workbench .part.activitybar';

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const server = await CodeServer.start(options);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    await options.beforeLoad?.(page);
    const url = server.workbenchUrl(options);
    await navigate(page, url, options.loadTimeoutMs ?? 30_000);
    if (options.waitForWorkbench !== false) await page.waitForSelector(WORKBENCH_READY, { timeout: options.loadTimeoutMs ?? 60_000 });
    const opened = browser;
    let closed = false;
    return {
      server,
      browser: opened,
      page,
      url,
      async close() {
        if (closed) return;
        closed = true;
        await opened.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw err;
  }
}

/** Loads the workbench page, once more if the first navigation timed out (a loaded machine, not a broken page). */
async function navigate(page: Page, url: string, timeoutMs: number): Promise<void> {
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  } catch (err) {
    if ((err as Error).name !== 'TimeoutError') throw err;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  }
}

/**
 * Runs `fn` with a workbench and always tears it down: on success, on error, and on Ctrl-C /
 * SIGTERM (the server's process group would otherwise keep extension hosts running).
 */
export async function withWorkbench<T>(options: WorkbenchOptions, fn: (wb: Workbench) => Promise<T>): Promise<T> {
  let wb: Workbench | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    void (wb?.close() ?? Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    wb = await openWorkbench(options);
    return await fn(wb);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await wb?.close();
  }
}
