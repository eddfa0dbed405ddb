/**
 * Finds lists of names in a text exactly as ONE regular expression per list would — the longest
 * name first, bounded by non-word characters (`(?<![\p{L}\p{N}_])` … `(?![\p{L}\p{N}_])`), run
 * globally: at each position the first name of the list that fits wins, left to right, without
 * overlaps — in a fraction of the time, all lists in one pass.
 *
 * Why: that expression (an alternation of every name and alias, case-insensitive and Unicode-aware)
 * is tried by the engine at every position of a document, and most positions are inside a word or
 * start a word that is no name at all ("the", "capex"); on a 1 MB analysis it was the largest
 * single cost of the lint. Here a plain loop visits only word starts whose first two characters
 * begin some name, and runs there a small expression holding just the names that can start with
 * the first three characters. That expression is the full one with the names that cannot match at
 * that position left out, so the answer is the same by construction; wherever one of the three
 * characters is not plain ASCII (a non-breaking space, a typographic quote, a letter that case-folds
 * to ASCII, another script), the full expression decides.
 *
 * Built on first use: a model costs nothing until a text is searched for its names.
 */
import { foldTypography, NAME_SEPARATOR_CLASS, nameWords, namePattern } from './names';

/** How many leading characters of a name select the expression tried at a position. */
const PREFIX = 3;
/** Stands for "no character" (end of text) after a position; 128 in a position's key. */
const END = -1;
/** Distinct position keys remembered before the memo starts afresh (bounds memory on odd texts). */
const MAX_KEYS = 10_000;

/** 1 for the ASCII characters that are word characters for the boundary (letters, digits, "_"). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

function isAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) >= 128) return false;
  return true;
}

function lowerAscii(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

interface Alternative {
  /** The name as the list was given it (the first of those that are the same expression). */
  readonly name: string;
  /** The name's regex source (see {@link namePattern}). */
  readonly source: string;
  /** Up to {@link PREFIX} lower-cased ASCII characters every match of the name starts with ("" when unknown). */
  readonly prefix: string;
  /** The name for the plain matcher, when all its words are ASCII. */
  readonly plain: PlainName | null;
}

function sortedNames(names: readonly string[]): string[] {
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

/** A look-ahead for the names' first characters (part of the reference expression, so kept in every one built here). */
function leadOf(sorted: readonly string[]): string {
  const firsts = [...new Set(sorted.map((n) => foldTypography(n).trimStart()[0]).filter(Boolean))];
  return `(?=[${firsts.map((c) => c.replace(/[\\\]^[-]/g, '\\$&')).join('')}])`;
}

/** The leading ASCII characters of the name's first word, lower-cased: every match starts with them, whatever its case. */
function asciiPrefix(name: string): string {
  const first = nameWords(name)[0] ?? '';
  let prefix = '';
  for (let k = 0; k < first.length && prefix.length < PREFIX; k++) {
    const c = first.charCodeAt(k);
    if (c >= 128) break;
    prefix += String.fromCharCode(lowerAscii(c));
  }
  return prefix;
}

/** A name's words as the plain matcher compares them (lower-cased unless the list matches case). */
interface PlainName {
  readonly words: readonly string[];
}

/** The names that can start with one position's first characters, in list order. */
interface Group {
  readonly sources: readonly string[];
  /** Null when some name is not plain ASCII: then only the expression decides. */
  readonly plain: readonly PlainName[] | null;
  regex?: RegExp;
}

/** The plain matcher cannot tell: the expression decides. */
const UNSURE = -2;

/**
 * A character trie of a list's names, words joined by one "separator" edge (which takes any run of
 * separators in the text). Matching walks it once from a position, so the cost there is at most
 * the length of the longest name, however many names share a beginning: twenty aliases of 2,000
 * repeated words cost 20 × 2,000 comparisons at every word start with a name-by-name matcher
 * (27 s on one line), and one step per character here.
 */
interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  sep: TrieNode | undefined;
  /** Lowest list index of a name that ends here ({@link NO_NAME} for none). */
  end: number;
}

