/**
 * The preview's document as DOM segments (src/render/previewSegments.ts): the children of its
 * `pa-document` wrapper, grouped by the segment that made them, so that a patch from the host
 * removes, inserts and shifts whole segments without parsing the rest of the document again.
 * Every segment is parsed on its own inside an inert template (nothing in it loads or runs); the
 * renderer's segments are balanced HTML, so this gives the nodes the whole body would.
 */
import { applyPatch, DOCUMENT_CLOSE, DOCUMENT_OPEN, patchFits, type PatchPart } from '../render/previewSegments';
import type { SegmentLayout } from '../render/protocol';

export interface ShownSegments {
  readonly seq: number;
  readonly wrapper: HTMLElement;
  readonly segments: readonly Node[][];
}

/** Each HTML string's nodes, parsed at once: one template holding one inner template per segment. */
function parseSegments(html: readonly string[]): Node[][] {
  const outer = document.createElement('template');
  outer.innerHTML = html.map((h) => `<template>${h}</template>`).join('');
  return Array.from(outer.content.children, (inner) => Array.from((inner as HTMLTemplateElement).content.childNodes));
}

/** Replaces the content with an update's document, split as its layout says (checked on arrival to add up). */
export function showSegments(content: HTMLElement, html: string, layout: SegmentLayout): ShownSegments {
  const pieces: string[] = [];
  let at = DOCUMENT_OPEN.length;
  for (const length of layout.lengths) {
    pieces.push(html.slice(at, at + length));
    at += length;
  }
  const shell = document.createElement('template');
  shell.innerHTML = DOCUMENT_OPEN + DOCUMENT_CLOSE;
  const wrapper = shell.content.firstElementChild as HTMLElement;
  const segments = parseSegments(pieces);
  for (const nodes of segments) wrapper.append(...nodes);
  content.replaceChildren(wrapper);
  return { seq: layout.seq, wrapper, segments };
}

/** The shown document after a patch, or `undefined` if the patch does not fit it (the caller asks for the whole body). */
export function patchSegments(shown: ShownSegments, seq: number, parts: readonly PatchPart[]): ShownSegments | undefined {
  if (!patchFits(parts, shown.segments.length) || !shown.wrapper.isConnected) return undefined;
  const { wrapper } = shown;
  const segments = applyPatch(shown.segments, parts, {
    make(html, old, at) {
      let anchor: Node | null = null;
      for (let i = at; i < old.length && !anchor; i++) anchor = old[i][0] ?? null;
      const made = parseSegments(html);
      const fragment = document.createDocumentFragment();
      for (const nodes of made) fragment.append(...nodes);
      wrapper.insertBefore(fragment, anchor);
      return made;
    },
    remove(nodes) {
      for (const node of nodes) node.parentNode?.removeChild(node);
    },
    shiftBy(nodes, delta) {
      for (const node of nodes) {
        if (!(node instanceof Element)) continue;
        const lined = node.hasAttribute('data-line') ? [node, ...Array.from(node.querySelectorAll('[data-line]'))] : Array.from(node.querySelectorAll('[data-line]'));
        for (const el of lined) el.setAttribute('data-line', String(Number(el.getAttribute('data-line')) + delta));
      }
    },
  });
  return { seq, wrapper, segments };
}
