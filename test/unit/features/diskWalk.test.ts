/**
 * The walk the workspace index lists a `file:` folder's markdown files with (node host): what it
 * finds on a real temporary tree with links in it. No link is followed (neither to a folder
 * outside nor to one inside, which would list a file twice), a link named like markdown is
 * reported as a link, excluded folders are not entered, and each file comes with the size and
 * modification time `workspace.fs.stat` gives (the warm-start cache compares them).
 */
import * as assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { isLinkFree, statMtime, walkMarkdownFiles } from '../../../src/features/platform/diskWalk';
import { walkOffThread } from '../../../src/features/platform/offThread';

describe('disk walk of a workspace folder (portfolio index)', () => {
  let home: string;
  let root: string;
  let outside: string;

  before(() => {
    home = mkdtempSync(path.join(tmpdir(), 'pa-walk-'));
    root = path.join(home, 'workspace');
    outside = path.join(home, 'outside');
    const files: Record<string, string> = {
      'a.md': 'a',
      'b.markdown': 'bb',
      'C.MD': 'ccc',
      'notes.txt': 'not markdown',
      'sub/deeper/d.md': 'dddd',
      'drafts/e.md': 'excluded folder',
      'sub/drafts/f.md': 'excluded folder below',
      'node_modules/pkg/readme.md': 'dependency',
      'sub/skip-me.md': 'excluded file',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.md'), 'outside the workspace');
    symlinkSync(outside, path.join(root, 'linked-outside'), 'dir');
    symlinkSync(path.join(root, 'sub'), path.join(root, 'linked-inside'), 'dir');
    symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'link.md'), 'file');
    mkdirSync(path.join(root, 'folder.md'));
    writeFileSync(path.join(root, 'folder.md', 'g.md'), 'a folder named like markdown is a folder');
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  const excluded = (relative: string): boolean => /(^|\/)(node_modules|drafts)$/.test(relative) || relative === 'sub/skip-me.md';

  it('lists the markdown files below real folders only, links reported, exclusions pruned', async () => {
    const visited: string[] = [];
    const found = await walkMarkdownFiles(root, { excluded: (r) => (visited.push(r), excluded(r)), cancelled: () => false });
    assert.ok(found);
    assert.deepEqual(found.filter((f) => !f.link).map((f) => f.relative).sort(), ['C.MD', 'a.md', 'b.markdown', 'folder.md/g.md', 'sub/deeper/d.md']);
    assert.deepEqual(found.filter((f) => f.link).map((f) => f.relative), ['link.md']);
    assert.ok(!visited.some((r) => r.startsWith('node_modules/') || r.startsWith('drafts/') || r.startsWith('sub/drafts/')), 'excluded folders are not entered');
    assert.ok(!visited.some((r) => r.startsWith('linked-')), 'links to folders are not entered');
    for (const f of found.filter((x) => !x.link)) {
      const s = statSync(path.join(root, f.relative));
      assert.equal(f.size, s.size, f.relative);
      assert.equal(f.mtime, s.mtime.getTime(), f.relative);
    }
  });

  it('gives each file the modification time workspace.fs.stat gives (the Date\'s time), fractions of a millisecond either side of a half included', async () => {
    const times = mkdtempSync(path.join(home, 'times-'));
    // Seconds with a fraction: .123789 and .123289 s round to different milliseconds than they truncate to (or the same).
    const fractions = [1_767_225_600.123_789, 1_767_225_600.123_289, 1_767_225_600.000_5, 1_767_225_600.999_9, 1_767_225_601];
    fractions.forEach((t, i) => {
      const file = path.join(times, `t${i}.md`);
      writeFileSync(file, 'x');
      utimesSync(file, t, t);
      const s = lstatSync(file);
      assert.equal(statMtime(s), s.mtime.getTime(), `${s.mtimeMs}`);
    });
    const found = await walkMarkdownFiles(times, { excluded: () => false, cancelled: () => false });
    assert.equal(found?.length, fractions.length);
    for (const f of found ?? []) assert.equal(f.mtime, statSync(path.join(times, f.relative)).mtime.getTime(), f.relative);
  });

  it('walks from the folder’s real place when the folder itself is reached through a link', async () => {
    const viaLink = path.join(home, 'workspace-link');
    symlinkSync(root, viaLink, 'dir');
    const found = await walkMarkdownFiles(viaLink, { excluded, cancelled: () => false });
    assert.equal(found?.filter((f) => !f.link).length, 5);
  });

  it('says when a folder cannot be walked, and stops when cancelled', async () => {
    assert.equal(await walkMarkdownFiles(path.join(home, 'missing'), { excluded, cancelled: () => false }), undefined);
    assert.equal(await walkMarkdownFiles(path.join(root, 'a.md'), { excluded, cancelled: () => false }), undefined);
    assert.deepEqual(await walkMarkdownFiles(root, { excluded, cancelled: () => true }), []);
  });

  it('walks the same in the worker thread (the node host’s warm start): same files, links, sizes and times', async function () {
    this.timeout(20_000);
    // The same exclusions as globs (the worker tests the settings' globs itself).
    const globs = ['**/node_modules', '**/drafts', 'sub/skip-me.md'];
    const here = await walkMarkdownFiles(root, { excluded, cancelled: () => false });
    const there = await walkOffThread(root, globs, () => false);
    assert.ok(Array.isArray(there), `the worker walked: ${String(there)}`);
    const sorted = (files: typeof here): unknown[] => [...(files ?? [])].sort((a, b) => a.relative.localeCompare(b.relative));
    assert.deepEqual(sorted(there), sorted(here));
    assert.equal(await walkOffThread(path.join(home, 'missing'), globs, () => false), undefined, 'a folder that cannot be walked');
    assert.deepEqual(await walkOffThread(root, globs, () => true), [], 'cancelled before it starts');
    // Cancelled while the worker walks: no answer, however soon the worker's comes (a small
    // folder's walk answers before the first poll of the cancellation).
    let stop = false;
    const walking = walkOffThread(root, globs, () => stop);
    stop = true;
    assert.deepEqual(await walking, [], 'cancelled while walking');
  });

  it('keeps a file name holding a newline whole in the worker\'s answer (its sizes and times stay with the right files)', async function () {
    this.timeout(20_000);
    if (process.platform === 'win32') this.skip();
    const odd = mkdtempSync(path.join(home, 'odd-'));
    writeFileSync(path.join(odd, 'two\nlines.md'), 'x'.repeat(7));
    writeFileSync(path.join(odd, 'lines.md'), 'y'.repeat(11));
    const here = await walkMarkdownFiles(odd, { excluded: () => false, cancelled: () => false });
    const there = await walkOffThread(odd, [], () => false);
    assert.ok(Array.isArray(there), `the worker walked: ${String(there)}`);
    const bySize = (files: typeof here): unknown[] => [...(files ?? [])].map((f) => [f.relative, f.size]).sort();
    assert.deepEqual(bySize(there), [['lines.md', 11], ['two\nlines.md', 7]]);
    assert.deepEqual(bySize(there), bySize(here));
  });

  it('tells a path with a link on it from a real one', async () => {
    assert.equal(await isLinkFree(root, path.join(root, 'sub', 'deeper', 'd.md')), true);
    assert.equal(await isLinkFree(root, path.join(root, 'linked-inside', 'deeper', 'd.md')), false);
    assert.equal(await isLinkFree(root, path.join(root, 'linked-outside', 'secret.md')), false);
    assert.equal(await isLinkFree(root, path.join(root, 'link.md')), false);
    assert.equal(await isLinkFree(root, path.join(root, 'gone.md')), undefined);
  });
});
