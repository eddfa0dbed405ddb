/**
 * Says what happened to the analysts' models, briefly: a status-bar item while something needs
 * attention (broken models, or Restricted Mode holding workspace models back), and one
 * notification when a model file newly breaks. Silent when every model loads.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';

/** What the status needs to know after a reload. */
export interface ModelStatusInput {
  readonly trusted: boolean;
  /** Model files in the workspace not loaded because it is not trusted. */
  readonly withheld: number;
  /** Files with problems, by origin, with the first problem's message. */
  readonly broken: readonly { readonly origin: string; readonly firstMessage: string; readonly count: number }[];
  /** `models.paths` entries that led nowhere. */
  readonly pathProblems: readonly string[];
  /** Workspace models loaded. */
  readonly loaded: number;
}

export class ModelStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('patternAnalyst.models', vscode.StatusBarAlignment.Left, 0);
  /** Problems already announced, so a reload of an unchanged broken file does not notify again. */
  private announced = new Set<string>();

  constructor() {
    this.item.name = 'Pattern Analyst Models';
  }

  update(s: ModelStatusInput): void {
    if (!s.trusted) {
      this.announced.clear();
      if (s.withheld === 0) {
        this.item.hide();
        return;
      }
      this.item.text = '$(shield) Bundled pattern only';
      this.item.tooltip = `Restricted Mode: ${plural(s.withheld, 'workspace pattern model')} not loaded, and patternAnalyst.models.paths is ignored. Only the bundled model is used. Trust this workspace to load them.`;
      this.item.command = 'workbench.trust.manage';
      this.item.backgroundColor = undefined;
      this.item.show();
      return;
    }
    const issues = s.broken.length + s.pathProblems.length;
    if (issues === 0) {
      this.item.hide();
    } else {
      this.item.text = `$(warning) ${plural(issues, 'pattern model problem')}`;
      const lines = [
        ...s.broken.map((b) => `${b.origin}: ${b.firstMessage}${b.count > 1 ? ` (+${b.count - 1} more)` : ''}`),
        ...s.pathProblems.map((p) => `patternAnalyst.models.paths: ${p}`),
      ];
      this.item.tooltip = inertText(`${lines.join('\n')}\n\nThe bundled model and ${plural(s.loaded, 'loaded workspace model')} still work. Click to open the Problems panel.`);
      this.item.command = 'workbench.actions.view.problems';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      this.item.show();
    }
    this.announce(s);
  }

  /** One notification for problems not announced before; none for problems already shown. */
  private announce(s: ModelStatusInput): void {
    const current = new Set([...s.broken.map((b) => `${b.origin}\n${b.firstMessage}`), ...s.pathProblems]);
    const fresh = s.broken.filter((b) => !this.announced.has(`${b.origin}\n${b.firstMessage}`));
    const freshPaths = s.pathProblems.filter((p) => !this.announced.has(p));
    this.announced = current;
    if (fresh.length === 0 && freshPaths.length === 0) return;
    let message: string;
    if (fresh.length === 1 && freshPaths.length === 0) {
      const b = fresh[0];
      message = `Pattern Analyst: ${b.origin} was not loaded: ${b.firstMessage}${b.count > 1 ? ` (and ${b.count - 1} more)` : ''}. The other pattern models still work.`;
    } else if (fresh.length === 0) {
      message = `Pattern Analyst: patternAnalyst.models.paths: ${freshPaths.join('; ')}.`;
    } else {
      message = `Pattern Analyst: ${plural(fresh.length + freshPaths.length, 'pattern model problem')} (${fresh.map((b) => b.origin).join(', ')}). The other pattern models still work.`;
    }
    void vscode.window.showWarningMessage(inertText(message), 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  dispose(): void {
    this.item.dispose();
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
