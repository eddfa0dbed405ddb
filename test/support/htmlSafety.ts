/**
 * Reads rendered HTML the way an attacker hopes a browser will, and lists everything in it that
 * could run, load or navigate: dangerous elements, event-handler attributes, `srcdoc`, and
 * addresses (href, src, action, ...) with a scheme outside http/https/mailto/fragment/relative or
 * a raster `data:` image. Used by the fuzz and hostile suites on every renderer output, so
 * "nothing executes or loads" is checked on the markup itself, not on a sample of strings.
 *
 * It is deliberately stricter than a browser: it decodes entities and strips the characters
 * browsers ignore in schemes before judging an address.
 */

export interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: readonly { readonly name: string; readonly value: string }[];
  readonly offset: number;
}

/**
 * Elements that run code, load documents, submit data, change the base or refresh the page. An
 * `svg` is drawing (the scorecard's and portfolio's charts); what makes one active is listed
 * instead: its script, foreignObject, animation, use and image elements (and on* attributes, below).
 */
export const DANGEROUS_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'meta', 'link', 'base', 'form', 'input',
  'button', 'textarea', 'select', 'option', 'style', 'foreignobject', 'animate', 'set', 'animatemotion',
  'animatetransform', 'use', 'image', 'feimage', 'math', 'template', 'audio', 'video', 'source', 'track',
  'portal', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes', 'param', 'dialog',
]);

/**
 * The renderer draws its charts as inline SVG (class `pa-chart…`); a document cannot write an
 * `<svg>` of its own (raw HTML is shown as text). A chart may hold only these drawing elements:
 * no `script`, `foreignObject`, `use`, `image`, `a`, `animate` or `set`, which could run, load
 * or navigate. Everything else inside an SVG is reported.
 */
const CHART_ELEMENTS = new Set(['g', 'rect', 'line', 'circle', 'path', 'polyline', 'polygon', 'text', 'tspan', 'title', 'desc']);

/** Attributes whose value is an address a browser would load or navigate to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'background', 'xlink:href', 'cite', 'data', 'codebase', 'longdesc', 'srcset', 'ping', 'lowsrc', 'dynsrc', 'manifest']);

const TAG_RE = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTR_RE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', nbsp: '\u00a0',
};

/** Decodes character references, as the browser does before it reads an attribute. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([A-Za-z]+));?/g, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    const code = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    return (name && NAMED_ENTITIES[name.toLowerCase()]) ?? whole;
  });
}

/** Every start and end tag in `html`. Text between tags is ignored: escaped text has no `<`. */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const attributes: { name: string; value: string }[] = [];
    if (!m[1]) {
      ATTR_RE.lastIndex = 0;
      const body = m[3].replace(/\/\s*$/, '');
      for (let a = ATTR_RE.exec(body); a; a = ATTR_RE.exec(body)) {
        attributes.push({ name: a[1].toLowerCase(), value: decodeEntities(a[2] ?? a[3] ?? a[4] ?? '') });
      }
    }
    tags.push({ name: m[2].toLowerCase(), closing: m[1] === '/', attributes, offset: m.index });
  }
  return tags;
}

/** Whether an address (already entity-decoded) is one a rendered document may carry. */
export function isSafeAddress(value: string, attribute: string): boolean {
  // eslint-disable-next-line no-control-regex
  const s = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (s === '' || s.startsWith('#')) return true;
  if (s.startsWith('//') || s.startsWith('\\')) return false;
  const colon = s.indexOf(':');
  const delimiter = s.search(/[/?#\\]/);
  if (colon === -1 || (delimiter !== -1 && delimiter < colon)) return true;
  const scheme = s.slice(0, colon).toLowerCase();
  if (scheme === 'https' || scheme === 'http' || scheme === 'mailto') return true;
  // Webview resources are addressed through their own scheme in the preview.
  if (scheme === 'vscode-resource' || scheme === 'vscode-webview-resource') return attribute === 'src';
  return attribute === 'src' && /^data:image\/(?:png|gif|jpeg|webp)[;,]/i.test(s);
}

/**
 * A webview resource address (what `asWebviewUri` makes of a local file): served by VS Code from
 * the webview's `localResourceRoots`, not fetched from the network.
 */
export function isWebviewResource(value: string): boolean {
  return /^https:\/\/[^/?#]+\.vscode-resource\.vscode-cdn\.net\//i.test(value.trim());
}

export interface Danger {
  readonly what: string;
  readonly offset: number;
}

export interface SafetyOptions {
  /** Remote (http/https) images are a leak unless the user allowed them. Default: refuse them. */
  readonly allowRemoteImages?: boolean;
  /** Elements the caller itself writes and vouches for (e.g. the export page's own `meta`, `style`). */
  readonly allowElements?: readonly string[];
  /** Exact addresses the caller itself put there (e.g. a hover card's one `command:` link). */
  readonly allowAddresses?: readonly string[];
}

/** Everything in `html` that could execute, load a resource or navigate on its own. Empty = safe. */
export function dangersIn(html: string, options: SafetyOptions = {}): Danger[] {
  const found: Danger[] = [];
  const allowed = new Set(options.allowElements ?? []);
  let inChart = false;
  for (const tag of tagsOf(html)) {
    if (tag.name === 'svg' && !allowed.has('svg')) {
      // Only the renderer's own charts, never nested.
      const isChart: boolean = tag.closing ? inChart : !inChart && /^pa-chart(?:\s|$)/.test(tag.attributes.find((a) => a.name === 'class')?.value ?? '');
      if (!isChart) found.push({ what: `<${tag.closing ? '/' : ''}svg>`, offset: tag.offset });
      inChart = !tag.closing && isChart;
    } else if (inChart && !CHART_ELEMENTS.has(tag.name)) found.push({ what: `<${tag.closing ? '/' : ''}${tag.name}> inside a chart`, offset: tag.offset });
    else if (DANGEROUS_ELEMENTS.has(tag.name) && !allowed.has(tag.name)) found.push({ what: `<${tag.closing ? '/' : ''}${tag.name}>`, offset: tag.offset });
    for (const { name, value } of tag.attributes) {
      if (name.startsWith('on')) found.push({ what: `event handler ${name} on <${tag.name}>`, offset: tag.offset });
      else if (name === 'srcdoc' || (name === 'http-equiv' && !allowed.has('meta'))) found.push({ what: `${name} on <${tag.name}>`, offset: tag.offset });
      else if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(value)) found.push({ what: `style loading a resource on <${tag.name}>`, offset: tag.offset });
      else if (URL_ATTRIBUTES.has(name)) {
        if (options.allowAddresses?.includes(value)) continue;
        if (!isSafeAddress(value, name)) found.push({ what: `${name}="${value.slice(0, 60)}" on <${tag.name}>`, offset: tag.offset });
        else if (name === 'src' && /^\s*(?:https?:)?\/\//i.test(value) && !isWebviewResource(value) && !options.allowRemoteImages) found.push({ what: `remote ${name}="${value.slice(0, 60)}" on <${tag.name}>`, offset: tag.offset });
        else if (name === 'src' && tag.name === 'img' && /(^|[/\\])\.\.([/\\]|$)|%2e%2e|\.\.%2f|\.\.%5c|^\/|^[a-z]:[/\\]|^file:/i.test(value)) {
          found.push({ what: `image outside the document's folder: src="${value.slice(0, 60)}"`, offset: tag.offset });
        }
      }
    }
  }
  return found;
}

/** Names of every element in `html`, for "arbitrary text never yields a tag" checks. */
export function elementNames(html: string): Set<string> {
  return new Set(tagsOf(html).map((t) => t.name));
}
