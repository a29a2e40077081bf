import type { BrowserContext, Page } from '@playwright/test';
import type { RrwebRecorderConfig } from '../config/recorder-config.ts';
import type { IngestSink, RecorderAdapter, RecorderCapabilities } from './adapter.ts';
import { INGEST_BINDING, type SessionOptions, buildInitScript } from './init-script.ts';

function isBatch(value: unknown): value is { url: string; events: [] } {
  if (typeof value !== 'object' || value === null) return false;
  const batch = value as { url?: unknown; events?: unknown };
  return typeof batch.url === 'string' && Array.isArray(batch.events);
}

/** rrweb's own record(), wrapped by maskproof's recorder policy; batches arrive through a page binding. */
export class RrwebAdapter implements RecorderAdapter {
  readonly name = 'rrweb';

  constructor(
    private readonly config: RrwebRecorderConfig,
    private readonly session: SessionOptions = {},
  ) {}

  get capabilities(): RecorderCapabilities {
    return { routeBlocking: true, networkRecording: this.config.policy.network.record, errorRecording: this.config.policy.errors.record };
  }

  async install(context: BrowserContext, sink: IngestSink): Promise<void> {
    await context.exposeBinding(INGEST_BINDING, (_source, batch: unknown) => {
      if (isBatch(batch)) sink.receive(batch);
      else sink.malformed(batch, 'not a {url, events[]} batch');
    });
    await context.addInitScript({ content: buildInitScript(this.config, this.session) });
  }

  /** The page's flush resolves when every batch has come back through the binding: no sleeping. */
  async flush(pages: Page[]): Promise<void> {
    await Promise.all(
      pages
        .filter((page) => !page.isClosed())
        .map((page) =>
          page.evaluate(() => (window as unknown as { __maskproof?: { flush(): Promise<void> } }).__maskproof?.flush()).catch(() => undefined),
        ),
    );
  }
}
