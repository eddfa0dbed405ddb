/**
 * The New Analysis command.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { NEW_ANALYSIS_COMMAND, newAnalysis } from './newAnalysisCommand';

export function register(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(NEW_ANALYSIS_COMMAND, (args?: unknown) => newAnalysis(services, args));
}