/** Above every list index: no name ends at the node. */
const NO_NAME = 0x3fffffff;

const newNode = (): TrieNode => ({ next: undefined, sep: undefined, end: NO_NAME });

/**
 * The trie as the walk reads it: every node a record of {@link NODE} numbers in one Int32Array,
 * children found by number, not by object.
 *
 * Why: the walk visits one node per character of every name-like word, and in the lint the trie is
 * cold between paragraphs, so each visit was a cache miss or more (a node object, its map of
 * children or array of them, another object each). Here the nodes are laid out in the order a
 * walk goes down a name (each node's first child right after it), so the nodes of a name share a
 * few cache lines; a node with one child (most, inside a word) holds it with its character, one
 * with more points into a table of 128 children by character (names' characters are ASCII).
 */
interface FlatTrie {
  /** Per node, at its number: end, separator child, only child's character, only child, children base. */
  readonly nodes: Int32Array;
  /** Children by character, 128 per node with more than one (-1 for none). */
  readonly byCode: Int32Array;
}

/** A node's record: end (see {@link TrieNode.end}), separator child, the only child's character, the only child, base in byCode. */
const NODE = 5;

/** Lays the trie out as a {@link FlatTrie}, depth first (iteratively: names may be long); the root is node 0. */
function flattenTrie(root: TrieNode): FlatTrie {
  const order: TrieNode[] = [];
  const number = new Map<TrieNode, number>();
  const stack = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    number.set(node, order.length * NODE);
    order.push(node);
    // Pushed last, taken first: the first child comes right after its parent.
    if (node.sep) stack.push(node.sep);
    if (node.next) for (const child of [...node.next.values()].reverse()) stack.push(child);
  }
  const nodes = new Int32Array(order.length * NODE);
  let branching = 0;
  for (const node of order) if (node.next && node.next.size > 1) branching++;
  const byCode = new Int32Array(branching * 128).fill(-1);
  let base = 0;
  for (const node of order) {
    const at = number.get(node) as number;
    nodes[at] = node.end;
    nodes[at + 1] = node.sep ? (number.get(node.sep) as number) : -1;
    nodes[at + 2] = -1;
    nodes[at + 3] = -1;
    nodes[at + 4] = -1;
    if (!node.next) continue;
    if (node.next.size === 1) {
      const [[code, child]] = node.next;
      nodes[at + 2] = code;
      nodes[at + 3] = number.get(child) as number;
    } else {
      nodes[at + 4] = base;
      for (const [code, child] of node.next) byCode[base + code] = number.get(child) as number;
      base += 128;
    }
  }
  return { nodes, byCode };
}

/** One list of names (case-insensitive names, or aliases that must match case) and the matchers that find them. */
class NameList {
  private readonly lead: string;
  private readonly alternatives: readonly Alternative[];
  private readonly flags: string;
  private readonly matchCase: boolean;
  /** 1 at (first << 7 | second) for the lower-cased ASCII character pairs some name may start with. */
  readonly pairs = new Uint8Array(128 * 128);
  /** 1 for each ASCII character (either case) some name may start with. */
  readonly firsts = new Uint8Array(128);
  /** What may follow each pair of {@link pairs} as the third character: see {@link Thirds}. */
  readonly thirds: Thirds = noThirds();
  /** 1 for each ASCII character the look-ahead of first characters accepts. */
  private readonly leadAscii = new Uint8Array(128);
  private full: RegExp | undefined;
  private readonly byKey = new Map<number, Group | null>();
  private readonly bySubset = new Map<string, Group>();
  /** Answers of the expression's own classes for non-ASCII code points: lead, separator, word character. */
  private readonly leadOk = new Map<number, boolean>();
  private readonly separatorOk = new Map<number, boolean>();
  private readonly wordOk = new Map<number, boolean>();
  private readonly leadTest: RegExp;
  private readonly separatorTest: RegExp;
  private readonly wordTest: RegExp;
  /** Where this list's search goes on: a match hides the text it covers from the same list only. */
  resume = 0;
  /** Which name (index for {@link nameOf}) the last match was, when the trie found it; -1 when an expression did. */
  matched = -1;
  /** Set when every name is plain ASCII words (the bundled model's and nearly every model's case): it alone decides. */
  private readonly trie: FlatTrie | undefined;

