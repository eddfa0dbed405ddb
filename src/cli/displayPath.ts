/**
 * How the CLI names files: relative to the working folder when they are inside it (short, and
 * what problem matchers resolve against), absolute otherwise.
 */
import * as path from 'node:path';

export function displayPath(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}
