/**
 * One analysis preview: a webview panel showing one markdown document through the shared
 * renderer. The first render is immediate, later edits are debounced and sent as new body HTML
 * (no page reload, scroll kept); switching documents or image rules reloads the page. Knows
 * nothing about which document it should follow: the manager tells it.
 */
import * as vscode from 'vscode';
import type { ImagePolicy } from '../../render/documentRenderer';
import { escapeHtml } from '../../render/html';
import type { IncrementalRenderer } from '../../render/incrementalRenderer';
import { diffSegments, type SentSegment } from '../../render/previewSegments';
import { parseFromWebview, patchMessage, updateMessage, type FromWebview, type PreviewState, type PreviewStyle, type ToWebview } from '../../render/protocol';
import type { Services } from '../services';
import { rendererCore, whenAnalysisCore } from '../core';
import { userMessages } from '../userMessages';
import { documentFolder, resolveInFolder } from './documentFolder';
import { previewAssets } from './previewAssets';
import { renderShell, webviewOptions } from './webviewShell';

export const PREVIEW_VIEW_TYPE = 'patternAnalyst.preview';

/** What a preview needs from the outside world. */
export interface PreviewHost {
  readonly services: Services;
  readonly extensionUri: vscode.Uri;
  /** A message arrived from this preview's webview (already validated). */
  onMessage(preview: PreviewPanel, message: FromWebview): void;
}

/** How long an edit after a pause waits, so that a burst of keystrokes (a paste, an undo) becomes one update. */
const FIRST_EDIT_DELAY_MS = 16;

