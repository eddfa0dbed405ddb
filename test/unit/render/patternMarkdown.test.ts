/**
 * The read-only document the tree opens for a pattern: every section in order, each entity's
 * recorded line really names it (so "open at" lands on the right line), and model strings are
 * data — markup or HTML in a model never comes out as markup, even rendered with HTML enabled.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { loadPatternModel } from '../../../src/model/modelLoader';
import { PatternIndex, entityKey, entityName } from '../../../src/model/patternIndex';
import { AUTOLINK_COLON, AUTOLINK_DOT, escapeMarkdown, patternToMarkdown } from '../../../src/render/patternMarkdown';
import type { PatternModel } from '../../../src/model/types';
import { bundledModel, mutatedModelText } from '../model/modelFixtures';

/** The most permissive renderer a reader could use: raw HTML on, links auto-detected. */
const md = new MarkdownIt({ html: true, linkify: true });

/** Lines as an editor counts them (CR, LF and CRLF all end a line). */
const editorLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** The visible text of rendered markdown (tags removed, entities decoded). */
function visibleText(markdown: string): string {
  return md.renderInline(markdown).replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** How many of each HTML tag a rendering has, e.g. `{ h2: 6, li: 14, ... }`. */
function tagCounts(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)/gi)) counts[m[1].toLowerCase()] = (counts[m[1].toLowerCase()] ?? 0) + 1;
  return counts;
}

function modelWith(change: (m: any) => void): PatternModel { // eslint-disable-line @typescript-eslint/no-explicit-any
  const result = loadPatternModel(mutatedModelText(change));
  assert.ok(result.model, JSON.stringify(result.errors));
  return result.model;
}

