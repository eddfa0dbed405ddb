/**
 * The authoring snippets of a pattern model: the full analysis scaffold, a scorecard metric row, a
 * company profile, a strengths-and-weaknesses assessment and an insight block. Generated from the
 * model (sections, metric names and verbatim benchmarks, company names, strengths, weaknesses), so
 * the snippet file, the New Analysis command and the model can never drift apart: the build writes
 * `snippets/pattern-analysis.code-snippets` from this module and a unit test checks the committed
 * file against it.
 */
import { choice, placeholder, snippetText } from './snippetSyntax';
import type { PatternModel, Section } from './types';

/** One entry of a `.code-snippets` file. */
export interface SnippetDefinition {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

export interface ScaffoldOptions {
  /** The analysed company or business, pre-filled (New Analysis); a placeholder otherwise. */
  readonly subject?: string;
}

/** Hands out tab stops in order, so a body reads top to bottom when the user presses Tab. */
class TabStops {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

/** Where the subject goes when none is given. */
const SUBJECT_PLACEHOLDER = 'Company name';

/**
 * The full analysis as snippet body lines: front matter naming the pattern, every section of the
 * pattern as a `##` heading in the model's order, and a scorecard listing every metric with its
 * benchmark verbatim.
 */
export function analysisScaffold(model: PatternModel, options: ScaffoldOptions = {}): string[] {
  const stops = new TabStops();
  const subjectStop = stops.take();
  const subject = options.subject?.trim() ? options.subject.trim() : SUBJECT_PLACEHOLDER;
  // The front matter is YAML: a subject such as "Acme: Cloud" must be quoted to stay one string.
  const subjectYaml = yamlScalar(subject);
  // The title mirrors the subject as typed; a quoted subject is written out instead, unquoted.
  const titleSubject = subjectYaml === subject ? `\${${subjectStop}}` : snippetText(subject);
  const lines = [
    '---',
    `pattern: ${snippetText(yamlScalar(model.id))}`,
    `subject: ${placeholder(subjectStop, subjectYaml)}`,
    `period: \${${stops.take()}:$CURRENT_YEAR}`,
    `author: ${placeholder(stops.take(), 'Your name')}`,
    '---',
    '',
    `# ${titleSubject} — ${snippetText(model.name)}`,
  ];
  for (const section of model.sections) {
    lines.push('', `## ${snippetText(oneLine(section.title))}`, '', ...sectionBody(model, section, stops));
  }
  lines.push('', '$0');
  return lines;
}

function sectionBody(model: PatternModel, section: Section, stops: TabStops): string[] {
  switch (section.kind) {
    case 'metrics':
      return scorecard(model, stops);
    case 'companies':
      return [placeholder(stops.take(), `Where the subject stands among the pattern's companies.`)];
    case 'strengthsWeaknesses':
      return strengthsAndWeaknesses(model, stops);
    default:
      return [placeholder(stops.take(), 'Your analysis.')];
  }
}

/** The scorecard: one row per metric, with the source's benchmark verbatim. */
function scorecard(model: PatternModel, stops: TabStops): string[] {
  const rows = model.metrics.map(
    (m) => `| ${snippetText(tableCell(m.name))} | ${placeholder(stops.take(), 'value')} | ${snippetText(tableCell(m.benchmarkText))} | ${placeholder(stops.take(), 'source')} |`,
  );
  return ['| Metric | Value | Benchmark | Source |', '| --- | --- | --- | --- |', ...rows];
}

/** Each of the pattern's strengths and weaknesses, verbatim, with a place for the analyst's verdict. */
function strengthsAndWeaknesses(model: PatternModel, stops: TabStops): string[] {
  const items = (texts: readonly string[]): string[] => texts.map((t) => `- ${snippetText(oneLine(t))} — ${placeholder(stops.take(), 'assessment')}`);
  return ['### Strengths', '', ...items(model.strengths), '', '### Weaknesses', '', ...items(model.weaknesses)];
}

/** Every snippet the model yields, keyed by the name VS Code shows. */
export function analysisSnippets(model: PatternModel): Record<string, SnippetDefinition> {
  const from = `Generated from the ${model.name} pattern model.`;
  const metricNames = model.metrics.map((m) => oneLine(m.name));
  const companyNames = model.companies.map((c) => oneLine(c.name));
  const snippets: Record<string, SnippetDefinition> = {
    [`${model.name}: analysis scaffold`]: {
      prefix: 'pa-analysis',
      description: `A complete ${model.name} analysis: front matter, every section of the pattern, and a scorecard with every metric and its benchmark. ${from}`,
      body: analysisScaffold(model),
    },
  };
  if (metricNames.length > 0) {
    snippets[`${model.name}: metric row`] = {
      prefix: 'pa-metric',
      description: `A scorecard row (Metric | Value | Benchmark | Source) for one of the pattern's metrics. ${from}`,
      body: [`| ${choice(1, metricNames.map(tableCell))} | ${placeholder(2, 'value')} | ${placeholder(3, 'benchmark')} | ${placeholder(4, 'source')} |$0`],
    };
  }
  if (companyNames.length > 0) {
    snippets[`${model.name}: company profile`] = {
      prefix: 'pa-company',
      description: `A profile of one of the companies the pattern names. ${from}`,
      body: [`### ${choice(1, companyNames)}`, '', placeholder(2, 'Note on how the company uses the pattern.'), '$0'],
    };
  }
  if (model.strengths.length + model.weaknesses.length > 0) {
    const stops = new TabStops();
    snippets[`${model.name}: strengths and weaknesses`] = {
      prefix: 'pa-strengths',
      description: `The pattern's strengths and weaknesses, each with a place to assess it for the subject. ${from}`,
      body: [...strengthsAndWeaknesses(model, stops), '$0'],
    };
  }
  snippets[`${model.name}: insight`] = {
    prefix: 'pa-insight',
    description: `An insight block: what the evidence shows and why it matters for the ${model.name} pattern. ${from}`,
    body: [`> **Insight:** ${placeholder(1, 'What the evidence shows.')}`, '>', `> ${placeholder(2, `Why it matters for the ${model.name} pattern.`)}`, '$0'],
  };
  return snippets;
}

/** The `.code-snippets` file text (plain JSON, stable formatting, trailing newline). */
export function snippetFileText(model: PatternModel): string {
  return `${JSON.stringify(analysisSnippets(model), null, 2)}\n`;
}

/** A YAML plain scalar when that reads back as the same string, else a double-quoted one. */
export function yamlScalar(text: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} ._/&'()-]*$/u.test(text) && !/ $/.test(text);
  const special = /^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\d{4}-\d\d?-\d\d?.*)$/i.test(text);
  return plain && !special ? text : JSON.stringify(text);
}

/** Model text is one line in a heading or list item. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A pipe ends a table cell: escape it so the text shows verbatim. */
function tableCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}
