/**
 * Which messages of the portfolio panel a webview document really missed, so the panel sends the
 * whole portfolio again only then.
 *
 * The platform loses messages in two cases: messages posted while a document loads are handed to
 * its window when the load ends or 200 ms after it was written, whichever is first, and a page
 * whose script was still loading had no listener yet; and a hidden panel's document is dropped and
 * made again from the panel's HTML when shown, without what was posted meanwhile. Either way a
 * document misses a run of messages before the first it has, never one between two it has.
 *
 * Counting alone could not tell a lost message from one still on its way: a document that reported
 * `ready` having had no message while the matrix (200 KB) was already posted looked like it had
 * lost it, and was sent the whole page again (a thousand rows built twice, in most bench opens).
 * So every message carries its number (from 1, per document HTML): a document that has a message
 * whose number is not the next one knows what it missed, and asks for the whole portfolio. A
 * `ready` that had fewer messages than were posted gets a small `sync` message after them: if the
 * others were on their way they arrive first, and the sync is the next number; if they were lost,
 * the sync shows the gap.
 */

/** The extension's side: numbers the messages it posts to one document HTML. */
export class PostedMessages {
  private count = 0;

  /** How many messages were posted since the HTML was set. */
  get posted(): number {
    return this.count;
  }

  /** The number of the message being posted. */
  next(): number {
    return ++this.count;
  }

  /** The HTML was set again: its documents have had no message yet. */
  reset(): void {
    this.count = 0;
  }

  /**
   * A document reported `ready` having had messages 1..`received`: whether it has them all, or
   * the extension is to post a `sync` after them (which tells it whether it lost any).
   */
  onReady(received: number): 'complete' | 'sync' {
    return received >= this.count ? 'complete' : 'sync';
  }
}

/** What the webview does with a message: apply it or drop it, and whether to tell the extension it missed some. */
export interface Arrival {
  readonly apply: boolean;
  readonly missed: boolean;
}

/** The webview's side: the messages one document has had, in order. */
export class ReceivedMessages {
  private last = 0;
  private missing = false;

  /** The number of the last message had (every one before it had too, or reported missed). */
  get received(): number {
    return this.last;
  }

  /**
   * A message numbered `seq` arrived. A whole page replaces everything the document shows: after
   * a gap it is all that was missed. After a gap before anything else, only a style is applied
   * until a page comes (a patch is made against what the extension last sent, which this document
   * does not show), and the extension is told once. A number already had is dropped.
   */
  receive(seq: number, kind: 'page' | 'setStyle' | 'other'): Arrival {
    if (seq <= this.last) return { apply: false, missed: false };
    const gap = seq !== this.last + 1;
    this.last = seq;
    if (kind === 'page') {
      this.missing = false;
      return { apply: true, missed: false };
    }
    const missed = gap && !this.missing;
    if (gap) this.missing = true;
    return { apply: !this.missing || kind === 'setStyle', missed };
  }
}
