/**
 * Reads a file as text for the CLI, or says plainly why not: missing, a folder, unreadable,
 * binary (NUL bytes), or far too big. Decodes UTF-8 the way the editor does (a byte-order mark is
 * dropped), so offsets and positions match the editor's.
 */
import { promises as fs } from 'node:fs';

/** Largest analysis read: a markdown analysis is kilobytes; 20 MB is a mistake, not an analysis. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

export type ReadResult = { readonly text: string } | { readonly error: string };

/** A short reason for a file-system error code, in words a user knows. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'the name is too long';
    default: return code ? `cannot be read (${code})` : `cannot be read (${e instanceof Error ? e.message : String(e)})`;
  }
}

/**
 * Reads `file` as UTF-8 text. `what` names the kind of file in messages ("a markdown analysis",
 * "a pattern model"); `maxBytes` bounds the size; binary files are refused unless `refuseBinary` is false.
 */
export async function readText(file: string, what: string, opts: { maxBytes?: number; refuseBinary?: boolean } = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? MAX_TEXT_BYTES;
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { error: 'is a folder, not a file' };
    if (!stat.isFile()) return { error: `is not a regular file, so it is not read as ${what}` };
    if (stat.size > maxBytes) return { error: `is ${(stat.size / 1024 / 1024).toFixed(1)} MB; ${what} is read up to ${maxBytes / 1024 / 1024} MB` };
    bytes = await fs.readFile(file);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  // The model loader reports NUL bytes itself, with their position; other text is refused here.
  if (opts.refuseBinary !== false && bytes.includes(0)) return { error: `is a binary file (it contains NUL bytes), not ${what}` };
  return { text: new TextDecoder('utf-8').decode(bytes) };
}
