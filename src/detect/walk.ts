import { RecordingFormatError } from '../errors.ts';
import { type StreamRegistry, TextStream } from './text-stream.ts';

/**
 * Deepest JSON nesting read in one event (path segments from the event's root). A serialized DOM
 * takes two segments per element level (childNodes, [i]), and Chromium's HTML parser stops nesting
 * elements at 512, so real recordings stay far below; a deeper event is refused with an error naming
 * it, rather than overflowing the stack (the walk recurses once per level).
 */
export const MAX_DEPTH = 4096;

/** How a string relates to the text around it. */
export const STREAM_NONE = 0;
/** It continues the stream (a text node after its siblings, a piece appended to an element). */
export const STREAM_CONTINUE = 1;
/** It is a field's value: the whole current value, or an increment (the stream decides). */
export const STREAM_VALUE = 2;

/** Where the string being visited stands. One object, reused for every string. */
export interface Site {
  /** Property name or array index holding the string. */
  key: string | number;
  /** Nearest enclosing serialized node's id, or the event's data.id. */
  nodeId: number | undefined;
  stream: TextStream | undefined;
  /** A stream to look up by key, only if the string is worth it (field values, text mutations). */
  streamKey: number | string | undefined;
  streamMode: number;
  /** The stream is the serialized tree being walked: a split value is placed at its enclosing element. */
  inTree: boolean;
  /** Style text: pattern detectors stay off (canaries are still searched). */
  structural: boolean;
  /** The string is an attribute value, `key` its name (some names hold only geometry or styling). */
  isAttribute: boolean;
  /** The string is an object key of an app payload. */
  isKey: boolean;
  /**
   * The string is an element's text joined from several text nodes (inline elements, whitespace
   * between): where each piece ends. Only values crossing a piece boundary are new there.
   */
  pieceEnds: number[] | undefined;
}

/** Elements a reader sees as part of the surrounding line: their text joins their neighbours'. */
const INLINE_TAGS = new Set(['span', 'b', 'i', 'em', 'strong', 'a', 'small', 'sup', 'sub', 'mark', 'code', 'label', 'font', 'u', 's', 'bdi', 'bdo', 'abbr', 'data', 'time', 'var', 'kbd', 'samp', 'q', 'cite', 'ins', 'del', 'wbr']);
/** Joined text longer than this is prose, not a value split into parts. */
const MAX_JOINED = 400;

/** Appends the text of inline children to `out`; false when a block element or too much text is met. */
function joinInline(childNodes: unknown[], out: { text: string; ends: number[] }, depth: number): boolean {
  for (const child of childNodes) {
    if (!isObject(child)) continue;
    if (child.type === 3) {
      if (child.isStyle === true || typeof child.textContent !== 'string' || child.textContent === '') continue;
      out.text += child.textContent;
      out.ends.push(out.text.length);
      if (out.text.length > MAX_JOINED) return false;
    } else if (child.type === 2) {
      if (depth >= 4 || typeof child.tagName !== 'string' || !INLINE_TAGS.has(child.tagName) || !Array.isArray(child.childNodes)) return false;
      if (!joinInline(child.childNodes, out, depth + 1)) return false;
    }
  }
  return true;
}

export interface StringVisitor {
  /** Returns true when the string produced a finding. */
  visit(value: string, site: Site): boolean;
  /** A field's current value (an input event, a value attribute), after visit(): for values spread over several fields. */
  fieldValue?(value: string, site: Site, typed: boolean): void;
}

/** Elements whose text nodes a reader never sees. */
const HIDDEN_TEXT_TAGS = new Set(['style', 'script', 'noscript', 'template']);
/** A JavaScript identifier (printed as .name in paths; payload keys like it are names, not data). */
function isIdentifier(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36;
    if (!letter && (i === 0 || c < 48 || c > 57)) return false;
  }
  return true;
}
/** App payload numbers this long may be a card or a phone; shorter ones are counts and flags. */
const SCANNED_NUMBER = 1_000_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

/** A mutation's adds in document order per parent, each run with the stream its text continues. */
interface OrderedAdd {
  index: number;
  stream: TextStream | undefined;
}

