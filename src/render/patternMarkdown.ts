/**
 * The pattern model as a readable markdown document (the read-only view the tree opens, and the
 * text of Copy / Insert at Cursor). Every line it writes is either the source's text or clearly
 * labelled as the extension's note. Also reports the line of each entity so a view can scroll there.
 */
import { entityKey } from '../model/patternIndex';
import type { PatternModel } from '../model/types';

export interface PatternDocument {
  readonly text: string;
  /** 0-based line of each entity (by `entityKey`) and of each paragraph (`paragraph:<section>:<i>`). */
  readonly lines: ReadonlyMap<string, number>;
}

export interface EscapeOptions {
  /**
   * The text follows other text on its line (after `**Benchmark:** `, inside a heading), so the
   * characters that only act at the start of a line (`> - + =`, "1.") need no escape there.
   */
  readonly midLine?: boolean;
}

/**
 * The `:` and the `.` a renderer would read as part of a bare link: a colon after a letter or digit
 * and before a non-space, a dot between letters or digits. Written with the lookbehind after the
 * `:` or `.` it checks (`:(?<=[L N]:)` rather than `(?<=[L N]):`): the same matches, but the engine
 * looks for the character first and tries the Unicode class only where it found one, instead of at
 * every position of the text. The leading lookbehinds took 2–7 µs of a 60-character verdict message
 * (most of a hover card's time); these take 0.3 µs. Held equal to the leading form by a property test.
 */
export const AUTOLINK_COLON = /:(?<=[\p{L}\p{N}]:)(?=\S)/gu;
export const AUTOLINK_DOT = /\.(?<=[\p{L}\p{N}]\.)(?=[\p{L}\p{N}])/gu;

/**
 * Model text is data, not markup. Characters that can start markup anywhere in a line are escaped
 * (backslash, backtick, `* _ [ ] < ~ | { } # $`, and `&` where it would start an entity), and so
 * is what a reader's renderer would turn into a link on its own (the `:` of `https://` or
 * `mailto:`, the dots of `www.example.com`). Characters that act only at the start of a line
 * (`> - + =`, "1." and "1)") are escaped there. Nothing else is, so the source's sentences still
 * read verbatim in the editor. Line breaks of every kind become spaces and the ends are trimmed:
 * a model string is one line (no new block can start, no indented code block), and the line
 * numbers the document records stay true.
 */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const escaped = text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<~|{}#$]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(AUTOLINK_COLON, '\\:')
    .replace(AUTOLINK_DOT, '\\.')
    .replace(/(^|\s)\/\//g, '$1\\/\\/');
  if (options.midLine) return escaped;
  return escaped.replace(/^[>+=-]/, '\\$&').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

export function patternToMarkdown(model: PatternModel): PatternDocument {
  const out: string[] = [];
  const lines = new Map<string, number>();
  const mark = (key: string): void => {
    lines.set(key, out.length);
  };
  const e = (text: string): string => escapeMarkdown(text, { midLine: true });
  /** For text that starts a line or a list item's content, where `-` or `1.` would start a block. */
  const eLine = (text: string): string => escapeMarkdown(text);
  mark('pattern');
  out.push(`# ${e(model.name)}${model.symbol ? ` (${e(model.symbol)})` : ''}`, '');
  const facts = [
    model.family && `**Family:** ${e(model.family)}`,
    model.number !== undefined && `**Pattern:** #${model.number}`,
    model.marketSize && `**Market size:** ${e(model.marketSize)}`,
  ].filter(Boolean);
  if (facts.length) out.push(facts.join(' · '), '');
  if (model.tagline) out.push(`*${e(model.tagline)}*`, '');
  for (const section of model.sections) {
    mark(entityKey({ kind: 'section', model, section }));
    out.push(`## ${e(section.title)}`, '');
    section.paragraphs.forEach((p, i) => {
      mark(`paragraph:${section.id}:${i}`);
      out.push(eLine(p), '');
    });
    if (section.kind === 'metrics') {
      for (const metric of model.metrics) {
        mark(entityKey({ kind: 'metric', model, metric }));
        out.push(`### ${e(metric.name)}`, '', `**Benchmark:** ${e(metric.benchmarkText)}`, '');
        const note = metric.extensionNote;
        const notes = [`unit: ${e(metric.unit.label)}`];
        if (note?.direction) notes.push(`${note.direction} is better`);
        if (note?.definition) notes.push(`definition: ${e(note.definition)}`);
        const noteText = notes.join('; ');
        // The definition usually ends a sentence already; do not print "period..".
        out.push(`> *Pattern Analyst note (not from the source):* ${noteText}${/[.!?]$/.test(noteText) ? '' : '.'}`, '');
      }
    } else if (section.kind === 'companies') {
      for (const company of model.companies) {
        mark(entityKey({ kind: 'company', model, company }));
        out.push(`- **${e(company.name)}**: ${e(company.note)}`);
      }
      out.push('');
    } else if (section.kind === 'strengthsWeaknesses') {
      out.push('### Strengths', '');
      model.strengths.forEach((text, index) => {
        mark(entityKey({ kind: 'strength', model, index, text }));
        out.push(`- ${eLine(text)}`);
      });
      out.push('', '### Weaknesses', '');
      model.weaknesses.forEach((text, index) => {
        mark(entityKey({ kind: 'weakness', model, index, text }));
        out.push(`- ${eLine(text)}`);
      });
      out.push('');
    }
  }
  const src = model.source;
  const credit = [src.publisher, src.author].filter(Boolean).map((s) => e(s as string)).join(' · ');
  if (credit || src.closing) {
    out.push('---', '');
    if (src.closing) out.push(`*${e(src.closing)}*`, '');
    if (credit) out.push(`Source: ${credit}${src.collection ? `, ${e(src.collection)}` : ''}`, '');
  }
  return { text: out.join('\n'), lines };
}
