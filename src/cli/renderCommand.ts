/**
 * `pattern-analyst render`: the same self-contained HTML page as the editor's Export to HTML,
 * from the same function (`exportDocumentPage`) with the same models, to stdout or to a file.
 * Never replaces an existing file without --force, and never the analysis itself.
 */
import { constants as fsConstants, existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../analysis/analyze';
import { formatModelProblem } from '../model/modelSet';
import { exportDocumentPage, type ExportImages } from '../render/exportDocument';
import { CliError, EXIT_ERROR, EXIT_OK, printable, type CliIo } from './cliIo';
import { displayPath } from './displayPath';
import { isInside } from './inputFiles';
import { ModelResolver } from './modelDiscovery';
import { describeFsError, readText } from './readText';
import { printPageForCli } from './renderPdf';

export interface RenderOptions {
  readonly file: string;
  readonly output?: string;
  readonly force: boolean;
  readonly models: readonly string[];
  /** pdf: print the page (src/cli/renderPdf.ts); html by default. */
  readonly format?: 'html' | 'pdf';
  readonly pageSize?: 'a4' | 'letter';
  readonly browser?: string;
}

/** Where the CLI finds the preview's stylesheet: `media/preview.css` beside `dist/` (in the package and in the repository). */
export function stylesheetPath(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'media', 'preview.css');
    if (existsSync(candidate)) return candidate;
  }
  throw new CliError(`cannot find media/preview.css near ${__dirname}: the installation is incomplete`);
}

/** The preview's stylesheet, for every page the CLI writes (an analysis, a portfolio). */
export async function readStylesheet(): Promise<string> {
  try {
    return await fs.readFile(stylesheetPath(), 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read the stylesheet: ${describeFsError(e)}`);
  }
}

/**
 * The document's local images, resolved inside its folder only, like the editor's export: an
 * absolute path, a URL or a path climbing out of the folder is left out, and so is a path whose
 * real location (symbolic links resolved: `logo.png -> ../outside/private.png`, a folder link
 * `sub -> ../outside`) is outside the folder's real location. The file read is the resolved one.
 */
function folderImages(folder: string): ExportImages {
  const realFolder = fs.realpath(folder);
  const inFolder = async (rel: string): Promise<string | undefined> => {
    if (rel === '' || rel.startsWith('/') || rel.startsWith('\\') || /^[a-z][a-z0-9+.-]*:/i.test(rel)) return undefined;
    const abs = path.resolve(folder, rel.replace(/\\/g, '/'));
    if (!isInside(folder, abs)) return undefined;
    const real = await fs.realpath(abs).catch(() => undefined);
    return real !== undefined && isInside(await realFolder, real) ? real : undefined;
  };
  return {
    size: async (rel) => {
      const real = await inFolder(rel);
      if (!real) return undefined;
      const stat = await fs.stat(real);
      return stat.isFile() ? stat.size : undefined;
    },
    read: async (rel) => {
      const real = await inFolder(rel);
      if (!real) throw new Error('outside the document folder');
      return fs.readFile(real);
    },
  };
}

/**
 * Refuses an output that is the analysis itself (by real location: `-o alink.md`, a link to the
 * analysis, is the analysis) or a symbolic link (writing would change the file it points to,
 * perhaps outside the repository, e.g. `report.html -> ../home/.bashrc`).
 */
async function checkTarget(opts: RenderOptions, source: string, target: string): Promise<void> {
  const realSource = await fs.realpath(source).catch(() => source);
  const realDir = await fs.realpath(path.dirname(target)).catch(() => path.dirname(target));
  const realTarget = await fs.realpath(target).catch(() => path.join(realDir, path.basename(target)));
  if (target === source || realTarget === realSource || path.join(realDir, path.basename(target)) === realSource) {
    throw new CliError(`-o ${opts.output}: that is the analysis itself; choose another file`);
  }
  const link = await fs.lstat(target).catch(() => undefined);
  if (link?.isSymbolicLink()) throw new CliError(`-o ${opts.output}: is a symbolic link; render never writes through a link (it would change the file it points to): choose another file`);
  if (link && !link.isFile()) throw new CliError(`-o ${opts.output}: is not a regular file; choose another file`);
  if (!opts.force && link) throw new CliError(`${opts.output} already exists; pass --force to replace it`);
}

/**
 * Writes the page as a new file: with --force an existing regular file is removed first, then the
 * file is created exclusively and without following a link, so a link planted after the checks
 * makes the write fail (EEXIST / ELOOP) instead of going through it.
 */
export async function writeNew(target: string, page: string | Uint8Array, force: boolean): Promise<void> {
  if (force) {
    const link = await fs.lstat(target).catch(() => undefined);
    if (link?.isFile()) await fs.unlink(target);
  }
  const handle = await fs.open(target, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0), 0o666);
  try {
    await (typeof page === 'string' ? handle.writeFile(page, 'utf8') : handle.writeFile(page));
  } finally {
    await handle.close();
  }
}

export async function renderCommand(opts: RenderOptions, io: CliIo): Promise<number> {
  const source = path.resolve(io.cwd, opts.file);
  const read = await readText(source, 'a markdown analysis');
  if ('error' in read) throw new CliError(`${opts.file}: ${read.error}`);

  const target = opts.output === undefined ? undefined : path.resolve(io.cwd, opts.output);
  if (target !== undefined) await checkTarget(opts, source, target);

  const models = await new ModelResolver(io.cwd, opts.models).forFile(source);
  for (const p of models.problems) io.err(printable(`${formatModelProblem(p)} [pattern-model]`));

  const css = await readStylesheet();
  const analysis = analyzeText(read.text, models.set.catalog);
  const page = await exportDocumentPage(read.text, analysis, { css, fallbackTitle: path.basename(source), images: folderImages(path.dirname(source)) });

  // The PDF is printed before anything is written: a failed print leaves no file behind.
  const output = opts.format === 'pdf' ? await printPageForCli(page, { pageSize: opts.pageSize ?? 'a4', ...(opts.browser !== undefined && { browser: opts.browser }) }, io) : page;

  if (target === undefined) {
    io.out(page);
  } else {
    try {
      await writeNew(target, output, opts.force);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CliError(opts.force ? `${opts.output} appeared while rendering; not replaced` : `${opts.output} already exists; pass --force to replace it`);
      throw new CliError(`cannot write ${opts.output}: ${describeFsError(e)}`);
    }
    io.err(printable(`wrote ${displayPath(io.cwd, target)}`));
  }
  return models.problems.length > 0 ? EXIT_ERROR : EXIT_OK;
}
