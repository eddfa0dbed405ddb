/**
 * Which pattern models the CLI uses, the counterpart of the editor's workspace models:
 *
 * - `--models <file|folder>` (repeatable): exactly those files, and every `*.pattern.json` under
 *   those folders (like `patternAnalyst.models.paths`);
 * - otherwise, for each linted file, the nearest folder from the file's own upwards that holds
 *   `*.pattern.json` files directly or in a `patterns/` sub-folder. The search stops at the
 *   repository root (a folder with `.git`), or, outside a repository, at the working folder when
 *   the file is inside it, or else at the file's own folder.
 *
 * Models load through the same core as in the editor (`loadModelSet`), bundled model first.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { loadModelSet, MAX_MODEL_BYTES, MODEL_FILE_SUFFIX, problemAt, type ModelFile, type ModelProblem, type ModelSet } from '../model/modelSet';
import { CliError } from './cliIo';
import { displayPath } from './displayPath';
import { IGNORED_GLOBS } from './inputFiles';
import { describeFsError, readText } from './readText';

/** The conventional folder for models beside analyses. */
export const MODELS_FOLDER = 'patterns';

/** The models for some files: the loaded set, and the files it came from. */
export interface ResolvedModels {
  /** Identifies the set (the folder or the --models list), so problems are reported once. */
  readonly key: string;
  /** Where the models were found (a folder), or undefined for the bundled model alone. */
  readonly root?: string;
  readonly set: ModelSet;
  /** Problems of every model file, unreadable files included, in load order. */
  readonly problems: readonly ModelProblem[];
}

export class ModelResolver {
  private readonly cache = new Map<string, Promise<ResolvedModels>>();
  /** Each folder's answer (one run of the CLI: the folders do not change under it). */
  private readonly byFolder = new Map<string, Promise<ResolvedModels>>();
  private explicit: Promise<ResolvedModels> | undefined;

  /** `models`: the `--models` arguments (may be empty). */
  constructor(private readonly cwd: string, private readonly models: readonly string[]) {}

  /** The models for a file (absolute path). */
  forFile(file: string): Promise<ResolvedModels> {
    // One upward search per folder, not per file: a folder of 1,000 analyses asked the disk 1,000 times.
    const dir = path.dirname(file);
    let found = this.byFolder.get(dir);
    if (!found) {
      found = this.forFolder(dir);
      this.byFolder.set(dir, found);
    }
    return found;
  }

  /** The models for files in a folder (absolute path). */
  async forFolder(dir: string): Promise<ResolvedModels> {
    if (this.models.length > 0) {
      this.explicit ??= this.loadExplicit();
      return this.explicit;
    }
    const root = await nearestModelFolder(dir, this.cwd);
    const key = root ?? '';
    let hit = this.cache.get(key);
    if (!hit) {
      hit = root ? this.loadFiles(key, root, await modelFilesIn(root)) : this.loadFiles(key, undefined, []);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async loadExplicit(): Promise<ResolvedModels> {
    const files: string[] = [];
    for (const arg of this.models) {
      const abs = path.resolve(this.cwd, arg);
      let stat;
      try {
        stat = await fs.stat(abs);
      } catch (e) {
        throw new CliError(`--models ${arg}: ${describeFsError(e)}`);
      }
      if (stat.isDirectory()) {
        try {
          await fs.readdir(abs);
        } catch (e) {
          throw new CliError(`--models ${arg}: cannot read the folder: ${describeFsError(e)}`);
        }
        const found = await glob([`**/*${MODEL_FILE_SUFFIX}`], { cwd: abs, absolute: true, onlyFiles: true, ignore: IGNORED_GLOBS, expandDirectories: false });
        if (found.length === 0) throw new CliError(`--models ${arg}: the folder holds no *${MODEL_FILE_SUFFIX} file`);
        files.push(...found.map((f) => path.resolve(f)));
      } else {
        files.push(abs);
      }
    }
    return this.loadFiles(`--models ${this.models.join(' ')}`, undefined, files);
  }

  private async loadFiles(key: string, root: string | undefined, files: readonly string[]): Promise<ResolvedModels> {
    const readable: ModelFile[] = [];
    const unreadable: ModelProblem[] = [];
    for (const file of [...new Set(files)]) {
      const origin = displayPath(this.cwd, file);
      const read = await readText(file, 'a pattern model', { maxBytes: MAX_MODEL_BYTES, refuseBinary: false });
      if ('text' in read) readable.push({ origin, text: read.text });
      else unreadable.push(problemAt(origin, '', '$', `the file ${read.error}`, 0));
    }
    const set = loadModelSet(readable);
    return { key, ...(root !== undefined && { root }), set, problems: [...set.problems, ...unreadable] };
  }
}

/** Model files a folder holds directly or in its `patterns/` sub-folder. */
async function modelFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const folder of [dir, path.join(dir, MODELS_FOLDER)]) {
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      continue; // no such folder, or one we may not list: it holds no models for us
    }
    for (const name of names.sort()) {
      if (name.endsWith(MODEL_FILE_SUFFIX)) out.push(path.join(folder, name));
    }
  }
  return out;
}

/** The nearest folder from `start` upwards that holds models, within the search boundary. */
async function nearestModelFolder(start: string, cwd: string): Promise<string | undefined> {
  const stop = searchBoundary(start, cwd);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if ((await modelFilesIn(dir)).length > 0) return dir;
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

/** Where the upward search stops: the repository root, else the working folder if `start` is in it, else `start`. */
export function searchBoundary(start: string, cwd: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const rel = path.relative(cwd, start);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)) ? cwd : start;
}
