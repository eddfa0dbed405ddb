/**
 * User and workspace text (file names, model names, document text, error messages that quote
 * them) made inert for the places VS Code reads markup in a plain string: notifications turn
 * `[label](command:…)` into a link that runs a command with arguments (a file named
 * `Q3 [Open report](command:workbench.extensions.installExtension?…).md` would do it on export),
 * and status bar texts and quick pick labels turn `$(name)` into icons. A zero-width space after
 * `]` and after `$` breaks both and changes nothing a reader sees. Pure (no vscode import), so
 * every message that carries such text is built and tested in userMessages.ts.
 */
export function inertText(text: string): string {
  return text.replace(/\](\s*)\(/g, ']$1\u200b(').replace(/\$(\s*)\(/g, '$$$1\u200b(');
}