  constructor(names: readonly string[], matchCase: boolean) {
    const sorted = sortedNames(names);
    this.lead = leadOf(sorted);
    this.matchCase = matchCase;
    this.flags = matchCase ? 'uy' : 'iuy';
    const flags = matchCase ? 'u' : 'iu';
    this.leadTest = new RegExp(`^${this.lead}`, flags);
    this.separatorTest = new RegExp(`^${NAME_SEPARATOR_CLASS}$`, flags);
    this.wordTest = new RegExp('^[\\p{L}\\p{N}_]$', flags);
    for (let c = 0; c < 128; c++) this.leadAscii[c] = this.leadTest.test(String.fromCharCode(c)) ? 1 : 0;
    // Names that are the same expression in other capitals find the same texts: the first one is enough.
    const seen = new Set<string>();
    const alternatives: Alternative[] = [];
    for (const name of sorted) {
      const source = namePattern(name);
      const key = matchCase ? source : source.replace(/[A-Z]/g, (c) => c.toLowerCase());
      if (seen.has(key)) continue;
      seen.add(key);
      const words = nameWords(name);
      const plain = words.every(isAscii) ? { words: matchCase ? words : words.map((w) => w.toLowerCase()) } : null;
      alternatives.push({ name, source, prefix: asciiPrefix(name), plain });
    }
    this.alternatives = alternatives;
    this.trie = alternatives.every((a) => a.plain) ? buildTrie(alternatives.map((a) => a.plain as PlainName)) : undefined;
    for (const { prefix } of alternatives) {
      // A name that does not start with plain ASCII may start anywhere (kept general; no such name is known to need it).
      if (prefix === '') {
        this.pairs.fill(1);
        this.firsts.fill(1);
      } else if (prefix.length === 1) {
        this.pairs.fill(1, prefix.charCodeAt(0) << 7, (prefix.charCodeAt(0) + 1) << 7);
        this.firsts[prefix.charCodeAt(0)] = 1;
      } else {
        this.pairs[(prefix.charCodeAt(0) << 7) | prefix.charCodeAt(1)] = 1;
        this.firsts[prefix.charCodeAt(0)] = 1;
      }
      addThird(this.thirds, prefix);
    }
    for (let c = 0x41; c <= 0x5a; c++) this.firsts[c] = this.firsts[c | 0x20];
  }

  /** The name at `index` of the list's distinct names, as given (see {@link matched}). */
  nameOf(index: number): string {
    return this.alternatives[index].name;
  }

