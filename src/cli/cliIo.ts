/**
 * What a CLI command may touch besides the file system: its working folder and two output
 * streams. Injected so the commands run the same in the real process and in tests.
 */

export interface CliIo {
  readonly cwd: string;
  /** Writes one line (a newline is added) to standard output. */
  out(line: string): void;
  /** Writes one line (a newline is added) to standard error. */
  err(line: string): void;
}

/** Exit codes: the contract CI scripts rely on. */
export const EXIT_OK = 0;
/** Findings at or above `--max-severity` (lint), or invalid models (models). */
export const EXIT_FINDINGS = 1;
/** Usage error, unreadable input, invalid workspace model during lint or render. */
export const EXIT_ERROR = 2;

/** A failure with a message for the user (never a stack trace) and an exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_ERROR) {
    super(message);
  }
}

/**
 * Makes a string safe to print on one terminal line: control characters (which could move the
 * cursor, clear the screen or retitle the window if a model or a document carried them), line
 * breaks and bidirectional overrides are shown as `\u{..}` escapes instead of acting.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** JSON for output: as JSON.stringify, plus C1 controls and bidi overrides escaped (JSON.stringify leaves them raw). */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
