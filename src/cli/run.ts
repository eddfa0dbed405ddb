/**
 * The CLI as a function: arguments in, exit code out, output through {@link CliIo}. Every
 * failure becomes a one-line message on stderr and exit code 2, never a stack trace.
 */
import { version } from '../../package.json';
import { parseCommandLine } from './args';
import { CliError, EXIT_ERROR, EXIT_OK, printable, type CliIo } from './cliIo';
import { HELP } from './help';
import { lintCommand } from './lintCommand';
import { modelsCommand } from './modelsCommand';
import { portfolioCommand } from './portfolioCommand';
import { renderCommand } from './renderCommand';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        io.out(HELP[command.topic ?? 'main']);
        return EXIT_OK;
      case 'version':
        io.out(version);
        return EXIT_OK;
      case 'lint':
        return await lintCommand(command, io);
      case 'render':
        return await renderCommand(command, io);
      case 'models':
        return await modelsCommand(command, io);
      case 'portfolio':
        return await portfolioCommand(command, io);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(printable(`pattern-analyst: ${e.message}`));
      return e.exitCode;
    }
    // A bug in the CLI or the core: still one line, and a way to report it.
    io.err(printable(`pattern-analyst: internal error: ${e instanceof Error ? e.message : String(e)} (please report this, with the command that caused it)`));
    return EXIT_ERROR;
  }
}