  /** The end of the match starting at `p` (an ASCII character, `c0`), or -1. */
  matchAscii(text: string, p: number, c0: number): number {
    const n = text.length;
    const c1 = p + 1 < n ? text.charCodeAt(p + 1) : END;
    const c2 = p + 2 < n ? text.charCodeAt(p + 2) : END;
    if (this.trie) {
      // The pair table is only a quick "no"; the trie answers everything else, whatever follows.
      if (c1 !== END && c1 < 128 && this.pairs[(lowerAscii(c0) << 7) | lowerAscii(c1)] === 0) return -1;
      // The expression's look-ahead of first characters still applies (a name written "-dash lead" never matches).
      return this.leadAscii[c0] === 1 ? this.matchTrie(this.trie, text, p) : -1;
    }
    // Not plain ASCII near the start (a non-breaking space, a typographic quote, a case-folding letter): the full expression decides.
    if (c1 >= 128 || c2 >= 128) return this.exec(this.fullRegex(), text, p);
    const l0 = lowerAscii(c0);
    const l1 = c1 === END ? 128 : lowerAscii(c1);
    if (l1 !== 128 && this.pairs[(l0 << 7) | l1] === 0) return -1;
    const key = (l0 * 129 + l1) * 129 + (c2 === END ? 128 : lowerAscii(c2));
    let group = this.byKey.get(key);
    if (group === undefined) {
      group = this.groupFor(l0, c1, c2);
      if (this.byKey.size >= MAX_KEYS) this.byKey.clear();
      this.byKey.set(key, group);
    }
    if (!group) return -1;
    // The plain matcher answers for plain names after an ASCII character (or at the start); else the group's expression.
    if (group.plain && (p === 0 || text.charCodeAt(p - 1) < 128)) {
      const end = this.leadAscii[c0] === 1 ? this.matchPlain(text, p, group.plain) : -1;
      this.matched = -1;
      if (end !== UNSURE) return end;
    }
    return this.exec((group.regex ??= this.compile(group.sources)), text, p);
  }

  /** The end of the match starting at `p`, whose code point `cp` is not ASCII, or -1. */
  matchOther(text: string, p: number, cp: number): number {
    if (!this.mayLead(cp)) return -1;
    return this.trie ? this.matchTrie(this.trie, text, p) : this.exec(this.fullRegex(), text, p);
  }

  /**
   * The end of the first name (in list order) that matches at `p` by the expression's rules, or
   * -1: one walk down the trie, keeping the best name that ends before a non-word character.
   * Exact for plain ASCII names: the only text characters outside ASCII that can stand for a
   * name's character are typographic apostrophes, and (ignoring case) the Kelvin sign and long s,
   * which case-fold to "k" and "s"; separators are the expression's class.
   */
  private matchTrie(trie: FlatTrie, text: string, p: number): number {
    const n = text.length;
    if (p > 0 && text.charCodeAt(p - 1) >= 128 && this.isWord(codePointBefore(text, p))) return -1;
    const { nodes, byCode } = trie;
    let node = 0;
    let q = p;
    let best = NO_NAME;
    let bestEnd = -1;
    for (;;) {
      const end = nodes[node];
      if (end < best && (q >= n || !this.isWordAt(text, q))) {
        best = end;
        bestEnd = q;
      }
      if (q >= n) break;
      const c = text.charCodeAt(q);
      const sep = nodes[node + 1];
      if (sep >= 0 && this.isSeparator(c)) {
        q++;
        while (q < n && this.isSeparator(text.charCodeAt(q))) q++;
        node = sep;
        continue;
      }
      // The child for the folded character (-1: no name character, no child).
      const code = this.fold(c);
      let child = -1;
      if (code >= 0) {
        if (code === nodes[node + 2]) child = nodes[node + 3];
        else if (nodes[node + 4] >= 0) child = byCode[nodes[node + 4] + code];
      }
      if (child < 0) break;
      node = child;
      q++;
    }
    this.matched = bestEnd >= 0 ? best : -1;
    return bestEnd;
  }

  /** A text character as the trie's names hold it; -1 when no name character can match it. */
  private fold(c: number): number {
    if (c < 128) return this.matchCase ? c : lowerAscii(c);
    if (c === 0x2018 || c === 0x2019) return 0x27;
    if (!this.matchCase && c === 0x212a) return 0x6b;
    if (!this.matchCase && c === 0x017f) return 0x73;
    return -1;
  }

  private isWordAt(text: string, q: number): boolean {
    const c = text.charCodeAt(q);
    return c < 128 ? ASCII_WORD[c] === 1 : this.isWord(text.codePointAt(q) as number);
  }

