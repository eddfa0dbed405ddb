/** The CLI's --help texts: what each command does, its options, and the exit codes. */
import { UNDERSTOOD_PERIOD_FORMS } from '../portfolio/periods';
import type { CommandName } from './args';

const EXIT_CODES = `Exit codes:
  0  clean: no finding at or above --max-severity (lint), every model valid (models), no conflict (portfolio)
  1  findings at or above --max-severity (lint), an invalid model (models), conflicting values (portfolio)
  2  usage error, a file or folder that cannot be read, a binary file, an invalid workspace model,
     no analysis of a known pattern (portfolio)`;

const MODELS_TEXT = `Pattern models: the bundled model, plus the *.pattern.json files of the nearest folder above
each file that holds some (directly or in a patterns/ sub-folder), searching up to the
repository root; or exactly the files and folders given with --models (repeatable).`;

export const HELP: Readonly<Record<'main' | CommandName, string>> = {
  main: `pattern-analyst — check and render business-model pattern analyses, as the Pattern Analyst
VS Code extension does, from the command line or CI.

Usage:
  pattern-analyst lint <files|folders|globs...> [--format text|json|sarif] [--max-severity <level>]
                       [--rule <rule>=<level>]... [--models <file|folder>]...
  pattern-analyst render <file> [-o out.html] [--force] [--models <file|folder>]...
  pattern-analyst render <file> --format pdf -o out.pdf [--page-size a4|letter] [--browser <path>]
  pattern-analyst models [--models <file|folder>]... [--format text|json]
  pattern-analyst portfolio <files|folders|globs...> [--format text|json|csv|html] [-o file]
                            [--force] [--as-of <period>] [--models <file|folder>]...
  pattern-analyst portfolio <files|folders|globs...> --format pdf -o out.pdf [--page-size a4|letter]
                            [--browser <path>]
  pattern-analyst --help | <command> --help | --version

${MODELS_TEXT}

${EXIT_CODES}`,
  lint: `pattern-analyst lint <files|folders|globs...>

Checks analyses (markdown files whose front matter names a pattern) and prints one line per
finding, the form problem matchers read:
  file:line:col: severity: message [rule]

Options:
  --format text|json|sarif  text (default), one JSON document, or a SARIF 2.1.0 log (for
                            code scanning: findings hidden by inline suppressions are
                            included, marked suppressed) on stdout
  --max-severity <level>    error, warning (default), information, hint or none: findings at or
                            above it make the run fail (exit 1); none never fails on findings
  --rule <rule>=<level>     like the patternAnalyst.checks.* settings; repeatable. Rules:
                            benchmark-miss, impossible-value, missing-section, unknown-pattern,
                            near-miss-name, conflicting-value, unused-suppression,
                            unsourced-value, period-mismatch;
                            levels: off, error, warning, information, hint
                            (over the .pattern-analyst.jsonc file, which is over the defaults)
  --models <file|folder>    use these pattern models (repeatable)

Quote globs so the CLI expands them (** included): pattern-analyst lint "analyses/**/*.md".
A folder stands for the markdown files (*.md, *.markdown) under it.

${MODELS_TEXT}

${EXIT_CODES}`,
  render: `pattern-analyst render <file> [-o out.html] [--force]
pattern-analyst render <file> --format pdf -o out.pdf [--page-size a4|letter] [--browser <path>]

Writes the same self-contained HTML page as the editor's Export to HTML: to stdout, or to the
file given with -o (never over an existing file unless --force is given). With --format pdf,
that page printed to a PDF (as the editor's Export to PDF) by Chrome, Edge or Chromium already
installed: nothing is downloaded; scripts are off and every request is refused while it prints.

Options:
  -o, --output <file>       write the page (or the PDF) to this file
  --force                   replace the -o file if it exists
  --format html|pdf         html (default) or pdf (needs -o)
  --page-size a4|letter     paper for the PDF (default a4)
  --browser <path>          the browser to print with; default: the first of Chrome, Chromium
                            and Edge found in their usual places
  --models <file|folder>    use these pattern models (repeatable)

${EXIT_CODES}`,
  models: `pattern-analyst models [--models <file|folder>]...

Lists the bundled pattern model and the workspace models found from the working folder (or
given with --models), and validates them: each is ok, or its problems are printed as
file:line:col: error: message lines.

Options:
  --format text|json        a table (default) or one JSON document
  --models <file|folder>    list and validate these model files (repeatable)

${MODELS_TEXT}

${EXIT_CODES}`,
  portfolio: `pattern-analyst portfolio <files|folders|globs...>

Compares the analyses given (markdown files whose front matter names a pattern) side by side, as
the editor's portfolio does: a matrix with one row per subject and one column per metric of the
pattern, each cell the latest period's value (as the analysis's scorecard shows it) with its
verdict and period; the pattern's companies without an analysis; each subject's values over the
periods; and values stated differently for the same subject, period and metric in two analyses
(printed as file:line:col: warning: ... [conflicting-value] lines).

Periods are read in these forms: ${UNDERSTOOD_PERIOD_FORMS.join(', ')}; other periods are
listed as written and not placed among the quarters.

Options:
  --format text|json|csv|html|pdf
                                a text table (default), one JSON document, CSV for spreadsheets,
                                a self-contained HTML page with the charts (no scripts), or that
                                page printed to a PDF as render --format pdf does (needs -o)
  -o, --output <file>           write to this file (never over an existing file unless --force)
  --force                       replace the -o file if it exists
  --as-of <period>              the matrix as of that period (later analyses left out)
  --page-size a4|letter         paper for the PDF (default a4)
  --browser <path>              the browser to print with (Chrome, Edge or Chromium); default:
                                the first found in their usual places
  --models <file|folder>        use these pattern models (repeatable)

${EXIT_CODES}`,
};