/**
 * Walks every string of an rrweb event, tracking its JSON path, the node it belongs to and the text
 * stream it continues, and hands each to the visitor. Knows rrweb's shapes: serialized trees (full
 * snapshots and mutation adds), text and attribute mutations, input events; app payloads of custom
 * and plugin events are walked generically (their long numbers and unusual keys included).
 */
export class EventWalker {
  private readonly path: (string | number)[] = [];
  /** Payload keys that held a finding: never printed in a path. */
  private readonly sensitiveKeys = new Set<string>();
  /** Elements enclosing the current point of a tree walk: id, path depth, first text piece under it. */
  private readonly elementIds: (number | undefined)[] = [];
  private readonly elementDepths: number[] = [];
  private readonly elementPieces: number[] = [];
  private elementCount = 0;
  private readonly site: Site = { key: '', nodeId: undefined, stream: undefined, streamKey: undefined, streamMode: STREAM_NONE, inTree: false, structural: false, isAttribute: false, isKey: false, pieceEnds: undefined };
  private payload = false;
  eventIndex = 0;
  /**
   * Object members met by the last walk (array items aside). Every object of the event is entered, so
   * this equals the members written in its text unless JSON.parse dropped a repeated key.
   */
  keys = 0;

  constructor(
    private readonly visitor: StringVisitor,
    /** Streams across events; undefined when nothing needs them (no canaries). */
    private readonly streams: StreamRegistry | undefined,
    private readonly window: number,
  ) {}

  walk(event: unknown, eventIndex: number): void {
    this.eventIndex = eventIndex;
    if (this.path.length > 0) this.path.length = 0;
    this.elementCount = 0;
    this.keys = 0;
    if (this.sensitiveKeys.size > 0) this.sensitiveKeys.clear();
    if (!isObject(event)) return;
    this.entering(event);
    const type = event.type;
    const data = event.data;
    this.payload = type === 5 || type === 6;
    const source = type === 3 && isObject(data) ? data.source : undefined;
    const dataId = type === 3 && isObject(data) && typeof data.id === 'number' ? data.id : undefined;
    for (const key in event) {
      this.keys++;
      const value = event[key];
      this.path.push(key);
      if (key === 'data' && isObject(value)) {
        if (type === 2) this.walkSnapshotData(value);
        else if (source === 0) this.walkMutationData(value);
        else if (source === 5) this.walkInputData(value, dataId);
        else this.walkValue(value, dataId);
      } else {
        this.walkValue(value, undefined);
      }
      this.path.pop();
    }
  }

  /** Before a for-in over a value that may be an array: its indexes are not object members. */
  private entering(value: Json): void {
    if (Array.isArray(value)) this.keys -= value.length;
  }

  /** The JSON path of the current string, or of an enclosing level (`depth` segments). */
  pathString(depth = this.path.length): string {
    let out = '';
    for (let i = 0; i < depth; i++) {
      const segment = this.path[i]!;
      if (typeof segment === 'number') out += `[${segment}]`;
      else if (this.sensitiveKeys.has(segment)) out += '["•••"]';
      else if (isIdentifier(segment)) out += i === 0 ? segment : `.${segment}`;
      else out += `[${JSON.stringify(segment)}]`;
    }
    return out;
  }

  /**
   * The element that holds a value split across text pieces from `piece` to the current one: the
   * deepest enclosing element whose text began at or before `piece`. Undefined when the value began
   * outside the tree being walked (an earlier add, an earlier event).
   */
  splitPlace(piece: number): { nodeId: number | undefined; depth: number } | undefined {
    for (let i = this.elementCount - 1; i >= 0; i--) {
      if (this.elementPieces[i]! <= piece) return { nodeId: this.elementIds[i], depth: this.elementDepths[i]! };
    }
    return undefined;
  }

  private visit(value: string, key: string | number, nodeId: number | undefined, stream: TextStream | undefined, streamMode: number, structural: boolean, isAttribute: boolean, streamKey?: number | string): boolean {
    const site = this.site;
    site.key = key;
    site.nodeId = nodeId;
    site.stream = stream;
    site.streamKey = streamKey;
    site.streamMode = streamMode;
    site.inTree = stream !== undefined && streamMode === STREAM_CONTINUE;
    site.structural = structural;
    site.isAttribute = isAttribute;
    site.isKey = false;
    site.pieceEnds = undefined;
    return this.visitor.visit(value, site);
  }

