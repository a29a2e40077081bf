import { EventType, IncrementalSource, type eventWithTime } from '@rrweb/types';
import { PayloadDecodeError } from '../decode-error.ts';

/**
 * Datadog Session Replay records (@datadog/browser-rum 7.x) rebuilt as rrweb events, so that every
 * audit, the leak scan and the visual proof read them as they read any recorder's.
 *
 * What the SDK sends (its src/types/sessionReplay.ts): full snapshots (type 2) and DOM changes
 * (type 12) in its own Change format: a string table (AddRoleAnnotatedStrings, ClearStrings) and
 * grouped changes (AddNode with an insertion point, RemoveNode, Attribute, Text, InputValue,
 * InputSelection, Size, ScrollPosition, style sheets, media, visual viewport, image content). Node ids
 * are implicit: each added node takes the next id (0 for the #document of a full snapshot). Mouse,
 * touch, scroll, viewport-resize, media and style-sheet-rule records are still rrweb-shaped
 * incremental snapshots (type 3). Meta (4) is rrweb's; Focus (6), ViewEnd (7), VisualViewport (8)
 * and Frustration (9) have no rrweb equivalent.
 *
 * Translation: node ids + 1 (rrweb's ids start at 1), tag names in lower case; a full snapshot becomes an rrweb FullSnapshot;
 * a Change record becomes a Mutation (adds, removes, texts, attributes), Input events (InputValue,
 * InputSelection) and Scroll events; a style sheet attached to a <style> or <link> becomes its
 * `_cssText` attribute, a hidden element's Size its rr_width/rr_height, and text masked with x's is written with
 * rrweb's "*" (rrweb's shapes for all three).
 * What has no rrweb shape (Focus, ViewEnd, VisualViewport, Frustration, adopted style sheets and the
 * media/viewport/image changes) is kept, strings resolved, as a Custom event tagged `datadog/<what>`,
 * which the leak scan reads like every event: nothing is dropped.
 */

const RecordType = { FullSnapshot: 2, IncrementalSnapshot: 3, Meta: 4, Focus: 6, ViewEnd: 7, VisualViewport: 8, Frustration: 9, Change: 12 } as const;
const ChangeType = {
  AddString: 0, AddNode: 1, RemoveNode: 2, Attribute: 3, Text: 4, Size: 5, ScrollPosition: 6, AddStyleSheet: 7, AttachedStyleSheets: 8,
  MediaPlaybackState: 9, VisualViewport: 10, AddRoleAnnotatedStrings: 11, InputValue: 12, InputSelection: 13, ClearStrings: 14, ImageContent: 15,
} as const;
const KEPT_RAW: Record<number, string> = { 9: 'media-playback', 10: 'visual-viewport', 15: 'image-content' };
const RAW_RECORD: Record<number, string> = { 6: 'focus', 7: 'view-end', 8: 'visual-viewport', 9: 'frustration' };

/** rrweb's serialized node shapes (rrweb-snapshot NodeType: Document 0, DocumentType 1, Element 2, Text 3, CDATA 4). */
type RrwebNode =
  | { type: 0; childNodes: RrwebNode[]; id: number }
  | { type: 1; name: string; publicId: string; systemId: string; id: number }
  | { type: 2; tagName: string; attributes: Record<string, string>; childNodes: RrwebNode[]; id: number; isSVG?: boolean; isShadowHost?: boolean; isShadow?: boolean }
  | { type: 3; textContent: string; id: number }
  | { type: 4; textContent: string; id: number };

interface TreeNode {
  node: RrwebNode;
  parent: number | null;
  children: number[];
}

interface MutationData {
  adds: { parentId: number; nextId: number | null; node: RrwebNode }[];
  removes: { parentId: number; id: number }[];
  texts: { id: number; value: string }[];
  attributes: { id: number; attributes: Record<string, string | null> }[];
}

