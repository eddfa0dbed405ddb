/**
 * The New Analysis command.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { COMMANDS, registerCommand } from '../commands';
import { newAnalysis } from './newAnalysisCommand';

export function register(services: Services): vscode.Disposable {
  return registerCommand(COMMANDS.newAnalysis, (args?: unknown) => newAnalysis(services, args));
}
