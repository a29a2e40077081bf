import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressedTexts } from '../../../src/detect/decoders.ts';
import { scanEvents } from '../../../src/detect/index.ts';
import type { Canary } from '../../../src/detect/types.ts';

const canaries: Canary[] = [
  { kind: 'fullName', value: 'Merritt Flatley', label: 'draft › name' },
  { kind: 'email', value: 'merritt_flatley@yahoo.com', label: 'draft › email' },
];
const draft = JSON.stringify({ recipient: { fullName: 'Merritt Flatley', email: 'merritt_flatley@yahoo.com' }, note: 'call back' });
const other = JSON.stringify({ recipient: { fullName: 'Merritt Flatly', email: 'merritt_flatly@yahoo.com' }, note: 'call back' });
/** A network custom event whose request body carries the blob as an app posts it. */
const posted = (blob: string) => ({ type: 5, timestamp: 1, data: { tag: 'maskproof/network', payload: { method: 'POST', url: '/api/drafts', request: { body: JSON.stringify({ draft: blob }) }, response: { body: blob } } } });
const scan = (blob: string) => scanEvents([posted(blob)], { canaries, patterns: false }).map((f) => `${f.label}@${f.path}:${f.encoding}`);

describe('compressed bodies in base64: the text rules see H4sI…, the scan sees inside', () => {
  it('gzip in a JSON body and as a whole response body: found at the body path, encoding gzip', () => {
    const blob = gzipSync(draft).toString('base64');
    expect(scan(blob)).toEqual(expect.arrayContaining([
      'draft › name@data.payload.request.body:gzip',
      'draft › email@data.payload.request.body:gzip',
      'draft › name@data.payload.response.body:gzip',
    ]));
    // The same draft for someone else: nothing.
    expect(scan(gzipSync(other).toString('base64'))).toEqual([]);
  });

  it('base64url gzip, a brotli and a zlib blob (whole strings) are inflated too', () => {
    expect(compressedTexts(gzipSync(draft).toString('base64url'))).toEqual([draft]);
    expect(compressedTexts(brotliCompressSync(draft).toString('base64'))).toEqual([draft]);
    expect(compressedTexts(deflateSync(draft).toString('base64'))).toEqual([draft]);
    expect(scan(brotliCompressSync(draft).toString('base64'))).toContain('draft › email@data.payload.response.body:gzip');
  });

  it('stays quiet on what is not a compressed blob: a truncated gzip, random base64, plain text', () => {
    const cut = gzipSync(draft).toString('base64').slice(0, 40);
    expect(compressedTexts(cut)).toEqual([]);
    expect(compressedTexts(Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 97 + 13) % 256)).toString('base64'))).toEqual([]);
    expect(compressedTexts('H4sIAAAAAAAAA is not a draft')).toEqual([]);
    expect(compressedTexts(Buffer.from(draft).toString('base64'))).toEqual([]);
  });

  it('a blob that inflates past 1 MB is cut, not expanded (a zip bomb costs nothing)', () => {
    const bomb = gzipSync(Buffer.alloc(8 << 20, 0x61)).toString('base64');
    expect(compressedTexts(bomb)).toEqual([]);
  });
});
