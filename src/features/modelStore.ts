/**
 * Holds the pattern catalog for the editor: the bundled model now, workspace models when they are
 * loaded. Features read `catalog` on demand and listen to `onDidChange` to refresh; none of them
 * loads models itself.
 */
import * as vscode from 'vscode';
import { bundledIndex } from '../model/bundledModel';
import { PatternCatalog, type CatalogEntry } from '../model/patternCatalog';

export class ModelStore implements vscode.Disposable {
  /** Built on first use: validating and indexing the bundled model need not delay activation. */
  private current: PatternCatalog | undefined;
  private readonly changed = new vscode.EventEmitter<PatternCatalog>();
  /** Fires after the set of models changed (a workspace model was added, fixed or removed). */
  readonly onDidChange = this.changed.event;

  get catalog(): PatternCatalog {
    this.current ??= new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }]);
    return this.current;
  }

  /**
   * Replaces the non-bundled models. The bundled model always comes first, so a workspace model
   * with its id is refused, never silently swapped in. Returns the refusals with their reasons.
   */
  setWorkspaceModels(entries: readonly CatalogEntry[], notice?: string): { origin: string; reason: string }[] {
    const next = new PatternCatalog([{ index: bundledIndex(), origin: 'bundled', bundled: true }], notice);
    const refused: { origin: string; reason: string }[] = [];
    for (const entry of entries) {
      const result = next.add(entry);
      if (!result.ok) refused.push({ origin: entry.origin, reason: result.reason });
    }
    this.current = next;
    this.changed.fire(next);
    return refused;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
