/**
 * Builders for rrweb 2.2.2 events as the recorder writes them: serialized trees (node types 0-5 with
 * ids), mutation/input incremental snapshots, maskproof's custom network and error events.
 */
import { EventType, IncrementalSource } from '@rrweb/types';

export interface SerializedNode {
  type: number;
  id: number;
  tagName?: string;
  attributes?: Record<string, string | number | boolean>;
  childNodes?: SerializedNode[];
  textContent?: string;
  isStyle?: boolean;
}

/** Node ids, unique within a test file like in a recording. */
let nextId = 100;
export const id = () => nextId++;

export const text = (textContent: string, isStyle?: boolean): SerializedNode => ({ type: 3, id: id(), textContent, ...(isStyle ? { isStyle } : {}) });
export const el = (tagName: string, attributes: Record<string, string | number | boolean> = {}, childNodes: SerializedNode[] = []): SerializedNode => ({ type: 2, id: id(), tagName, attributes, childNodes });

/** A full snapshot: doctype, html, head with a stylesheet, and the given body children. */
export function fullSnapshot(body: SerializedNode[], timestamp = 1_700_000_000_000) {
  return {
    type: EventType.FullSnapshot,
    timestamp,
    data: {
      node: {
        type: 0,
        id: 1,
        childNodes: [
          { type: 1, id: 2, name: 'html', publicId: '', systemId: '' },
          el('html', { lang: 'en' }, [
            el('head', {}, [el('title', {}, [text('Checkout')]), el('style', {}, [text('.field { margin: 4px 8px; } .total { width: 1280px; }', true)])]),
            el('body', { class: 'page' }, body),
          ]),
        ],
      },
      initialOffset: { left: 0, top: 0 },
    },
  };
}

/** A checkout form as rrweb serializes it with masked inputs, plus whatever else the test puts in. */
export function checkoutForm(extra: SerializedNode[] = []): SerializedNode {
  const field = (name: string, value: string) => el('div', { class: 'field' }, [el('label', { for: name }, [text(name)]), el('input', { id: name, name, type: 'text', value })]);
  return el('form', { id: 'checkout', method: 'post', action: '/orders' }, [
    field('name', '**** ******'),
    field('card', '**** **** **** ****'),
    el('button', { type: 'submit' }, [text('Pay $12.99')]),
    ...extra,
  ]);
}

export const meta = (href: string) => ({ type: EventType.Meta, timestamp: 1_700_000_000_000, data: { href, width: 1280, height: 720 } });

export const input = (nodeId: number, value: string, timestamp = 1_700_000_000_100) => ({
  type: EventType.IncrementalSnapshot,
  timestamp,
  data: { source: IncrementalSource.Input, id: nodeId, text: value, isChecked: false },
});

export const mutation = (data: { texts?: { id: number; value: string }[]; attributes?: { id: number; attributes: Record<string, string | null> }[]; adds?: { parentId: number; nextId: number | null; node: SerializedNode }[] }) => ({
  type: EventType.IncrementalSnapshot,
  timestamp: 1_700_000_000_200,
  data: { source: IncrementalSource.Mutation, texts: data.texts ?? [], attributes: data.attributes ?? [], removes: [], adds: data.adds ?? [] },
});

export const textMutation = (nodeId: number, value: string) => mutation({ texts: [{ id: nodeId, value }] });
export const appendText = (parentId: number, value: string) => mutation({ adds: [{ parentId, nextId: null, node: text(value) }] });

export const click = (nodeId: number) => ({ type: EventType.IncrementalSnapshot, timestamp: 1_700_000_000_300, data: { source: IncrementalSource.MouseInteraction, type: 2, id: nodeId, x: 415, y: 555, pointerType: 0 } });

/** maskproof's recorder: a network request as a custom event. */
export const network = (request: { url: string; method?: string; headers?: Record<string, string>; body?: unknown }, response: unknown = { status: 200, body: '{"ok":true}' }) => ({
  type: EventType.Custom,
  timestamp: 1_700_000_000_400,
  data: { tag: 'maskproof/network', payload: { method: request.method ?? 'GET', url: request.url, request: { headers: request.headers ?? {}, body: request.body ?? null }, response } },
});

export const appError = (message: string) => ({ type: EventType.Custom, timestamp: 1_700_000_000_500, data: { tag: 'maskproof/error', payload: { message, stack: `Error: ${message}\n    at submit (app.js:10:5)` } } });
