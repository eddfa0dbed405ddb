/**
 * The hover feature: cards on metric and company names in markdown and plain text documents.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { EntityHoverProvider } from './entityHoverProvider';

export function register(services: Services): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ language: 'markdown' }, { language: 'plaintext' }], new EntityHoverProvider(services));
}
