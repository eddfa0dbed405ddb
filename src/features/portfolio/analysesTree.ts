/**
 * The "Analyses" view: every indexed analysis of the workspace as pattern → subject → period, each
 * row with its verdict summary ("2 misses · 1 meets"); a period opens its file. Labels, descriptions
 * and tooltips carry text from the user's files: capped in length, with command links made inert,
 * tooltips built with appendText (no markdown, no HTML from a file is ever interpreted).
 */
import * as vscode from 'vscode';
import type { PatternCatalog } from '../../model/patternCatalog';
import { subjectKey, subjectName } from '../../portfolio/subjects';
import type { IndexEntry } from '../../portfolio/types';
import { inertText } from '../inertText';
import { verdictSummary } from './verdictSummary';

export type AnalysesNode =
  | { readonly kind: 'pattern'; readonly id: string; readonly label: string; readonly entries: readonly IndexEntry[]; readonly patternId?: string }
  | { readonly kind: 'subject'; readonly id: string; readonly label: string; readonly entries: readonly IndexEntry[] }
  | { readonly kind: 'analysis'; readonly id: string; readonly label: string; readonly entry: IndexEntry }
  | { readonly kind: 'message'; readonly id: string; readonly label: string };

/** Longest label or description shown; front matter can hold anything. */
const MAX_TEXT = 120;

/** Text from a file, safe to show: one line, capped, no live command links. */
export function shownText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return inertText(line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line);
}

/** Newest first; unreadable periods after every readable one, in the order written. */
function byPeriodDescending(a: IndexEntry, b: IndexEntry): number {
  const pa = a.period?.period;
  const pb = b.period?.period;
  if (pa && pb) return pb.end - pa.end || pb.start - pa.start || a.uri.localeCompare(b.uri);
  if (pa || pb) return pa ? -1 : 1;
  return (a.period?.written ?? '').localeCompare(b.period?.written ?? '') || a.uri.localeCompare(b.uri);
}

export interface AnalysesSource {
  /** The indexed analyses, or undefined while the index is being built. */
  entries(): readonly IndexEntry[] | undefined;
  readonly catalog: () => PatternCatalog;
  /** A workspace-relative name for a file, for descriptions and tooltips. */
  displayName(uri: string): string;
}

export class AnalysesTreeProvider implements vscode.TreeDataProvider<AnalysesNode> {
  constructor(private readonly source: AnalysesSource) {}

  getChildren(node?: AnalysesNode): AnalysesNode[] {
    if (!node) return this.roots();
    if (node.kind === 'pattern') return this.subjects(node);
    if (node.kind === 'subject') return [...node.entries].sort(byPeriodDescending).map((entry) => ({ kind: 'analysis', id: `${node.id}/${entry.uri}`, label: entry.period?.period?.label ?? entry.period?.written ?? vscode.l10n.t('no period'), entry }));
    return [];
  }

  private roots(): AnalysesNode[] {
    const entries = this.source.entries();
    if (!entries) return [{ kind: 'message', id: 'indexing', label: vscode.l10n.t('Indexing the workspace’s analyses…') }];
    if (entries.length === 0) return [{ kind: 'message', id: 'empty', label: vscode.l10n.t('No analyses yet: a markdown file whose front matter names a pattern is one') }];
    const catalog = this.source.catalog();
    const groups = new Map<string, { label: string; entries: IndexEntry[] }>();
    for (const entry of entries) {
      const known = entry.patternId ? catalog.indexes.find((i) => i.model.id === entry.patternId) : undefined;
      const key = known ? `pattern:${known.model.id}` : `unknown:${(entry.patternWritten ?? '').toLowerCase()}`;
      const label = known ? known.model.name : vscode.l10n.t('{0} (unknown pattern)', entry.patternWritten ?? '?');
      const group = groups.get(key) ?? { label, entries: [] };
      group.entries.push(entry);
      groups.set(key, group);
    }
    return [...groups].sort((a, b) => a[1].label.localeCompare(b[1].label)).map(([id, g]) => ({ kind: 'pattern', id, label: g.label, entries: g.entries, ...(id.startsWith('pattern:') ? { patternId: id.slice('pattern:'.length) } : {}) }));
  }