  /** An element's text as a reader sees it, when its inline children split it into several text nodes. */
  private visitJoined(childNodes: unknown[], nodeId: number | undefined): void {
    const joined = { text: '', ends: [] as number[] };
    if (!joinInline(childNodes, joined, 0) || joined.ends.length < 2) return;
    const site = this.site;
    site.key = 'textContent';
    site.nodeId = nodeId;
    site.stream = undefined;
    site.streamKey = undefined;
    site.streamMode = STREAM_NONE;
    site.inTree = false;
    site.structural = false;
    site.isAttribute = false;
    site.isKey = false;
    site.pieceEnds = joined.ends;
    this.visitor.visit(joined.text, site);
    site.pieceEnds = undefined;
  }

  /** Whether a value can hold anything to scan: strings, containers, and long numbers in app payloads. */
  private worthWalking(value: unknown): boolean {
    const type = typeof value;
    return type === 'string' || (type === 'object' && value !== null) || (this.payload && type === 'number');
  }

  /** Refuses an event nested deeper than MAX_DEPTH, naming the event and where the nesting goes. */
  private checkDepth(): void {
    if (this.path.length <= MAX_DEPTH) return;
    const where = this.pathString(8).slice(0, 160);
    throw new RecordingFormatError(
      `event ${this.eventIndex} is nested more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep (at ${where}…): no recorder writes such an event, and it is not scanned`,
      `Check how the file was produced: a recorder's events nest a few hundred levels at most. Remove or repair event ${this.eventIndex}, then scan again.`,
    );
  }

