/**
 * Hover cards on metric and company names (and aliases) in markdown and plain text. Runs on every
 * mouse move, so it stays cheap: names are matched on the hovered line only, and the document's
 * analysis comes from the shared per-version cache. What the card says is decided by the pure
 * `render/entityCard`; this adapter only wraps it in a locked-down MarkdownString.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands';
import type * as AnalysisBundle from '../../analysis/analysisBundle';
import type { Analysis, MetricClaim } from '../../analysis/types';
import type { NamedEntity } from '../../model/patternIndex';
import { commandLinkTarget, entityCard, entityCardMarkdown, type CardLink } from '../../render/entityCard';
import { escapeMarkdown } from '../../render/patternMarkdown';
import { patternsToSearch } from '../documentPatterns';
import { withAnalysisCore } from '../core';
import type { Services } from '../services';

interface Hit {
  readonly entity: NamedEntity;
  readonly writtenAs?: string;
  readonly start: number;
  readonly end: number;
}

export class EntityHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: Services) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined | Promise<vscode.Hover | undefined> {
    if (!this.services.settings().hoverEnabled) return undefined;
    return withAnalysisCore((core) => this.hoverAt(document, position, core));
  }

  private hoverAt(document: vscode.TextDocument, position: vscode.Position, core: typeof AnalysisBundle): vscode.Hover | undefined {
    const lineText = document.lineAt(position.line).text;
    const catalog = this.services.models.catalog;
    // Cheap first: no loaded model names anything here, so no need to look at the analysis.
    const anyMention = catalog.indexes.some((index) => index.mentionAt(lineText, position.character));
    const analysis = this.services.analyses.get(document);
    const claims = core.claimsOnLine(analysis, position.line);
    const hits = anyMention ? this.mentionHits(analysis, lineText, position.character) : [];
    if (hits.length === 0) {
      // Hovering the value of a claim ("72%") shows its metric's card too.
      const onValue = claims.find((c) => contains(c.valueRange, position));
      const metric = onValue && analysis.pattern?.byId(`metric:${onValue.metricId}`);
      if (!onValue || metric?.kind !== 'metric') return undefined;
      hits.push({ entity: metric, start: onValue.valueRange.start.character, end: onValue.valueRange.end.character });
    }
    const markdown = new vscode.MarkdownString('', false);
    markdown.supportHtml = false;
    // Only the one command the card links to may run from it; no other command link works.
    markdown.isTrusted = { enabledCommands: [COMMANDS.showInTree] };
    hits.forEach((hit, i) => {
      if (i > 0) markdown.appendMarkdown('\n\n---\n\n');
      const card = entityCard(hit.entity, { writtenAs: hit.writtenAs, claims });
      markdown.appendMarkdown(entityCardMarkdown(card, [showInTreeLink(card.patternId, card.key)]));
      if (hit.entity.kind === 'metric') {
        const history = this.historyLine(document, hit.entity.metric.id, claims);
        // Escaped like every other text on the card: values and periods come from the user's files.
        if (history) markdown.appendMarkdown(`\n\n${escapeMarkdown(history)}`);
      }
    });
    const first = hits[0];
    return new vscode.Hover(markdown, new vscode.Range(position.line, first.start, position.line, first.end));
  }

  /**
   * The metric over periods in words, from the workspace index when a portfolio surface has built
   * it (a hover never starts the index): "72% in Q3 2026, from 75% in Q2 2026 and 78% in Q1 2026".
   */
  private historyLine(document: vscode.TextDocument, metricId: string, claims: readonly MetricClaim[]): string | undefined {
    const claim = claims.find((c) => c.metricId === metricId);
    return claim && this.services.portfolio.historySentence(document.uri.toString(), metricId, claim.value.text.trim());
  }

  /** The name under the cursor in the analysis's pattern, or in every loaded model that has it. */
  private mentionHits(analysis: Analysis, lineText: string, character: number): Hit[] {
    const hits: Hit[] = [];
    for (const index of patternsToSearch(analysis, this.services.models.catalog)) {
      const m = index.mentionAt(lineText, character);
      if (m) hits.push({ entity: m.entity, writtenAs: m.text, start: m.start, end: m.end });
    }
    return hits;
  }
}

function contains(range: MetricClaim['valueRange'], position: vscode.Position): boolean {
  const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}

/** The card's one link: reveal the entity in the Pattern tree (arguments: model id, entity key). */
function showInTreeLink(modelId: string, key: string): CardLink {
  return { title: vscode.l10n.t('Show in Pattern Tree'), target: commandLinkTarget(COMMANDS.showInTree, [modelId, key]) };
}
