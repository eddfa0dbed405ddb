/**
 * One exclusion glob as a test of a workspace-relative path: picomatch's answer (the same glob
 * engine as the team config's ignore list; `!` is literal here, never a negation), faster. A warm
 * start tests every file and folder of the workspace against every glob (10,000 files, six globs
 * of `files.exclude` and `node_modules`), and that was a tenth of it:
 * - the regular expression is tested directly, with the matcher's own shortcut (the glob itself),
 *   not through the matcher's per-call wrapping;
 * - a glob whose last segment is plain text (`**\/node_modules`) only matches paths that end with
 *   that text, so other paths never reach its expression (`**` excludes `.` and `..` segments with
 *   a lookahead at every character: microseconds a path).
 * No vscode import: unit-tested against picomatch's own matcher.
 */
import picomatch from 'picomatch';

const OPTIONS = { dot: true, nonegate: true } as const;

/** The last segment of `glob` when it is plain text (no glob syntax, not `.` or `..`). */
export function literalTail(glob: string): string | undefined {
  const last = glob.slice(glob.lastIndexOf('/') + 1);
  return /^[\w.-]+$/.test(last) && !/^\.{1,2}$/.test(last) ? last : undefined;
}

export function excludeMatcher(glob: string): (path: string) => boolean {
  const re = picomatch.makeRe(glob, OPTIONS);
  const tail = literalTail(glob);
  if (tail === undefined) return (path) => path === glob || re.test(path);
  return (path) => path.endsWith(tail) && (path === glob || re.test(path));
}
