/**
 * The sidebar tree of every loaded pattern: sections in the source's order, metrics with their
 * benchmark, companies, strengths and weaknesses, and (for the active analysis) which sections
 * and metrics it covers. No side effects here: the provider only turns nodes into TreeItems.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import { userMessages } from '../userMessages';
import type { PatternCatalog } from '../../model/patternCatalog';
import { PatternTreeShape, type TreeNode } from './patternTreeNodes';

/** What the active analysis covers of one pattern; shown as row descriptions. */
export interface TreeCoverage {
  readonly modelId: string;
  readonly sections: ReadonlyMap<string, boolean>;
  /** Per metric: a short summary of what the analysis states ("72%, misses"), or undefined when it states nothing. */
  readonly metrics: ReadonlyMap<string, string | undefined>;
}

export class PatternTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  /** Built on first use from `catalog`: the view may stay closed, and activation need not build it. */
  private built: PatternTreeShape[] | undefined;
  private catalog: () => PatternCatalog;
  private coverage: TreeCoverage | undefined;
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** `catalog` is read when the tree is first shown, so that loading the models can wait for it. */
  constructor(catalog: () => PatternCatalog) {
    this.catalog = catalog;
  }

  setCatalog(catalog: PatternCatalog): void {
    this.catalog = () => catalog;
    this.built = undefined;
    this.changed.fire(undefined);
  }

  private get shapes(): PatternTreeShape[] {
    this.built ??= this.catalog().indexes.map((index) => new PatternTreeShape(index));
    return this.built;
  }

  setCoverage(coverage: TreeCoverage | undefined): void {
    if (sameCoverage(this.coverage, coverage)) return;
    this.coverage = coverage;
    this.changed.fire(undefined);
  }

  /** A node by its tree id (`ai-infrastructure/metric:gpu-utilization-rate`). */
  nodeById(id: string): TreeNode | undefined {
    const slash = id.indexOf('/');
    const shape = this.shapes.find((s) => s.index.model.id === id.slice(0, slash));
    return shape?.find(id.slice(slash + 1));
  }

  /** A node of a pattern by entity key; the first pattern when `modelId` is not given. */
  find(modelId: string | undefined, key: string): TreeNode | undefined {
    const shape = modelId ? this.shapes.find((s) => s.index.model.id === modelId) : this.shapes[0];
    return shape?.find(key);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.shapes.map((s) => s.root);
    const shape = this.shapes.find((s) => s.index === node.index);
    return shape ? [...shape.childrenOf(node)] : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = node.type === 'entity' ? this.entityItem(node) : node.type === 'group' ? this.groupItem(node) : this.paragraphItem(node);
    item.id = node.id;
    item.command = { command: COMMANDS.openItem, title: vscode.l10n.t('Open'), arguments: [node.id] };
    return item;
  }

  private entityItem(node: Extract<TreeNode, { type: 'entity' }>): vscode.TreeItem {
    const e = node.entity;
    const cov = this.coverage?.modelId === e.model.id ? this.coverage : undefined;
    const tip = new vscode.MarkdownString();
    let item: vscode.TreeItem;
    switch (e.kind) {
      case 'pattern': {
        const m = e.model;
        item = new vscode.TreeItem(userMessages.label(m.name), vscode.TreeItemCollapsibleState.Expanded);
        item.description = [m.number !== undefined && `#${m.number}`, m.symbol, m.family, m.marketSize && vscode.l10n.t('Market {0}', m.marketSize), m.tagline].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('symbol-namespace');
        tip.appendMarkdown('**').appendText(m.title ?? m.name).appendMarkdown('**\n\n');
        const facts = [
          m.symbol && vscode.l10n.t('Symbol: {0}', m.symbol),
          m.number !== undefined && vscode.l10n.t('Pattern: #{0}', m.number),
          m.family && vscode.l10n.t('Family: {0}', m.family),
          m.marketSize && vscode.l10n.t('Market size: {0}', m.marketSize),
        ];
        for (const fact of facts) {
          if (fact) tip.appendText(fact).appendMarkdown('  \n');
        }
        if (m.tagline) tip.appendMarkdown('\n*').appendText(m.tagline).appendMarkdown('*');
        break;
      }
      case 'section': {
        const s = e.section;
        const expand = s.kind === 'prose' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
        item = new vscode.TreeItem(userMessages.label(s.title), expand);
        item.iconPath = new vscode.ThemeIcon(SECTION_ICONS[s.kind]);
        const present = cov?.sections.get(s.id);
        if (present !== undefined) item.description = present ? vscode.l10n.t('✓ covered') : vscode.l10n.t('○ missing from analysis');
        tip.appendMarkdown('**').appendText(s.title).appendMarkdown('**');
        for (const p of s.paragraphs) tip.appendMarkdown('\n\n').appendText(p);
        break;
      }
      case 'metric': {
        const m = e.metric;
        item = new vscode.TreeItem(userMessages.label(m.name), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('pulse');
        const stated = cov?.metrics.get(m.id);
        item.description = cov && cov.metrics.has(m.id) ? `${m.benchmarkText} · ${stated ?? vscode.l10n.t('not stated')}` : m.benchmarkText;
        tip.appendMarkdown('**').appendText(m.name).appendMarkdown('**\n\n').appendText(vscode.l10n.t('Benchmark: {0}', m.benchmarkText));
        tip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Unit: {0}', m.unit.label));
        if (m.extensionNote?.definition || m.extensionNote?.direction) {
          tip.appendMarkdown('\n\n---\n\n*').appendText(vscode.l10n.t('Pattern Analyst note (not from the source):')).appendMarkdown('* ');
          if (m.extensionNote.direction) tip.appendText(m.extensionNote.direction === 'higher' ? vscode.l10n.t('higher is better. ') : vscode.l10n.t('lower is better. '));
          if (m.extensionNote.definition) tip.appendText(m.extensionNote.definition);
        }
        break;
      }
      case 'company': {
        const c = e.company;
        item = new vscode.TreeItem(userMessages.label(c.name), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('organization');
        item.description = c.aliases.map((a) => a.text).join(', ') || undefined;
        tip.appendMarkdown('**').appendText(c.name).appendMarkdown('**\n\n').appendText(c.note);
        break;
      }
      default: {
        item = new vscode.TreeItem(userMessages.label(e.text), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(e.kind === 'strength' ? 'add' : 'remove');
        tip.appendText(e.text);
        break;
      }
    }
    item.tooltip = tip;
    item.contextValue = `patternAnalyst.${e.kind}`;
    return item;
  }

  private groupItem(node: Extract<TreeNode, { type: 'group' }>): vscode.TreeItem {
    const items = node.group === 'strengths' ? node.index.model.strengths : node.index.model.weaknesses;
    const item = new vscode.TreeItem(node.group === 'strengths' ? vscode.l10n.t('Strengths') : vscode.l10n.t('Weaknesses'), vscode.TreeItemCollapsibleState.Expanded);
    item.description = `${items.length}`;
    item.iconPath = new vscode.ThemeIcon(node.group === 'strengths' ? 'thumbsup' : 'thumbsdown');
    const tip = new vscode.MarkdownString();
    items.forEach((t) => tip.appendMarkdown('- ').appendText(t).appendMarkdown('\n'));
    item.tooltip = tip;
    item.contextValue = 'patternAnalyst.group';
    return item;
  }

  private paragraphItem(node: Extract<TreeNode, { type: 'paragraph' }>): vscode.TreeItem {
    const firstSentence = /^.*?[.!?](?=\s|$)/.exec(node.text)?.[0] ?? node.text;
    const item = new vscode.TreeItem(userMessages.label(firstSentence), vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('quote');
    item.tooltip = new vscode.MarkdownString().appendText(node.text);
    item.contextValue = 'patternAnalyst.paragraph';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const SECTION_ICONS = { prose: 'book', metrics: 'graph', companies: 'organization', strengthsWeaknesses: 'law' } as const;

function sameCoverage(a: TreeCoverage | undefined, b: TreeCoverage | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.modelId !== b.modelId) return false;
  const sameMap = <V>(x: ReadonlyMap<string, V>, y: ReadonlyMap<string, V>): boolean => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  return sameMap(a.sections, b.sections) && sameMap(a.metrics, b.metrics);
}
