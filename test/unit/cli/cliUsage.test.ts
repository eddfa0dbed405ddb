/**
 * The command line's contract with a person and with CI: --help and --version, and bad input
 * (unknown command or option, a missing, binary or unreadable file, a glob that matches nothing)
 * answered by one clear line on stderr and exit code 2, never a stack trace.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertCliIsBuilt, assertNoStackTrace, cli, fixture, lines, ROOT } from './cliHarness';

describe('CLI: usage and bad input', () => {
  let tmp: string;

  before(() => {
    assertCliIsBuilt();
    tmp = mkdtempSync(path.join(tmpdir(), 'pattern-analyst-cli-'));
  });

  after(() => {
    if (tmp) {
      chmodSync(tmp, 0o755);
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('--help prints the usage of every command and the exit codes, exit 0', () => {
    const run = cli(['--help']);
    assert.equal(run.code, 0);
    for (const usage of ['pattern-analyst lint <files|folders|globs...>', 'pattern-analyst render <file> [-o out.html]', 'pattern-analyst models']) {
      assert.ok(run.stdout.includes(usage), `help shows "${usage}"`);
    }
    assert.match(run.stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
    assert.equal(run.stderr, '');
  });

  it('<command> --help explains that command', () => {
    const run = cli(['lint', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /file:line:col: severity: message \[rule\]/);
    assert.match(run.stdout, /--max-severity <level>/);
    assert.match(run.stdout, /benchmark-miss, impossible-value, missing-section, unknown-pattern,\s+near-miss-name/);
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = cli(['--version']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${pkg.version}\n`);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['no command', [], /^pattern-analyst: no command given; commands: lint, render, models/],
    ['an unknown command', ['check', 'a.md'], /^pattern-analyst: unknown command "check"/],
    ['an unknown option', ['lint', '--frobnicate', 'a.md'], /^pattern-analyst: unknown option --frobnicate \(see pattern-analyst --help\)$/m],
    ['an option of another command', ['lint', '-o', 'x.html', 'a.md'], /^pattern-analyst: lint does not take --output/],
    ['a missing option value', ['lint', 'a.md', '--format'], /^pattern-analyst: --format needs a value/],
    ['a wrong --format', ['lint', '--format', 'xml', 'a.md'], /^pattern-analyst: --format must be text or json, not "xml"$/m],
    ['a wrong --max-severity', ['lint', '--max-severity', 'fatal', 'a.md'], /^pattern-analyst: --max-severity must be one of error, warning, information, hint, none, not "fatal"$/m],
    ['an unknown rule', ['lint', '--rule', 'spelling=off', 'a.md'], /^pattern-analyst: --rule: unknown rule "spelling"; rules: benchmark-miss, /],
    ['an unknown rule level', ['lint', '--rule', 'benchmark-miss=loud', 'a.md'], /^pattern-analyst: --rule benchmark-miss: unknown level "loud"; levels: off, error, warning, information, hint$/m],
    ['lint without files', ['lint'], /^pattern-analyst: lint needs at least one file, folder or glob/],
    ['render with two files', ['render', 'a.md', 'b.md'], /^pattern-analyst: render takes exactly one file, got 2/],
    ['models with a file', ['models', 'a.md'], /^pattern-analyst: models takes no files/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`${what}: one line on stderr, exit 2`, () => {
      const run = cli(args);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(lines(run.stderr).length, 1, run.stderr);
      assert.match(run.stderr, message);
      assertNoStackTrace(run);
    });
  }

  it('a file that does not exist: its name and the reason, exit 2', () => {
    const run = cli(['lint', 'bundled-only/no-such-analysis.md']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^pattern-analyst: bundled-only\/no-such-analysis\.md: no such file or folder$/m);
    assertNoStackTrace(run);
  });

  it('a binary file (NUL bytes) is refused as not an analysis, exit 2', () => {
    const file = path.join(tmp, 'scan.md');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const run = cli(['lint', file]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /scan\.md: is a binary file \(it contains NUL bytes\), not a markdown analysis$/m);
    assertNoStackTrace(run);
  });

  it('a glob that matches nothing says so, exit 2', () => {
    const run = cli(['lint', 'bundled-only/**/*.markdown']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^pattern-analyst: bundled-only\/\*\*\/\*\.markdown: no files match$/m);
  });

  it('a folder the user may not read: "permission denied", exit 2', function () {
    const locked = path.join(tmp, 'locked');
    mkdirSync(locked);
    writeFileSync(path.join(locked, 'a.md'), '# a\n');
    chmodSync(locked, 0o000);
    chmodSync(tmp, 0o755);
    // root reads every folder whatever its mode: run the CLI as an unprivileged user then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (process.getuid?.() === 0 && !canRunAs(65534)) this.skip();
    try {
      for (const arg of [locked, `${locked}/**/*.md`]) {
        const run = cli(['lint', arg], { cwd: tmp, ...asUser });
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /cannot read the folder.*: permission denied$/m);
        assertNoStackTrace(run);
      }
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('a --models path that does not exist, exit 2', () => {
    const run = cli(['models', '--models', 'no-such-models']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'pattern-analyst: --models no-such-models: no such file or folder\n');
  });

  it('a --models folder with no model in it, exit 2', () => {
    const run = cli(['models', '--models', fixture('bundled-only')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--models .*bundled-only: the folder holds no \*\.pattern\.json file$/m);
  });
});

/** Whether the unprivileged user can run node on the built CLI here (it needs to read the checkout). */
function canRunAs(uid: number): boolean {
  const r = cli(['--version'], { uid, gid: uid, cwd: tmpdir() });
  return r.code === 0;
}
