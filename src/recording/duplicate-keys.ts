/**
 * Duplicate keys in one event's JSON text. JSON.parse keeps the last of two equal keys in an object,
 * so `{"v":"<email>","v":"clean"}` parses to `{v: "clean"}` while the file still holds the email.
 *
 * The check is cheap: the number of object members in the text (its colons outside strings) against
 * the number of keys the walk met in the parsed event; they differ only when a key was repeated (or
 * the walk met something else it counts differently, which costs a re-parse, never a missed value).
 * On a difference the event is parsed again by a small tokenizer that keeps every member, and each
 * value JSON.parse dropped is handed back, in the shape of the event, to be scanned too.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** Object members in a JSON text: its colons outside strings. */
export function countMembers(bytes: Uint8Array): number {
  let count = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === COLON) count++;
    else if (b === QUOTE) {
      // Jump to the closing quote: one not preceded by an odd run of backslashes.
      for (;;) {
        const quote = bytes.indexOf(QUOTE, i + 1);
        if (quote === -1) return count;
        i = quote;
        let run = 0;
        for (let k = quote - 1; bytes[k] === BACKSLASH; k--) run++;
        if (run % 2 === 0) break;
      }
    }
  }
  return count;
}

/** An object as written: every member, repeated keys included, in file order. */
export class Members {
  constructor(readonly pairs: [string, Parsed][]) {}
}
export type Parsed = Members | Parsed[] | string | number | boolean | null;

/** A JSON parser that keeps repeated keys (the text is valid JSON already: JSON.parse accepted it). */
function parseKeepingDuplicates(text: string): Parsed {
  let i = 0;
  const space = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  };
  const string = (): string => {
    const start = i;
    for (i++; ; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x22 || Number.isNaN(c)) break;
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Parsed => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const pairs: [string, Parsed][] = [];
      space();
      if (text[i] === '}') {
        i++;
        return new Members(pairs);
      }
      for (;;) {
        space();
        const key = string();
        space();
        i++; // ":"
        pairs.push([key, value()]);
        space();
        if (text[i++] === '}') return new Members(pairs);
      }
    }
    if (c === '[') {
      i++;
      const items: Parsed[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value());
        space();
        if (text[i++] === ']') return items;
      }
    }
    if (c === '"') return string();
    const start = i;
    while (i < text.length && !',]} \n\r\t'.includes(text[i]!)) i++;
    return JSON.parse(text.slice(start, i)) as number | boolean | null;
  };
  return value();
}

/** The most times one key is written in one object, anywhere in the tree. */
export function mostCopies(node: Parsed): number {
  if (Array.isArray(node)) return node.reduce<number>((most, item) => Math.max(most, mostCopies(item)), 1);
  if (!(node instanceof Members)) return 1;
  const copies = new Map<string, number>();
  let most = 1;
  for (const [key, item] of node.pairs) {
    const n = (copies.get(key) ?? 0) + 1;
    copies.set(key, n);
    most = Math.max(most, n, mostCopies(item));
  }
  return most;
}

/** The event with, for every repeated key, its `copy`-th value (or its last, if it has fewer). */
export function variant(node: Parsed, copy: number): unknown {
  if (Array.isArray(node)) return node.map((item) => variant(item, copy));
  if (!(node instanceof Members)) return node;
  const values = new Map<string, Parsed[]>();
  for (const [key, item] of node.pairs) {
    const list = values.get(key);
    if (list) list.push(item);
    else values.set(key, [item]);
  }
  // No prototype: a "__proto__" key stays a key, as JSON.parse makes it.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, list] of values) out[key] = variant(list[Math.min(copy, list.length - 1)]!, copy);
  return out;
}

/**
 * The event as written, once per earlier copy of its repeated keys: variant k holds the k-th value of
 * every repeated key (the last where a key has fewer copies). JSON.parse's event is the last copy;
 * scanning these as well scans every value the text holds (a repeated key inside an earlier copy of
 * another is covered up to the same number of copies). Empty when no key is repeated.
 */
export function shadowedVariants(text: string): unknown[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark before a .jsonl file's first line
  const tree = parseKeepingDuplicates(text);
  const copies = mostCopies(tree);
  const out: unknown[] = [];
  for (let copy = 0; copy < copies - 1; copy++) out.push(variant(tree, copy));
  return out;
}
