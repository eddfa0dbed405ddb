/**
 * Hover cards that say nothing about the document, kept. A card with no verdict is a function of
 * the entity and the text as written only (the model's strings; see `entityCard`), and most hovers
 * land on such a card: building it and its markdown again on every mouse move allocated about 4 KB
 * per hover, the garbage whose collections and cache misses made a hover's tail grow with the
 * document. A kept card is frozen and its markdown is kept with the links it was written with.
 *
 * Keyed by the entity object, which its `PatternIndex` owns: a reloaded model brings new entities,
 * and the old ones' cards go with them (WeakMap). Bounded per entity: an entity is written a few ways.
 */
import { ownCopy, type NamedEntity } from '../model/patternIndex';
import type { CardLink, EntityCard } from './entityCard';

interface Kept {
  readonly card: EntityCard;
  links?: readonly CardLink[];
  markdown?: string;
}

/** The card without `writtenAs` (none given) is kept under this key; no written text is empty. */
const NOT_WRITTEN = '';
const WAYS_LIMIT = 32;
const byEntity = new WeakMap<NamedEntity, Map<string, Kept>>();
const byCard = new WeakMap<EntityCard, Kept>();

/** The kept card for `entity` written as `writtenAs`, if one is kept. */
export function keptCard(entity: NamedEntity, writtenAs: string | undefined): EntityCard | undefined {
  return byEntity.get(entity)?.get(writtenAs ?? NOT_WRITTEN)?.card;
}

/** Keep a card without verdicts (frozen, with its verdicts, as it is handed out from now on). */
export function keepCard(entity: NamedEntity, writtenAs: string | undefined, card: EntityCard): EntityCard {
  let ways = byEntity.get(entity);
  if (!ways) byEntity.set(entity, (ways = new Map()));
  if (ways.size >= WAYS_LIMIT) ways.clear();
  Object.freeze(card.verdicts);
  const frozen = Object.freeze(card);
  const kept: Kept = { card: frozen };
  // The text as written is a slice of the document: kept as its own copy, not holding the document.
  ways.set(writtenAs === undefined ? NOT_WRITTEN : ownCopy(writtenAs), kept);
  byCard.set(frozen, kept);
  return frozen;
}

/** The markdown of a kept card, if it was written with the same links. */
export function keptMarkdown(card: EntityCard, links: readonly CardLink[]): string | undefined {
  const kept = byCard.get(card);
  return kept?.links && sameLinks(kept.links, links) ? kept.markdown : undefined;
}

/** Keep the markdown of a card (only kept cards' markdown is kept). */
export function keepMarkdown(card: EntityCard, links: readonly CardLink[], markdown: string): void {
  const kept = byCard.get(card);
  if (!kept) return;
  kept.links = links.map((l) => ({ title: l.title, target: l.target }));
  kept.markdown = markdown;
}

function sameLinks(a: readonly CardLink[], b: readonly CardLink[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].title !== b[i].title || a[i].target !== b[i].target) return false;
  return true;
}
