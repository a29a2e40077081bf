import { EventEmitter, once } from 'node:events';

/**
 * The flush markers a vendor adapter's page flush puts into what the SDK sends, and their arrival:
 * a marker arriving says everything the SDK queued before it arrived too. `wait` is bounded by
 * `timeoutMs`, a guard against an SDK that keeps its data back, not a pause.
 */
export class FlushMarkers {
  private readonly arrived = new Set<string>();
  private readonly arrivals = new EventEmitter();

  constructor(private readonly timeoutMs = 5_000) {}

  /** A marker reached the harness (called from the adapter's request handler). */
  arrive(key: string): void {
    this.arrived.add(key);
    this.arrivals.emit('marker');
  }

  /** Resolves true once the marker arrived, false when the SDK sent nothing more within the bound. */
  async wait(key: string): Promise<boolean> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      while (!this.arrived.has(key)) await once(this.arrivals, 'marker', { signal });
      return true;
    } catch {
      return false;
    }
  }
}
