/**
 * All analysis previews: the one that follows the active markdown editor and any locked ones.
 * Owns the commands (open to the side, toggle lock), the serializer that restores previews after a
 * window reload, the `patternAnalyst.previewFocused` context key, scroll sync in both directions and
 * the fixed actions a webview message may trigger (no message names a command).
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { userMessages } from '../userMessages';
import { classifyUrl } from '../../render/linkSafety';
import { parsePreviewState, type FromWebview, type PreviewState } from '../../render/protocol';
import type { Services } from '../services';
import { documentFolder, resolveInFolder } from './documentFolder';
import { revealLineAtTop, topVisibleLine } from './editorScroll';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewHost } from './previewPanel';
import { webviewOptions } from './webviewShell';

export const PREVIEW_FOCUSED_CONTEXT = 'patternAnalyst.previewFocused';

function isMarkdown(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown';
}

export class PreviewManager implements vscode.Disposable, PreviewHost, vscode.WebviewPanelSerializer {
  private readonly previews = new Set<PreviewPanel>();
  private activePreview: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Until this time, editor scroll events are ours (revealRange after a preview scroll): don't echo them. */
  private ignoreEditorScrollUntil = 0;

  constructor(readonly services: Services, readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        for (const p of this.previewsOf(e.document.uri)) p.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => this.onConfigurationChanged(e)),
      services.models.onDidChange(() => {
        for (const p of this.previews) p.scheduleRefresh();
      }),
      // An earlier period of a previewed subject changed: its sparklines may too (refresh skips identical ones).
      services.portfolio.onDidChange(() => {
        for (const p of this.previews) p.scheduleRefresh();
      }),
    );
  }

  /** Every open preview (for tests and the extension's API). */
  get all(): readonly PreviewPanel[] {
    return [...this.previews];
  }

  /** Opens (or reveals) the preview of a markdown document beside its editor. */
  async openToSide(uri?: vscode.Uri): Promise<PreviewPanel | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(inertText(vscode.l10n.t('Pattern Analyst: open a markdown analysis first, then open its preview.')));
      return undefined;
    }
    const existingLocked = this.all.find((p) => p.isLocked && p.isPreviewOf(target));
    const following = this.all.find((p) => !p.isLocked);
    const preview = existingLocked ?? following;
    const line = this.editorOf(target) ? topVisibleLine(this.editorOf(target) as vscode.TextEditor) ?? 0 : 0;
    if (preview) {
      preview.showDocument(target, line);
      preview.panel.reveal(preview.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      return preview;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('Preview'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...this.optionsFor(target), enableFindWidget: true },
    );
    return this.adopt(panel, { source: target.toString(), locked: false, line, style: this.services.settings().previewStyle });
  }

  /** Locks the focused preview to its document, or lets it follow the active editor again. */
  toggleLock(preview = this.activePreview ?? this.all[this.all.length - 1]): void {
    if (!preview) return;
    const locking = !preview.isLocked;
    if (!locking) {
      // Only one preview follows the editor: the one being unlocked replaces any other.
      for (const other of this.all) if (other !== preview && !other.isLocked) other.dispose();
    }
    preview.setLocked(locking);
    if (!locking) this.followEditor(vscode.window.activeTextEditor);
  }

  /** Restores a preview after a window reload (or a test hands us a panel and a state). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    if (!state) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.optionsFor(vscode.Uri.parse(state.source));
    this.adopt(panel, state);
  }

  private adopt(panel: vscode.WebviewPanel, state: PreviewState): PreviewPanel {
    const preview = new PreviewPanel(panel, this, state);
    this.previews.add(preview);
    this.trackFocus(preview);
    preview.onDidDispose(() => {
      this.previews.delete(preview);
      if (this.activePreview === preview) this.setActive(undefined);
    });
    return preview;
  }

  private optionsFor(uri: vscode.Uri): vscode.WebviewOptions {
    return webviewOptions(this.extensionUri, documentFolder(uri));
  }

  private trackFocus(preview: PreviewPanel): void {
    const update = (): void => {
      if (preview.panel.active) this.setActive(preview);
      else if (this.activePreview === preview) this.setActive(undefined);
    };
    preview.panel.onDidChangeViewState(update);
    update();
  }

  private setActive(preview: PreviewPanel | undefined): void {
    this.activePreview = preview;
    void vscode.commands.executeCommand('setContext', PREVIEW_FOCUSED_CONTEXT, preview !== undefined);
  }

  private previewsOf(uri: vscode.Uri): PreviewPanel[] {
    return this.all.filter((p) => p.isPreviewOf(uri));
  }

  private editorOf(uri: vscode.Uri): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !isMarkdown(editor.document)) return;
    const following = this.all.find((p) => !p.isLocked);
    if (following && !following.isPreviewOf(editor.document.uri)) following.showDocument(editor.document.uri, topVisibleLine(editor) ?? 0);
  }

  private onEditorScrolled(editor: vscode.TextEditor): void {
    if (!this.services.settings().scrollSync || Date.now() < this.ignoreEditorScrollUntil) return;
    const line = topVisibleLine(editor);
    if (line === undefined) return;
    for (const p of this.previewsOf(editor.document.uri)) {
      p.line = line;
      p.post({ type: 'scrollToLine', line });
    }
  }

  private onConfigurationChanged(e: vscode.ConfigurationChangeEvent): void {
    if (!e.affectsConfiguration('patternAnalyst')) return;
    const settings = this.services.settings();
    for (const p of this.previews) {
      if (e.affectsConfiguration('patternAnalyst.preview.style')) p.setStyle(settings.previewStyle);
      if (e.affectsConfiguration('patternAnalyst.preview.scrollSync')) p.post({ type: 'setScrollSync', enabled: settings.scrollSync });
      // New image rules change the CSP: refresh decides whether the page must reload.
      void p.refresh(false);
    }
  }

  /** The fixed action for each webview message. */
  onMessage(preview: PreviewPanel, message: FromWebview): void {
    switch (message.type) {
      case 'revealLine':
        preview.line = message.line;
        if (this.services.settings().scrollSync) {
          const editor = this.editorOf(preview.resource);
          if (editor) {
            this.ignoreEditorScrollUntil = Date.now() + 300;
            revealLineAtTop(editor, message.line);
          }
        }
        break;
      case 'openSource':
        this.reportFailure(this.openSource(preview, message.line), userMessages.openSourceFailed);
        break;
      case 'setStyle':
        preview.setStyle(message.style);
        break;
      case 'toggleLock':
        this.toggleLock(preview);
        break;
      case 'openLink':
        this.reportFailure(this.openLink(preview, message.href), userMessages.openLinkFailed);
        break;
    }
  }

  /**
   * A click in the preview whose editor action failed (the file was deleted, another editor opened
   * in the meantime): say so instead of leaving an unhandled rejection in the extension host.
   */
  private reportFailure(action: Promise<void>, message: (err: unknown) => string): void {
    action.catch((err: unknown) => {
      void vscode.window.showWarningMessage(message(err));
    });
  }

  private async openSource(preview: PreviewPanel, line: number): Promise<void> {
    const visible = this.editorOf(preview.resource);
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(preview.resource));
    const position = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    const column = visible?.viewColumn ?? (preview.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Range(position, position) });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * A clicked link. Web and mail addresses go to the system browser (VS Code asks first for
   * unknown domains); a relative link opens that file in an editor, only inside the document's
   * folder. Everything else is ignored — the renderer never produces it anyway.
   */
  private async openLink(preview: PreviewPanel, href: string): Promise<void> {
    const kind = classifyUrl(href);
    if (kind === 'http' || kind === 'https' || kind === 'mailto') {
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
      return;
    }
    if (kind !== 'relative') return;
    const folder = documentFolder(preview.resource);
    let path: string;
    try {
      path = decodeURIComponent(href.replace(/[?#].*$/s, ''));
    } catch {
      return;
    }
    const target = folder && resolveInFolder(folder, path);
    if (target) await vscode.commands.executeCommand('vscode.open', target);
  }

  dispose(): void {
    for (const p of this.all) p.dispose();
    for (const d of this.disposables) d.dispose();
    void vscode.commands.executeCommand('setContext', PREVIEW_FOCUSED_CONTEXT, false);
  }
}
