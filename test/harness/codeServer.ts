/**
 * Starts a private code-server (VS Code 1.100.3 in the browser, the real Node extension host on
 * the server) for one test run or one `npm start`, and ends it whatever happens.
 *
 * Why code-server: these machines cannot download VS Code, but code-server comes from the npm
 * registry (scripts/install-code-server.sh). Every run gets a free 127.0.0.1 port and fresh
 * user-data / extensions / XDG folders under one temp folder, so several runs (from several
 * worktrees) never share state. The server runs in its own process group: after the browser
 * leaves, code-server keeps extension hosts alive, so stopping means killing the whole group.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

/** The repository root (this file runs from out/test/harness/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where scripts/install-code-server.sh puts code-server's entry point (overridable for odd setups). */
export function codeServerEntry(): string {
  if (process.env.PATTERN_ANALYST_CODE_SERVER) return process.env.PATTERN_ANALYST_CODE_SERVER;
  const cache = process.env.PATTERN_ANALYST_CACHE ?? path.join(os.homedir(), '.cache', 'pattern-analyst');
  return path.join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

/**
 * Settings every private profile starts with: no welcome page (it steals keyboard focus), no
 * telemetry, no update or gallery calls (there is no network), fast hovers for UI checks, and
 * desktop VS Code's auto save (off): the web workbench saves after a second by default, which
 * wrote text a UI check typed into the committed samples.
 */
export const SEEDED_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 50,
  'editor.hover.sticky': true,
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
};

export interface CodeServerOptions {
  /** Extra user settings on top of SEEDED_SETTINGS. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Extra environment for the server and its extension hosts. */
  readonly env?: NodeJS.ProcessEnv;
  /** Print code-server's own output (off by default: it is noisy and not about the tests). */
  readonly verbose?: boolean;
  /** A fixed port (default: a free one, so parallel runs never collide). */
  readonly port?: number;
  /**
   * .vsix files to install into the private extensions folder before the server starts, with
   * code-server's own `--install-extension`, as a user installs them.
   */
  readonly installExtensions?: readonly string[];
  /**
   * Workspace trust as a user has it (default false: off, so no trust prompt or Restricted Mode
   * gets in the way). When true, a folder opens in Restricted Mode until it is trusted; the
   * startup prompt is off (`security.workspace.trust.startupPrompt: never`) unless `settings` say
   * otherwise, so the workbench opens without a modal dialog.
   */
  readonly workspaceTrust?: boolean;
  /**
   * A display language (e.g. `qps-ploc`), as `--locale` sets it. VS Code only switches to a
   * language it has a language pack for, so an empty pack (no translations of VS Code itself) is
   * registered for it in the user data: the workbench stays English, while `vscode.env.language`
   * is the locale and extensions load their `l10n/bundle.l10n.<locale>.json`.
   */
  readonly locale?: string;
}

export interface WorkbenchUrlOptions {
  /** The folder to open (absolute path on this machine). */
  readonly folder: string;
  /** The extension under development (absolute path of the folder holding its package.json). */
  readonly extensionDevelopmentPath?: string;
  /** A tests module exporting `run()` (absolute path, without `.js` is fine). */
  readonly extensionTestsPath?: string;
  /** Load no other installed extensions (the private extensions folder is empty anyway). */
  readonly disableExtensions?: boolean;
}

export class CodeServer {
  private stopped = false;
  private readonly exitHook = (): void => this.killGroup('SIGKILL');
  /** Resolves with the server's exit code when it ends, for whatever reason. */
  readonly exited: Promise<number | null>;
  private errorTail = '';

