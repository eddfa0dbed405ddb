/**
 * Runs inside the preview and pattern-card webviews. Receives rendered HTML and small typed
 * messages (src/render/protocol.ts), never markdown or the model; keeps scroll sync both ways
 * through the `data-line` attributes the renderer writes; saves its state for the serializer.
 * Every message is validated on arrival; anything unknown is ignored.
 */
import { parseToWebview, isPreviewStyle, type FromWebview, type PreviewStyle } from '../render/protocol';
import { openSourceMessageFor } from '../render/sourceLineClicks';
import { patchChildren } from './patchDom';
import { showSegments, patchSegments, type ShownSegments } from './segmentDom';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface InitialSettings {
  kind: 'preview' | 'card';
  source: string;
  line: number;
  locked: boolean;
  style: PreviewStyle;
  scrollSync: boolean;
  modelId: string;
  entity?: string;
}

const vscode = acquireVsCodeApi();

function readSettings(): InitialSettings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(document.body.dataset.settings ?? '{}');
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // Malformed settings: fall back to defaults below.
  }
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
  return {
    kind: raw.kind === 'card' ? 'card' : 'preview',
    source: typeof raw.source === 'string' ? raw.source : '',
    line: num(raw.line),
    locked: raw.locked === true,
    style: isPreviewStyle(raw.style) ? raw.style : 'theme',
    scrollSync: raw.scrollSync !== false,
    modelId: typeof raw.modelId === 'string' ? raw.modelId : '',
    ...(typeof raw.entity === 'string' ? { entity: raw.entity } : {}),
  };
}

const settings = readSettings();
const content = document.getElementById('pa-content') as HTMLElement;

function saveState(): void {
  if (settings.kind === 'card') {
    vscode.setState({ modelId: settings.modelId, ...(settings.entity ? { entity: settings.entity } : {}) });
  } else {
    vscode.setState({ source: settings.source, locked: settings.locked, line: settings.line, style: settings.style });
  }
}

// ---- Source lines ---------------------------------------------------------------------------

interface LineElement {
  readonly element: HTMLElement;
  readonly line: number;
}

let lineCache: LineElement[] | undefined;

/** The elements that carry a source line, in document order (lists defer to their first item). */
function lineElements(): LineElement[] {
  if (!lineCache) {
    lineCache = [];
    for (const el of Array.from(content.querySelectorAll<HTMLElement>('.code-line[data-line]'))) {
      if (el.tagName === 'UL' || el.tagName === 'OL') continue;
      const line = Number(el.dataset.line);
      if (!Number.isFinite(line)) continue;
      // A code block carries its line on <code>; measure the <pre> around it.
      const element = el.tagName === 'CODE' && el.parentElement?.tagName === 'PRE' ? el.parentElement : el;
      lineCache.push({ element, line });
    }
  }
  return lineCache;
}

/** An element's offset from the top of the page (not `top`: that name is the window's own). */
function pageTop(el: HTMLElement): number {
  return el.getBoundingClientRect().top + window.scrollY;
}

/** Scrolls so that a (fractional) source line is at the top of the page. */
function scrollToLine(line: number): void {
  const elements = lineElements();
  if (line <= 0 || elements.length === 0) {
    scrollProgrammatically(0);
    return;
  }
  let previous: LineElement | undefined;
  let next: LineElement | undefined;
  for (const entry of elements) {
    if (entry.line <= line) previous = entry;
    else {
      next = entry;
      break;
    }
  }
  if (!previous) {
    scrollProgrammatically(0);
    return;
  }
  const prevTop = pageTop(previous.element);
  let y = prevTop;
  if (next && next.line > previous.line) {
    const progress = (line - previous.line) / (next.line - previous.line);
    y = prevTop + progress * (pageTop(next.element) - prevTop);
  } else {
    y = prevTop + (line - Math.floor(line)) * previous.element.getBoundingClientRect().height;
  }
  scrollProgrammatically(Math.max(0, y - toolbarHeight()));
}

function toolbarHeight(): number {
  return document.querySelector<HTMLElement>('.pa-toolbar')?.offsetHeight ?? 0;
}

