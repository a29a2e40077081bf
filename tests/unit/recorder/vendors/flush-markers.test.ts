import { describe, expect, it } from 'vitest';
import { FlushMarkers } from '../../../../src/recorder/vendors/flush-markers.ts';

describe('FlushMarkers: a page flush waits for its marker, bounded', () => {
  it('resolves true when the marker arrives after the wait began, and at once when it already arrived', async () => {
    const markers = new FlushMarkers(2_000);
    const waiting = markers.wait('a');
    markers.arrive('b');
    markers.arrive('a');
    await expect(waiting).resolves.toBe(true);
    await expect(markers.wait('b')).resolves.toBe(true);
  });

  it('resolves false when the SDK never sends it (the bound, not a hang)', async () => {
    const markers = new FlushMarkers(20);
    markers.arrive('other');
    await expect(markers.wait('missing')).resolves.toBe(false);
  });
});
