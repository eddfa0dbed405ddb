/**
 * Where links may point and images may come from. Addresses go through an allowlist
 * (src/render/linkSafety.ts) instead of markdown-it's denylist; a refused link keeps its text
 * without an address, and an image that may not load is replaced by a visible "[image blocked]"
 * note saying why.
 */
import type MarkdownIt from 'markdown-it';
import { escapeAttribute as attr, escapeHtml as esc } from '../html';
import { classifyUrl, isAllowedHref, isAllowedUrl } from '../linkSafety';

/** Where images may come from. Anything not allowed is replaced by a visible "[image blocked]" note. */
export interface ImagePolicy {
  /** Show `https:` images (the preview's `allowRemoteImages` setting, trusted workspaces only). `http:` never. */
  readonly allowHttps?: boolean;
  /** Keep `data:image/(png|gif|jpeg|webp)` images written in the document. */
  readonly allowDataImages?: boolean;
  /**
   * Turns a relative image path (decoded, without query or fragment) into an address the output
   * can load, or `undefined` to leave the image out. The webview passes `asWebviewUri`, the export
   * a `data:` URI.
   */
  readonly resolveLocal?: (path: string) => string | undefined;
  /** What a left-out local image says (the preview and the export leave images out for different reasons). */
  readonly localUnavailableReason?: string;
}

/** What this plugin reads and fills in markdown-it's per-render `env`. */
export interface ImageEnv {
  readonly images: ImagePolicy;
  /** Filled while rendering: relative image paths the document uses, in order. */
  readonly localImages: string[];
}

function decodePath(src: string): string | undefined {
  const path = src.replace(/[?#].*$/s, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function blockedImage(alt: string, reason: string): string {
  return `<span class="pa-image-blocked" title="${attr(reason)}">[image${alt ? `: ${esc(alt)}` : ''} — ${esc(reason)}]</span>`;
}

/** The image's address as the output may load it, or why it may not. */
function resolveImage(src: string, env: ImageEnv): { readonly url: string | undefined; readonly reason: string } {
  switch (classifyUrl(src)) {
    case 'https':
      return { url: env.images.allowHttps ? src : undefined, reason: 'remote image blocked' };
    case 'http':
      return { url: undefined, reason: 'insecure remote image blocked' };
    case 'data-image':
      return { url: env.images.allowDataImages ? src : undefined, reason: 'inline image blocked' };
    case 'relative': {
      const path = decodePath(src);
      if (path) env.localImages.push(path);
      return { url: path ? env.images.resolveLocal?.(path) : undefined, reason: env.images.localUnavailableReason ?? 'local image not available' };
    }
    default:
      return { url: undefined, reason: 'image blocked' };
  }
}

const renderImage: MarkdownIt.Renderer.RenderRule = (tokens, idx, options, env: ImageEnv, self) => {
  const token = tokens[idx];
  const alt = self.renderInlineAsText(token.children ?? [], options, env);
  const { url, reason } = resolveImage(token.attrGet('src') ?? '', env);
  if (url === undefined) return blockedImage(alt, reason);
  const title = token.attrGet('title');
  return `<img src="${attr(url)}" alt="${attr(alt)}"${title ? ` title="${attr(title)}"` : ''} loading="lazy">`;
};

export function linkImagePolicy(md: MarkdownIt): void {
  // markdown-it's documented hook for which addresses links, autolinks and images may have.
  md.validateLink = isAllowedUrl;
  const rules = md.renderer.rules;
  rules.image = renderImage;
  const defaultLinkOpen = rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = token.attrGet('href');
    if (href === null || !isAllowedHref(href)) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'href');
      token.attrJoin('class', 'pa-link-refused');
    } else if (/^(?:https?|mailto):/i.test(href)) {
      token.attrSet('rel', 'noopener noreferrer');
    }
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
}
