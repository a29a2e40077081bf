import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordingOf } from '../helpers/evidence.ts';
import { type CliRun, runCliPool } from '../helpers/run-cli.ts';

// Observe mode through the real CLI: Northwind Shop (fixtures/observe/rrweb) ships its own rrweb
// recorder posting to /collect/replay; maskproof injects nothing. One run per build of the app's
// recorder code (safe, leaky), each asserted on everything it shows.
const dir = 'fixtures/observe/rrweb';
const sentryDir = 'fixtures/observe/sentry';
const posthogDir = 'fixtures/observe/posthog';
const configs = [`${dir}/maskproof.config.ts`, `${dir}/maskproof.leaky.config.ts`, `${sentryDir}/maskproof.config.ts`, `${sentryDir}/maskproof.leaky.config.ts`, `${posthogDir}/maskproof.config.ts`, `${posthogDir}/maskproof.leaky.config.ts`];
const runs = new Map<string, CliRun>();
// The six runs, two side by side (one per core); each test below asserts on its own.
beforeAll(async () => {
  const results = await runCliPool(configs.map((config) => ['run', '--config', config, '--seed', '11']));
  configs.forEach((config, index) => runs.set(config, results[index]!));
});
const runOf = (config: string) => runs.get(config)!;
const rows = (run: CliRun) => run.results!.cases.map((c) => `${c.journey} › ${c.id}: ${c.status}`).sort();

describe('observe mode: the app\'s own rrweb recorder', () => {
  it('the safe build passes: the events came from the app\'s own requests, the staff page sent none', () => {
    const run = runOf(`${dir}/maskproof.config.ts`);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(rows(run)).toEqual(['place an order › pii-form-submit: pass', 'staff pages are never recorded › admin-route: pass']);
    const checkout = recordingOf(run.reportDir, 'place-an-order');
    expect(checkout.ingests.length).toBeGreaterThan(0);
    expect(checkout.malformedPayloads).toEqual([]);
    // maskproof's own recorder never ran: no maskproof custom events, only the app's rrweb.
    expect(checkout.events.every((e) => e.event.type !== 5)).toBe(true);
    // What the home page sent while unloading (flushed before the link's navigation) was not lost.
    const staff = recordingOf(run.reportDir, 'staff-pages');
    expect(staff.ingests.length).toBeGreaterThan(0);
    expect(new Set(staff.events.map((e) => new URL(e.pageUrl).pathname))).toEqual(new Set(['/']));
  });

  it('the leaky build (maskAllInputs and the /admin guard removed from the app\'s code) fails naming the fields and the staff page; a page without the recorder fails with "no recorder traffic"', () => {
    const run = runOf(`${dir}/maskproof.leaky.config.ts`);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(rows(run)).toEqual([
      'a page without the recorder › pii-form-submit: fail',
      'place an order › pii-form-submit: fail',
      'staff pages are never recorded › admin-route: fail',
    ]);
    const reasonsOf = (journey: string) => run.results!.cases.find((c) => c.journey === journey)!.reasons;
    for (const field of ['full-name', 'email', 'phone']) expect(reasonsOf('place an order').join('\n')).toContain(`field #${field} recorded unmasked input`);
    expect(reasonsOf('staff pages are never recorded').join('\n')).toMatch(/\/admin/);
    // Never a pass, and never worded as a leak: the journey saw no recorder at all.
    expect(reasonsOf('a page without the recorder')).toEqual(['no recorder traffic to **/collect/replay seen: is the recorder installed on this page? check `ingest`']);
  });
});

// Harbor Books (fixtures/observe/sentry) ships its own @sentry/browser with Session Replay, bundled
// by its own build step; maskproof answers its envelopes (DSN host, or the app's /tunnel) locally.
describe('observe mode: the app\'s own Sentry Replay', () => {
  it('the safe build (Sentry\'s masking defaults, envelopes to the DSN host) passes on replay segments it decoded', () => {
    const run = runOf(`${sentryDir}/maskproof.config.ts`);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(rows(run)).toEqual(['place an order › pii-form-submit: pass']);
    const checkout = recordingOf(run.reportDir, 'place-an-order');
    expect(checkout.malformedPayloads).toEqual([]);
    expect(checkout.ingests.some((i) => (i.metadata as { kind?: string } | undefined)?.kind === 'replay_event')).toBe(true);
    // A full snapshot of the checkout page arrived: the pass rests on a recording, not on silence.
    expect(checkout.events.some((e) => e.event.type === 2)).toBe(true);
  });

  it('the leaky build (maskAllText/maskAllInputs false, through the app\'s tunnel) fails naming every field', () => {
    const run = runOf(`${sentryDir}/maskproof.leaky.config.ts`);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(rows(run)).toEqual(['place an order › pii-form-submit: fail']);
    const reasons = run.results!.cases[0]!.reasons.join('\n');
    for (const field of ['full-name', 'email', 'phone']) expect(reasons).toContain(`field #${field} recorded unmasked input`);
  });
});

// Lantern Tea (fixtures/observe/posthog) ships its own posthog-js, bundled by its own build step, with
// api_host on its own reverse proxy (/ingest); maskproof answers the remote config, the lazy recorder
// script and every batch there locally.
describe('observe mode: the app\'s own PostHog', () => {
  it('the safe build (maskAllInputs, through /ingest) passes on $snapshot batches it decoded', () => {
    const run = runOf(`${posthogDir}/maskproof.config.ts`);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(rows(run)).toEqual(['place an order › pii-form-submit: pass']);
    const checkout = recordingOf(run.reportDir, 'place-an-order');
    expect(checkout.malformedPayloads).toEqual([]);
    expect(checkout.ingests.some((i) => (i.metadata as { kind?: string } | undefined)?.kind === '$snapshot')).toBe(true);
    // A full snapshot of the checkout page arrived: the pass rests on a recording, not on silence.
    expect(checkout.events.some((e) => e.event.type === 2)).toBe(true);
  });

  it('the leaky build (maskAllInputs false in the app\'s own init) fails naming every field', () => {
    const run = runOf(`${posthogDir}/maskproof.leaky.config.ts`);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(rows(run)).toEqual(['place an order › pii-form-submit: fail']);
    const reasons = run.results!.cases[0]!.reasons.join('\n');
    for (const field of ['full-name', 'email', 'phone']) expect(reasons).toContain(`field #${field} recorded unmasked input`);
  });
});
