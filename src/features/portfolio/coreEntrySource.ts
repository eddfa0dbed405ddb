/**
 * The workspace index's entries come from the portfolio core, the same functions the CLI's
 * `portfolio` command uses: from a file's text, or, for an open document, from the analysis the
 * editor already holds for its current version (the shared analysis cache), unsaved edits included.
 */
import type * as vscode from 'vscode';
import type { PatternCatalog } from '../../model/patternCatalog';
import { contentHash } from '../../portfolio/contentHash';
import { INDEX_FORMAT_VERSION, indexEntryOf } from '../../portfolio/indexEntryOf';
import type { IndexEntry } from '../../portfolio/types';
import type { Services } from '../services';
import type { EntrySource } from './workspaceIndex';

/** Bumped when what the editor stores per entry changes shape: old caches are then ignored. */
const ENTRY_FORMAT = 1;

const versions = new WeakMap<PatternCatalog, string>();

/**
 * A hash of the loaded models: a changed benchmark changes every verdict in the index. Two seeds
 * of the fast content hash (106 bits): it only tells the models the cache was written with from
 * others, and SHA-256 in plain JS (the web worker host has no node:crypto) cost 18–23 ms of the
 * warm start's first task.
 */
export function modelVersion(catalog: PatternCatalog): string {
  let version = versions.get(catalog);
  if (!version) {
    const models = JSON.stringify([`${ENTRY_FORMAT}/${INDEX_FORMAT_VERSION}`, ...catalog.indexes.map((index) => index.model)]);
    version = `${contentHash(models)}.${contentHash(models, 0x9e3779b9)}`;
    versions.set(catalog, version);
  }
  return version;
}

export function coreEntrySource(services: Services): EntrySource<IndexEntry> {
  return {
    version: () => modelVersion(services.models.catalog),
    // The extension's loaded analysis core (dist/analysis.js, awaited by `ready`), not a copy of it in this bundle.
    fromText: (text, uri) => indexEntryOf(uri.toString(), text, services.analyses.analyzeText(text)),
    fromDocument: (document: vscode.TextDocument) => {
      // Too large to check live: the cache holds only its front matter, which would index as an empty analysis.
      if (services.analyses.oversized(document)) return undefined;
      return indexEntryOf(document.uri.toString(), document.getText(), services.analyses.get(document));
    },
    maxChars: () => services.settings().maxDocumentChars,
    // fromText analyses with the extension's analysis core and fromDocument reads the shared analysis
    // cache: that core must be loaded first (the portfolio module's own core.ts on the desktop would
    // only say it can be required, and the require would then fall inside the first analysis's task).
    ready: () => services.analyses.coreReady(),
  };
}
