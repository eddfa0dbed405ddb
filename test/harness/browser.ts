/**
 * Headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) for the web
 * workbench. code-server starts an extension host only when a browser connects, so every run,
 * even a pure extension-host test run, needs one. Also turns the extension host's console, which
 * reaches the page console wrapped in `%c` styling, back into plain lines.
 */
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  return process.env.PATTERN_ANALYST_CHROMIUM ?? '/usr/bin/chromium';
}

/** Launches headless Chromium with a fresh profile (playwright's default for `launch`). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install it with: bash scripts/install-code-server.sh (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS] });
}

/** A workbench log line, as the page console receives it. */
export interface WorkbenchLogLine {
  /** INFO, WARN, ERR, ... (the workbench's log level tag). */
  readonly level: string;
  readonly text: string;
}

/**
 * Reads a workbench log message: the workbench logs (its own lines and, in a test run, the
 * extension host's console) as `console.log('%c <LEVEL>', <css>, fmt, ...args)`, so `args[2..]`
 * is what was printed. Undefined for any other console message.
 */
export async function workbenchLogLine(msg: ConsoleMessage): Promise<WorkbenchLogLine | undefined> {
  const handles = msg.args();
  if (handles.length < 3) return undefined;
  const values = await Promise.all(handles.map((h) => h.jsonValue().catch(() => '[unserializable]')));
  const [tag, css] = values;
  if (typeof tag !== 'string' || !tag.startsWith('%c') || typeof css !== 'string') return undefined;
  return { level: tag.slice(2).trim(), text: format(...(values.slice(2) as [unknown, ...unknown[]])) };
}

/**
 * Writes the extension host's console lines (those starting with `mark`, which the tests module
 * adds) to `out` without the mark, in order: each message is read asynchronously, so they are
 * chained. Workbench errors go to `err`, for failures that happen before any test runs. Returns
 * a function that resolves once everything received so far is written.
 */
export function forwardExtensionHostConsole(page: Page, mark: string, out: (line: string) => void, err: (line: string) => void): () => Promise<void> {
  let chain = Promise.resolve();
  page.on('console', (msg) => {
    const pending = workbenchLogLine(msg).catch(() => undefined);
    chain = chain.then(async () => {
      const line = await pending;
      if (!line) return;
      if (line.text.startsWith(mark)) out(line.text.slice(mark.length));
      else if (line.level === 'ERR') err(`[vscode] ${line.text}`);
    });
  });
  return () => chain;
}
