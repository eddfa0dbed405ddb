// `npm start`: try the extension on the samples/ workspace.
//
// With a desktop VS Code on the PATH (`code`), opens it as an Extension Development Host.
// Otherwise (servers, containers, offline machines) serves a real VS Code with code-server on
// 127.0.0.1, the extension under development loaded, and prints the URL to open; Ctrl-C ends it
// and every process it started. code-server is installed on first use (scripts/install-code-server.sh).
// Reuses the test harness (out/test/harness, compiled by `npm run compile-tests`), so `npm start`
// and the tests start code-server the same way.
//
// PATTERN_ANALYST_START=code-server skips the desktop VS Code; PORT=<n> fixes the port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(repo, 'samples');
const require = createRequire(import.meta.url);

function hasDesktopCode() {
  if (process.env.PATTERN_ANALYST_START === 'code-server') return false;
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

if (hasDesktopCode()) {
  console.log(`start: opening VS Code with the extension under development on ${path.relative(process.cwd(), samples) || samples}/`);
  const code = spawn('code', [`--extensionDevelopmentPath=${repo}`, samples], { stdio: 'inherit' });
  code.on('exit', (status) => process.exit(status ?? 0));
} else {
  await serveWithCodeServer();
}

async function serveWithCodeServer() {
  const harnessFile = path.join(repo, 'out', 'test', 'harness', 'codeServer.js');
  if (!existsSync(harnessFile)) {
    console.error('start: out/test/harness is missing; run `npm run compile-tests` (npm start does it for you).');
    process.exit(1);
  }
  const { CodeServer, codeServerEntry } = require(harnessFile);

  if (!existsSync(codeServerEntry())) {
    if (process.getuid?.() !== 0) {
      console.error(
        'start: no desktop VS Code (`code`) on the PATH and code-server is not installed yet.\n' +
          '  Install it once as root:  sudo bash scripts/install-code-server.sh\n' +
          '  (it apt-installs ripgrep, chromium and build tools, then npm-installs code-server into ~/.cache/pattern-analyst)',
      );
      process.exit(1);
    }
    console.log('start: installing code-server (first run only, about a minute)...');
    const install = spawnSync('bash', [path.join(repo, 'scripts', 'install-code-server.sh')], { stdio: 'inherit' });
    if (install.status !== 0) process.exit(install.status ?? 1);
  }

  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const server = await CodeServer.start({ port });
  const url = server.workbenchUrl({ folder: samples, extensionDevelopmentPath: repo });

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstart: stopping code-server...');
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  server.exited.then((code) => {
    if (stopping) return;
    console.error(`start: code-server exited unexpectedly (code ${code}).\n${server.recentErrors()}`);
    void stop(1);
  });

  const rule = '-'.repeat(72);
  console.log(
    [
      rule,
      'Pattern Analyst is running in VS Code (code-server) with the extension under development.',
      '',
      `  Open:  ${url}`,
      '',
      `  Workspace: ${samples}`,
      '  After a change: `npm run build` (or keep `npm run watch` running), then',
      '  "Developer: Reload Window" in the browser.',
      '  Remote machine? Forward the port first: ssh -L ' + `${server.port}:127.0.0.1:${server.port} <host>`,
      '  Press Ctrl-C to stop.',
      rule,
    ].join('\n'),
  );
}
