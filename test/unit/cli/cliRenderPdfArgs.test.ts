/** `render --format pdf` on the command line: what it takes, and a clear message for what it does not. */
import * as assert from 'node:assert/strict';
import { parseCommandLine } from '../../../src/cli/args';
import { CliError } from '../../../src/cli/cliIo';
import { HELP } from '../../../src/cli/help';

const fails = (argv: string[], message: RegExp): void => assert.throws(() => parseCommandLine(argv), (e: unknown) => e instanceof CliError && message.test(e.message));

describe('render --format pdf arguments', () => {
  it('takes -o, --page-size and --browser', () => {
    assert.deepEqual(parseCommandLine(['render', 'a.md', '--format', 'pdf', '-o', 'a.pdf', '--page-size', 'Letter', '--browser', '/opt/chrome']), {
      kind: 'render', file: 'a.md', output: 'a.pdf', force: false, models: [], format: 'pdf', pageSize: 'letter', browser: '/opt/chrome',
    });
    const html = parseCommandLine(['render', 'a.md']);
    assert.equal(html.kind === 'render' && html.format, 'html');
    assert.equal(html.kind === 'render' && html.pageSize, 'a4');
  });

  it('refuses a PDF to the terminal, unknown paper, PDF options without pdf, and an empty browser', () => {
    fails(['render', 'a.md', '--format', 'pdf'], /--format pdf needs -o <file\.pdf>/);
    fails(['render', 'a.md', '--format', 'pdf', '-o', 'a.pdf', '--page-size', 'legal'], /--page-size must be a4 or letter, not "legal"/);
    fails(['render', 'a.md', '--page-size', 'a4'], /--page-size applies to --format pdf only/);
    fails(['render', 'a.md', '-o', 'a.html', '--browser', '/x'], /--browser applies to --format pdf only/);
    fails(['render', 'a.md', '--format', 'pdf', '-o', 'a.pdf', '--browser', ' '], /--browser needs the path/);
    fails(['render', 'a.md', '--format', 'docx'], /render --format must be html or pdf, not "docx"/);
    fails(['lint', 'a.md', '--browser', '/x'], /lint does not take --browser/);
  });

  it('is in the help', () => {
    assert.match(HELP.render, /--format html\|pdf/);
    assert.match(HELP.render, /--page-size a4\|letter/);
    assert.match(HELP.main, /render <file> --format pdf -o out\.pdf/);
  });
});
