import { EventType, IncrementalSource } from '@rrweb/types';

/**
 * The readable name of an rrweb event type, from rrweb's own enums: "Meta", "FullSnapshot",
 * "IncrementalSnapshot:Input", "Custom:maskproof/network" ("Custom" without a tag); a number rrweb
 * does not name is "type 42" ("IncrementalSnapshot:source 17"). `eventData` is the event's data (its
 * `source` names an incremental snapshot, its `tag` a custom event), or `{ source }` from a finding.
 * The one vocabulary of every place that names an event: the report's event counts, verdict reasons
 * and `maskproof scan`'s table.
 */
export function eventTypeName(type: number, eventData?: unknown): string {
  const data = eventData as { source?: unknown; tag?: unknown } | null | undefined;
  if (type === EventType.IncrementalSnapshot) {
    const source = data?.source;
    const sourceName = typeof source === 'number' ? (IncrementalSource[source] ?? `source ${source}`) : source === undefined ? '?' : String(source);
    return `IncrementalSnapshot:${sourceName}`;
  }
  // A finding keeps no tag: its custom event is just "Custom".
  if (type === EventType.Custom) return data?.tag === undefined ? 'Custom' : `Custom:${String(data.tag)}`;
  return EventType[type] ?? `type ${type}`;
}