  private constructor(
    readonly port: number,
    readonly origin: string,
    private readonly child: ChildProcess,
    /** The private temp folder holding user data, extensions and XDG folders. */
    readonly home: string,
  ) {
    process.once('exit', this.exitHook);
    child.stderr?.on('data', (d: Buffer) => {
      this.errorTail = (this.errorTail + d.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  /** Starts a fresh server and waits until it answers `/healthz`. */
  static async start(options: CodeServerOptions = {}): Promise<CodeServer> {
    const entry = codeServerEntry();
    if (!existsSync(entry)) {
      throw new Error(
        `code-server ${CODE_SERVER_VERSION} is not installed (looked for ${entry}).\n` +
          '  Install it with: bash scripts/install-code-server.sh   (needs root for apt-get; npm test runs it for you)',
      );
    }
    const home = mkdtempSync(path.join(os.tmpdir(), 'pattern-analyst-cs-'));
    const dirs = {
      userData: path.join(home, 'user-data'),
      extensions: path.join(home, 'extensions'),
      config: path.join(home, 'xdg-config'),
      data: path.join(home, 'xdg-data'),
      cache: path.join(home, 'xdg-cache'),
    };
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    const trustSettings = options.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
    writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...SEEDED_SETTINGS, ...trustSettings, ...options.settings }, null, 2));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...options.env,
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
    };
    for (const vsix of options.installExtensions ?? []) {
      try {
        await installExtension(entry, vsix, dirs, env);
      } catch (err) {
        rmSync(home, { recursive: true, force: true, maxRetries: 3 });
        throw err;
      }
    }

    if (options.locale) seedLanguagePack(dirs.userData, options.locale);
    const port = options.port ?? (await freePort());
    const args = [
      entry,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      ...(options.locale ? ['--locale', options.locale] : []),
    ];
    const child = spawn(process.execPath, args, {
      // Its own process group, so stop() can end the extension hosts it leaves behind.
      detached: true,
      stdio: ['ignore', options.verbose ? 'inherit' : 'ignore', options.verbose ? 'inherit' : 'pipe'],
      env,
    });
    const server = new CodeServer(port, `http://127.0.0.1:${port}`, child, home);
    try {
      await server.waitUntilHealthy();
    } catch (err) {
      await server.stop();
      throw err;
    }
    return server;
  }

  /**
   * The workbench URL for a folder. code-server rejects `--extensionDevelopmentPath` on its
   * command line; the web workbench takes it (and the tests path) from the `payload` parameter,
   * as `vscode-remote://` URIs with each path segment URL-encoded.
   */
  workbenchUrl(options: WorkbenchUrlOptions): string {
    const payload: [string, string][] = [];
    if (options.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', this.remoteUri(options.extensionDevelopmentPath)]);
    if (options.extensionTestsPath) payload.push(['extensionTestsPath', this.remoteUri(options.extensionTestsPath)]);
    if (options.disableExtensions) payload.push(['disableExtensions', 'true']);
    const query = [`folder=${encodeURIComponent(path.resolve(options.folder))}`];
    if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return `${this.origin}/?${query.join('&')}`;
  }

  private remoteUri(fsPath: string): string {
    const segments = path.resolve(fsPath).split('/').map(encodeURIComponent).join('/');
    return `vscode-remote://127.0.0.1:${this.port}${segments}`;
  }

  /** The server's private extensions folder (where `installExtensions` went). */
  get extensionsDir(): string {
    return path.join(this.home, 'extensions');
  }

  /** Ends the server and every process it started (extension hosts included), then removes its temp folder. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    process.removeListener('exit', this.exitHook);
    this.killGroup('SIGTERM');
    const exited = await Promise.race([this.exited.then(() => true), delay(3000).then(() => false)]);
    // Extension hosts may outlive the server itself: end the rest of the group for sure.
    this.killGroup('SIGKILL');
    if (!exited) await delay(200);
    rmSync(this.home, { recursive: true, force: true, maxRetries: 3 });
  }

  private killGroup(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The group is already gone.
    }
  }

  /** The last few KB code-server wrote to stderr (for error messages). */
  recentErrors(): string {
    return this.errorTail;
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`code-server exited with code ${this.child.exitCode} before it was ready:\n${this.errorTail}`);
      }
      if ((await httpStatus(`${this.origin}/healthz`)) === 200) return;
      await delay(150);
    }
    throw new Error(`code-server did not answer ${this.origin}/healthz within 30 s:\n${this.errorTail}`);
  }
}

/**
 * Installs a .vsix into an extensions folder the way a user does (`code-server --install-extension`),
 * offline: the file is local and the gallery is off. Throws with code-server's output on failure.
 */
function installExtension(entry: string, vsix: string, dirs: { userData: string; extensions: string }, env: NodeJS.ProcessEnv): Promise<void> {
  const args = [entry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', path.resolve(vsix)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { env, encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`code-server --install-extension ${vsix} failed (${err.message.split('\n')[0]}):\n${stdout}${stderr}`));
      else resolve();
    });
  });
}

/** A TCP port nobody listens on right now (the OS picks it, so parallel runs do not collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * An empty language pack for `locale` in VS Code's list of installed packs (`languagepacks.json`
 * in the user data folder), which is what it reads to decide whether it can show a language.
 */
function seedLanguagePack(userData: string, locale: string): void {
  const translations = path.join(userData, `empty-language-pack-${locale}.json`);
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    hash: `empty-${locale}`,
    extensions: [{ extensionIdentifier: { id: `pattern-analyst-test.empty-language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  writeFileSync(path.join(userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}
