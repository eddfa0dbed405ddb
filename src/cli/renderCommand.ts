/**
 * `pattern-analyst render`: the same self-contained HTML page as the editor's Export to HTML,
 * from the same function (`exportDocumentPage`) with the same models, to stdout or to a file.
 * Never replaces an existing file without --force, and never the analysis itself.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../analysis/analyze';
import { formatModelProblem } from '../model/modelSet';
import { exportDocumentPage, type ExportImages } from '../render/exportDocument';
import { CliError, EXIT_ERROR, EXIT_OK, printable, type CliIo } from './cliIo';
import { displayPath } from './displayPath';
import { ModelResolver } from './modelDiscovery';
import { describeFsError, readText } from './readText';

export interface RenderOptions {
  readonly file: string;
  readonly output?: string;
  readonly force: boolean;
  readonly models: readonly string[];
}

/** Where the CLI finds the preview's stylesheet: `media/preview.css` beside `dist/` (in the package and in the repository). */
export function stylesheetPath(): string {
  for (let dir = __dirname, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'media', 'preview.css');
    if (existsSync(candidate)) return candidate;
  }
  throw new CliError(`cannot find media/preview.css near ${__dirname}: the installation is incomplete`);
}

/**
 * The document's local images, resolved inside its folder only, like the editor's export: an
 * absolute path, a URL or a path climbing out of the folder is left out.
 */
function folderImages(folder: string): ExportImages {
  const inFolder = (rel: string): string | undefined => {
    if (rel === '' || rel.startsWith('/') || rel.startsWith('\\') || /^[a-z][a-z0-9+.-]*:/i.test(rel)) return undefined;
    const abs = path.resolve(folder, rel.replace(/\\/g, '/'));
    return abs.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep) ? abs : undefined;
  };
  return {
    size: async (rel) => {
      const abs = inFolder(rel);
      if (!abs) return undefined;
      const stat = await fs.stat(abs);
      return stat.isFile() ? stat.size : undefined;
    },
    read: async (rel) => {
      const abs = inFolder(rel);
      if (!abs) throw new Error('outside the document folder');
      return fs.readFile(abs);
    },
  };
}

export async function renderCommand(opts: RenderOptions, io: CliIo): Promise<number> {
  const source = path.resolve(io.cwd, opts.file);
  const read = await readText(source, 'a markdown analysis');
  if ('error' in read) throw new CliError(`${opts.file}: ${read.error}`);

  const target = opts.output === undefined ? undefined : path.resolve(io.cwd, opts.output);
  if (target !== undefined) {
    if (target === source) throw new CliError(`-o ${opts.output}: that is the analysis itself; choose another file`);
    if (!opts.force && existsSync(target)) throw new CliError(`${opts.output} already exists; pass --force to replace it`);
  }

  const models = await new ModelResolver(io.cwd, opts.models).forFile(source);
  for (const p of models.problems) io.err(printable(`${formatModelProblem(p)} [pattern-model]`));

  let css: string;
  try {
    css = await fs.readFile(stylesheetPath(), 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot read the stylesheet: ${describeFsError(e)}`);
  }
  const analysis = analyzeText(read.text, models.set.catalog);
  const page = await exportDocumentPage(read.text, analysis, { css, fallbackTitle: path.basename(source), images: folderImages(path.dirname(source)) });

  if (target === undefined) {
    io.out(page);
  } else {
    try {
      // `wx` refuses a file created since the check above: no overwrite without --force, ever.
      await fs.writeFile(target, page, { encoding: 'utf8', flag: opts.force ? 'w' : 'wx' });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(code === 'EEXIST' ? `${opts.output} already exists; pass --force to replace it` : `cannot write ${opts.output}: ${describeFsError(e)}`);
    }
    io.err(printable(`wrote ${displayPath(io.cwd, target)}`));
  }
  return models.problems.length > 0 ? EXIT_ERROR : EXIT_OK;
}
