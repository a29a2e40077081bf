/** A string somewhere inside an event, with where it is. */
export interface StringSite {
  value: string;
  /** JSON path from the event root, built only when asked (most strings hold nothing). */
  path: () => string;
  /** Id of the nearest enclosing serialized node, or the event's data.id. */
  nodeId: number | undefined;
}

export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Calls `visit` for every string in the event (object keys of attribute maps included as values). */
export function walkStrings(event: unknown, visit: (site: StringSite) => void): void {
  const path: (string | number)[] = [];
  const rootId = (event as { data?: { id?: unknown } } | null)?.data?.id;
  const walk = (value: unknown, nodeId: number | undefined): void => {
    if (typeof value === 'string') {
      if (value.length >= 3) visit({ value, path: () => formatPath(path), nodeId });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i], nodeId);
        path.pop();
      }
      return;
    }
    const record = value as Record<string, unknown>;
    // A serialized node ({id, type, ...}) scopes the strings under it to its id.
    const ownId = typeof record.id === 'number' && typeof record.type === 'number' ? record.id : nodeId;
    for (const key in record) {
      path.push(key);
      walk(record[key], ownId);
      path.pop();
    }
  };
  walk(event, typeof rootId === 'number' ? rootId : undefined);
}
