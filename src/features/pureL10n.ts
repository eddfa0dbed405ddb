/**
 * The pure helpers of src/features (message builders without a 'vscode' import, so unit tests can
 * build them) translate with `@vscode/l10n`, the runtime for code that cannot reach vscode.l10n.
 * It reads the same bundle, once handed it: this does that with the bundle VS Code picked for the
 * display language (none for English: the source strings are used).
 *
 * Every bundle of esbuild.mjs has its own copy of @vscode/l10n, so each entry point whose code
 * uses it calls this once at load: src/extension.ts and src/features/portfolio/portfolioFeature.ts
 * (a unit test checks the built bundles).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function configurePureL10n(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}
