/**
 * Analysts' own pattern models: workspace `*.pattern.json` files and `patternAnalyst.models.paths`
 * loaded beside the bundled model (reloaded on change, problems in the Problems panel, nothing
 * loaded in Restricted Mode), the Reload Pattern Models and New Pattern Model commands, and the
 * schema that new models point at.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { newPatternModel, type NewPatternModelArgs } from './newPatternModel';
import { registerSchemaProvider } from './schemaProvider';
import { WorkspaceModels } from './workspaceModels';

export type { ModelReloadReport } from './workspaceModels';

/** Registers the feature; returns the loader too, so the extension's API can expose it to tests. */
export function register(services: Services, extensionUri: vscode.Uri): vscode.Disposable & { readonly workspaceModels: WorkspaceModels } {
  const workspaceModels = new WorkspaceModels(services.models);
  void workspaceModels.reload().catch(reportFailure);
  const disposable = vscode.Disposable.from(
    workspaceModels,
    registerSchemaProvider(extensionUri),
    vscode.commands.registerCommand('patternAnalyst.reloadModels', async () => {
      try {
        const report = await workspaceModels.reload();
        const broken = report.files.filter((f) => f.problems.length > 0).length;
        const text = !report.trusted
          ? 'Restricted Mode: only the bundled pattern model is used'
          : `Reloaded ${report.loaded.length + 1} pattern model${report.loaded.length === 0 ? '' : 's'}${broken ? `; ${broken} file${broken === 1 ? '' : 's'} with problems` : ''}`;
        vscode.window.setStatusBarMessage(`$(refresh) ${text}`, 4000);
        return report;
      } catch (e) {
        reportFailure(e);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('patternAnalyst.newPatternModel', async (args?: NewPatternModelArgs) => {
      try {
        return await newPatternModel(services.models, args && typeof args === 'object' ? args : {});
      } catch (e) {
        void vscode.window.showErrorMessage(`Pattern Analyst: could not create the pattern model: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    }),
  );
  return Object.assign(disposable, { workspaceModels });
}

function reportFailure(e: unknown): void {
  void vscode.window.showErrorMessage(`Pattern Analyst: could not load the workspace pattern models: ${e instanceof Error ? e.message : String(e)}`);
}
