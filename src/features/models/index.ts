/**
 * Analysts' own pattern models: workspace `*.pattern.json` files and `patternAnalyst.models.paths`
 * loaded beside the bundled model (reloaded on change, problems in the Problems panel, nothing
 * loaded in Restricted Mode), the Reload Pattern Models and New Pattern Model commands, and the
 * schema that new models point at.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { COMMANDS, registerCommand } from '../commands';
import { userMessages } from '../userMessages';
import type { Services } from '../services';
import { newPatternModel, type NewPatternModelArgs } from './newPatternModel';
import { registerSchemaProvider } from './schemaProvider';
import { WorkspaceModels } from './workspaceModels';

export type { ModelReloadReport } from './workspaceModels';

/** Registers the feature; returns the loader too, so the extension's API can expose it to tests. */
export function register(services: Services, extensionUri: vscode.Uri): vscode.Disposable & { readonly workspaceModels: WorkspaceModels } {
  // The file watchers and the first load start just after activation, not inside it: finding and
  // reading model files is asynchronous anyway, and the bundled model serves until they arrive.
  let loader: WorkspaceModels | undefined;
  const workspaceModels = (): WorkspaceModels => (loader ??= new WorkspaceModels(services.models));
  const start = setTimeout(() => void workspaceModels().reload().catch(reportFailure), 0);
  const disposable = vscode.Disposable.from(
    {
      dispose: () => {
        clearTimeout(start);
        loader?.dispose();
      },
    },
    registerSchemaProvider(extensionUri),
    registerCommand(COMMANDS.reloadModels, async () => {
      try {
        const report = await workspaceModels().reload();
        const broken = report.files.filter((f) => f.problems.length > 0).length;
        const models = report.loaded.length + 1;
        const text = !report.trusted
          ? vscode.l10n.t('Restricted Mode: only the bundled pattern model is used')
          : broken === 0
            ? models === 1 ? vscode.l10n.t('Reloaded 1 pattern model') : vscode.l10n.t('Reloaded {0} pattern models', models)
            : broken === 1 ? vscode.l10n.t('Reloaded {0} pattern models; 1 file with problems', models) : vscode.l10n.t('Reloaded {0} pattern models; {1} files with problems', models, broken);
        vscode.window.setStatusBarMessage(`$(refresh) ${inertText(text)}`, 4000);
        return report;
      } catch (e) {
        reportFailure(e);
        return undefined;
      }
    }),
    registerCommand(COMMANDS.newPatternModel, async (args?: NewPatternModelArgs) => {
      try {
        return await newPatternModel(services.models, args && typeof args === 'object' ? args : {});
      } catch (e) {
        void vscode.window.showErrorMessage(userMessages.modelCreateFailed(e));
        return undefined;
      }
    }),
  );
  return Object.defineProperty(disposable, 'workspaceModels', { get: workspaceModels }) as vscode.Disposable & { readonly workspaceModels: WorkspaceModels };
}

function reportFailure(e: unknown): void {
  void vscode.window.showErrorMessage(userMessages.modelsLoadFailed(e));
}
