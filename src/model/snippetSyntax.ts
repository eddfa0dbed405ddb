/**
 * Writing VS Code snippet syntax safely. Model text (names, benchmarks, strengths) and user text
 * (a subject typed in New Analysis) go into snippet bodies, where `$`, `}` and `\` are syntax, and
 * into choice lists, where `,`, `|` and `\` are. Escaping follows VS Code's own snippet parser
 * (`snippetParser.ts`: `Text.escape` and `_parseChoiceElement`, the same as
 * `SnippetString.appendChoice`): inside a choice a `$` is plain text and `\$` would stay a
 * backslash, so `$` is escaped only outside choices.
 */

/** Text that must appear literally in a snippet body (outside placeholders' syntax). */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** A placeholder `${n:default}`; the default is literal text. */
export function placeholder(tabStop: number, defaultText: string): string {
  return defaultText === '' ? `\${${tabStop}}` : `\${${tabStop}:${snippetText(defaultText)}}`;
}

/** One element of a choice list, escaped as VS Code's parser reads choice elements. */
export function choiceElement(text: string): string {
  return text.replace(/[,|\\]/g, '\\$&');
}

/** A choice tab stop `${n|a,b,c|}`. VS Code requires at least one element. */
export function choice(tabStop: number, values: readonly string[]): string {
  if (values.length === 0) throw new Error('a snippet choice needs at least one value');
  return `\${${tabStop}|${values.map(choiceElement).join(',')}|}`;
}

/**
 * Reads a choice list back (the inverse of {@link choice}'s element escaping), so tests can check
 * that a generated list holds exactly the model's names.
 */
export function parseChoices(body: string): string[][] {
  const lists: string[][] = [];
  const start = /\$\{\d+\|/g;
  for (let m = start.exec(body); m; m = start.exec(body)) {
    const values: string[] = [];
    let current = '';
    let i = m.index + m[0].length;
    for (; i < body.length; i++) {
      const ch = body[i];
      if (ch === '\\' && i + 1 < body.length && ',|\\'.includes(body[i + 1])) {
        current += body[++i];
      } else if (ch === ',') {
        values.push(current);
        current = '';
      } else if (ch === '|' && body[i + 1] === '}') {
        values.push(current);
        break;
      } else {
        current += ch;
      }
    }
    lists.push(values);
    start.lastIndex = i;
  }
  return lists;
}
