/**
 * The portfolio panel sends the whole portfolio again only when a webview document really lost
 * messages: the extension's numbering (PostedMessages) and the document's (ReceivedMessages) run
 * here over a model of the platform's channel, which hands messages over in order and loses those
 * that arrive before the document's script listens (or before the document was re-created).
 */
import * as assert from 'node:assert/strict';
import { PostedMessages, ReceivedMessages } from '../../../src/render/portfolioDelivery';

type Kind = 'page' | 'patch' | 'sync' | 'setStyle';

/** The panel, the channel both ways, and one document at a time. */
class Session {
  readonly host = new PostedMessages();
  private inFlight: { readonly seq: number; readonly kind: Kind }[] = [];
  private toHost: ({ readonly type: 'ready'; readonly received: number } | { readonly type: 'missed' })[] = [];
  /** The current document, once its script listens. */
  private doc: ReceivedMessages | undefined;
  resends = 0;
  applied: Kind[] = [];

  post(kind: Kind): void {
    this.inFlight.push({ seq: this.host.next(), kind });
  }

  /** A (new) document's script starts listening. */
  listen(): void {
    this.doc = new ReceivedMessages();
    this.applied = [];
  }

  /** The platform drops the document (a hidden panel): what arrives meanwhile is lost. */
  drop(): void {
    this.doc = undefined;
  }

  /** Hands over every message on its way to the webview. */
  deliver(): void {
    for (const m of this.inFlight) {
      const arrival = this.doc?.receive(m.seq, m.kind === 'page' || m.kind === 'setStyle' ? m.kind : 'other');
      if (arrival?.missed) this.toHost.push({ type: 'missed' });
      if (arrival?.apply) this.applied.push(m.kind);
    }
    this.inFlight = [];
  }

  ready(): void {
    assert.ok(this.doc);
    this.toHost.push({ type: 'ready', received: this.doc.received });
  }

  /** The extension handles what the webview sent, as PortfolioPanel does. */
  handle(): void {
    const messages = this.toHost;
    this.toHost = [];
    for (const m of messages) {
      if (m.type === 'ready') {
        if (this.host.onReady(m.received) === 'sync') this.post('sync');
      } else {
        this.resends++;
        this.post('page');
      }
    }
  }

  /** Until nothing is on its way either way. */
  settle(): void {
    for (let i = 0; i < 10 && (this.inFlight.length || this.toHost.length); i++) {
      this.deliver();
      this.handle();
    }
  }
}

describe('Portfolio delivery: the whole portfolio again only for a document that lost messages', () => {
  it('a page still on its way when the document reports ready is not sent again (it was, in most bench opens)', () => {
    const s = new Session();
    s.listen();
    s.post('page');
    // The document reports before the page reaches it; the report reaches the extension after the page was posted.
    s.ready();
    s.handle();
    s.settle();
    assert.equal(s.resends, 0);
    assert.deepEqual(s.applied, ['page', 'sync']);
  });

  it('a document that had everything posted is sent nothing more', () => {
    const s = new Session();
    s.listen();
    s.post('page');
    s.post('patch');
    s.deliver();
    s.ready();
    s.settle();
    assert.equal(s.resends, 0);
    assert.deepEqual(s.applied, ['page', 'patch']);
  });

  it('a page handed over before the script listened is sent again, once', () => {
    const s = new Session();
    s.post('page');
    s.post('patch');
    s.deliver(); // lost: nothing listens yet
    s.listen();
    s.ready();
    s.settle();
    assert.equal(s.resends, 1);
    assert.deepEqual(s.applied, ['page']);
  });

  it('a document re-created from the HTML after the panel was hidden gets the whole portfolio, once', () => {
    for (const postedWhileHidden of [0, 1, 2]) {
      const s = new Session();
      s.listen();
      s.post('page');
      s.post('patch');
      s.deliver();
      s.ready();
      s.settle();
      s.drop();
      for (let i = 0; i < postedWhileHidden; i++) s.post('patch');
      s.deliver();
      s.listen();
      s.ready();
      s.settle();
      assert.equal(s.resends, 1, `${postedWhileHidden} posted while hidden`);
      assert.deepEqual(s.applied, ['page'], `${postedWhileHidden} posted while hidden`);
    }
  });

  it('a re-created document that meets a message on its way before its ready is answered asks once, and sees no patch made for another', () => {
    const s = new Session();
    s.listen();
    s.post('page');
    s.deliver();
    s.ready();
    s.settle();
    s.drop();
    s.listen();
    s.ready();
    s.post('patch'); // posted after the new document listened, before its report reached the extension
    s.settle();
    assert.equal(s.resends, 1);
    assert.deepEqual(s.applied, ['page']);
  });

  it('after a gap: a style is applied, a patch is not, a page is and needs nothing more; a number had is dropped', () => {
    const doc = new ReceivedMessages();
    assert.deepEqual(doc.receive(3, 'other'), { apply: false, missed: true });
    assert.deepEqual(doc.receive(4, 'setStyle'), { apply: true, missed: false });
    assert.deepEqual(doc.receive(5, 'other'), { apply: false, missed: false });
    assert.deepEqual(doc.receive(6, 'page'), { apply: true, missed: false });
    assert.deepEqual(doc.receive(7, 'other'), { apply: true, missed: false });
    assert.deepEqual(doc.receive(7, 'other'), { apply: false, missed: false });
    assert.equal(doc.received, 7);
    const other = new ReceivedMessages();
    assert.deepEqual(other.receive(2, 'page'), { apply: true, missed: false }, 'a page after a gap replaces all that was missed');
    assert.deepEqual(other.receive(3, 'other'), { apply: true, missed: false });
  });

  it('numbers start again with a new HTML', () => {
    const host = new PostedMessages();
    host.next();
    host.next();
    assert.equal(host.onReady(0), 'sync');
    assert.equal(host.onReady(2), 'complete');
    host.reset();
    assert.equal(host.next(), 1);
  });
});
