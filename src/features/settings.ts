/**
 * Typed access to the `patternAnalyst.*` settings declared in package.json. Read on demand (cheap),
 * so a changed setting applies at the next check without a reload.
 */
import * as vscode from 'vscode';
import { levelsFrom, SETTINGS_SECTION, type CheckLevels } from '../analysis/checkLevels';

export interface Settings {
  readonly checks: CheckLevels;
  /** Honour `<!-- pattern-analyst-disable … -->` comments. */
  readonly inlineSuppressions: boolean;
  readonly debounceMs: number;
  /** Longest document, in characters, that is checked live (`checks.maxDocumentSizeMB`). */
  readonly maxDocumentChars: number;
  readonly hoverEnabled: boolean;
  readonly previewStyle: 'theme' | 'publication';
  readonly allowRemoteImages: boolean;
  readonly scrollSync: boolean;
  readonly modelPaths: readonly string[];
  /** The browser to print PDFs with (`pdf.browserPath`); never taken from an untrusted workspace. */
  readonly pdfBrowserPath: string | undefined;
  readonly pdfPageSize: 'a4' | 'letter';
}

/** Default of `checks.maxDocumentSizeMB`: the preview renders up to the same 2 MB. */
export const DEFAULT_MAX_DOCUMENT_MB = 2;
/** A megabyte of text counts as a million characters (as the preview's limit does). */
export const CHARS_PER_MB = 1_000_000;

/** A setting's value ignoring workspace and folder values: the user's, else the default. */
function untrustedValue<T>(config: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const trusted = vscode.workspace.isTrusted;
  const debounce = c.get<number>('checks.debounceMs', 250);
  // A restricted setting (package.json): in Restricted Mode VS Code returns the user's value only,
  // so a workspace cannot raise the limit and turn every slow path into an editor freeze. Read the
  // same way here too, so the limit holds even where a host applied workspace values anyway.
  const maxMb = trusted ? c.get<number>('checks.maxDocumentSizeMB', DEFAULT_MAX_DOCUMENT_MB) : untrustedValue(c, 'checks.maxDocumentSizeMB', DEFAULT_MAX_DOCUMENT_MB);
  return {
    checks: levelsFrom((key) => c.get(key)),
    inlineSuppressions: c.get<boolean>('checks.inlineSuppressions', true) !== false,
    debounceMs: Number.isFinite(debounce) ? Math.min(Math.max(debounce, 0), 5000) : 250,
    maxDocumentChars: Math.round((typeof maxMb === 'number' && Number.isFinite(maxMb) && maxMb > 0 ? maxMb : DEFAULT_MAX_DOCUMENT_MB) * CHARS_PER_MB),
    hoverEnabled: c.get<boolean>('hover.enabled', true),
    previewStyle: c.get<string>('preview.style') === 'publication' ? 'publication' : 'theme',
    // Restricted Mode never loads remote content, whatever the setting says.
    allowRemoteImages: trusted && c.get<boolean>('preview.allowRemoteImages', false),
    scrollSync: c.get<boolean>('preview.scrollSync', true),
    modelPaths: trusted ? c.get<string[]>('models.paths', []).filter((p) => typeof p === 'string') : [],
    // An untrusted workspace must not choose which program the extension starts: there only the
    // user's own value counts (the setting is also a restrictedConfiguration in package.json).
    pdfBrowserPath: (trusted ? c.get<string>('pdf.browserPath') : c.inspect<string>('pdf.browserPath')?.globalValue)?.trim() || undefined,
    pdfPageSize: c.get<string>('pdf.pageSize') === 'letter' ? 'letter' : 'a4',
  };
}
