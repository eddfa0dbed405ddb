/**
 * Editor side of scroll sync: which (fractional) line is at the top of an editor, and how to bring
 * a line there. Fractions let the preview land between two blocks instead of jumping.
 */
import * as vscode from 'vscode';

/** The line at the top of the editor, with the fraction of it scrolled past. */
export function topVisibleLine(editor: vscode.TextEditor): number | undefined {
  const range = editor.visibleRanges[0];
  if (!range) return undefined;
  const line = range.start.line;
  const text = editor.document.lineAt(line).text;
  return line + range.start.character / (text.length + 2);
}

/** Reveals a (fractional) source line at the top of the editor. */
export function revealLineAtTop(editor: vscode.TextEditor, line: number): void {
  const whole = Math.max(0, Math.min(Math.floor(line), editor.document.lineCount - 1));
  const text = editor.document.lineAt(whole).text;
  const start = Math.floor((line - whole) * text.length);
  editor.revealRange(new vscode.Range(whole, start, whole + 1, 0), vscode.TextEditorRevealType.AtTop);
}
