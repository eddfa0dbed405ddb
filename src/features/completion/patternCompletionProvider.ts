/**
 * Completions while writing an analysis: metric and company names anywhere in the text (aliases
 * filter too: "GPU util" finds GPU Utilization Rate), and the pattern's section titles after `#`,
 * `##` or `###` at the start of a line. Names come from the pattern the front matter names, or the
 * bundled one, always through its PatternIndex.
 */
import * as vscode from 'vscode';
import type { Analysis } from '../../analysis/types';
import { entityKey, type NamedEntity, type PatternIndex } from '../../model/patternIndex';
import { entityCard, entityCardMarkdown } from '../../render/entityCard';
import { primaryPattern } from '../documentPatterns';
import { withAnalysisCore } from '../core';
import type { Services } from '../services';
import { startedName } from './startedName';

export class PatternCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly services: Services) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): vscode.CompletionItem[] | undefined | Promise<vscode.CompletionItem[] | undefined> {
    return withAnalysisCore(() => this.itemsAt(document, position, context));
  }

  private itemsAt(document: vscode.TextDocument, position: vscode.Position, context: vscode.CompletionContext): vscode.CompletionItem[] | undefined {
    const analysis = this.services.analyses.get(document);
    const index = primaryPattern(analysis, this.services.models.catalog);
    if (!index) return undefined;
    const lineText = document.lineAt(position.line).text;
    const before = lineText.slice(0, position.character);
    if (inFrontMatter(analysis, position.line)) return undefined;
    const heading = /^(#{1,3})( *)([^#]*)$/.exec(before);
    if (heading) return sectionItems(index, analysis, position, heading[1].length, heading[2].length, lineText.length);
    // `#` elsewhere (a hashtag, "#2 cloud") or a space is no reason to offer names.
    if (context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter) return undefined;
    return nameItems(index, before, position);
  }
}

function inFrontMatter(analysis: Analysis, line: number): boolean {
  const r = analysis.frontMatter?.range;
  return r !== undefined && line >= r.start.line && line <= r.end.line;
}

/** The pattern's section titles, in the pattern's order; sections the analysis already has come last. */
function sectionItems(index: PatternIndex, analysis: Analysis, position: vscode.Position, hashes: number, spaces: number, lineLength: number): vscode.CompletionItem[] {
  const start = new vscode.Position(position.line, hashes + spaces);
  const range = { inserting: new vscode.Range(start, position), replacing: new vscode.Range(start, new vscode.Position(position.line, lineLength)) };
  const present = new Set(analysis.pattern === index ? analysis.sections.filter((s) => s.present).map((s) => s.sectionId) : []);
  return index.model.sections.map((section, i) => {
    const item = new vscode.CompletionItem({ label: section.title, description: vscode.l10n.t('{0} section', index.model.name) }, vscode.CompletionItemKind.Module);
    // "##" with no space yet: the item brings its own.
    item.insertText = spaces === 0 ? ` ${section.title}` : section.title;
    item.filterText = section.title;
    item.range = range;
    const has = present.has(section.id);
    item.sortText = `${has ? 1 : 0}${String(i).padStart(3, '0')}`;
    item.detail = has ? vscode.l10n.t('Already in this analysis') : vscode.l10n.t('Section {0} of {1} in {2}', i + 1, index.model.sections.length, index.model.name);
    return item;
  });
}

/** Every metric and company of the pattern; aliases match as filter text, the canonical name is inserted. */
function nameItems(index: PatternIndex, before: string, position: vscode.Position): vscode.CompletionItem[] {
  const items: vscode.CompletionItem[] = [];
  for (const entity of index.entities) {
    if (entity.kind !== 'metric' && entity.kind !== 'company') continue;
    const names = index.namesOf(entity);
    const item = new vscode.CompletionItem(
      { label: names[0], description: entity.kind === 'metric' ? vscode.l10n.t('{0} metric', index.model.name) : vscode.l10n.t('{0} company', index.model.name) },
      entity.kind === 'metric' ? vscode.CompletionItemKind.Unit : vscode.CompletionItemKind.Constant,
    );
    item.insertText = names[0];
    item.detail = entity.kind === 'metric' ? vscode.l10n.t('Benchmark: {0}', entity.metric.benchmarkText) : entity.company.note;
    item.documentation = cardDocumentation(entity);
    item.sortText = `${entity.kind === 'metric' ? 0 : 1}${entityKey(entity)}`;
    const started = startedName(before, names);
    if (started) {
      // The user began a multi-word name or alias: replace all of it, and filter by that name.
      item.range = new vscode.Range(position.line, started.start, position.line, position.character);
      item.filterText = started.name;
    } else {
      item.filterText = names.join(' ');
    }
    items.push(item);
  }
  return items;
}

function cardDocumentation(entity: NamedEntity): vscode.MarkdownString {
  const md = new vscode.MarkdownString(entityCardMarkdown(entityCard(entity)), false);
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}
