/**
 * Live checks stop at `patternAnalyst.checks.maxDocumentSizeMB` (2 MB by default), in a real
 * extension host: an analysis over the limit gets one information message saying how large it is,
 * the limit, and what to do (the CLI, the setting), and no analysis runs on it (no findings, no
 * claims, no tree coverage); hover still answers. A large file that is not an analysis gets
 * nothing at all, and raising the setting brings every check back.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import { FRONT } from '../../support/hostileInputs';
import { codeOf, hoversAt, ours, positionOf } from './authoringHelpers';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

const DEADLINE = 20_000;

/** About `chars` characters of a realistic analysis body: prose and scorecards with values that miss their benchmark. */
function body(chars: number): string {
  const para = 'CoreWeave reported GPU utilization of 72% and customer retention of 96% across its fleet this year.\n\n';
  const table = '| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate | 74% |\n| Customer Retention | 91% |\n\n';
  const block = `## Unit Economics\n\n${para.repeat(6)}${table}`;
  return block.repeat(Math.ceil(chars / block.length));
}

/** The metric row of the tree, as the view shows it. */
function metricRow(api: PatternAnalystApi): vscode.TreeItem {
  const node = api.tree.find(undefined, 'metric:gpu-utilization-rate');
  assert.ok(node, 'the tree has the GPU Utilization Rate metric');
  return api.tree.getTreeItem(node);
}

describe('Live checks: a document over the size limit', function () {
  this.timeout(120_000);
  let api: PatternAnalystApi;
  let home: string;
  let bigAnalysis: string;

  before(async () => {
    api = await activateExtension();
    home = mkdtempSync(path.join(tmpdir(), 'pa-oversized-'));
    bigAnalysis = path.join(home, 'big-analysis.md');
    writeFileSync(bigAnalysis, FRONT + body(2_500_000));
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('patternAnalyst').update('checks.maxDocumentSizeMB', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('an analysis over 2 MB gets one message saying why and what to do, and no analysis runs', async () => {
    const notesFile = path.join(home, 'big-notes.md');
    writeFileSync(notesFile, `# Notes\n\n${body(2_500_000)}`);
    const notes = await vscode.workspace.openTextDocument(notesFile);
    const doc = await vscode.workspace.openTextDocument(bigAnalysis);
    await vscode.window.showTextDocument(doc);

    const diagnostics = await waitFor(() => (ours(doc.uri).length > 0 ? ours(doc.uri) : undefined), 'the size message', DEADLINE);
    assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
    const [message] = diagnostics;
    assert.equal(codeOf(message), 'document-too-large');
    assert.equal(message.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(message.range.start.line, 0);
    assert.match(message.message, /^This document is 2\.5 MB; Pattern Analyst checks documents up to 2 MB live/);
    assert.match(message.message, /`pattern-analyst lint big-analysis\.md`/);
    assert.match(message.message, /"patternAnalyst\.checks\.maxDocumentSizeMB"/);

    // Nothing was analysed: no findings, claims or sections; the header still shows in the preview.
    const analysis = api.services.analyses.get(doc);
    assert.deepEqual({ findings: analysis.findings.length, claims: analysis.claims.length, sections: analysis.sections.length }, { findings: 0, claims: 0, sections: 0 });
    assert.equal(analysis.frontMatter?.subject, 'CoreWeave');
    assert.deepEqual(api.services.analyses.oversized(doc), { chars: doc.getText().length, maxChars: 2_000_000, isAnalysis: true });

    // Every edit makes a new version; this lookup is what a hover, a diagnostics pass or the tree
    // pays for it: at once, and still no analysis.
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\nGPU utilization was 70% in December.\n')));
    const started = Date.now();
    const edited = api.services.analyses.get(doc);
    assert.ok(Date.now() - started < 5_000, 'the lookup took over 5 s');
    assert.deepEqual({ findings: edited.findings.length, claims: edited.claims.length }, { findings: 0, claims: 0 });

    // Hover still shows a name's card, without a verdict (which needs the analysis).
    const hover = await hoversAt(doc, positionOf(doc, '| GPU Utilization Rate | 74%', 4, 5));
    assert.match(hover.read, /GPU Utilization Rate/);
    assert.doesNotMatch(hover.read, /74%/);
    // The tree shows no coverage.
    assert.doesNotMatch(String(metricRow(api).description), /·/);

    // A large file that is not an analysis gets nothing, not even the message.
    assert.equal(api.services.analyses.oversized(notes)?.isAnalysis, false);
    assert.deepEqual(ours(notes.uri), []);
  });

  it('raising patternAnalyst.checks.maxDocumentSizeMB brings the checks back', async () => {
    const doc = await vscode.workspace.openTextDocument(bigAnalysis);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => (ours(doc.uri).some((d) => codeOf(d) === 'document-too-large') ? true : undefined), 'the size message', DEADLINE);

    await vscode.workspace.getConfiguration('patternAnalyst').update('checks.maxDocumentSizeMB', 5, vscode.ConfigurationTarget.Global);
    const misses = await waitFor(() => {
      const all = ours(doc.uri);
      return all.some((d) => codeOf(d) === 'benchmark-miss') ? all : undefined;
    }, 'benchmark-miss diagnostics after raising the limit', DEADLINE);
    assert.ok(!misses.some((d) => codeOf(d) === 'document-too-large'), 'the size message is gone');
    assert.ok(api.services.analyses.get(doc).claims.length > 0, 'the analysis found the stated values');
    assert.equal(api.services.analyses.oversized(doc), undefined);
    await waitFor(() => (String(metricRow(api).description).includes('·') ? true : undefined), 'tree coverage of the analysis', DEADLINE);
  });
});