  /**
   * The first of `names` that matches at `p` with the expression's rules (words in order, one or
   * more separators between them, no word character after), as its end; -1 for none; UNSURE where
   * a non-ASCII character stands for a letter (Unicode case folding is the expression's business).
   */
  private matchPlain(text: string, p: number, names: readonly PlainName[]): number {
    const n = text.length;
    const matchCase = this.matchCase;
    for (const { words } of names) {
      let q = p;
      let ok = true;
      for (let w = 0; w < words.length && ok; w++) {
        if (w > 0) {
          const from = q;
          while (q < n && this.isSeparator(text.charCodeAt(q))) q++;
          if (q === from) {
            ok = false;
            break;
          }
        }
        const word = words[w];
        if (q + word.length > n) {
          ok = false;
          break;
        }
        for (let k = 0; k < word.length; k++) {
          const pc = word.charCodeAt(k);
          const tc = text.charCodeAt(q + k);
          if (pc === 0x27 /* ' */ && (tc === 0x27 || tc === 0x2018 || tc === 0x2019)) continue;
          if (tc >= 128) {
            if (pc === 0x27) {
              ok = false;
              break;
            }
            return UNSURE;
          }
          if ((matchCase ? tc : lowerAscii(tc)) !== pc) {
            ok = false;
            break;
          }
        }
        q += word.length;
      }
      if (!ok) continue;
      if (q < n) {
        const c = text.charCodeAt(q);
        if (c < 128 ? ASCII_WORD[c] === 1 : this.isWord(text.codePointAt(q) as number)) continue;
      }
      return q;
    }
    return -1;
  }

  private isSeparator(c: number): boolean {
    if (c < 128) return c === 0x20 || c === 0x2d || (c >= 0x09 && c <= 0x0d);
    return this.classHas(this.separatorOk, this.separatorTest, c);
  }

  private isWord(cp: number): boolean {
    return this.classHas(this.wordOk, this.wordTest, cp);
  }

  private mayLead(cp: number): boolean {
    return this.classHas(this.leadOk, this.leadTest, cp);
  }

  /** Whether one of the expression's classes (`test`, anchored) accepts a code point; remembered. */
  private classHas(memo: Map<number, boolean>, test: RegExp, cp: number): boolean {
    let ok = memo.get(cp);
    if (ok === undefined) {
      ok = test.test(String.fromCodePoint(cp));
      if (memo.size >= MAX_KEYS) memo.clear();
      memo.set(cp, ok);
    }
    return ok;
  }

  /** The names that can start with these characters (in list order), or null when none can. */
  private groupFor(l0: number, c1: number, c2: number): Group | null {
    let chars = String.fromCharCode(l0);
    if (c1 !== END) chars += String.fromCharCode(lowerAscii(c1));
    if (c1 !== END && c2 !== END) chars += String.fromCharCode(lowerAscii(c2));
    const picked = this.alternatives.filter((a) => chars.startsWith(a.prefix));
    if (picked.length === 0) return null;
    const subset = picked.map((a) => a.source).join('\n');
    let group = this.bySubset.get(subset);
    if (!group) {
      const plain = picked.every((a) => a.plain) ? picked.map((a) => a.plain as PlainName) : null;
      group = { sources: picked.map((a) => a.source), plain };
      this.bySubset.set(subset, group);
    }
    return group;
  }

  private compile(sources: readonly string[]): RegExp {
    return new RegExp(`${this.lead}(?<![\\p{L}\\p{N}_])(?:${sources.join('|')})(?![\\p{L}\\p{N}_])`, this.flags);
  }

  private fullRegex(): RegExp {
    return (this.full ??= this.compile(this.alternatives.map((a) => a.source)));
  }

  private exec(regex: RegExp, text: string, at: number): number {
    this.matched = -1;
    regex.lastIndex = at;
    return regex.test(text) ? regex.lastIndex : -1;
  }
}