describe('patternToMarkdown: the read-only pattern document', () => {
  const model = bundledModel();
  const doc = patternToMarkdown(model);
  const lines = editorLines(doc.text);

  it('contains every section title as a heading, in the model\'s order', () => {
    const headings = lines.filter((l) => l.startsWith('## ')).map((l) => visibleText(l.slice(3)));
    assert.deepStrictEqual(headings, model.sections.map((s) => s.title));
  });

  it('starts with the pattern name and shows the source facts', () => {
    assert.strictEqual(visibleText(lines[0].replace(/^# /, '')), 'AI Infrastructure (Ii)');
    const rendered = md.render(doc.text);
    for (const fact of ['AI-Native Pattern', '#17', '$200B+', 'Compute, storage, and networking for AI']) assert.ok(rendered.includes(fact), fact);
  });

  it('records a line for every entity, and that line names the entity', () => {
    const index = new PatternIndex(model);
    for (const entity of index.entities) {
      const key = entityKey(entity);
      const line = doc.lines.get(key);
      assert.ok(line !== undefined, `no line for ${key}`);
      assert.ok(visibleText(lines[line]).includes(entityName(entity)), `${key}: line ${line} is "${lines[line]}"`);
    }
    assert.strictEqual(doc.lines.get('pattern'), 0);
  });

  it('records each paragraph\'s line, holding that paragraph', () => {
    for (const section of model.sections) {
      section.paragraphs.forEach((p, i) => {
        const line = doc.lines.get(`paragraph:${section.id}:${i}`);
        assert.ok(line !== undefined);
        assert.strictEqual(visibleText(lines[line]), p);
      });
    }
  });

  it('lists metrics under the metrics section and companies under theirs, in order', () => {
    const at = (key: string): number => doc.lines.get(key) ?? -1;
    assert.ok(at('section:key-metrics') < at('metric:gpu-utilization-rate'));
    assert.ok(at('metric:capacity-growth-rate') < at('section:who-uses'));
    assert.ok(at('section:who-uses') < at('company:aws') && at('company:together-ai') < at('section:strengths-weaknesses'));
    assert.ok(at('strength:3') < at('weakness:0') && at('weakness:3') < at('section:ai-transformation'));
    const metricLines = model.metrics.map((m) => at(`metric:${m.id}`));
    assert.deepStrictEqual([...metricLines].sort((a, b) => a - b), metricLines);
  });

  it('shows each benchmark verbatim and labels the extension\'s notes as not from the source', () => {
    for (const metric of model.metrics) {
      const line = doc.lines.get(`metric:${metric.id}`) ?? -1;
      const block = lines.slice(line, line + 6).map(visibleText);
      assert.ok(block.includes(`Benchmark: ${metric.benchmarkText}`), `${metric.name}: ${block.join(' | ')}`);
      const note = block.find((l) => l.includes(metric.unit.label));
      assert.ok(note && /not from the source/.test(note), `${metric.name}: the unit note is not labelled`);
      assert.doesNotMatch(note, /\.\.$/, 'the note ends with one period');
    }
  });

  it('credits the source at the end', () => {
    const tail = visibleText(lines.slice(-4).join(' '));
    assert.match(tail, /Source: FourWeekMBA · Business Engineer/);
  });
});

describe('patternToMarkdown: model strings are data, not markup', () => {
  /** The tags of the document with the bundled model's own (harmless) strings: an attack must add none. */
  const cleanTags = tagCounts(md.render(patternToMarkdown(bundledModel()).text));
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '[x](command:foo)',
    '<command:foo>',
    '![t](https://tracker.example/p.png)',
    '<script>alert(1)</script>',
    '**bold** _em_ `code` ~~del~~',
    '# not a heading',
    '- not a list',
    '1. not a list',
    '> not a quote',
    '| a | b |',
    '&lt;img src=x&gt;',
    'javascript:alert(1)',
    'www.example.com',
    'see https://tracker.example/p.png now',
    'mailto:a@b.example',
    'write to a@b.example',
    '//example.com/x',
    '- - nested',
    '2) not a list',
    '=== not a heading underline',
    '```js',
    '~~~',
    '<!-- comment -->',
    '&#60;img&#62; &amp; &copy;',
  ];

  for (const attack of hostile) {
    it(`${JSON.stringify(attack)} in names, notes and paragraphs renders as that literal text`, () => {
      const model = modelWith((m) => {
        m.name = attack;
        m.companies[0].note = attack;
        m.sections[0].paragraphs[0] = attack;
        m.metrics[0].benchmarkText = attack;
        m.strengths[0] = attack;
      });
      const doc = patternToMarkdown(model);
      const html = md.render(doc.text);
      assert.deepStrictEqual(tagCounts(html), cleanTags, 'the model string added or removed markup');
      assert.doesNotMatch(html, /<img|<script|<a /);
      const lines = editorLines(doc.text);
      const paragraphLine = lines[doc.lines.get('paragraph:the-pattern:0') ?? -1];
      assert.strictEqual(visibleText(paragraphLine), attack);
      assert.strictEqual(md.render(paragraphLine).trim(), `<p>${md.utils.escapeHtml(attack)}</p>`);
      const companyLine = lines[doc.lines.get('company:aws') ?? -1];
      assert.ok(visibleText(companyLine).endsWith(`: ${attack}`), companyLine);
      assert.strictEqual(visibleText(lines[0].replace(/^# /, '')), `${attack} (Ii)`);
    });
  }

  it('a line break inside a model string cannot start a new block or shift the recorded lines', () => {
    for (const br of ['\n', '\r\n', '\r', '\u2028']) {
      const model = modelWith((m) => {
        m.sections[0].paragraphs[0] = `first${br}# injected heading${br}${br}<img src=x onerror=alert(1)>`;
        m.companies[0].note = `note${br}- injected item`;
      });
      const doc = patternToMarkdown(model);
      const lines = editorLines(doc.text);
      const html = md.render(doc.text);
      assert.doesNotMatch(html, /<h1>injected|<img|<li>injected/, JSON.stringify(br));
      assert.deepStrictEqual(tagCounts(html), cleanTags, `markup changed by ${JSON.stringify(br)}`);
      assert.doesNotMatch(doc.text, /[\r\u2028\u2029]/, 'only LF ends a line of the document');
      assert.ok(visibleText(lines[doc.lines.get('company:coreweave') ?? -1]).includes('CoreWeave: GPU-specialized'), `lines shifted by ${JSON.stringify(br)}`);
      assert.ok(visibleText(lines[doc.lines.get('weakness:3') ?? -1]).includes('Power and cooling'), `lines shifted by ${JSON.stringify(br)}`);
    }
  });

  it('every $ of model text is escaped (math-enabled previews would typeset "$100M+ ... $200B+")', () => {
    const model = modelWith((m) => { m.sections[0].paragraphs[0] = 'From $100M+ in compute to $200B+/year.'; m.companies[0].note = '$x$'; });
    const text = patternToMarkdown(model).text;
    assert.ok(text.includes('From \\$100M+ in compute to \\$200B+/year.'), text.split('\n')[6]);
    assert.doesNotMatch(text, /(?<!\\)\$/);
  });

  it('leading spaces in a paragraph do not turn it into a code block', () => {
    const model = modelWith((m) => { m.sections[0].paragraphs[0] = '    indented text'; });
    const html = md.render(patternToMarkdown(model).text);
    assert.doesNotMatch(html, /<pre>/);
    assert.deepStrictEqual(tagCounts(html), cleanTags);
    assert.match(html, /indented text/);
  });

  it('the raw document carries the source text as written, escaping only $ and # in it', () => {
    const model = bundledModel();
    const text = patternToMarkdown(model).text;
    const sourceStrings = [model.name, model.tagline ?? '', ...model.sections.flatMap((s) => [s.title, ...s.paragraphs]),
      ...model.metrics.flatMap((m) => [m.name, m.benchmarkText]), ...model.companies.flatMap((c) => [c.name, c.note]),
      ...model.strengths, ...model.weaknesses, model.source.closing ?? ''];
    const unreadable = sourceStrings.filter((str) => !text.includes(str.replace(/[$#]/g, '\\$&')));
    assert.deepStrictEqual(unreadable, []);
  });

  it('escapeMarkdown leaves plain prose alone', () => {
    for (const plain of ['Compute, storage, and networking for AI', 'AI-Native Pattern', 'Key Metrics & Benchmarks', 'Pricing per H100/B200 hour',
      'This is cloud computing’s next evolution — specialized for AI workloads.', 'The key question: is it a bubble? (If not, we’ll see.)']) {
      assert.strictEqual(escapeMarkdown(plain), plain);
    }
    assert.strictEqual(escapeMarkdown('>80% target', { midLine: true }), '>80% target');
    assert.strictEqual(escapeMarkdown('>80% target'), '\\>80% target', 'at the start of a line ">" would open a quote');
    assert.strictEqual(visibleText(escapeMarkdown('$200B+/year (AWS, Azure, GCP) — cost-per-inference.')), '$200B+/year (AWS, Azure, GCP) — cost-per-inference.');
  });

  it('finds the same link colons and dots as the plain lookbehind-first expressions', () => {
    // The plain form of AUTOLINK_COLON / AUTOLINK_DOT (the lookbehind first, tried at every position).
    const plainColon = /(?<=[\p{L}\p{N}]):(?=\S)/gu;
    const plainDot = /(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;
    // Letters and digits of every width (astral ones are surrogate pairs), lone surrogates, spaces.
    const piece = fc.oneof(
      fc.constantFrom(':', '.', '::', '..', ':.', 'a', 'Z', '7', 'é', '٣', '𝐀', '𝟗', '\uD835', '\uDC00', ' ', '\t', '\n', '\u00A0', '/', '-', 'https://x.y', 'www.a.b', '72.5%'),
      fc.string({ maxLength: 3 }),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        assert.strictEqual(text.replace(AUTOLINK_COLON, '\\:'), text.replace(plainColon, '\\:'));
        assert.strictEqual(text.replace(AUTOLINK_DOT, '\\.'), text.replace(plainDot, '\\.'));
      }),
      { numRuns: 3000 },
    );
  });
});