type AnyRecord = { type?: unknown; timestamp?: unknown; data?: unknown; format?: unknown } & Record<string, unknown>;

/**
 * Translates the records of one replayed page, in order: the string table and the node tree carry
 * over from segment to segment (a full snapshot starts both afresh).
 */
export class DatadogTranslator {
  private strings: string[] = [];
  /** The style sheets added so far (their ids are their indexes), rules joined. */
  private sheets: string[] = [];
  private nodes = new Map<number, TreeNode>();
  private nextId = 0;

  translate(records: readonly unknown[]): eventWithTime[] {
    const events: eventWithTime[] = [];
    for (const raw of records) {
      if (typeof raw !== 'object' || raw === null) throw new PayloadDecodeError('replay record is not an object');
      const record = raw as AnyRecord;
      const timestamp = typeof record.timestamp === 'number' ? record.timestamp : 0;
      events.push(...this.translateRecord(record, timestamp));
    }
    return events;
  }

  private translateRecord(record: AnyRecord, timestamp: number): eventWithTime[] {
    switch (record.type) {
      case RecordType.Meta:
        return [{ type: EventType.Meta, timestamp, data: record.data } as eventWithTime];
      case RecordType.FullSnapshot:
        if (record.format !== 1) return [raw('full-snapshot-v1', record, timestamp)];
        return this.fullSnapshot(asChanges(record.data), timestamp);
      case RecordType.Change:
        return this.changes(asChanges(record.data), timestamp);
      case RecordType.IncrementalSnapshot:
        return [{ type: EventType.IncrementalSnapshot, timestamp, data: shiftIds(record.data) } as eventWithTime];
      default: {
        const what = RAW_RECORD[Number(record.type)] ?? `record-${String(record.type)}`;
        return [raw(what, record, timestamp)];
      }
    }
  }

  private fullSnapshot(changes: unknown[][], timestamp: number): eventWithTime[] {
    this.strings = [];
    this.sheets = [];
    this.nodes = new Map();
    this.nextId = 0;
    const extra: eventWithTime[] = [];
    const mutation = this.apply(changes, timestamp, extra);
    const root = [...this.nodes.values()].find((entry) => entry.parent === null && entry.node.type === 0);
    if (!root) throw new PayloadDecodeError('full snapshot without a #document node');
    // Changes after the nodes (input values, texts, attributes set in the same snapshot) were applied to
    // the tree; the event gets a copy, since later records go on changing the tree.
    void mutation;
    const full = { type: EventType.FullSnapshot, timestamp, data: { node: structuredClone(root.node), initialOffset: { left: 0, top: 0 } } } as eventWithTime;
    return [full, ...extra];
  }

  private changes(changes: unknown[][], timestamp: number): eventWithTime[] {
    const extra: eventWithTime[] = [];
    const mutation = this.apply(changes, timestamp, extra);
    const events: eventWithTime[] = [];
    if (mutation.adds.length || mutation.removes.length || mutation.texts.length || mutation.attributes.length) {
      events.push({ type: EventType.IncrementalSnapshot, timestamp, data: { source: IncrementalSource.Mutation, ...mutation } } as eventWithTime);
    }
    return [...events, ...extra];
  }

