/**
 * The exported portfolio's text: the core's CSV and self-contained HTML renderers, the same the
 * CLI's `portfolio --format csv|html` writes.
 */
import type * as vscode from 'vscode';
import type { PatternIndex } from '../../model/patternIndex';
import type { IndexEntry, Period } from '../../portfolio/types';

export async function renderPortfolioExport(format: 'html' | 'csv', entries: readonly IndexEntry[], pattern: PatternIndex, asOf: Period | undefined, host: { readonly extensionUri: vscode.Uri; displayName(uri: string): string }): Promise<string> {
  // Placeholder until the core's renderers land.
  void host;
  return Promise.resolve(`${format} ${entries.length} ${pattern.model.id} ${asOf?.label ?? ''}`);
}
