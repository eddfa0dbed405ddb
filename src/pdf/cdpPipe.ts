/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`: the browser reads
 * commands on its fd 3 and writes replies and events on its fd 4, each message one JSON text
 * ended by a NUL byte. A pipe, not a TCP port: no other process on the machine can connect to
 * the browser while it prints. Only what printing needs: send a command (optionally to a
 * session), await its reply, listen to events.
 */
import type { Readable, Writable } from 'node:stream';

/** A protocol error reply, or the pipe closing before the reply came. */
export class CdpError extends Error {}

type EventListener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

interface Pending {
  readonly method: string;
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
}

/** Largest message accepted from the browser: a printed PDF (base64) of a few hundred pages fits well below. */
const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<EventListener>>();
  /** Bytes of the message being received, in the chunks they arrived in (joined once, at its NUL). */
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private closedWith: Error | undefined;

  constructor(private readonly toBrowser: Writable, fromBrowser: Readable) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.close(new CdpError('the browser closed the DevTools pipe')));
    fromBrowser.on('error', (e) => this.close(new CdpError(`the DevTools pipe failed: ${e.message}`)));
    toBrowser.on('error', (e) => this.close(new CdpError(`the DevTools pipe failed: ${e.message}`)));
  }

  /** Sends `method` and resolves with its result; rejects with the browser's error or when the pipe closes. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, resolve, reject });
      this.toBrowser.write(`${message}\0`);
    });
  }

  /** Calls `listener` for every `method` event until the returned function is called. */
  on(method: string, listener: EventListener): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Rejects every pending command with `error` (idempotent). */
  close(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0, start); end !== -1; end = chunk.indexOf(0, start)) {
      this.partial.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.partial).toString('utf8');
      this.partial = [];
      this.partialBytes = 0;
      start = end + 1;
      this.dispatch(text);
    }
    if (start < chunk.length) {
      this.partial.push(chunk.subarray(start));
      this.partialBytes += chunk.length - start;
      if (this.partialBytes > MAX_MESSAGE_BYTES) this.close(new CdpError('the browser sent a message larger than 512 MB'));
    }
  }

  private dispatch(text: string): void {
    let message: { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message?: string }; sessionId?: string };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return; // Not ours to interpret: the protocol only sends JSON objects.
    }
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new CdpError(`${pending.method}: ${message.error.message ?? 'failed'}`));
      else pending.resolve(message.result ?? {});
    } else if (typeof message.method === 'string') {
      for (const listener of this.listeners.get(message.method) ?? []) listener(message.params ?? {}, message.sessionId);
    }
  }
}