  /** Applies the changes to the tree; returns them as an rrweb mutation, and what else they were into `extra`. */
  private apply(changes: unknown[][], timestamp: number, extra: eventWithTime[]): MutationData {
    const mutation: MutationData = { adds: [], removes: [], texts: [], attributes: [] };
    for (const change of changes) {
      const [type, ...items] = change;
      switch (type) {
        case ChangeType.AddString:
          for (const item of items) this.strings.push(String(item));
          break;
        case ChangeType.AddRoleAnnotatedStrings:
          for (const group of items) {
            if (!Array.isArray(group)) throw new PayloadDecodeError('string table update is not an array');
            for (const value of group.slice(1)) this.strings.push(String(value));
          }
          break;
        case ChangeType.ClearStrings:
          this.strings = [];
          break;
        case ChangeType.AddNode:
          for (const item of items) mutation.adds.push(this.addNode(asArray(item, 'AddNode')));
          break;
        case ChangeType.RemoveNode:
          for (const item of items) {
            const removed = this.removeNode(Number(item));
            if (removed) mutation.removes.push(removed);
          }
          break;
        case ChangeType.Attribute:
          for (const item of items) {
            const [nodeId, ...assignments] = asArray(item, 'Attribute');
            const id = Number(nodeId) + 1;
            const attributes: Record<string, string | null> = {};
            for (const assignment of assignments) {
              const pair = asArray(assignment, 'attribute assignment');
              attributes[this.string(pair[0])] = pair.length > 1 ? this.string(pair[1]) : null;
            }
            const node = this.nodes.get(id)?.node;
            if (node?.type === 2) for (const [name, value] of Object.entries(attributes)) value === null ? delete node.attributes[name] : (node.attributes[name] = value);
            mutation.attributes.push({ id, attributes });
          }
          break;
        case ChangeType.Text:
          for (const item of items) {
            const [nodeId, content] = asArray(item, 'Text');
            const id = Number(nodeId) + 1;
            const value = maskedText(this.string(content));
            const node = this.nodes.get(id)?.node;
            if (node && (node.type === 3 || node.type === 4)) node.textContent = value;
            mutation.texts.push({ id, value });
          }
          break;
        case ChangeType.InputValue:
          for (const item of items) {
            const [nodeId, content] = asArray(item, 'InputValue');
            const id = Number(nodeId) + 1;
            const text = this.string(content);
            const node = this.nodes.get(id)?.node;
            if (node?.type === 2) node.attributes.value = text;
            extra.push({ type: EventType.IncrementalSnapshot, timestamp, data: { source: IncrementalSource.Input, id, text, isChecked: false } } as eventWithTime);
          }
          break;
        case ChangeType.InputSelection:
          for (const item of items) {
            const [state, ...nodeIds] = asArray(item, 'InputSelection');
            for (const nodeId of nodeIds) {
              extra.push({ type: EventType.IncrementalSnapshot, timestamp, data: { source: IncrementalSource.Input, id: Number(nodeId) + 1, text: '', isChecked: state === 0 } } as eventWithTime);
            }
          }
          break;
        case ChangeType.Size:
          // Datadog sizes the placeholder of a hidden element; rrweb writes a blocked element's size as rr_width/rr_height.
          for (const item of items) {
            const [nodeId, width, height] = asArray(item, 'Size');
            const id = Number(nodeId) + 1;
            const attributes = { rr_width: `${Number(width)}px`, rr_height: `${Number(height)}px` };
            const node = this.nodes.get(id)?.node;
            if (node?.type === 2) Object.assign(node.attributes, attributes);
            mutation.attributes.push({ id, attributes });
          }
          break;
        case ChangeType.AddStyleSheet:
          for (const item of items) {
            const [rules] = asArray(item, 'AddStyleSheet');
            this.sheets.push(Array.isArray(rules) ? rules.map((rule) => this.string(rule)).join('') : this.string(rules));
          }
          break;
        case ChangeType.AttachedStyleSheets:
          for (const item of items) {
            const [nodeId, ...sheetIds] = asArray(item, 'AttachedStyleSheets');
            const id = Number(nodeId) + 1;
            const node = this.nodes.get(id)?.node;
            const css = sheetIds.map((sheetId) => this.sheets[Number(sheetId)] ?? '').join('');
            if (node?.type === 2 && (node.tagName === 'style' || node.tagName === 'link')) {
              // rrweb's shape for an inlined sheet: the `_cssText` attribute of its <style> or <link>.
              node.attributes._cssText = css;
              mutation.attributes.push({ id, attributes: { _cssText: css } });
            } else {
              // Adopted style sheets of a document or shadow root: no rrweb mutation shape; kept as they came.
              extra.push(raw('change/adopted-style-sheets', { id, css }, timestamp));
            }
          }
          break;
        case ChangeType.ScrollPosition:
          for (const item of items) {
            const [nodeId, x, y] = asArray(item, 'ScrollPosition');
            extra.push({ type: EventType.IncrementalSnapshot, timestamp, data: { source: IncrementalSource.Scroll, id: Number(nodeId) + 1, x: Number(x), y: Number(y) } } as eventWithTime);
          }
          break;
        default: {
          const what = KEPT_RAW[Number(type)];
          if (!what) throw new PayloadDecodeError(`unknown replay change type ${String(type)}`);
          extra.push(raw(`change/${what}`, { type, items: this.resolveStrings(items, Number(type)) }, timestamp));
        }
      }
    }
    return mutation;
  }

