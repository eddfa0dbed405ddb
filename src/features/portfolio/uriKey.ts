/**
 * A file's URI as a string (`vscode.Uri.toString()`, the workspace index's key) without formatting
 * the URI: VS Code's formatter percent-encodes every character of a path except ASCII letters,
 * digits, `-`, `.`, `_`, `~` and `/`, so a path of only those below a folder is the folder's string
 * (with its `/`) followed by that path as it is. Formatting 10,000 URIs was a seventh of the warm
 * start's work on the extension host's thread. No imports: unit-tested.
 */

/** Characters the URI formatter leaves as they are in a path. */
const VERBATIM = /^[A-Za-z0-9\-._~/]*$/;

/**
 * The key of `relative` (a plain path, no `.` or `..` parts) below the folder whose
 * `toString()` with a trailing `/` is `prefix`; undefined when the path has a character the
 * formatter would encode (the caller formats the URI then).
 */
export function uriKeyBelow(prefix: string, relative: string): string | undefined {
  return prefix.endsWith('/') && VERBATIM.test(relative) ? prefix + relative : undefined;
}
