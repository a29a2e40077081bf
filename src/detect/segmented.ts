/** A segment's value: a few digits (a card's group of four, one OTP box, a phone's area code). */
const SEGMENT = /^\d{1,6}$/;
/** Node ids apart two neighbouring segments may be (whitespace text, a wrapper or a dash between them). */
const MAX_GAP = 4;
/** Most segments one value is typed into (a 6- or 8-box code, a card in four). */
const MAX_SEGMENTS = 8;
/** Fields remembered at once: the most recently filled ones. */
const MAX_FIELDS = 64;

/**
 * Fields that together hold one value: a card typed into four inputs of four digits, a code into six
 * one-digit boxes. Remembers the latest short digit value of recent fields by node id (rrweb numbers
 * nodes in document order, so neighbouring inputs have neighbouring ids) and, when one changes,
 * returns the run of neighbours it belongs to, joined as a reader sees it.
 */
export class SegmentedFields {
  private readonly fields = new Map<number, string>();

  /** The joined run the field now belongs to (two segments or more) and its first field's id, or undefined. */
  update(nodeId: number | undefined, value: string): { first: number; joined: string } | undefined {
    if (nodeId === undefined) return undefined;
    const fields = this.fields;
    fields.delete(nodeId);
    if (!SEGMENT.test(value)) return undefined;
    fields.set(nodeId, value);
    if (fields.size > MAX_FIELDS) fields.delete(fields.keys().next().value!);
    const parts = [value];
    let first = nodeId;
    for (let id = this.neighbour(nodeId, -1); id !== undefined && parts.length < MAX_SEGMENTS; id = this.neighbour(id, -1)) {
      parts.unshift(fields.get(id)!);
      first = id;
    }
    for (let id = this.neighbour(nodeId, 1); id !== undefined && parts.length < MAX_SEGMENTS; id = this.neighbour(id, 1)) parts.push(fields.get(id)!);
    if (parts.length < 2) return undefined;
    // One-digit boxes hold a code written as one number; longer groups are printed with spaces.
    return { first, joined: parts.every((part) => part.length === 1) ? parts.join('') : parts.join(' ') };
  }

  private neighbour(id: number, direction: 1 | -1): number | undefined {
    for (let gap = 1; gap <= MAX_GAP; gap++) if (this.fields.has(id + direction * gap)) return id + direction * gap;
    return undefined;
  }
}
