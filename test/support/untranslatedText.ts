/**
 * A lint for the l10n rule of src/features: every string a user reads goes through
 * `vscode.l10n.t` (or `@vscode/l10n`'s `l10n.t` in the few files without 'vscode'). It reports
 * string and template literals that hold prose (two words or more once HTML tags and `${…}` are
 * taken out) and are not the message of an `l10n.t` call. Prose that is not for reading (the
 * product name as a diagnostic source, a CSP) is marked where it stands with a comment holding
 * `not-for-translation`, so each exception is visible in review.
 * One-word labels ("Open") are beyond a lint of this kind: the bundle test and review catch those.
 */
import ts from 'typescript';

export interface UntranslatedText {
  readonly line: number;
  readonly text: string;
}

const PROSE = /[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}/;
const MARK = 'not-for-translation';

/** True for the message argument of `l10n.t(…)` / `vscode.l10n.t(…)` (string or `{ message }` form). */
function isL10nMessage(node: ts.Node): boolean {
  let arg: ts.Node = node;
  if (ts.isPropertyAssignment(node.parent) && node.parent.name.getText() === 'message' && ts.isObjectLiteralExpression(node.parent.parent)) arg = node.parent.parent;
  const call = arg.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== arg) return false;
  return /(^|\.)l10n\.t$/.test(call.expression.getText());
}

function visibleText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  const raw = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('\u2026') : node.text;
  // Markup is not prose: tags (with their attributes) and the placeholders between them go.
  return raw.replace(/<[^>]*>/g, ' ');
}

function marked(node: ts.Node, source: ts.SourceFile): boolean {
  for (let n: ts.Node | undefined = node; n && !ts.isSourceFile(n); n = n.parent) {
    const comments = ts.getLeadingCommentRanges(source.text, n.getFullStart()) ?? [];
    if (comments.some((c) => source.text.slice(c.pos, c.end).includes(MARK))) return true;
    if (ts.isStatement(n) || ts.isClassElement(n)) return false;
  }
  return false;
}

/** The literals of one TypeScript file that show prose without going through l10n. */
export function untranslatedText(fileName: string, text: string): UntranslatedText[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: UntranslatedText[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const shown = visibleText(node);
      if (PROSE.test(shown) && !isL10nMessage(node) && !marked(node, source)) {
        found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: shown.slice(0, 120) });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
