/**
 * Typed access to the `patternAnalyst.*` settings declared in package.json. Read on demand (cheap),
 * so a changed setting applies at the next check without a reload.
 */
import * as vscode from 'vscode';
import type { RuleId, Severity } from '../analysis/types';

export type CheckLevel = Severity | 'off';

export interface Settings {
  readonly checks: Readonly<Record<RuleId, CheckLevel>>;
  readonly debounceMs: number;
  /** Longest document, in characters, that is checked live (`checks.maxDocumentSizeMB`). */
  readonly maxDocumentChars: number;
  readonly hoverEnabled: boolean;
  readonly previewStyle: 'theme' | 'publication';
  readonly allowRemoteImages: boolean;
  readonly scrollSync: boolean;
  readonly modelPaths: readonly string[];
}

/** Default of `checks.maxDocumentSizeMB`: the preview renders up to the same 2 MB. */
export const DEFAULT_MAX_DOCUMENT_MB = 2;
/** A megabyte of text counts as a million characters (as the preview's limit does). */
export const CHARS_PER_MB = 1_000_000;

const LEVELS: readonly CheckLevel[] = ['off', 'error', 'warning', 'information', 'hint'];

function level(config: vscode.WorkspaceConfiguration, key: string, fallback: CheckLevel): CheckLevel {
  const v = config.get<string>(key);
  return (LEVELS as readonly string[]).includes(v ?? '') ? (v as CheckLevel) : fallback;
}

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('patternAnalyst', scope);
  const trusted = vscode.workspace.isTrusted;
  const debounce = c.get<number>('checks.debounceMs', 250);
  const maxMb = c.get<number>('checks.maxDocumentSizeMB', DEFAULT_MAX_DOCUMENT_MB);
  return {
    checks: {
      'benchmark-miss': level(c, 'checks.benchmarkMiss', 'warning'),
      'impossible-value': level(c, 'checks.impossibleValue', 'warning'),
      'missing-section': level(c, 'checks.missingSection', 'information'),
      'unknown-pattern': level(c, 'checks.unknownPattern', 'error'),
      'near-miss-name': level(c, 'checks.nearMissName', 'hint'),
      'conflicting-value': level(c, 'checks.conflictingValue', 'warning'),
      // Broken front matter is always shown: without it nothing else can be checked.
      'front-matter': 'warning',
    },
    debounceMs: Number.isFinite(debounce) ? Math.min(Math.max(debounce, 0), 5000) : 250,
    maxDocumentChars: Math.round((typeof maxMb === 'number' && Number.isFinite(maxMb) && maxMb > 0 ? maxMb : DEFAULT_MAX_DOCUMENT_MB) * CHARS_PER_MB),
    hoverEnabled: c.get<boolean>('hover.enabled', true),
    previewStyle: c.get<string>('preview.style') === 'publication' ? 'publication' : 'theme',
    // Restricted Mode never loads remote content, whatever the setting says.
    allowRemoteImages: trusted && c.get<boolean>('preview.allowRemoteImages', false),
    scrollSync: c.get<boolean>('preview.scrollSync', true),
    modelPaths: trusted ? c.get<string[]>('models.paths', []).filter((p) => typeof p === 'string') : [],
  };
}
