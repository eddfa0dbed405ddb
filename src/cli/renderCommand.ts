/**
 * `pattern-analyst render`: the same self-contained HTML page as the editor's Export to HTML,
 * from the same renderer, to stdout or to a file (never over an existing one without --force).
 */
import { CliError, type CliIo } from './cliIo';

export interface RenderOptions {
  readonly file: string;
  readonly output?: string;
  readonly force: boolean;
  readonly models: readonly string[];
}

export async function renderCommand(_opts: RenderOptions, _io: CliIo): Promise<number> {
  throw new CliError('render is not available yet: it uses the editor\'s HTML export, which has not landed in this build');
}
