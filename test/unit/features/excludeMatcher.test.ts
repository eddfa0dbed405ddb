/**
 * The portfolio's exclusion globs as fast tests (excludeMatcher.ts) give picomatch's own answer
 * for every glob and path, the shortcut for plain last segments included; and the shortcut is taken
 * only where it cannot change the answer.
 */
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { excludeMatcher, literalTail } from '../../../src/features/portfolio/excludeMatcher';

const GLOBS = [
  '**/node_modules', '**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db', 'drafts', 'a/b', '**/drafts',
  'x/**/y.md', '**/a.b-c', '**/*.md', '**/draft-*', 'archive/**', '**/{old,older}', '!keep', '**/.', 'notes/..', '**/[ab].md',
];
const PATHS = [
  'node_modules', 'a/node_modules', 'node_modules/x.md', 'a/node_modules/b/c.md', '.git', 'a/.git', 'a/.gitignore', 'b.git', 'a/b', 'b',
  'drafts', 'x/drafts', 'x/drafts/y.md', 'mydrafts', 'x/q/y.md', 'x/y.md', 'a/./.git', 'a/../.git', './.git', '../.git', 'a//.git',
  '.DS_Store', 'q/Thumbs.db', 'CVS', 'a/CVS/b', 'a.b-c', 'z/a.b-c', 'za.b-c', 'notes/a.md', 'draft-1.md', 'p/draft-2.md',
  'archive/2024/q1.md', 'old', 'p/older', '!keep', 'keep', 'notes/..', 'a.md', 'c/b.md', 'Analyses/Q1-2024/provider-0001.md',
];

describe('portfolio exclusion globs (fast tests)', () => {
  it('answers as picomatch does for every glob and path', () => {
    for (const glob of GLOBS) {
      const reference = picomatch(glob, { dot: true, nonegate: true });
      const fast = excludeMatcher(glob);
      for (const path of PATHS) assert.equal(fast(path), reference(path), `${glob} on ${path}`);
    }
  });

  it('takes the shortcut only for a plain last segment', () => {
    assert.equal(literalTail('**/node_modules'), 'node_modules');
    assert.equal(literalTail('**/.DS_Store'), '.DS_Store');
    assert.equal(literalTail('drafts'), 'drafts');
    for (const glob of ['**/*.md', '**/{old,older}', '**/[ab].md', 'archive/**', '**/.', 'notes/..', '**/draft-*', 'a/b/']) assert.equal(literalTail(glob), undefined, glob);
  });
});
