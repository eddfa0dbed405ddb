/**
 * The CLI and the editor agree: on the fixture workspace's analysis, `pattern-analyst lint`
 * reports exactly the diagnostics the editor shows (same lines, columns, severities, messages and
 * rules), and `pattern-analyst render` writes exactly the page Export to HTML writes. The CLI runs
 * here as CI would run it: `node dist/cli.js` in a child process.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixturePath, REPO_ROOT, waitFor } from './helpers';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const ANALYSIS = fixturePath('lambda-labs-ai-infrastructure.md');

/** Runs the CLI in the fixture workspace; the extension host's own node runs it. */
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: fixturePath(''), encoding: 'utf8', timeout: 30_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SEVERITY = ['error', 'warning', 'information', 'hint'];

describe('CLI and editor agree', () => {
  let tmp: string;

  before(async () => {
    await activateExtension();
    tmp = mkdtempSync(path.join(tmpdir(), 'pattern-analyst-parity-'));
  });

  after(async () => {
    await closeAllEditors();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('lint prints exactly the diagnostics the editor shows', async () => {
    const doc = await vscode.workspace.openTextDocument(ANALYSIS);
    await vscode.window.showTextDocument(doc);
    const shown = await waitFor(() => {
      const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Pattern Analyst');
      return ds.length > 0 ? ds : undefined;
    }, 'the analysis\'s diagnostics');
    const editor = shown
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity]} [${String(d.code)}] ${d.message}`)
      .sort();

    const run = cli(['lint', '--format', 'json', '--max-severity', 'none', path.basename(ANALYSIS)]);
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout) as { files: { findings: { line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }[] }[] };
    const fromCli = data.files[0].findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} [${f.rule}] ${f.message}`).sort();
    assert.deepEqual(fromCli, editor);
  });

  it('render writes exactly the page Export to HTML writes', async () => {
    const target = vscode.Uri.file(path.join(tmp, 'export.html'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.exportHtml', { source: vscode.Uri.file(ANALYSIS), target, overwrite: true });
    assert.equal(written?.fsPath, target.fsPath);
    const exported = readFileSync(target.fsPath, 'utf8');
    const run = cli(['render', path.basename(ANALYSIS)]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${exported}\n`);
    assert.match(exported, /<title>Lambda Labs through the AI Infrastructure lens<\/title>/);
  });
});
