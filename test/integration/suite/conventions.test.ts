/**
 * Team conventions in the real extension host: with a `.pattern-analyst.jsonc` in the workspace
 * the CLI and the editor still report exactly the same findings; creating, changing and deleting
 * that file re-checks the open analysis; and "Acknowledge on this line" inserts a suppression
 * comment as one undoable edit that hides the finding.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixturePath, REPO_ROOT, waitFor } from './helpers';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const ANALYSIS = fixturePath('lambda-labs-ai-infrastructure.md');
const CONFIG = fixturePath('.pattern-analyst.jsonc');
/** An analysis written by the evidence-rules test (stating values without sources), removed after each test. */
const EVIDENCE = fixturePath('evidence-rules-check.md');
const SEVERITY = ['error', 'warning', 'information', 'hint'];

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: fixturePath(''), encoding: 'utf8', timeout: 30_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function shown(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Pattern Analyst' && d.code !== 'config')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${SEVERITY[d.severity]} [${String(d.code)}] ${d.message}`)
    .sort();
}

/** Waits until the editor's diagnostics for `uri` satisfy `ok`, and returns them. */
function diagnosticsWhere(uri: vscode.Uri, ok: (lines: string[]) => boolean, what: string): Promise<string[]> {
  return waitFor(() => {
    const now = shown(uri);
    return ok(now) ? now : undefined;
  }, what, 15_000);
}

describe('team conventions in the editor', () => {
  before(activateExtension);

  afterEach(async () => {
    rmSync(CONFIG, { force: true });
    await closeAllEditors();
    rmSync(EVIDENCE, { force: true });
  });

  it('a config file change re-checks the open analysis; with the file present the CLI reports exactly what the editor shows', async () => {
    const doc = await vscode.workspace.openTextDocument(ANALYSIS);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (d) => d.some((l) => l.includes('warning [benchmark-miss]')), 'the default levels');

    writeFileSync(CONFIG, '{\n  // the team: misses are errors, no section list\n  "rules": { "benchmark-miss": "error", "missing-section": "off" }\n}\n');
    const editor = await diagnosticsWhere(doc.uri, (d) => d.some((l) => l.includes('error [benchmark-miss]')) && !d.some((l) => l.includes('[missing-section]')), 'the config\'s levels after the file was created');

    const run = cli(['lint', '--format', 'json', '--max-severity', 'none', path.basename(ANALYSIS)]);
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout) as { files: { findings: { line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }[] }[] };
    const fromCli = data.files[0].findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} [${f.rule}] ${f.message}`).sort();
    assert.deepEqual(fromCli, editor);

    writeFileSync(CONFIG, '{ "rules": { "benchmark-miss": "off" } }\n');
    await diagnosticsWhere(doc.uri, (d) => !d.some((l) => l.includes('[benchmark-miss]')) && d.some((l) => l.includes('[missing-section]')), 'the changed config');

    rmSync(CONFIG);
    await diagnosticsWhere(doc.uri, (d) => d.some((l) => l.includes('warning [benchmark-miss]')), 'the defaults again after the file was deleted');
  });

  it('rules off by default (the evidence rules) show once the team\'s file or a person\'s setting turns them on, exactly as the CLI reports them', async () => {
    writeFileSync(EVIDENCE, [
      '---', 'pattern: ai-infrastructure', 'subject: Lambda Labs', 'period: Q3 2026', '---', '',
      '## Key Metrics & Benchmarks', '',
      '| Metric | Value | Benchmark | Source |', '| --- | --- | --- | --- |', '| GPU Utilization Rate | 84% | >80% | 10-Q |', '',
      'Customer retention was 96% annual in Q1 2026.', '',
    ].join('\n'));
    const doc = await vscode.workspace.openTextDocument(EVIDENCE);
    await vscode.window.showTextDocument(doc);
    const before = await diagnosticsWhere(doc.uri, (d) => d.some((l) => l.includes('[missing-section]')), 'the default levels');
    assert.ok(!before.some((l) => /\[(unsourced-value|period-mismatch)\]/.test(l)), before.join('\n'));

    writeFileSync(CONFIG, '{ "rules": { "unsourced-value": "warning", "period-mismatch": "information" } }\n');
    const editor = await diagnosticsWhere(doc.uri, (d) => d.some((l) => l.includes('warning [unsourced-value]')) && d.some((l) => l.includes('information [period-mismatch]')), 'the evidence rules the team turned on');
    const run = cli(['lint', '--format', 'json', '--max-severity', 'none', path.basename(EVIDENCE)]);
    assert.equal(run.code, 0, run.stderr);
    const data = JSON.parse(run.stdout) as { files: { findings: { line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }[] }[] };
    assert.deepEqual(data.files[0].findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} [${f.rule}] ${f.message}`).sort(), editor);

    rmSync(CONFIG);
    await diagnosticsWhere(doc.uri, (d) => !d.some((l) => /\[(unsourced-value|period-mismatch)\]/.test(l)) && d.some((l) => l.includes('[missing-section]')), 'the defaults again after the file was deleted');

    const settings = vscode.workspace.getConfiguration('patternAnalyst');
    await settings.update('checks.unsourcedValue', 'hint', vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsWhere(doc.uri, (d) => d.some((l) => l.includes('hint [unsourced-value]')), 'the person\'s setting');
    } finally {
      await settings.update('checks.unsourcedValue', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhere(doc.uri, (d) => !d.some((l) => l.includes('[unsourced-value]')), 'the setting reset');
  });

  it('a broken config file: its problem at its line, the analysis still checked', async () => {
    writeFileSync(CONFIG, '{\n  "rules": {\n    "benchmark-miss": "loud"\n  }\n}\n');
    const doc = await vscode.workspace.openTextDocument(ANALYSIS);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (d) => d.some((l) => l.includes('warning [benchmark-miss]')), 'the default level for the broken rule');
    const problems = await waitFor(() => {
      const ds = vscode.languages.getDiagnostics(vscode.Uri.file(CONFIG));
      return ds.length > 0 ? ds : undefined;
    }, 'the config file\'s problem');
    assert.equal(problems[0].range.start.line, 2);
    assert.match(problems[0].message, /"loud" is not a level for benchmark-miss/);
  });

  it('"Acknowledge on this line" inserts one suppression comment as one undoable edit, and the miss goes', async () => {
    const doc = await vscode.workspace.openTextDocument(ANALYSIS);
    const editor = await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const miss = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'benchmark-miss'), 'the benchmark miss');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, miss.range, vscode.CodeActionKind.QuickFix.value);
    const acknowledge = actions.find((a) => a.title === 'Acknowledge on this line (benchmark-miss)');
    assert.ok(acknowledge?.edit, `offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(doc.getText(), before, 'offering a fix edits nothing');
    assert.ok(await vscode.workspace.applyEdit(acknowledge.edit));
    const line = doc.lineAt(miss.range.start.line).text;
    assert.match(line, / <!-- pattern-analyst-disable-line benchmark-miss -->$/);
    await waitFor(() => (vscode.languages.getDiagnostics(doc.uri).some((d) => d.code === 'benchmark-miss') ? undefined : true), 'the miss to be acknowledged');

    await vscode.window.showTextDocument(doc, editor.viewColumn);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => (doc.getText() === before ? true : undefined), 'one undo to restore the text');
    await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.code === 'benchmark-miss'), 'the miss back');
  });
});
