/**
 * The markdown files under a folder on the local disk, found by walking it with `readdir` (desktop
 * and code-server hosts only: imported by platform/index.ts alone, never by the web build). On a
 * window reload of 10,000 analyses, `workspace.findFiles` (a search, its 10,000 results delivered
 * as one message) and a `workspace.fs.stat` per file took most of the warm start; a walk and an
 * `lstat` per file take a fraction of it.
 *
 * Links are never followed: the walk goes down real directories only (a directory entry's own
 * type, not its target's), so every path it yields is the file's real location below the folder's
 * real location, and nothing outside the folder is reached through a link. A link named like
 * markdown is reported as a link (the index lists it as skipped, as it does for one it is told of).
 * Excluded folders are pruned before they are read.
 */
import { lstatSync, promises as fsp, type Dirent, type Stats } from 'node:fs';
import * as nodePath from 'node:path';

/** Between two paths in a list sent as one string (the index worker's answer): NUL, which no file name on any disk can hold; a name can hold a newline. */
export const PATH_SEPARATOR = '\u0000';

export interface WalkedFile {
  /** The path below the walked folder, with `/` between names. */
  readonly relative: string;
  /** As `workspace.fs.stat` gives them (DiskFileSystemProvider: `mtime.getTime()`, `size`); absent for a link. */
  readonly size?: number;
  readonly mtime?: number;
  /** The entry is a symbolic link (not followed). */
  readonly link?: true;
}

export interface WalkOptions {
  /** Whether a file or folder (its path below the walked folder) is excluded; an excluded folder is not entered. */
  readonly excluded: (relative: string) => boolean;
  readonly cancelled: () => boolean;
  /** The exclusion globs `excluded` tests (exclusions.ts): given, the node host walks in its worker thread with them. */
  readonly globs?: readonly string[];
  /**
   * Called between entries: a promise to await when the thread is to be given back (the time slice
   * is spent; 10,000 glob tests are one long task), else undefined (no await: a microtask per entry
   * for nothing).
   */
  readonly pause?: () => Promise<void> | undefined;
}

const MARKDOWN = /\.(md|markdown)$/i;
/** Directories read at once. */
const PARALLEL = 64;

/** Runs `work` over `items` with at most PARALLEL at a time. */
async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>, cancelled: () => boolean): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !cancelled()) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/**
 * Every markdown file under `folder` that is not excluded, with its size and modification time.
 * Undefined when the folder itself cannot be read (the caller then searches the usual way).
 */
export async function walkMarkdownFiles(folder: string, options: WalkOptions): Promise<WalkedFile[] | undefined> {
  let root: string;
  try {
    // The folder the user opened is trusted as it is (a link to it included); below it, no link is followed.
    root = await fsp.realpath(folder);
    if (!(await fsp.stat(root)).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const found: WalkedFile[] = [];
  const files: string[] = [];
  let level = [''];
  while (level.length && !options.cancelled()) {
    const below: string[] = [];
    await pool(level, async (dir) => {
      let entries: Dirent[];
      try {
        entries = await fsp.readdir(dir ? nodePath.join(root, dir) : root, { withFileTypes: true });
      } catch {
        return; // Gone or unreadable since it was listed: nothing to index there.
      }
      for (const entry of entries) {
        const pausing = options.pause?.();
        if (pausing) await pausing;
        const relative = dir ? `${dir}/${entry.name}` : entry.name;
        // Dirent types are the entry's own (lstat's), never a link's target.
        if (entry.isDirectory()) {
          if (!options.excluded(relative)) below.push(relative);
        } else if (MARKDOWN.test(entry.name) && !options.excluded(relative)) {
          if (entry.isFile()) files.push(relative);
          else if (entry.isSymbolicLink()) found.push({ relative, link: true });
        }
      }
    }, options.cancelled);
    level = below.sort();
  }
  files.sort();
  // The root's path and a separator, then the relative path as it is: `relative` is names joined by
  // '/' with no '.' or '..' (from readdir), which every platform's file calls take as they are, so
  // path.join's normalization of 10,000 paths (a tenth of the walk's time) was for nothing.
  const base = root.endsWith(nodePath.sep) ? root : `${root}${nodePath.sep}`;
  // Stat'ed synchronously between time slices: an lstat of a file the listing just read costs a
  // microsecond or two, where 10,000 asynchronous ones took 2-3 times the CPU (a thread-pool round
  // trip and a callback each) and most of the warm start's wall time.
  for (const relative of files) {
    if (options.cancelled()) return found;
    const pausing = options.pause?.();
    if (pausing) await pausing;
    let s: Stats | undefined;
    try {
      s = lstatSync(base + relative, { throwIfNoEntry: false });
    } catch {
      s = undefined;
    }
    // Replaced by something else (a link, a folder) between the listing and the stat: left out, like a file gone.
    if (s?.isFile()) found.push({ relative, size: s.size, mtime: statMtime(s) });
  }
  return found;
}

/**
 * `stats.mtime.getTime()` (what `workspace.fs.stat` gives: DiskFileSystemProvider takes the Date's
 * time) without making the Date: Node makes `mtime` from `mtimeMs` rounded to the millisecond, and a
 * Date per file was a twentieth of the walk. Held equal to the Date's time by a unit test on files
 * whose times have a fraction of a millisecond either side of a half.
 */
export function statMtime(stats: Stats): number {
  return Math.round(stats.mtimeMs);
}

/**
 * Whether `target` below `folder` is where its path says, no link on the way (its real location is
 * the same path below the folder's real location); undefined when it cannot be resolved (gone).
 */
export async function isLinkFree(folder: string, target: string): Promise<boolean | undefined> {
  try {
    const [realFolder, realTarget] = await Promise.all([fsp.realpath(folder), fsp.realpath(target)]);
    const real = nodePath.relative(realFolder, realTarget);
    const given = nodePath.relative(folder, target);
    // Windows and macOS disks ignore case: a document opened as `A.md` is the file `a.md`, not a link to it.
    return process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() === given.toLowerCase() : real === given;
  } catch {
    return undefined;
  }
}
