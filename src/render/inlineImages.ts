/**
 * Which local images an exported page embeds, and how: PNG, JPEG, GIF and WebP files up to
 * {@link MAX_INLINE_IMAGE_BYTES} become `data:` URIs when their bytes really are that format;
 * anything else (SVG, other files, big images) is left out with a visible note, so the exported
 * file stays self-contained and carries nothing that could run.
 */

export const MAX_INLINE_IMAGE_BYTES = 1024 * 1024;
export const MAX_INLINE_TOTAL_BYTES = 8 * 1024 * 1024;

const TYPES: readonly { readonly ext: RegExp; readonly mime: string; readonly magic: (b: Uint8Array) => boolean }[] = [
  { ext: /\.png$/i, mime: 'image/png', magic: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { ext: /\.jpe?g$/i, mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: /\.gif$/i, mime: 'image/gif', magic: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  {
    ext: /\.webp$/i,
    mime: 'image/webp',
    magic: (b) => String.fromCharCode(...b.slice(0, 4)) === 'RIFF' && String.fromCharCode(...b.slice(8, 12)) === 'WEBP',
  },
];

/** The MIME type an export would embed a file as, judged by its name alone (before reading it). */
export function embeddableType(path: string): string | undefined {
  return TYPES.find((t) => t.ext.test(path))?.mime;
}

/** A `data:` URI for the file, or undefined when it is too large or its bytes are not the type its name says. */
export function imageDataUri(path: string, bytes: Uint8Array): string | undefined {
  const type = TYPES.find((t) => t.ext.test(path));
  if (!type || bytes.length === 0 || bytes.length > MAX_INLINE_IMAGE_BYTES || !type.magic(bytes)) return undefined;
  return `data:${type.mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** What a left-out image says in an exported page. */
export const EXPORT_IMAGE_NOTE = 'image not embedded (exports embed PNG, JPEG, GIF and WebP files up to 1 MB from the document’s folder)';