  private addNode(change: unknown[]): MutationData['adds'][number] {
    const [insertion, nameRef, ...params] = change;
    const id = ++this.nextId;
    const datadogId = id - 1;
    const name = this.string(nameRef);
    let node: RrwebNode;
    switch (name) {
      case '#document':
      case '#document-fragment':
      case '#shadow-root':
        node = { type: 0, childNodes: [], id };
        break;
      case '#doctype':
        node = { type: 1, name: this.string(params[0]), publicId: this.string(params[1]), systemId: this.string(params[2]), id };
        break;
      case '#text':
        node = { type: 3, textContent: maskedText(this.string(params[0])), id };
        break;
      case '#cdata-section':
        node = { type: 4, textContent: '', id };
        break;
      default: {
        const attributes: Record<string, string> = {};
        for (const param of params) {
          const pair = asArray(param, 'attribute');
          attributes[this.string(pair[0])] = this.string(pair[1]);
        }
        // Datadog writes SVG elements as "svg>tag" (its encodedElementName).
        const svg = name.startsWith('svg>');
        // HTML elements come as their nodeName (upper case); rrweb writes tag names in lower case.
        node = { type: 2, tagName: svg ? name.slice(4) : name.toLowerCase(), attributes, childNodes: [], id, ...(svg ? { isSVG: true } : {}) };
      }
    }
    // The insertion point (types: InsertionPoint): null the root, N > 0 append to the node N lower,
    // 0 after the node one lower, -N before the node N lower.
    let parent: number | null;
    let nextId: number | null = null;
    if (insertion === null) {
      parent = null;
    } else if (typeof insertion !== 'number') {
      throw new PayloadDecodeError('AddNode insertion point is not a number');
    } else if (insertion > 0) {
      parent = datadogId - insertion + 1;
    } else if (insertion === 0) {
      const previous = this.nodes.get(id - 1);
      if (!previous) throw new PayloadDecodeError(`AddNode after unknown node ${datadogId - 1}`);
      parent = previous.parent;
      const siblings = parent === null ? [] : (this.nodes.get(parent)?.children ?? []);
      nextId = siblings[siblings.indexOf(id - 1) + 1] ?? null;
    } else {
      nextId = datadogId + insertion + 1;
      parent = this.nodes.get(nextId)?.parent ?? null;
    }
    const entry: TreeNode = { node, parent, children: [] };
    this.nodes.set(id, entry);
    if (parent !== null) {
      const parentEntry = this.nodes.get(parent);
      if (!parentEntry) throw new PayloadDecodeError(`AddNode into unknown node ${parent - 1}`);
      const at = nextId === null ? -1 : parentEntry.children.indexOf(nextId);
      if (at < 0) parentEntry.children.push(id);
      else parentEntry.children.splice(at, 0, id);
      const childNodes = 'childNodes' in parentEntry.node ? parentEntry.node.childNodes : undefined;
      if (childNodes) {
        const before = nextId === null ? -1 : childNodes.findIndex((child) => child.id === nextId);
        if (before < 0) childNodes.push(node);
        else childNodes.splice(before, 0, node);
      }
      if (name === '#shadow-root' && parentEntry.node.type === 2) parentEntry.node.isShadowHost = true;
    }
    // rrweb adds carry the node without children (each child is its own add, after its parent).
    // A copy as it is now: the tree goes on changing (an input value later in the same record is its own Input event).
    const shallow = node.type === 2 ? { ...node, attributes: { ...node.attributes }, childNodes: [] } : 'childNodes' in node ? { ...node, childNodes: [] } : { ...node };
    return { parentId: parent ?? 0, nextId, node: shallow as RrwebNode };
  }