  private walkValue(value: unknown, nodeId: number | undefined): void {
    if (typeof value === 'string') {
      this.visit(value, this.path[this.path.length - 1] ?? '', nodeId, undefined, STREAM_NONE, false, false);
      return;
    }
    if (!isObject(value)) {
      if (this.payload && typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) >= SCANNED_NUMBER) {
        this.visit(String(value), this.path[this.path.length - 1] ?? '', nodeId, undefined, STREAM_NONE, false, false);
      }
      return;
    }
    if (this.path.length > MAX_DEPTH) this.checkDepth();
    // Children that cannot hold text (coordinates, ids, flags: most of a recording) are not descended into.
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (!this.worthWalking(item)) continue;
        this.path.push(i);
        this.walkValue(item, nodeId);
        this.path.pop();
      }
      return;
    }
    for (const key in value) {
      this.keys++;
      if (this.payload && !isIdentifier(key)) this.visitKey(key, nodeId);
      const item = value[key];
      if (!this.worthWalking(item)) continue;
      this.path.push(key);
      this.walkValue(item, nodeId);
      this.path.pop();
    }
  }

  /** App payloads may key objects by data (an email → its settings): such keys are scanned too. */
  private visitKey(key: string, nodeId: number | undefined): void {
    const site = this.site;
    site.key = key;
    site.nodeId = nodeId;
    site.stream = undefined;
    site.streamKey = undefined;
    site.streamMode = STREAM_NONE;
    site.inTree = false;
    site.structural = false;
    site.isAttribute = false;
    site.isKey = true;
    site.pieceEnds = undefined;
    if (this.visitor.visit(key, site)) this.sensitiveKeys.add(key);
  }

  private walkSnapshotData(data: Json): void {
    this.entering(data);
    for (const key in data) {
      this.keys++;
      const value = data[key];
      this.path.push(key);
      if (key === 'node' && isObject(value)) {
        this.elementCount = 0;
        this.walkNode(value, this.streams ? new TextStream(this.window, undefined, 'snapshot') : undefined, false);
      } else {
        this.walkValue(value, undefined);
      }
      this.path.pop();
    }
  }

  /**
   * A serialized node and its subtree. Text nodes continue `stream` in document order, so an element's
   * text is read as a reader sees it: its descendant text nodes joined.
   */
  private walkNode(node: Json, stream: TextStream | undefined, hidden: boolean): void {
    if (this.path.length > MAX_DEPTH) this.checkDepth();
    const id = typeof node.id === 'number' ? node.id : undefined;
    const type = node.type;
    const isElement = type === 0 || type === 2;
    const hideChildren = hidden || (type === 2 && typeof node.tagName === 'string' && HIDDEN_TEXT_TAGS.has(node.tagName.toLowerCase()));
    if (isElement && stream) {
      const i = this.elementCount++;
      this.elementIds[i] = id;
      this.elementDepths[i] = this.path.length;
      this.elementPieces[i] = stream.nextPiece;
    }
    this.entering(node);
    if (type === 2 && !hideChildren && Array.isArray(node.childNodes) && node.childNodes.length >= 2) this.visitJoined(node.childNodes, id);
    for (const key in node) {
      this.keys++;
      const value = node[key];
      this.path.push(key);
      if (key === 'childNodes' && Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const child: unknown = value[i];
          this.path.push(i);
          if (isObject(child)) this.walkNode(child, stream, hideChildren);
          else this.walkValue(child, id);
          this.path.pop();
        }
      } else if (key === 'textContent' && typeof value === 'string' && type === 3) {
        const isStyle = node.isStyle === true;
        const read = stream && !hidden && !isStyle;
        this.visit(value, key, id, read ? stream : undefined, read ? STREAM_CONTINUE : STREAM_NONE, isStyle, false);
      } else if (key === 'attributes' && isObject(value)) {
        this.walkAttributes(value, id, undefined);
      } else if (this.worthWalking(value)) {
        this.walkValue(value, id);
      }
      this.path.pop();
    }
    if (isElement && stream) this.elementCount--;
  }

  /** Attribute maps (in trees and in attribute mutations, where values stream per node and name). */
  private walkAttributes(attributes: Json, nodeId: number | undefined, streamed: boolean | undefined): void {
    this.entering(attributes);
    for (const name in attributes) {
      this.keys++;
      const value = attributes[name];
      this.path.push(name);
      if (typeof value === 'string') {
        // Only a value attribute is typed into; other attributes are set whole.
        const streamKey = streamed && this.streams && name === 'value' ? nodeId! * 4 + 3 : undefined;
        this.visit(value, name, nodeId, undefined, streamKey !== undefined ? STREAM_VALUE : STREAM_NONE, false, true, streamKey);
        if (name === 'value') this.visitor.fieldValue?.(value, this.site, streamed === true);
      } else {
        this.walkValue(value, nodeId);
      }
      this.path.pop();
    }
  }

  private walkInputData(data: Json, nodeId: number | undefined): void {
    this.entering(data);
    for (const key in data) {
      this.keys++;
      const value = data[key];
      this.path.push(key);
      if (key === 'text' && typeof value === 'string') {
        const streamKey = this.streams && nodeId !== undefined ? nodeId * 4 : undefined;
        this.visit(value, key, nodeId, undefined, streamKey !== undefined ? STREAM_VALUE : STREAM_NONE, false, false, streamKey);
        this.visitor.fieldValue?.(value, this.site, true);
      } else {
        this.walkValue(value, nodeId);
      }
      this.path.pop();
    }
  }

  private walkMutationData(data: Json): void {
    this.entering(data);
    for (const key in data) {
      this.keys++;
      const value = data[key];
      this.path.push(key);
      if (key === 'texts' && Array.isArray(value)) this.walkEntries(value, false);
      else if (key === 'attributes' && Array.isArray(value)) this.walkEntries(value, true);
      else if (key === 'adds' && Array.isArray(value)) this.walkAdds(value);
      else this.walkValue(value, undefined);
      this.path.pop();
    }
  }

  /** texts: [{id, value}] or attributes: [{id, attributes}], each entry about node `id`. */
  private walkEntries(entries: unknown[], attributes: boolean): void {
    for (let i = 0; i < entries.length; i++) {
      const entry: unknown = entries[i];
      this.path.push(i);
      if (!isObject(entry)) this.walkValue(entry, undefined);
      else if (attributes) this.walkAttributeEntry(entry, typeof entry.id === 'number' ? entry.id : undefined);
      else this.walkTextEntry(entry, typeof entry.id === 'number' ? entry.id : undefined);
      this.path.pop();
    }
  }

  /** {id, value}: a text node's new content, a stream per node across events. */
  private walkTextEntry(entry: Json, id: number | undefined): void {
    this.entering(entry);
    for (const key in entry) {
      this.keys++;
      const value = entry[key];
      this.path.push(key);
      if (key === 'value' && typeof value === 'string') {
        const streamKey = this.streams && id !== undefined ? id * 4 + 1 : undefined;
        this.visit(value, key, id, undefined, streamKey !== undefined ? STREAM_VALUE : STREAM_NONE, false, false, streamKey);
      } else {
        this.walkValue(value, id);
      }
      this.path.pop();
    }
  }

  /** {id, attributes: {name: value}}: new attribute values, a stream per node and name. */
  private walkAttributeEntry(entry: Json, id: number | undefined): void {
    this.entering(entry);
    for (const key in entry) {
      this.keys++;
      const value = entry[key];
      this.path.push(key);
      if (key === 'attributes' && isObject(value)) this.walkAttributes(value, id, id !== undefined);
      else this.walkValue(value, id);
      this.path.pop();
    }
  }

  /** Added subtrees, in document order per parent; text appended at a parent's end continues its stream. */
  private walkAdds(adds: unknown[]): void {
    for (const { index, stream } of this.orderAdds(adds)) {
      const add = adds[index];
      this.path.push(index);
      if (isObject(add)) {
        const parentId = typeof add.parentId === 'number' ? add.parentId : undefined;
        this.entering(add);
        for (const key in add) {
          this.keys++;
          const value = add[key];
          this.path.push(key);
          if (key === 'node' && isObject(value)) {
            this.elementCount = 0;
            this.walkNode(value, stream, false);
          } else {
            this.walkValue(value, parentId);
          }
          this.path.pop();
        }
      } else {
        this.walkValue(add, undefined);
      }
      this.path.pop();
    }
  }

  /**
   * rrweb lists adds in no particular order, each saying which sibling it goes before (nextId).
   * Chains them per parent into document order; a chain ending at the parent's end (nextId null)
   * continues the parent's stream from earlier events, any other chain gets a stream of its own.
   */
  private orderAdds(adds: unknown[]): OrderedAdd[] {
    if (!this.streams) return adds.map((_, index) => ({ index, stream: undefined }));
    if (adds.length === 1) {
      const add = adds[0];
      const parentId = isObject(add) && typeof add.parentId === 'number' ? add.parentId : undefined;
      const atEnd = isObject(add) && typeof add.nextId !== 'number';
      return [{ index: 0, stream: parentId === undefined ? undefined : atEnd ? this.streams.get(parentId * 4 + 2, parentId) : new TextStream(this.window, parentId, `p${parentId}@${this.eventIndex}`) }];
    }
    const byParent = new Map<number | undefined, number[]>();
    adds.forEach((add, index) => {
      const parentId = isObject(add) && typeof add.parentId === 'number' ? add.parentId : undefined;
      const group = byParent.get(parentId);
      if (group) group.push(index);
      else byParent.set(parentId, [index]);
    });
    const ordered: OrderedAdd[] = [];
    for (const [parentId, group] of byParent) {
      const nodeIdOf = (index: number) => {
        const node = (adds[index] as Json).node;
        return isObject(node) && typeof node.id === 'number' ? node.id : undefined;
      };
      const nextIdOf = (index: number) => {
        const add = adds[index];
        return isObject(add) && typeof add.nextId === 'number' ? add.nextId : null;
      };
      const indexById = new Map<number, number>();
      for (const index of group) {
        const id = isObject(adds[index]) ? nodeIdOf(index) : undefined;
        if (id !== undefined) indexById.set(id, index);
      }
      // predecessor[i] = the add placed right before add i.
      const predecessor = new Map<number, number>();
      for (const index of group) {
        const next = nextIdOf(index);
        const successor = next === null ? undefined : indexById.get(next);
        if (successor !== undefined && !predecessor.has(successor)) predecessor.set(successor, index);
      }
      const placed = new Set<number>();
      for (const tail of group) {
        const next = nextIdOf(tail);
        if (next !== null && indexById.has(next)) continue;
        const chain: number[] = [];
        for (let at: number | undefined = tail; at !== undefined && !placed.has(at); at = predecessor.get(at)) {
          chain.push(at);
          placed.add(at);
        }
        chain.reverse();
        const stream = parentId === undefined ? undefined : next === null ? this.streams.get(parentId * 4 + 2, parentId) : new TextStream(this.window, parentId, `p${parentId}@${this.eventIndex}`);
        for (const index of chain) ordered.push({ index, stream });
      }
      for (const index of group) if (!placed.has(index)) ordered.push({ index, stream: undefined });
    }
    return ordered;
  }
}
