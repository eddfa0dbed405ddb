/**
 * Pattern Analyst: New Analysis. Asks for the subject (one of the pattern's companies, with the
 * source's note on each, or any name typed in) and, when several models are loaded, which pattern;
 * then opens a new untitled markdown document holding the model's analysis scaffold as a snippet,
 * so Tab walks through the places to fill in. It never writes a file: saving is the user's call.
 * Automation (tests, other extensions) can pass `{ subject, pattern }` and skip the questions.
 */
import * as vscode from 'vscode';
import { inertText } from '../inertText';
import { userMessages } from '../userMessages';
import { analysisScaffold } from '../../model/analysisSnippets';
import type { PatternIndex } from '../../model/patternIndex';
import { patternLabel } from '../../render/entityCard';
import type { Services } from '../services';


export interface NewAnalysisArgs {
  /** The company or business analysed. */
  readonly subject?: string;
  /** The pattern: id, number, name or alias, as in front matter. */
  readonly pattern?: string;
}

/** Runs the command; resolves to the new document's URI, or undefined when the user cancelled. */
export async function newAnalysis(services: Services, args?: unknown): Promise<vscode.Uri | undefined> {
  const given = readArgs(args);
  const index = await choosePattern(services, given.pattern);
  if (!index) return undefined;
  const subject = given.subject ?? (await chooseSubject(index));
  if (subject === undefined) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  const body = analysisScaffold(index.model, { subject }).join('\n');
  await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(0, 0));
  return document.uri;
}

function readArgs(args: unknown): NewAnalysisArgs {
  if (!args || typeof args !== 'object') return {};
  const { subject, pattern } = args as Record<string, unknown>;
  return {
    subject: typeof subject === 'string' && subject.trim() ? subject.trim() : undefined,
    pattern: typeof pattern === 'string' && pattern.trim() ? pattern.trim() : undefined,
  };
}

async function choosePattern(services: Services, ref: string | undefined): Promise<PatternIndex | undefined> {
  const catalog = services.models.catalog;
  if (ref !== undefined) {
    const found = catalog.find(ref);
    if (!found) {
      const known = catalog.indexes.map((i) => i.model.id).join(', ');
      // `ref` comes from a caller's arguments: keep any [text](command:...) in it from becoming a link.
      void vscode.window.showErrorMessage(userMessages.noModelCalled(ref, known));
    }
    return found;
  }
  const indexes = catalog.indexes;
  if (indexes.length <= 1) return indexes[0];
  const picked = await vscode.window.showQuickPick(
    catalog.entries.map((e) => ({ label: userMessages.label(patternLabel(e.index.model)), description: e.index.model.id, detail: e.bundled ? inertText(vscode.l10n.t('Bundled')) : userMessages.label(e.origin), index: e.index })),
    { title: inertText(vscode.l10n.t('New Analysis: which pattern?')), placeHolder: inertText(vscode.l10n.t('The pattern the analysis is written against')) },
  );
  return picked?.index;
}

interface SubjectItem extends vscode.QuickPickItem {
  readonly subject: string;
}

/** The pattern's companies with their notes, plus whatever the user types as a subject of their own. */
function chooseSubject(index: PatternIndex): Promise<string | undefined> {
  const companies: SubjectItem[] = index.model.companies.map((c) => ({ label: c.name, detail: c.note, subject: c.name }));
  const pick = vscode.window.createQuickPick<SubjectItem>();
  pick.title = inertText(vscode.l10n.t('New {0} Analysis', index.model.name));
  pick.placeholder = inertText(vscode.l10n.t('Subject: pick one of the pattern\'s companies, or type any company or business'));
  pick.matchOnDetail = true;
  pick.items = companies;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: string | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      const exact = companies.some((c) => c.label.toLowerCase() === typed.toLowerCase());
      pick.items = typed && !exact ? [{ label: typed, description: inertText(vscode.l10n.t('Use this as the subject')), alwaysShow: true, subject: typed }, ...companies] : companies;
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0]?.subject ?? pick.value.trim();
      finish(chosen || undefined);
    });
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
