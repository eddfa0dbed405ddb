/**
 * The warm-start cache of the workspace index: one line per analysed file (its URI, size,
 * modification time and entry) under the extension's storage, valid only for the model version it
 * was written with. A window reload then stats the files instead of reading and analysing them.
 * Written, read and decoded a line at a time, between time slices: 10,000 entries are megabytes of JSON,
 * and one `JSON.parse` of all of it would hold the extension host's thread too long.
 */
import * as vscode from 'vscode';
import { TimeSlice } from './timeSlices';

export interface CachedFile<E> {
  readonly size: number;
  readonly mtime: number;
  /** undefined: the file was read and is not an analysis (worth remembering too). */
  readonly entry: E | undefined;
}

const FORMAT = 1;
const FILE_NAME = 'portfolio-index.ndjson';

interface Header {
  readonly format: number;
  readonly version: string;
}

export class IndexCache<E> {
  constructor(private readonly folder: vscode.Uri | undefined) {}

  private get file(): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FILE_NAME);
  }

  /** The cached files for `version`; empty when there is no cache, it is stale or unreadable. */
  async load(version: string, token?: vscode.CancellationToken): Promise<Map<string, CachedFile<E>>> {
    const result = new Map<string, CachedFile<E>>();
    const file = this.file;
    if (!file) return result;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      return result;
    }
    // Decoded a line at a time too: decoding all of a 20 MB cache at once is one long task.
    const decoder = new TextDecoder();
    const NEWLINE = 10;
    const slice = new TimeSlice(token);
    let start = bytes.indexOf(NEWLINE);
    if (start < 0) return result;
    try {
      const header = JSON.parse(decoder.decode(bytes.subarray(0, start))) as Partial<Header>;
      if (header.format !== FORMAT || header.version !== version) return result;
    } catch {
      return result;
    }
    while (start < bytes.length) {
      const end = bytes.indexOf(NEWLINE, start + 1);
      const line = decoder.decode(bytes.subarray(start + 1, end < 0 ? bytes.length : end));
      start = end < 0 ? bytes.length : end;
      if (!line) continue;
      try {
        const [uri, size, mtime, entry] = JSON.parse(line) as [unknown, unknown, unknown, unknown];
        if (typeof uri === 'string' && typeof size === 'number' && typeof mtime === 'number') {
          result.set(uri, { size, mtime, entry: (entry ?? undefined) as E | undefined });
        }
      } catch {
        // A torn line (the window closed while writing): that file is simply read again.
      }
      await slice.pause();
    }
    return result;
  }

  /** Replaces the cache with these files. Failures are ignored: the cache only saves time. */
  async save(version: string, files: ReadonlyMap<string, CachedFile<E>>, token?: vscode.CancellationToken): Promise<void> {
    const file = this.file;
    if (!file || !this.folder) return;
    const slice = new TimeSlice(token);
    // Encoded a line at a time: joining and encoding megabytes at once is one long task.
    const encoder = new TextEncoder();
    const parts: Uint8Array[] = [encoder.encode(`${JSON.stringify({ format: FORMAT, version } satisfies Header)}\n`)];
    let length = parts[0].length;
    for (const [uri, f] of files) {
      const part = encoder.encode(`${JSON.stringify([uri, f.size, f.mtime, f.entry ?? null])}\n`);
      parts.push(part);
      length += part.length;
      await slice.pause();
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    try {
      await vscode.workspace.fs.createDirectory(this.folder);
      await vscode.workspace.fs.writeFile(file, bytes);
    } catch {
      // Read-only storage: the next start indexes from the files.
    }
  }
}
