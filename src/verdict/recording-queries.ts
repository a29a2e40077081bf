import {
  EventType,
  IncrementalSource,
  MouseInteractions,
  NodeType,
  type eventWithTime,
  type serializedNodeWithId,
} from '@rrweb/types';
import type { CapturedEvent } from '../contract/recording.ts';
import { eventTypeName } from '../recording/event-names.ts';

/** Small read-only queries over an rrweb event stream, shared by the audits. */

export interface TextNodeSeen {
  nodeId: number;
  text: string;
  eventIndex: number;
  /** Tag of the parent element, lower-case, when known. */
  parentTag: string | undefined;
  isStyle: boolean;
}

/** Every serialized subtree an event carries: the full snapshot's tree and mutation additions. */
function* subtrees(event: eventWithTime): Generator<{ node: serializedNodeWithId; parentTag: string | undefined }> {
  if (event.type === EventType.FullSnapshot) yield { node: event.data.node, parentTag: undefined };
  if (event.type === EventType.IncrementalSnapshot && event.data.source === IncrementalSource.Mutation) {
    for (const add of event.data.adds) yield { node: add.node, parentTag: undefined };
  }
}

function* walk(node: serializedNodeWithId, parentTag: string | undefined): Generator<{ node: serializedNodeWithId; parentTag: string | undefined }> {
  yield { node, parentTag };
  if (node.type === NodeType.Element || node.type === NodeType.Document) {
    const tag = node.type === NodeType.Element ? node.tagName.toLowerCase() : undefined;
    for (const child of node.childNodes) yield* walk(child, tag);
  }
}

/** rrweb node ids of elements by their `id` attribute, across snapshots and mutations. */
export function nodeIdsByElementId(events: readonly eventWithTime[]): Map<string, Set<number>> {
  const ids = new Map<string, Set<number>>();
  for (const event of events) {
    for (const root of subtrees(event)) {
      for (const { node } of walk(root.node, root.parentTag)) {
        if (node.type !== NodeType.Element) continue;
        const id = node.attributes.id;
        if (typeof id !== 'string') continue;
        if (!ids.has(id)) ids.set(id, new Set());
        ids.get(id)!.add(node.id);
      }
    }
  }
  return ids;
}

/** Every text a text node held: in snapshots, in added subtrees and in text mutations. */
export function textNodes(events: readonly eventWithTime[]): TextNodeSeen[] {
  const parents = new Map<number, { parentTag: string | undefined; isStyle: boolean }>();
  const seen: TextNodeSeen[] = [];
  events.forEach((event, eventIndex) => {
    for (const root of subtrees(event)) {
      for (const { node, parentTag } of walk(root.node, root.parentTag)) {
        if (node.type !== NodeType.Text) continue;
        const isStyle = node.isStyle === true || parentTag === 'style' || parentTag === 'script';
        parents.set(node.id, { parentTag, isStyle });
        seen.push({ nodeId: node.id, text: node.textContent, eventIndex, parentTag, isStyle });
      }
    }
    if (event.type === EventType.IncrementalSnapshot && event.data.source === IncrementalSource.Mutation) {
      for (const change of event.data.texts) {
        const parent = parents.get(change.id);
        if (change.value === null) continue;
        seen.push({ nodeId: change.id, text: change.value, eventIndex, parentTag: parent?.parentTag, isStyle: parent?.isStyle ?? false });
      }
    }
  });
  return seen;
}

export interface InputSeen {
  nodeId: number;
  text: string;
  eventIndex: number;
}

export function inputEvents(events: readonly eventWithTime[]): InputSeen[] {
  const inputs: InputSeen[] = [];
  events.forEach((event, eventIndex) => {
    if (event.type === EventType.IncrementalSnapshot && event.data.source === IncrementalSource.Input) {
      inputs.push({ nodeId: event.data.id, text: event.data.text, eventIndex });
    }
  });
  return inputs;
}

export interface InteractionSeen {
  type: MouseInteractions;
  nodeId: number;
  timestamp: number;
  eventIndex: number;
}

export function mouseInteractions(events: readonly eventWithTime[]): InteractionSeen[] {
  const seen: InteractionSeen[] = [];
  events.forEach((event, eventIndex) => {
    if (event.type === EventType.IncrementalSnapshot && event.data.source === IncrementalSource.MouseInteraction) {
      seen.push({ type: event.data.type, nodeId: event.data.id, timestamp: event.timestamp, eventIndex });
    }
  });
  return seen;
}

/** rrweb's touch-move positions (a swipe's path). */
export function isTouchMove(event: eventWithTime): boolean {
  return event.type === EventType.IncrementalSnapshot && event.data.source === IncrementalSource.TouchMove;
}

export function touchMoves(events: readonly eventWithTime[]): number {
  return events.filter(isTouchMove).length;
}

/** Custom events (type 5) with the given tag. */
export function customEvents<T = unknown>(events: readonly eventWithTime[], tag: string): { payload: T; eventIndex: number }[] {
  const found: { payload: T; eventIndex: number }[] = [];
  events.forEach((event, eventIndex) => {
    if (event.type === EventType.Custom && event.data.tag === tag) found.push({ payload: event.data.payload as T, eventIndex });
  });
  return found;
}

/** Counts events by a readable type name, for reports. */
export function countByType(events: readonly eventWithTime[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const name = eventTypeName(event.type, event.data);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Only mask characters and whitespace: what rrweb leaves of masked text. */
export function isMasked(text: string): boolean {
  return /^[\s*•]*$/.test(text);
}

export function eventsOf(captured: readonly CapturedEvent[]): eventWithTime[] {
  return captured.map((c) => c.event);
}

/** Requests and errors as the recorder wrote them down: read into plain ones at capture time (recording.requests, recording.errors). */
export type { RecordedError, RecordedRequest } from '../contract/recording.ts';
