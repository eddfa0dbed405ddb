/**
 * Finds a Chromium-family browser (Chrome, Edge, Chromium) already installed, to print PDFs with.
 * Nothing is ever downloaded: a browser named by the user (setting or `--browser`) is used as
 * given (after resolving it to its real file), else the usual install places of Linux, macOS and
 * Windows are tried in order. The machine is passed in ({@link BrowserHost}) so every platform's
 * search can be tested on any platform.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';

export interface BrowserHost {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The real path of an executable regular file at `file`, or undefined. */
  executable(file: string): string | undefined;
}

export const realHost: BrowserHost = {
  platform: process.platform,
  env: process.env,
  executable(file) {
    try {
      const real = realpathSync(file);
      if (!statSync(real).isFile()) return undefined;
      if (process.platform !== 'win32') accessSync(real, constants.X_OK);
      return real;
    } catch {
      return undefined;
    }
  },
};

/** What to tell a user who has no browser to print with (the CLI and the editor say the same). */
export const NO_BROWSER_HELP = 'Install Google Chrome, Microsoft Edge or Chromium (on Debian/Ubuntu: apt install chromium), '
  + 'or name its executable in the patternAnalyst.pdf.browserPath setting (CLI: --browser <path>). Nothing is downloaded. Export to HTML works without a browser.';

export type BrowserLookup =
  | { readonly found: true; readonly path: string }
  | { readonly found: false; readonly message: string };

/** Names looked up on PATH (Linux and other Unixes), in order of preference. */
const PATH_NAMES = ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'microsoft-edge', 'microsoft-edge-stable'];

/** Fixed places per platform, in order of preference. */
function knownPlaces(host: BrowserHost): string[] {
  const env = host.env;
  switch (host.platform) {
    case 'darwin': {
      const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
      const roots = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
      return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
    }
    case 'win32': {
      const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter((r): r is string => !!r);
      const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
      return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
    }
    default:
      return [
        '/opt/google/chrome/chrome',
        '/usr/bin/google-chrome',
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/opt/microsoft/msedge/msedge',
        '/usr/bin/microsoft-edge',
      ];
  }
}

function onPath(host: BrowserHost): string[] {
  if (host.platform === 'win32' || host.platform === 'darwin') return [];
  const dirs = (host.env.PATH ?? '').split(path.delimiter).filter((d) => path.isAbsolute(d));
  return PATH_NAMES.flatMap((name) => dirs.map((dir) => path.join(dir, name)));
}

/**
 * The browser to print with: `configured` (a setting or `--browser`) when given, else the first
 * installed one in the usual places. A configured path that is not an executable file is an
 * error, not a reason to pick another browser silently.
 */
export function findBrowser(configured: string | undefined, host: BrowserHost = realHost): BrowserLookup {
  const named = configured?.trim();
  if (named) {
    const real = host.executable(named);
    return real
      ? { found: true, path: real }
      : { found: false, message: `The browser "${named}" set to print PDFs is not an executable file. Set patternAnalyst.pdf.browserPath (CLI: --browser) to Chrome, Edge or Chromium, or clear it to search the usual places.` };
  }
  for (const candidate of [...onPath(host), ...knownPlaces(host)]) {
    const real = host.executable(candidate);
    if (real) return { found: true, path: real };
  }
  return { found: false, message: `No Chrome, Edge or Chromium found to print the PDF. ${NO_BROWSER_HELP}` };
}