/** The (fractional) source line at a page offset, interpolated between the elements around it. */
function lineAtOffset(offset: number): number | undefined {
  const elements = lineElements().filter((e) => e.element.offsetParent !== null || e.element.getClientRects().length > 0);
  if (elements.length === 0) return undefined;
  let lo = 0;
  let hi = elements.length - 1;
  if (offset < pageTop(elements[0].element)) return 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (pageTop(elements[mid].element) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const previous = elements[lo];
  const next = elements[lo + 1];
  const prevTop = pageTop(previous.element);
  if (next && next.line > previous.line) {
    const span = pageTop(next.element) - prevTop;
    const progress = span > 0 ? Math.min(1, Math.max(0, (offset - prevTop) / span)) : 0;
    return previous.line + progress * (next.line - previous.line);
  }
  return previous.line;
}

// ---- Scrolling ------------------------------------------------------------------------------

let ignoreScrollUntil = 0;

function scrollProgrammatically(y: number): void {
  ignoreScrollUntil = Date.now() + 200;
  window.scrollTo(window.scrollX, y);
}

let scrollPending = false;
window.addEventListener('scroll', () => {
  if (settings.kind !== 'preview' || scrollPending) return;
  scrollPending = true;
  setTimeout(() => {
    scrollPending = false;
    if (Date.now() < ignoreScrollUntil) return;
    const line = lineAtOffset(window.scrollY + toolbarHeight());
    if (line === undefined) return;
    settings.line = line;
    saveState();
    if (settings.scrollSync) vscode.postMessage({ type: 'revealLine', line });
  }, 50);
}, { passive: true });

document.addEventListener('dblclick', (event) => {
  if (settings.kind !== 'preview') return;
  if ((event.target as Element | null)?.closest('.pa-toolbar')) return;
  const line = lineAtOffset(event.pageY);
  if (line !== undefined) vscode.postMessage({ type: 'openSource', line: Math.floor(line) });
});

// Scorecard rows, their "line N" references and present sections: a click opens the source at
// that line, with the same message a double-click sends (the extension validates it again).
document.addEventListener('click', (event) => {
  if (settings.kind !== 'preview' || event.button !== 0) return;
  // Selecting text in a row is not a request to jump.
  if (window.getSelection()?.isCollapsed === false) return;
  const message = openSourceMessageFor(event.target instanceof Element ? event.target : null);
  if (message) vscode.postMessage(message);
});

// Links: nothing navigates the webview itself; the extension decides what a click may open.
document.addEventListener('click', (event) => {
  const anchor = (event.target as Element | null)?.closest('a');
  if (!anchor) return;
  event.preventDefault();
  event.stopPropagation();
  const href = anchor.getAttribute('href');
  if (href && !href.startsWith('#')) vscode.postMessage({ type: 'openLink', href });
}, true);

// ---- Toolbar --------------------------------------------------------------------------------

const styleButton = document.getElementById('pa-style-toggle');
const lockButton = document.getElementById('pa-lock-toggle');
const lockState = document.getElementById('pa-lock-state');

function applyStyle(style: PreviewStyle): void {
  settings.style = style;
  document.body.classList.toggle('pa-style-publication', style === 'publication');
  document.body.classList.toggle('pa-style-theme', style === 'theme');
  if (styleButton) {
    // The extension host wrote the labels, translated, on the elements (a webview has no vscode.l10n).
    styleButton.textContent = (style === 'publication' ? styleButton.dataset.labelPublication : styleButton.dataset.labelTheme) ?? '';
    styleButton.setAttribute('aria-pressed', String(style === 'publication'));
  }
}

function applyLocked(locked: boolean): void {
  settings.locked = locked;
  if (lockButton) lockButton.textContent = (locked ? lockButton.dataset.labelLocked : lockButton.dataset.labelFollowing) ?? '';
  if (lockState) lockState.textContent = (locked ? lockState.dataset.labelLocked : lockState.dataset.labelFollowing) ?? '';
}

styleButton?.addEventListener('click', () => {
  const style: PreviewStyle = settings.style === 'publication' ? 'theme' : 'publication';
  applyStyle(style);
  saveState();
  vscode.postMessage({ type: 'setStyle', style });
});
lockButton?.addEventListener('click', () => vscode.postMessage({ type: 'toggleLock' }));

// ---- Card -----------------------------------------------------------------------------------

function revealEntity(key: string): void {
  // Compared as attribute values, never put into a selector: keys come from models.
  const target = Array.from(content.querySelectorAll<HTMLElement>('[data-entity]')).find((el) => el.dataset.entity === key);
  if (!target) return;
  for (const el of Array.from(content.querySelectorAll('.pa-focus'))) el.classList.remove('pa-focus');
  target.classList.add('pa-focus');
  target.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -toolbarHeight());
  settings.entity = key;
  saveState();
}

// ---- Messages -------------------------------------------------------------------------------

/** The document's segments as last sent with their number (src/render/previewSegments.ts); unset until an update sends them. */
let shown: ShownSegments | undefined;
let resyncAsked = false;

/** After an update or a patch changed the body: line positions, the document shown, the scroll kept, state saved. */
function afterBodyChanged(message: { readonly source: string; readonly title?: string }, scrollY: number): void {
  lineCache = undefined;
  settings.source = message.source;
  if (message.title) document.title = message.title;
  scrollProgrammatically(scrollY);
  saveState();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (!message) return;
  switch (message.type) {
    case 'update': {
      const y = window.scrollY;
      if (message.segments) {
        shown = showSegments(content, message.html, message.segments);
      } else {
        patchChildren(content, message.html);
        shown = undefined;
      }
      resyncAsked = false;
      afterBodyChanged(message, y);
      break;
    }
    case 'patch': {
      // A patch for another state than the one shown (the page reloaded, a message was lost) is
      // never applied: the whole body is asked for instead, once until it arrives.
      const next = shown && shown.seq === message.base ? patchSegments(shown, message.seq, message.parts) : undefined;
      if (!next) {
        shown = undefined;
        if (!resyncAsked) vscode.postMessage({ type: 'resync' });
        resyncAsked = true;
        break;
      }
      const y = window.scrollY;
      shown = next;
      afterBodyChanged(message, y);
      break;
    }
    case 'scrollToLine':
      if (settings.scrollSync) scrollToLine(message.line);
      settings.line = message.line;
      saveState();
      break;
    case 'setStyle':
      applyStyle(message.style);
      saveState();
      break;
    case 'setLocked':
      applyLocked(message.locked);
      saveState();
      break;
    case 'setScrollSync':
      settings.scrollSync = message.enabled;
      break;
    case 'revealEntity':
      revealEntity(message.key);
      break;
  }
});

// ---- Start ----------------------------------------------------------------------------------

applyStyle(settings.style);
applyLocked(settings.locked);
saveState();
if (settings.kind === 'card') {
  if (settings.entity) revealEntity(settings.entity);
} else if (settings.line > 0) {
  scrollToLine(settings.line);
}
