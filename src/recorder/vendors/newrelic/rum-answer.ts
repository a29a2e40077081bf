import type { NewrelicRumFlags } from './options.ts';

/** An entity GUID of New Relic's shape (base64 of `<account>|BROWSER|APPLICATION|<id>`), made up. */
export const HARNESS_ENTITY_GUID = Buffer.from('0|BROWSER|APPLICATION|0').toString('base64').replace(/=/g, '');

/**
 * What the harness answers the agent's RUM call with: the shape New Relic's server sends (the
 * agent's page_view_event aggregate reads `app.nrServerTime` for its TimeKeeper and `app.agents[0].entityGuid`,
 * and hands every other key to the features as flags, waitForFlags), for an app with session replay
 * and session trace entitled and every session sampled in full, changed only by the config's `rum`
 * flags. The agent aborts without `nrServerTime`, so the answer carries the harness's clock.
 */
export function rumAnswer(flags: NewrelicRumFlags, now: number = Date.now()) {
  return {
    loaded: 1,
    st: flags.st ?? 1,
    sts: flags.sts ?? 1,
    err: flags.err ?? 1,
    ins: flags.ins ?? 1,
    spa: flags.spa ?? 1,
    sr: flags.sr ?? 1,
    srs: flags.srs ?? 1,
    log: flags.log ?? 0,
    logapi: flags.logapi ?? 0,
    app: { agents: [{ entityGuid: HARNESS_ENTITY_GUID }], nrServerTime: now },
  };
}