  private removeNode(datadogId: number): MutationData['removes'][number] | undefined {
    const id = datadogId + 1;
    const entry = this.nodes.get(id);
    if (!entry) return undefined;
    const parentEntry = entry.parent === null ? undefined : this.nodes.get(entry.parent);
    if (parentEntry) {
      parentEntry.children = parentEntry.children.filter((child) => child !== id);
      if ('childNodes' in parentEntry.node) {
        const index = parentEntry.node.childNodes.findIndex((child) => child.id === id);
        if (index >= 0) parentEntry.node.childNodes.splice(index, 1);
      }
    }
    const forget = (nodeId: number) => {
      const node = this.nodes.get(nodeId);
      this.nodes.delete(nodeId);
      node?.children.forEach(forget);
    };
    forget(id);
    return { parentId: entry.parent ?? 0, id };
  }

  /** A string as the change holds it: a reference into the string table, a literal, or a literal with its role. */
  private string(value: unknown): string {
    if (typeof value === 'number') {
      const found = this.strings[value];
      if (found === undefined) throw new PayloadDecodeError(`reference to unknown string ${value}`);
      return found;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'object' && value !== null && typeof (value as { string?: unknown }).string === 'string') return (value as { string: string }).string;
    throw new PayloadDecodeError('replay string is neither a reference nor a literal');
  }

  /** The changes kept raw, with their string references resolved (CSS text, image resource ids, URLs). */
  private resolveStrings(items: unknown[], type: number): unknown[] {
    if (type === ChangeType.ImageContent) return items.map((item) => { const [id, resource] = asArray(item, 'ImageContent'); return [Number(id) + 1, this.string(resource)]; });
    return items;
  }
}

/**
 * Datadog masks text by replacing every non-space character with "x" (TEXT_MASKING_CHAR in
 * browser-rum-core's privacyConstants); rrweb, and maskproof's audits, write masked text as "*". A text
 * of nothing but x's and spaces is taken as masked and written with "*" (a page whose own text is all
 * x's would read as masked too; it carries nothing a leak scan looks for).
 */
export function maskedText(text: string): string {
  return /^[\sx]*x[\sx]*$/.test(text) ? text.replace(/x/g, '*') : text;
}

function raw(what: string, payload: unknown, timestamp: number): eventWithTime {
  return { type: EventType.Custom, timestamp, data: { tag: `datadog/${what}`, payload } } as eventWithTime;
}

function asChanges(data: unknown): unknown[][] {
  if (!Array.isArray(data) || !data.every(Array.isArray)) throw new PayloadDecodeError('replay change record data is not a list of changes');
  return data as unknown[][];
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new PayloadDecodeError(`${what} change is not an array`);
  return value;
}

/** An rrweb-shaped incremental snapshot with Datadog's node ids (from 0) moved to rrweb's (from 1). */
function shiftIds(data: unknown): unknown {
  if (typeof data !== 'object' || data === null) throw new PayloadDecodeError('incremental snapshot without data');
  const copy = { ...(data as Record<string, unknown>) };
  if (typeof copy.id === 'number') copy.id += 1;
  if (Array.isArray(copy.positions)) copy.positions = copy.positions.map((p: Record<string, unknown>) => (typeof p.id === 'number' ? { ...p, id: p.id + 1 } : p));
  return copy;
}