  private subjects(node: Extract<AnalysesNode, { kind: 'pattern' }>): AnalysesNode[] {
    // Grouped as the matrix groups them ("Coreweave" and "CoreWeave" are one subject), named as it names them.
    const pattern = node.patternId ? this.source.catalog().indexes.find((i) => i.model.id === node.patternId) : undefined;
    const groups = new Map<string, { label: string; entries: IndexEntry[] }>();
    for (const entry of node.entries) {
      const label = pattern ? subjectName(entry, pattern) : entry.subject?.trim() || vscode.l10n.t('no subject');
      const key = subjectKey(entry);
      const group = groups.get(key) ?? { label, entries: [] };
      group.entries.push(entry);
      groups.set(key, group);
    }
    return [...groups].sort((a, b) => a[1].label.localeCompare(b[1].label)).map(([key, g]) => ({ kind: 'subject', id: `${node.id}/${key}`, label: g.label, entries: g.entries }));
  }

  getTreeItem(node: AnalysesNode): vscode.TreeItem {
    const item = new vscode.TreeItem(shownText(node.label));
    item.id = node.id;
    switch (node.kind) {
      case 'message':
        item.iconPath = new vscode.ThemeIcon(node.id === 'indexing' ? 'loading~spin' : 'info');
        break;
      case 'pattern':
      case 'subject': {
        item.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
        item.iconPath = new vscode.ThemeIcon(node.kind === 'pattern' ? 'symbol-namespace' : 'organization');
        // A subject is summed up by its latest analysis; a pattern by the latest of each subject.
        const latest = node.kind === 'subject' ? [...node.entries].sort(byPeriodDescending).slice(0, 1) : this.latestPerSubject(node);
        const count = node.entries.length === 1 ? vscode.l10n.t('1 analysis') : vscode.l10n.t('{0} analyses', node.entries.length);
        item.description = `${verdictSummary(latest)} · ${count}`;
        item.tooltip = new vscode.MarkdownString().appendText(node.kind === 'subject'
          ? vscode.l10n.t('{0}: {1}; latest: {2}', node.label, count, verdictSummary(latest))
          : vscode.l10n.t('{0}: {1}; latest of each subject: {2}', node.label, count, verdictSummary(latest)));
        item.contextValue = `patternAnalyst.analyses.${node.kind}`;
        break;
      }
      case 'analysis': {
        const e = node.entry;
        const uri = vscode.Uri.parse(e.uri);
        const name = this.source.displayName(e.uri);
        item.description = shownText(`${verdictSummary([e])} · ${name.split('/').pop() ?? name}`);
        item.iconPath = new vscode.ThemeIcon(e.metrics.some((m) => m.verdict === 'misses' || m.verdict === 'impossible' || m.verdict === 'wrong-unit') ? 'warning' : 'file');
        item.resourceUri = uri;
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Analysis'), arguments: [uri] };
        item.contextValue = 'patternAnalyst.analyses.analysis';
        const tip = new vscode.MarkdownString();
        tip.appendText(shownText(e.title ?? e.subject ?? name)).appendMarkdown('\n\n');
        tip.appendText(name).appendMarkdown('  \n');
        if (e.period) tip.appendText(e.period.period ? vscode.l10n.t('Period: {0}', e.period.written) : vscode.l10n.t('Period: {0} (not understood as a period)', e.period.written)).appendMarkdown('  \n');
        if (e.author) tip.appendText(vscode.l10n.t('Author: {0}', shownText(e.author))).appendMarkdown('  \n');
        if (e.coverage) tip.appendText(vscode.l10n.t('Sections: {0} of {1}', e.coverage.present, e.coverage.total)).appendMarkdown('  \n');
        tip.appendText(verdictSummary([e]));
        item.tooltip = tip;
        break;
      }
    }
    return item;
  }

  private latestPerSubject(node: Extract<AnalysesNode, { kind: 'pattern' }>): IndexEntry[] {
    return this.subjects(node).flatMap((s) => (s.kind === 'subject' ? [...s.entries].sort(byPeriodDescending).slice(0, 1) : []));
  }
}