/** The trie of plain names, each name's end marked with its index in list order. */
function buildTrie(names: readonly PlainName[]): FlatTrie {
  const root = newNode();
  names.forEach(({ words }, index) => {
    let node = root;
    words.forEach((word, w) => {
      if (w > 0) node = node.sep ??= newNode();
      for (let k = 0; k < word.length; k++) {
        const c = word.charCodeAt(k);
        const next = (node.next ??= new Map());
        let child = next.get(c);
        if (!child) next.set(c, (child = newNode()));
        node = child;
      }
    });
    if (index < node.end) node.end = index;
  });
  return flattenTrie(root);
}

function codePointBefore(text: string, p: number): number {
  const low = text.charCodeAt(p - 1);
  if (low >= 0xdc00 && low <= 0xdfff && p >= 2) {
    const high = text.charCodeAt(p - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(p - 2) as number;
  }
  return low;
}

/**
 * By pair key (`first << 7 | second`, lower-cased ASCII, as in the pair tables): the third
 * characters a name starting with that pair may have in a text, 1 for each (either case); null
 * when any may follow (a name whose first word has fewer than three ASCII characters before a
 * non-ASCII one: "AI", "A-B", "Zü…"); absent when no name starts with the pair. Exact, not a guess:
 * a name's first word is matched character by character (ignoring ASCII case), and a text
 * character outside ASCII is never ruled out here (typographic apostrophes, case folding).
 */
type Thirds = (Uint8Array | null | undefined)[];

/** A table with no pair yet (every slot there, so lookups stay on V8's fast path). */
function noThirds(): Thirds {
  return new Array<Uint8Array | null | undefined>(128 * 128).fill(undefined);
}

function addThird(thirds: Thirds, prefix: string): void {
  if (prefix.length < 3) {
    // Any third character: for every pair the prefix begins.
    const from = prefix.length === 0 ? 0 : prefix.length === 1 ? prefix.charCodeAt(0) << 7 : (prefix.charCodeAt(0) << 7) | prefix.charCodeAt(1);
    const to = prefix.length === 0 ? 128 * 128 : prefix.length === 1 ? from + 128 : from + 1;
    for (let key = from; key < to; key++) thirds[key] = null;
    return;
  }
  const key = (prefix.charCodeAt(0) << 7) | prefix.charCodeAt(1);
  let marks = thirds[key];
  if (marks === null) return;
  if (marks === undefined) thirds[key] = marks = new Uint8Array(128);
  const c = prefix.charCodeAt(2);
  marks[c] = 1;
  if (c >= 0x61 && c <= 0x7a) marks[c - 0x20] = 1;
}

/** Adds `from`'s third characters to `into` (any beats a list of them). */
function mergeThirds(into: Thirds, from: Thirds): void {
  from.forEach((marks, key) => {
    if (marks === undefined) return;
    const known = into[key];
    if (marks === null || known === null) into[key] = null;
    else if (known === undefined) into[key] = Uint8Array.from(marks);
    else for (let c = 0; c < 128; c++) known[c] |= marks[c];
  });
}

/**
 * The first position at or after `p` where some list's matcher must be asked, or `n`: a non-ASCII
 * character, or two ASCII characters that start a name of some list (`firsts`, `pairs`), in both
 * cases not right after an ASCII letter, digit or "_" (`prevWord`: the character before `p` is one).
 * After an ASCII letter, digit or "_" no name starts; any other character before is left to the
 * matchers. The second half of a surrogate pair is no position of its own.
 *
 * Why a function of its own: the visit of every character is most of the search, and in this
 * small loop V8 keeps the text, the tables and the state in registers; inlined in the loop that
 * also calls the matchers it was measurably slower (about a fifth of the search of a paragraph).
 */
function nextCandidate(text: string, p: number, n: number, prevWord: boolean, firsts: Uint8Array, pairs: Uint8Array, thirds: Thirds): number {
  for (; p < n; p++) {
    const c = text.charCodeAt(p);
    if (c < 128) {
      // Two ASCII characters that start no name of any list: no list's matcher can match here
      // (each answers -1 on its own pair table first), so none is asked. Nor where three ASCII
      // characters start none ("to ", "and", "com" for "Together AI", "annual retention", "CoreWeave").
      if (!prevWord && firsts[c] === 1) {
        if (p + 1 === n) return p;
        const d = text.charCodeAt(p + 1);
        if (d >= 128) return p;
        const key = (lowerAscii(c) << 7) | lowerAscii(d);
        if (pairs[key] === 1) {
          const third = thirds[key];
          if (!third || p + 2 === n) return p;
          const e = text.charCodeAt(p + 2);
          if (e >= 128 || third[e] === 1) return p;
        }
      }
      prevWord = ASCII_WORD[c] === 1;
      continue;
    }
    if (!prevWord) return p;
    if (c >= 0xd800 && c <= 0xdbff && (text.codePointAt(p) as number) > 0xffff) p++;
    prevWord = false;
  }
  return n;
}

/** What a scanner is given: each list of names, and whether it must match case. */
export interface NameListSpec {
  readonly names: readonly string[];
  readonly matchCase: boolean;
}

/** Finds several lists of names in one pass over a text, each list as its own expression would. */
export class MentionScanner {
  private readonly lists: readonly NameList[];
  /** 1 for each ASCII character some name of some list may start with. */
  private readonly firsts = new Uint8Array(128);
  /** 1 for each pair of lower-cased ASCII characters some name of some list may start with (every list's pairs). */
  private readonly pairs = new Uint8Array(128 * 128);
  /** The third characters that may follow each pair, over every list. */
  private readonly thirds: Thirds = noThirds();

  constructor(specs: readonly NameListSpec[]) {
    this.lists = specs.map((s) => new NameList(s.names, s.matchCase));
    for (const list of this.lists) {
      for (let c = 0; c < 128; c++) this.firsts[c] |= list.firsts[c];
      for (let k = 0; k < this.pairs.length; k++) this.pairs[k] |= list.pairs[k];
      mergeThirds(this.thirds, list.thirds);
    }
  }

  /** Name `index` of list `list`, as the specs gave it: what a match reported with that index is. */
  nameOf(list: number, index: number): string {
    return this.lists[list].nameOf(index);
  }

  /**
   * Calls `found(list, start, end, name)` for every match of every list: per list, exactly the
   * matches of its global expression run from 0 (left to right, no overlaps); across lists, by
   * start, and in list order at the same start. `name` is the index (see {@link nameOf}) of the
   * list's first name, longest first, that matches there, where the scanner knows it without an
   * expression; else -1. A caller can then look up what the name stands for once per name, not
   * once per match by the text as written.
   */
  scan(text: string, found: (list: number, start: number, end: number, name: number) => void): void {
    const lists = this.lists;
    const firsts = this.firsts;
    const pairs = this.pairs;
    const thirds = this.thirds;
    for (const list of lists) list.resume = 0;
    const n = text.length;
    for (let p = nextCandidate(text, 0, n, false, firsts, pairs, thirds); p < n; ) {
      const c = text.charCodeAt(p);
      if (c < 128) {
        for (let k = 0; k < lists.length; k++) {
          const list = lists[k];
          if (p < list.resume || list.firsts[c] === 0) continue;
          const end = list.matchAscii(text, p, c);
          if (end >= 0) {
            list.resume = end;
            found(k, p, end, list.matched);
          }
        }
        p = nextCandidate(text, p + 1, n, ASCII_WORD[c] === 1, firsts, pairs, thirds);
        continue;
      }
      const cp = text.codePointAt(p) as number;
      for (let k = 0; k < lists.length; k++) {
        const list = lists[k];
        if (p < list.resume) continue;
        const end = list.matchOther(text, p, cp);
        if (end >= 0) {
          list.resume = end;
          found(k, p, end, list.matched);
        }
      }
      // The expressions step by code point: the second half of a pair is no position of its own.
      p = nextCandidate(text, cp > 0xffff ? p + 2 : p + 1, n, false, firsts, pairs, thirds);
    }
  }
}