export class PreviewPanel implements vscode.Disposable {
  private source: vscode.Uri;
  private locked: boolean;
  private styleOverride: PreviewStyle | undefined;
  /** The last source line known to be at the top of the preview (saved for the serializer). */
  line: number;
  private timer: NodeJS.Timeout | undefined;
  /** When the last edit-triggered update started (for the update interval). */
  private lastRefresh = 0;
  private rendered: { uri: string; version: number; allowHttps: boolean; historyKey: string } | undefined;
  /**
   * Renders edits re-using the blocks they leave unchanged (src/render/incrementalRenderer.ts), with
   * the image policy it was made for: both are replaced when the page reloads (another document,
   * other image rules).
   */
  private incremental: { renderer: IncrementalRenderer; images: ImagePolicy } | undefined;
  /**
   * The segments the webview shows (src/render/previewSegments.ts) and the number of the message
   * that sent them: an edit then posts only what changed. Unset after a reload, a full update
   * without segments, or the webview's request to resync: the next update sends the whole body.
   */
  private sent: { seq: number; segments: readonly SentSegment[] } | undefined;
  private seq = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(readonly panel: vscode.WebviewPanel, private readonly host: PreviewHost, state: PreviewState) {
    this.source = vscode.Uri.parse(state.source);
    this.locked = state.locked;
    this.line = state.line;
    this.styleOverride = state.style;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromWebview(raw);
        if (message?.type === 'resync') this.resync();
        else if (message) this.host.onMessage(this, message);
      }),
    );
    this.updateTitle();
    void this.refresh(true);
  }

  get resource(): vscode.Uri {
    return this.source;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  get style(): PreviewStyle {
    return this.styleOverride ?? this.host.services.settings().previewStyle;
  }

  get state(): PreviewState {
    return { source: this.source.toString(), locked: this.locked, line: this.line, style: this.style };
  }

  isPreviewOf(uri: vscode.Uri): boolean {
    return this.source.toString() === uri.toString();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
    this.post({ type: 'setLocked', locked });
  }

  setStyle(style: PreviewStyle): void {
    this.styleOverride = style;
    this.post({ type: 'setStyle', style });
  }

  /** Shows another document (a following preview after the active editor changed). */
  showDocument(uri: vscode.Uri, line = 0): void {
    if (this.isPreviewOf(uri)) return;
    this.source = uri;
    this.line = line;
    this.rendered = undefined;
    this.updateTitle();
    void this.refresh(true);
  }

  /**
   * Re-renders after an edit. After a pause the edit shows almost at once; while typing goes on,
   * at most one update per debounce interval, and a pending update is never pushed back (it reads
   * the text when it runs, so it shows every keystroke before it). A trailing debounce made every
   * keystroke wait the whole interval: the bench measured 400 ms from keydown to the update
   * message on a 100 KB analysis, against 73 ms for VS Code's own preview.
   */
  scheduleRefresh(): void {
    if (this.disposed || this.timer) return;
    const interval = Math.max(50, this.host.services.settings().debounceMs);
    const since = Date.now() - this.lastRefresh;
    const delay = since >= interval ? FIRST_EDIT_DELAY_MS : interval - since;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastRefresh = Date.now();
      void this.refresh(false);
    }, delay);
  }

  /** Renders now. `reload` replaces the page (new document, new CSP); otherwise the body is swapped in place. */
  async refresh(reload: boolean): Promise<void> {
    if (this.disposed) return;
    const uri = this.source;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch {
      if (!this.disposed && this.isPreviewOf(uri)) this.showMissing(uri);
      return;
    }
    // Loaded on the first preview (in the browser, read from the extension's own files), before
    // the checks below so that nothing awaits between them and the render.
    // Both load at once; a failed analysis core has said so itself (core.ts, once for all callers),
    // so only the renderer's failure is told here, each under its own name.
    const analysisLoaded = whenAnalysisCore().then(() => true, () => false);
    // The page's stylesheet and script, written into it (./previewAssets.ts); read alongside.
    const assetsRead = previewAssets(this.host.extensionUri);
    let renderer: Awaited<ReturnType<typeof rendererCore>>;
    try {
      renderer = await rendererCore(this.host.extensionUri);
    } catch (error) {
      if (!this.disposed) void vscode.window.showErrorMessage(userMessages.rendererLoadFailed(error));
      return;
    }
    if (!(await analysisLoaded)) return;
    const assets = await assetsRead;
    if (this.disposed || !this.isPreviewOf(uri)) return;
    const settings = this.host.services.settings();
    const allowHttps = settings.allowRemoteImages;
    const needsReload = reload || !this.rendered || this.rendered.uri !== uri.toString() || this.rendered.allowHttps !== allowHttps;
    // The subject's earlier periods (the scorecard's sparklines), only when a portfolio surface has built the index.
    const history = this.host.services.portfolio.history(uri.toString());
    const historyKey = history ? JSON.stringify(history) : '';
    if (!needsReload && this.sent && this.rendered?.version === document.version && this.rendered.historyKey === historyKey) return;

    const webview = this.panel.webview;
    const folder = documentFolder(uri);
    const analysis = this.host.services.analyses.get(document);
    if (needsReload || !this.incremental) {
      const images: ImagePolicy = {
        allowHttps,
        allowDataImages: false,
        localUnavailableReason: vscode.l10n.t('image outside the document’s folder'),
        resolveLocal: (path) => {
          const target = folder && resolveInFolder(folder, path);
          return target ? webview.asWebviewUri(target).toString() : undefined;
        },
      };
      this.incremental = { renderer: new renderer.IncrementalRenderer(), images };
    }
    const body = this.incremental.renderer.render(document.getText(), analysis, { ...(history && { history }), images: this.incremental.images });
    this.rendered = { uri: uri.toString(), version: document.version, allowHttps, historyKey };
    const previous = this.sent;
    this.sent = undefined;
    if (needsReload) {
      webview.options = webviewOptions(this.host.extensionUri, folder);
      webview.html = renderShell({
        webview,
        extensionUri: this.host.extensionUri,
        title: body.title ?? basename(uri),
        bodyHtml: body.html,
        settings: { kind: 'preview', ...this.state, scrollSync: settings.scrollSync },
        style: this.style,
        allowHttpsImages: allowHttps,
        lockButton: true,
        assets,
      });
    } else {
      const title = body.title ?? basename(uri);
      const seq = ++this.seq;
      const patch = previous && patchMessage(previous.seq, seq, diffSegments(previous.segments, body.segments), uri.toString(), title);
      const message = patch ?? updateMessage(body.html, uri.toString(), title, { seq, lengths: body.segments.map((s) => s.html.length) });
      this.post(message);
      if (message.type === 'patch' || (message.type === 'update' && message.segments)) {
        this.sent = { seq, segments: body.segments.map(({ key, line }) => ({ key, line })) };
      }
    }
  }

  /** The webview could not apply a patch: the next update sends the whole body. */
  private resync(): void {
    this.sent = undefined;
    void this.refresh(false);
  }

  post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private showMissing(uri: vscode.Uri): void {
    this.panel.webview.options = webviewOptions(this.host.extensionUri, undefined);
    this.panel.webview.html = renderShell({
      webview: this.panel.webview,
      extensionUri: this.host.extensionUri,
      title: basename(uri),
      bodyHtml: `<p class="pa-muted">${escapeHtml(vscode.l10n.t('{0} cannot be found.', basename(uri)))}</p>`,
      settings: { kind: 'preview', ...this.state, scrollSync: false },
      style: this.style,
      allowHttpsImages: false,
      lockButton: false,
    });
    this.rendered = undefined;
  }

  private updateTitle(): void {
    const name = basename(this.source);
    this.panel.title = this.locked ? vscode.l10n.t('[Preview] {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
