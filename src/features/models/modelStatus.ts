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
    this.item.name = vscode.l10n.t('Pattern Analyst Models');
  }

  update(s: ModelStatusInput): void {
    if (!s.trusted) {
      this.announced.clear();
      if (s.withheld === 0) {
        this.item.hide();
        return;
      }
      this.item.text = `$(shield) ${inertText(vscode.l10n.t('Bundled pattern only'))}`;
      this.item.tooltip = inertText(s.withheld === 1
        ? vscode.l10n.t('Restricted Mode: 1 workspace pattern model not loaded, and patternAnalyst.models.paths is ignored. Only the bundled model is used. Trust this workspace to load them.')
        : vscode.l10n.t('Restricted Mode: {0} workspace pattern models not loaded, and patternAnalyst.models.paths is ignored. Only the bundled model is used. Trust this workspace to load them.', s.withheld));
      this.item.command = 'workbench.trust.manage';
      this.item.backgroundColor = undefined;
      this.item.show();
      return;
    }
    const issues = s.broken.length + s.pathProblems.length;
    if (issues === 0) {
      this.item.hide();
    } else {
      this.item.text = `$(warning) ${inertText(problems(issues))}`;
      const lines = [
        ...s.broken.map((b) => (b.count > 1 ? vscode.l10n.t('{0}: {1} (+{2} more)', b.origin, b.firstMessage, b.count - 1) : `${b.origin}: ${b.firstMessage}`)),
        ...s.pathProblems.map((p) => `patternAnalyst.models.paths: ${p}`),
      ];
      const stillWork = s.loaded === 1
        ? vscode.l10n.t('The bundled model and 1 loaded workspace model still work. Click to open the Problems panel.')
        : vscode.l10n.t('The bundled model and {0} loaded workspace models still work. Click to open the Problems panel.', s.loaded);
      this.item.tooltip = inertText(`${lines.join('\n')}\n\n${stillWork}`);
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
      message = b.count > 1
        ? vscode.l10n.t('Pattern Analyst: {0} was not loaded: {1} (and {2} more). The other pattern models still work.', b.origin, b.firstMessage, b.count - 1)
        : vscode.l10n.t('Pattern Analyst: {0} was not loaded: {1}. The other pattern models still work.', b.origin, b.firstMessage);
    } else if (fresh.length === 0) {
      message = vscode.l10n.t('Pattern Analyst: patternAnalyst.models.paths: {0}.', freshPaths.join('; '));
    } else {
      message = vscode.l10n.t('Pattern Analyst: {0} ({1}). The other pattern models still work.', problems(fresh.length + freshPaths.length), fresh.map((b) => b.origin).join(', '));
    }
    void vscode.window.showWarningMessage(inertText(message), vscode.l10n.t('Show Problems')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  dispose(): void {
    this.item.dispose();
  }
}

function problems(n: number): string {
  return n === 1 ? vscode.l10n.t('1 pattern model problem') : vscode.l10n.t('{0} pattern model problems', n);
}
