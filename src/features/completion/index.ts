/**
 * The completion feature: metric, company and section names while writing markdown.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { PatternCompletionProvider } from './patternCompletionProvider';

export function register(services: Services): vscode.Disposable {
  // `#` and a space after it open section titles at the start of a line.
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new PatternCompletionProvider(services), '#', ' ');
}
