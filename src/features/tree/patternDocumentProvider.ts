/**
 * Read-only documents of the pattern models (`pattern-analyst:/ai-infrastructure.md`), so the tree
 * can open "the pattern at that place" without writing a file anywhere.
 */
import * as vscode from 'vscode';
import { patternToMarkdown, type PatternDocument } from '../../render/patternMarkdown';
import type { ModelStore } from '../modelStore';

export const PATTERN_SCHEME = 'pattern-analyst';

export class PatternDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly cache = new Map<string, PatternDocument>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly models: ModelStore) {
    this.subscription = models.onDidChange(() => {
      const ids = [...this.cache.keys()];
      this.cache.clear();
      for (const id of ids) this.changed.fire(PatternDocumentProvider.uriFor(id));
    });
  }

  static uriFor(modelId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: PATTERN_SCHEME, path: `/${modelId}.md` });
  }

  /** The generated document of a model (cached until the models change). */
  documentFor(modelId: string): PatternDocument | undefined {
    let doc = this.cache.get(modelId);
    if (!doc) {
      const index = this.models.catalog.indexes.find((i) => i.model.id === modelId);
      if (!index) return undefined;
      doc = patternToMarkdown(index.model);
      this.cache.set(modelId, doc);
    }
    return doc;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    return this.documentFor(id)?.text ?? `# ${vscode.l10n.t('Pattern not found')}\n\n${vscode.l10n.t('No loaded pattern model has the id "{0}".', id)}\n`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
