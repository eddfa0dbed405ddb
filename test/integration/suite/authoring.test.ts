/**
 * Writing an analysis in a real VS Code: hover cards on metric and company names (markdown and
 * plain text), completions of names and section headings, the generated snippets, and the New
 * Analysis command. Expectations are the pattern's own words (benchmarks, notes, section titles).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PatternAnalystApi } from '../../../src/extension';
import { activateExtension, closeAllEditors, fixturePath, waitFor } from './helpers';
import { completionsAt, hoversAt, itemLabel, positionOf } from './authoringHelpers';
import { SECTION_TITLES } from '../../shared/pattern17Expectations';

const SCORECARD = 'authoring/coreweave-scorecard.md';

async function open(fixture: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixturePath(fixture));
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('Authoring: hover cards', () => {
  let api: PatternAnalystApi;
  before(async () => {
    api = await activateExtension();
  });
  afterEach(async () => {
    await vscode.workspace.getConfiguration('patternAnalyst').update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('a metric in a scorecard row: benchmark verbatim, direction, section, labelled note, and the verdict of the value on that line', async () => {
    const doc = await open(SCORECARD);
    const { read, raw, hovers } = await hoversAt(doc, positionOf(doc, '| GPU Utilization Rate | 72%', 5));
    assert.match(read, /GPU Utilization Rate/);
    assert.match(read, /Benchmark \(source, verbatim\): >80% target for profitability/);
    assert.match(read, /Better: higher/);
    assert.match(read, /Section: Key Metrics & Benchmarks/);
    assert.match(read, /Pattern Analyst's note, not the source's: GPU-hours sold or used by workloads/);
    assert.match(read, /72% — below .*>80% target for profitability/);
    // The one link: Show in Pattern Tree, with the model id and entity key as arguments.
    const links = [...raw.matchAll(/\]\((command:[^)]*)\)/g)].map((m) => m[1]);
    assert.equal(links.length, 1);
    const [command, args] = links[0].split('?');
    assert.equal(command, 'command:patternAnalyst.showInTree');
    assert.deepEqual(JSON.parse(decodeURIComponent(args)), ['ai-infrastructure', 'metric:gpu-utilization-rate']);
    // The hover covers exactly the name.
    const ours = hovers.find((h) => h.contents.some((c) => typeof c !== 'string' && c.value.includes('GPU Utilization Rate')));
    assert.ok(ours?.range);
    assert.equal(doc.getText(ours.range), 'GPU Utilization Rate');
    assert.ok(api.services.analyses.get(doc).isAnalysis);
  });

  it('an alias in prose names the metric it stands for', async () => {
    const doc = await open(SCORECARD);
    const { read } = await hoversAt(doc, positionOf(doc, 'GPU util stayed', 2));
    assert.match(read, /GPU Utilization Rate \(written “GPU util”\) — metric in AI Infrastructure \(Pattern #17\)/);
  });

  it('a company: the source\'s note and the pattern it appears in', async () => {
    const doc = await open(SCORECARD);
    const { read } = await hoversAt(doc, positionOf(doc, 'AWS, Azure', 1));
    assert.match(read, /AWS — company in AI Infrastructure \(Pattern #17\)/);
    assert.match(read, /Source's note \(FourWeekMBA\): Largest cloud provider, Trainium\/Inferentia custom AI chips/);
    assert.match(read, /Section: Who Uses This Pattern/);
    assert.match(read, /Pattern: AI Infrastructure \(Pattern #17\)/);
  });

  it('works in plain text too, on aliases (Azure, GPU utilisation)', async () => {
    const doc = await open('authoring/meeting-notes.txt');
    assert.equal(doc.languageId, 'plaintext');
    const azure = await hoversAt(doc, positionOf(doc, 'Azure and', 2));
    assert.match(azure.read, /Microsoft Azure \(written “Azure”\) — company/);
    assert.match(azure.read, /#2 cloud, exclusive OpenAI hosting partnership/);
    const util = await hoversAt(doc, positionOf(doc, 'GPU utilisation', 6));
    assert.match(util.read, /GPU Utilization Rate \(written “GPU utilisation”\)/);
  });

  it('says nothing away from names, and nothing at all when hover.enabled is off', async () => {
    const doc = await open(SCORECARD);
    const prose = await hoversAt(doc, positionOf(doc, 'illustrative', 3));
    assert.doesNotMatch(prose.read, /Pattern #17/);
    await vscode.workspace.getConfiguration('patternAnalyst').update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    const off = await hoversAt(doc, positionOf(doc, '| GPU Utilization Rate | 72%', 5));
    assert.doesNotMatch(off.read, /Benchmark/);
  });
});

describe('Authoring: completions', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  async function scratch(content: string): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  it('metric and company names, with aliases as filter text and the model\'s details', async () => {
    const doc = await scratch('---\npattern: ai-infrastructure\n---\n\nOur Azu');
    const items = await completionsAt(doc, new vscode.Position(4, 7));
    const byLabel = new Map(items.map((i) => [itemLabel(i), i]));
    for (const name of ['GPU Utilization Rate', 'Revenue per GPU Hour', 'Customer Retention', 'Capacity Growth Rate', 'AWS', 'Microsoft Azure', 'Google Cloud', 'CoreWeave', 'Lambda Labs', 'Together AI']) {
      assert.ok(byLabel.has(name), `${name} is offered`);
    }
    const azure = byLabel.get('Microsoft Azure');
    assert.ok(azure);
    assert.match(azure.filterText ?? '', /\bAzure\b/);
    assert.equal(azure.detail, '#2 cloud, exclusive OpenAI hosting partnership');
    assert.equal(byLabel.get('GPU Utilization Rate')?.detail, 'Benchmark: >80% target for profitability');
  });

  it('a multi-word name begun before the cursor is replaced whole', async () => {
    const doc = await scratch('Our GPU Uti');
    const items = await completionsAt(doc, new vscode.Position(0, 11));
    const gpu = items.find((i) => itemLabel(i) === 'GPU Utilization Rate');
    assert.ok(gpu?.range);
    const range = gpu.range instanceof vscode.Range ? gpu.range : gpu.range.replacing;
    assert.equal(doc.getText(range), 'GPU Uti');
    assert.equal(gpu.insertText, 'GPU Utilization Rate');
  });

  it('section headings of the pattern after ## at the start of a line, in the pattern\'s order', async () => {
    const doc = await scratch('---\npattern: ai-infrastructure\n---\n\n## ');
    const items = await completionsAt(doc, new vscode.Position(4, 3), ' ');
    const sections = items.filter((i) => i.kind === vscode.CompletionItemKind.Module).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(sections.map(itemLabel), SECTION_TITLES);
    const noSpace = await scratch('#');
    const afterHash = await completionsAt(noSpace, new vscode.Position(0, 1), '#');
    const pattern = afterHash.find((i) => itemLabel(i) === 'The Pattern');
    assert.equal(pattern?.insertText, ' The Pattern');
  });

  it('offers no names inside front matter and no headings after # mid-line', async () => {
    const doc = await scratch('---\npattern: ai-infrastructure\nsubject: Cor\n---\n\nWe rank #');
    // Only our items: the editor adds words from open documents as plain Text items.
    const inFront = (await completionsAt(doc, new vscode.Position(2, 12))).filter((i) => i.kind !== vscode.CompletionItemKind.Text);
    assert.ok(!inFront.some((i) => itemLabel(i) === 'CoreWeave'), inFront.map(itemLabel).join(', '));
    const midLine = (await completionsAt(doc, new vscode.Position(5, 9), '#')).filter((i) => i.kind !== vscode.CompletionItemKind.Text);
    assert.ok(!midLine.some((i) => SECTION_TITLES.includes(itemLabel(i))));
    // Below the front matter names are offered again.
    const body = await completionsAt(doc, new vscode.Position(5, 7));
    assert.ok(body.some((i) => itemLabel(i) === 'CoreWeave' && i.kind === vscode.CompletionItemKind.Constant));
  });
});

describe('Authoring: snippets', () => {
  before(activateExtension);
  afterEach(async () => {
    // End the snippet session first: closing an editor in the middle of one makes the workbench log errors.
    await vscode.commands.executeCommand('leaveSnippet');
    await closeAllEditors();
  });

  async function emptyEditor(): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    return vscode.window.showTextDocument(doc);
  }

  it('the scaffold snippet (by name) writes front matter, every section and the scorecard; Tab stops start at the subject', async () => {
    const editor = await emptyEditor();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'AI Infrastructure: analysis scaffold' });
    const doc = editor.document;
    await waitFor(() => (doc.getText().includes('## Business Engineer Insight') ? true : undefined), 'the scaffold to be inserted');
    // The first tab stop is the subject: typing replaces it and its mirror in the title.
    await vscode.commands.executeCommand('type', { text: 'CoreWeave' });
    const text = await waitFor(() => (doc.getText().includes('subject: CoreWeave') ? doc.getText() : undefined), 'the subject to be typed');
    assert.match(text, /^---\npattern: ai-infrastructure\nsubject: CoreWeave\nperiod: \d{4}\nauthor: Your name\n---\n/);
    assert.match(text, /^# CoreWeave — AI Infrastructure$/m);
    const headings = text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    assert.deepEqual(headings, SECTION_TITLES);
    assert.match(text, /^\| GPU Utilization Rate \| value \| >80% target for profitability \| source \|$/m);
    assert.match(text, /^\| Customer Retention \| value \| >95% annual \(switching cloud is painful\) \| source \|$/m);
    assert.match(text, /^- Enormous capital expenditure \(\$50B\+\/year for hyperscalers\) — assessment$/m);
  });

  it('the metric row and company profile snippets offer the model\'s names as choices', async () => {
    const editor = await emptyEditor();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'AI Infrastructure: metric row' });
    await waitFor(() => (editor.document.getText().startsWith('| GPU Utilization Rate | value | benchmark | source |') ? true : undefined), 'the metric row');
    await vscode.commands.executeCommand('leaveSnippet');
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'AI Infrastructure: company profile' });
    await waitFor(() => (editor.document.getText().includes('### AWS\n\nNote on how the company uses the pattern.') ? true : undefined), 'the company profile');
  });

  it('the snippet prefixes are known to the editor', async () => {
    const doc = (await emptyEditor()).document;
    const items = await completionsAt(doc, new vscode.Position(0, 0));
    const prefixes = items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(itemLabel);
    for (const p of ['pa-analysis', 'pa-metric', 'pa-company', 'pa-strengths', 'pa-insight']) assert.ok(prefixes.includes(p), `${p} in ${prefixes.join(', ')}`);
  });
});

describe('Authoring: New Analysis', () => {
  let api: PatternAnalystApi;
  before(async () => {
    api = await activateExtension();
  });
  afterEach(closeAllEditors);

  it('opens a new untitled markdown analysis of the given subject, from the same scaffold', async () => {
    const before = vscode.workspace.textDocuments.length;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.newAnalysis', { subject: 'CoreWeave' });
    assert.ok(uri);
    assert.equal(uri.scheme, 'untitled');
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.getText().includes('## Business Engineer Insight')), 'the new analysis');
    assert.ok(doc.isUntitled);
    assert.equal(doc.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, doc);
    const text = doc.getText();
    assert.match(text, /^---\npattern: ai-infrastructure\nsubject: CoreWeave\nperiod: \d{4}\n/);
    assert.match(text, /^# CoreWeave — AI Infrastructure$/m);
    assert.deepEqual(text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3)), SECTION_TITLES);
    assert.ok(vscode.workspace.textDocuments.length > before);
    // The editor reads it as an analysis of the bundled pattern.
    const analysis = api.services.analyses.get(doc);
    assert.ok(analysis.isAnalysis);
    assert.equal(analysis.pattern?.model.id, 'ai-infrastructure');
  });

  it('quotes a subject YAML would misread, and accepts the pattern by number', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('patternAnalyst.newAnalysis', { subject: 'Acme: GPU $ Cloud', pattern: '#17' });
    assert.ok(uri);
    const doc = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.getText().includes('subject:')), 'the new analysis');
    assert.match(doc.getText(), /^subject: "Acme: GPU \$ Cloud"$/m);
    assert.match(doc.getText(), /^# Acme: GPU \$ Cloud — AI Infrastructure$/m);
  });

  it('refuses an unknown pattern without opening anything', async () => {
    const count = vscode.workspace.textDocuments.filter((d) => d.isUntitled).length;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('patternAnalyst.newAnalysis', { subject: 'X', pattern: 'no-such-pattern' });
    assert.equal(uri, undefined);
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.isUntitled).length, count);
  });
});
