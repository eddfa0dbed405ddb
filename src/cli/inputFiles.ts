/**
 * Turns the command line's files, folders and globs into a list of files. Globs are expanded with
 * tinyglobby (the shell does not expand a quoted "analyses/**\/*.md", and Node 20 has no stable
 * fs.glob): brace sets, character classes and `**` have edge cases a hand-written matcher gets
 * wrong, and it is small, dependency-light and bundled into dist/cli.js. A path that exists is
 * taken literally even if its name has glob characters (`[draft].md`).
 */
import { promises as fs, constants as fsConstants } from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeFsError } from './readText';

/** Never searched: dependencies and version control. */
export const IGNORED_GLOBS = ['**/node_modules/**', '**/.git/**'];
/** What a folder given on the command line contributes. */
export const FOLDER_GLOB = '**/*.{md,markdown}';

export interface ExpandedInputs {
  /** Absolute paths, each once, in the order the arguments named them (sorted within a glob). */
  readonly files: readonly string[];
  /** One message per argument that named nothing usable. */
  readonly errors: readonly string[];
}

/** Expands file, folder and glob arguments relative to `cwd`. */
export async function expandInputs(args: readonly string[], cwd: string): Promise<ExpandedInputs> {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const add = (abs: string): void => {
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const stat = await fs.stat(abs).catch((e: unknown) => e as NodeJS.ErrnoException);
    if (!(stat instanceof Error)) {
      if (stat.isDirectory()) {
        const problem = await unreadableFolder(abs);
        if (problem) {
          errors.push(`${arg}: cannot read the folder: ${problem}`);
          continue;
        }
        const found = await withinRoot(await globFiles([FOLDER_GLOB], abs), abs);
        if (found.length === 0) errors.push(`${arg}: the folder holds no markdown files (*.md, *.markdown)`);
        found.forEach(add);
      } else {
        add(abs);
      }
      continue;
    }
    if (isDynamicPattern(arg)) {
      const base = staticBase(arg, cwd);
      const problem = await unreadableFolder(base);
      if (problem && problem !== describeFsError({ code: 'ENOENT' })) {
        errors.push(`${arg}: cannot read the folder ${base}: ${problem}`);
        continue;
      }
      const found = await withinRoot(await globFiles([arg.split(path.sep).join('/')], cwd), base);
      if (found.length === 0) errors.push(`${arg}: no files match`);
      found.forEach(add);
      continue;
    }
    errors.push(`${arg}: ${describeFsError(stat)}`);
  }
  return { files, errors };
}

/**
 * Symbolic links are not followed while walking (`up -> ..` would take the walk out of the folder
 * and around in a loop); a link to a file is listed, and {@link withinRoot} keeps it only when its
 * real location is inside the folder walked.
 */
async function globFiles(patterns: string[], cwd: string): Promise<string[]> {
  const found = await glob(patterns, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: IGNORED_GLOBS, expandDirectories: false, followSymbolicLinks: false });
  return found.map((f) => path.resolve(f)).sort();
}

/** The files whose real location (links resolved) is inside the real location of `root`. */
async function withinRoot(files: readonly string[], root: string): Promise<string[]> {
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  const inside: string[] = [];
  for (const file of files) {
    const real = await fs.realpath(file).catch(() => undefined);
    if (real !== undefined && isInside(realRoot, real)) inside.push(file);
  }
  return inside;
}

/** Whether `target` is `root` itself or below it (both absolute, links already resolved). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The folder a glob starts from: its leading segments without glob characters. */
function staticBase(pattern: string, cwd: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const s of segments) {
    if (isDynamicPattern(s)) break;
    fixed.push(s);
  }
  const joined = fixed.join('/');
  return path.resolve(cwd, joined === '' && pattern.startsWith('/') ? '/' : joined || '.');
}

/** Why a folder cannot be listed, or undefined when it can. */
async function unreadableFolder(dir: string): Promise<string | undefined> {
  try {
    await fs.access(dir, fsConstants.R_OK | fsConstants.X_OK);
    await fs.readdir(dir);
    return undefined;
  } catch (e) {
    return describeFsError(e);
  }
}
