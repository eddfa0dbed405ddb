/**
 * The pattern card: a webview showing one pattern model as a periodic-table-style card (the
 * shared `renderPatternCard`). One panel per model; opened from the tree's title bar or an item's
 * context menu, it scrolls to that item. Restored after a window reload by its serializer.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { userMessages } from '../userMessages';
import type { PatternIndex } from '../../model/patternIndex';
import { classifyUrl } from '../../render/linkSafety';
import { parseCardState, parseFromWebview, type PreviewStyle } from '../../render/protocol';
import { renderPatternCard } from '../../render/patternCard';
import { whenAnalysisCore } from '../core';
import type { Services } from '../services';
import { renderShell, webviewOptions } from './webviewShell';

export const CARD_VIEW_TYPE = 'patternAnalyst.patternCard';

/** A tree node (`{ id: 'ai-infrastructure/metric:gpu-utilization-rate' }`) or its id → model id and entity key. */
export function parseCardTarget(arg: unknown): { modelId: string; entity?: string } | undefined {
  const id = typeof arg === 'string' ? arg
    : arg && typeof arg === 'object' && typeof (arg as { id?: unknown }).id === 'string' ? (arg as { id: string }).id
      : undefined;
  if (!id) return undefined;
  const slash = id.indexOf('/');
  if (slash < 0) return { modelId: id };
  const entity = id.slice(slash + 1);
  return entity ? { modelId: id.slice(0, slash), entity } : { modelId: id.slice(0, slash) };
}

interface Card {
  readonly panel: vscode.WebviewPanel;
  entity?: string;
  style?: PreviewStyle;
}

export class PatternCardPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly cards = new Map<string, Card>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(services.models.onDidChange(() => {
      for (const [modelId, card] of this.cards) this.render(modelId, card);
    }));
  }

  /** Open panels by model id (for tests and the extension's API). */
  get panels(): ReadonlyMap<string, vscode.WebviewPanel> {
    return new Map([...this.cards].map(([id, c]) => [id, c.panel]));
  }

  async open(arg?: unknown): Promise<vscode.WebviewPanel | undefined> {
    const target: { modelId: string; entity?: string } | undefined = parseCardTarget(arg) ?? (await this.pickModel());
    if (!target) return undefined;
    const index = this.index(target.modelId);
    if (!index) {
      void vscode.window.showWarningMessage(userMessages.noModelWithId(target.modelId));
      return undefined;
    }
    const existing = this.cards.get(index.model.id);
    if (existing) {
      existing.panel.reveal(undefined, false);
      if (target.entity) {
        existing.entity = target.entity;
        void existing.panel.webview.postMessage({ type: 'revealEntity', key: target.entity });
      }
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(CARD_VIEW_TYPE, vscode.l10n.t('Pattern Card: {0}', index.model.name), vscode.ViewColumn.Active,
      { ...webviewOptions(this.extensionUri, undefined), enableFindWidget: true });
    this.adopt(panel, index.model.id, target.entity);
    return panel;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parseCardState(raw);
    if (!state || !this.index(state.modelId) || this.cards.has(state.modelId)) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(this.extensionUri, undefined);
    this.adopt(panel, state.modelId, state.entity);
  }

  private adopt(panel: vscode.WebviewPanel, modelId: string, entity: string | undefined): void {
    const card: Card = { panel, ...(entity ? { entity } : {}) };
    this.cards.set(modelId, card);
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseFromWebview(raw);
      if (message?.type === 'setStyle') card.style = message.style;
      // The only link on a card is the model's source address, and only when it is https.
      if (message?.type === 'openLink' && classifyUrl(message.href) === 'https') void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
    });
    panel.onDidDispose(() => {
      if (this.cards.get(modelId) === card) this.cards.delete(modelId);
    });
    this.render(modelId, card);
  }

  private render(modelId: string, card: Card): void {
    const index = this.index(modelId);
    if (!index) return;
    const webview = card.panel.webview;
    card.panel.title = vscode.l10n.t('Pattern Card: {0}', index.model.name);
    webview.html = renderShell({
      webview,
      extensionUri: this.extensionUri,
      title: index.model.name,
      bodyHtml: renderPatternCard(index.model),
      settings: { kind: 'card', modelId, ...(card.entity ? { entity: card.entity } : {}), style: card.style ?? this.services.settings().previewStyle },
      style: card.style ?? this.services.settings().previewStyle,
      allowHttpsImages: false,
      lockButton: false,
    });
  }

  private index(modelId: string): PatternIndex | undefined {
    return this.services.models.catalog.indexes.find((i) => i.model.id === modelId);
  }

  /** Without a tree node: the pattern the active analysis names, the only model, or the user's pick. */
  private async pickModel(): Promise<{ modelId: string } | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === 'markdown') {
      await whenAnalysisCore();
      const pattern = this.services.analyses.get(editor.document).pattern;
      if (pattern) return { modelId: pattern.model.id };
    }
    const indexes = this.services.models.catalog.indexes;
    if (indexes.length <= 1) return indexes[0] && { modelId: indexes[0].model.id };
    const pick = await vscode.window.showQuickPick(
      indexes.map((i) => ({ label: userMessages.label(i.model.name), description: i.model.number !== undefined ? `#${i.model.number}` : '', modelId: i.model.id })),
      { placeHolder: inertText(vscode.l10n.t('Which pattern card?')) },
    );
    return pick && { modelId: pick.modelId };
  }

  dispose(): void {
    for (const card of this.cards.values()) card.panel.dispose();
    this.cards.clear();
    for (const d of this.disposables) d.dispose();
  }
}
