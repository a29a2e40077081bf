import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One labelled leak: `value` of `detector`'s kind, carried in `text` (put in a table cell) or in `events`. */
export interface LeakCase {
  id: string;
  detector: string;
  value: string;
  encoding: string;
  source: string;
  text?: string;
  events?: unknown[];
}

/** Every case of every file in the folder (each helper's detectors have their own file). */
export function loadLeakCases(dir: string): LeakCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as LeakCase[]);
}

/** The case as a recording: its own events, or its text in a table cell of an admin page's full snapshot. */
export function caseEvents(c: LeakCase): unknown[] {
  if (c.events) return c.events;
  let id = 1;
  const node = (tagName: string, childNodes: unknown[]) => ({ type: 2, tagName, attributes: {}, childNodes, id: id++ });
  const cell = { type: 3, textContent: c.text ?? c.value, id: id++ };
  const root = { type: 0, id: id++, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: id++ }, node('html', [node('head', []), node('body', [node('table', [node('tr', [node('td', [cell])])])])])] };
  return [
    { type: 4, data: { href: 'https://staging.example.com/admin', width: 1280, height: 800 }, timestamp: 1767225600000 },
    { type: 2, data: { node: root, initialOffset: { top: 0, left: 0 } }, timestamp: 1767225600010 },
  ];
}
