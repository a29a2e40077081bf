import { EventType, IncrementalSource, NodeType, type eventWithTime, type serializedNodeWithId } from '@rrweb/types';

/** A structural leak: something the recording holds that is not a planted string (e.g. a blocked element in full). */
export interface StructuralFinding {
  eventIndex: number;
  eventType: number;
  /** JSON path of the offending node inside the event. */
  path: string;
  label: string;
}

/** The attribute the fixture app marks private sections with, and safe.json blocks. */
export const PRIVATE_ATTRIBUTE = 'data-private';

function* elementsWithPaths(node: serializedNodeWithId, path: string): Generator<{ node: serializedNodeWithId; path: string }> {
  yield { node, path };
  if (node.type === NodeType.Element || node.type === NodeType.Document) {
    for (let i = 0; i < node.childNodes.length; i++) yield* elementsWithPaths(node.childNodes[i]!, `${path}.childNodes[${i}]`);
  }
}

function* trees(event: eventWithTime): Generator<{ node: serializedNodeWithId; path: string }> {
  if (event.type === EventType.FullSnapshot) yield { node: event.data.node, path: 'data.node' };
  if (event.type === EventType.IncrementalSnapshot && event.data.source === IncrementalSource.Mutation) {
    for (let i = 0; i < event.data.adds.length; i++) yield { node: event.data.adds[i]!.node, path: `data.adds[${i}].node` };
  }
}

/**
 * Elements marked for blocking that were recorded in full. A blocked element must arrive as a placeholder
 * box only (class, rr_width, rr_height, no children): its marker attribute surviving means rrweb did not
 * block it, and everything inside it (attributes, structure, sizes) went into the recording.
 */
export function blockedElementsRecordedInFull(events: readonly eventWithTime[], attribute = PRIVATE_ATTRIBUTE): StructuralFinding[] {
  const found: StructuralFinding[] = [];
  events.forEach((event, eventIndex) => {
    for (const tree of trees(event)) {
      for (const { node, path } of elementsWithPaths(tree.node, tree.path)) {
        if (node.type !== NodeType.Element || node.attributes[attribute] === undefined) continue;
        const children = node.childNodes.length;
        found.push({
          eventIndex,
          eventType: event.type,
          path: `${path}.attributes[${JSON.stringify(attribute)}]`,
          label: `[${attribute}] <${node.tagName}> recorded in full (${children} child node${children === 1 ? '' : 's'}) instead of a placeholder box`,
        });
      }
    }
  });
  return found;
}
