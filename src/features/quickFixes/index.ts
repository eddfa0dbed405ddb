/**
 * The quick-fix feature: the core's fixes for analysis findings, offered in the light bulb.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { FindingFixesProvider } from './findingFixesProvider';

export function register(services: Services): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new FindingFixesProvider(services), {
    providedCodeActionKinds: FindingFixesProvider.providedCodeActionKinds,
  });
}
