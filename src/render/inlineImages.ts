/**
 * Which local images an exported page embeds, and how: PNG, JPEG, GIF and WebP files up to
 * {@link MAX_INLINE_IMAGE_BYTES} become `data:` URIs when their bytes really are that format
 * (checked on the whole structure, see imageFormat); anything else (SVG, other files, big images)
 * is left out with a visible note, so the exported file stays self-contained and runs nothing.
 */
import { isGif, isJpeg, isPng, isWebp } from './imageFormat';

export const MAX_INLINE_IMAGE_BYTES = 1024 * 1024;
export const MAX_INLINE_TOTAL_BYTES = 8 * 1024 * 1024;

const TYPES: readonly { readonly ext: RegExp; readonly mime: string; readonly whole: (b: Uint8Array) => boolean }[] = [
  { ext: /\.png$/i, mime: 'image/png', whole: isPng },
  { ext: /\.jpe?g$/i, mime: 'image/jpeg', whole: isJpeg },
  { ext: /\.gif$/i, mime: 'image/gif', whole: isGif },
  { ext: /\.webp$/i, mime: 'image/webp', whole: isWebp },
];

/** The MIME type an export would embed a file as, judged by its name alone (before reading it). */
export function embeddableType(path: string): string | undefined {
  return TYPES.find((t) => t.ext.test(path))?.mime;
}

/** A `data:` URI for the file, or undefined when it is too large or its bytes are not the type its name says. */
export function imageDataUri(path: string, bytes: Uint8Array): string | undefined {
  const type = TYPES.find((t) => t.ext.test(path));
  if (!type || bytes.length === 0 || bytes.length > MAX_INLINE_IMAGE_BYTES || !type.whole(bytes)) return undefined;
  return `data:${type.mime};base64,${base64(bytes)}`;
}

/**
 * Base64 of the bytes with `btoa`, global in Node and in browsers alike (Buffer is Node's only:
 * the web build of the extension exports pages too). Chunked, as String.fromCharCode takes its
 * bytes as arguments and an image may hold a million of them.
 */
function base64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** What a left-out image says in an exported page. */
export const EXPORT_IMAGE_NOTE = 'image not embedded (exports embed PNG, JPEG, GIF and WebP files up to 1 MB from the document’s folder)';
