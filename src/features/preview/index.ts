/**
 * The preview feature: the live analysis preview (with its serializer and scroll sync), the
 * pattern card and the HTML export. Returns a small API so integration tests can see the panels
 * and answer the export's overwrite question.
 */
import * as vscode from 'vscode';
import { COMMANDS, registerCommand } from '../commands';
import type { Services } from '../services';
import { exportHtml, exportTestHooks } from './exportHtml';
import { CARD_VIEW_TYPE, PatternCardPanels } from './patternCardPanel';
import { PreviewManager } from './previewManager';
import { PREVIEW_VIEW_TYPE } from './previewPanel';
import { previewAssets } from './previewAssets';
import { preloadRendererForAnalyses } from './rendererPreload';
import { rendererCore } from '../core';

export interface PreviewApi {
  readonly previews: PreviewManager;
  readonly cards: PatternCardPanels;
  readonly exportTestHooks: typeof exportTestHooks;
}

export function register(services: Services, extensionUri: vscode.Uri): vscode.Disposable & { readonly api: PreviewApi } {
  const previews = new PreviewManager(services, extensionUri);
  const cards = new PatternCardPanels(services, extensionUri);
  const disposable = vscode.Disposable.from(
    previews,
    cards,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, previews),
    vscode.window.registerWebviewPanelSerializer(CARD_VIEW_TYPE, cards),
    registerCommand(COMMANDS.openPreviewToSide, (uri?: unknown) => previews.openToSide(uri instanceof vscode.Uri ? uri : undefined)),
    registerCommand(COMMANDS.togglePreviewLock, () => previews.toggleLock()),
    registerCommand(COMMANDS.openPatternCard, (arg?: unknown) => cards.open(arg)),
    registerCommand(COMMANDS.exportHtml, (first?: unknown, second?: unknown) => exportHtml(services, extensionUri, first, second)),
    // The first preview of a session should not wait for the renderer (or its page's assets) to load: see rendererPreload.ts.
    preloadRendererForAnalyses(services, () => Promise.all([rendererCore(extensionUri), previewAssets(extensionUri)])),
  );
  return Object.assign(disposable, { api: { previews, cards, exportTestHooks } });
}
