/**
 * The starting point of an analyst's own pattern model (New Pattern Model): a valid model with one
 * example of every part, so the loader accepts it as written and the schema's completion guides
 * the rest. The example entries say plainly that they are placeholders to replace.
 */
import { MODEL_FILE_SUFFIX } from './modelSet';

/** Where `$schema` points in a new model: served by the editor extension, so completion works in untitled and saved files alike. */
export const SCHEMA_URI = 'pattern-analyst-schema:/pattern-model.schema.json';

const MAX_ID_LENGTH = 60;

/** A model id from a pattern name: "Vertical AI Agents" → "vertical-ai-agents". Never empty. */
export function idFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  return slug || 'my-pattern';
}

/** An id based on `base` that is not in `taken`: `base`, `base-2`, `base-3`... */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The file name a model with this id is saved under. */
export function modelFileName(id: string): string {
  return `${id}${MODEL_FILE_SUFFIX}`;
}

/** The JSON text of a new, valid pattern model named `name` with id `id`. */
export function newModelSkeleton(name: string, id: string = idFromName(name)): string {
  const cleanName = name.replace(/\s+/g, ' ').trim() || 'My Pattern';
  const model = {
    $schema: SCHEMA_URI,
    schemaVersion: 1,
    id,
    name: cleanName,
    tagline: 'One line that says what this pattern is',
    aliases: [],
    source: {
      publisher: 'Who published the pattern',
      headerLines: [],
    },
    sections: [
      {
        id: 'the-pattern',
        kind: 'prose',
        title: 'The Pattern',
        paragraphs: ['Describe how the pattern creates and captures value, in the source’s words.'],
      },
      { id: 'key-metrics', kind: 'metrics', title: 'Key Metrics & Benchmarks' },
      { id: 'who-uses', kind: 'companies', title: 'Who Uses This Pattern' },
      { id: 'strengths-weaknesses', kind: 'strengthsWeaknesses', title: 'Strengths & Weaknesses' },
    ],
    metrics: [
      {
        id: 'example-metric',
        name: 'Example Metric',
        benchmarkText: '>50% (replace with the benchmark as the source states it)',
        benchmark: { comparator: '>', value: 50 },
        unit: { kind: 'percent', label: '% of something', min: 0, max: 100 },
        aliases: [],
        extensionNote: { definition: 'How the metric is computed (your note, not the source’s).', direction: 'higher' },
      },
    ],
    companies: [
      { id: 'example-company', name: 'Example Company', note: 'Why this company is an example of the pattern', aliases: [] },
    ],
    strengths: ['A strength of the pattern'],
    weaknesses: ['A weakness of the pattern'],
  };
  return `${JSON.stringify(model, null, 2)}\n`;
}
