/**
 * When the recorder may collect at all (issue #7, "Consent and collection controls"): the consent
 * signal it waits for, the opt-out cookie it honours, the shortest session it sends, what it strips
 * from recorded page URLs, and the share of sessions it records at all.
 * Enforced by maskproof's recorder wrapper (src/recorder/wrapper.browser.js); a real product does the
 * same in its own integration code.
 */
export interface ConsentPolicy {
  /** Record nothing until the visitor consents. */
  required: boolean;
  /** Window event the consent banner dispatches on "accept" (CMPs do this, e.g. Cookiebot's CookiebotOnAccept). */
  grantedEvent?: string;
  /** Window event dispatched when the visitor withdraws consent; recording stops at once. */
  withdrawnEvent?: string;
  /** localStorage key where the banner keeps its decision ("granted" / "withdrawn") across page loads. */
  storageKey?: string;
}

export interface CollectionPolicy {
  consent?: ConsentPolicy;
  /** A cookie that, when set (to anything but "" / "0" / "false"), keeps the recorder from starting. */
  optOutCookie?: string;
  /**
   * Send nothing until the session (from the moment recording starts on a page) is this long; a session
   * that ends earlier (the page is left) is dropped, never sent. 0 or absent: no minimum.
   */
  minSessionMs?: number;
  /** Drop the query string from recorded page URLs (Meta events, the URL of each ingest request). */
  stripUrlQuery?: boolean;
  /** Drop the #fragment from recorded page URLs. */
  stripUrlHash?: boolean;
  /**
   * Share of sessions recorded, 0..1 (absent: 1, every session). Drawn once per session (the tab's
   * sessionStorage) from a hash of the session id, so a session is recorded on every page or on none.
   * Not rrweb's `sampling` option: that throttles events within a recorded session.
   */
  sampleRate?: number;
}

/** JSON Schema of `policy.collection` in an rrweb recorder config. */
export const collectionPolicySchema = {
  description: 'When the recorder may collect: consent, opt-out cookie, minimum session length, URL stripping, session sampling.',
  type: 'object',
  additionalProperties: false,
  properties: {
    consent: {
      type: 'object',
      additionalProperties: false,
      required: ['required'],
      properties: {
        required: { type: 'boolean' },
        grantedEvent: { type: 'string', minLength: 1 },
        withdrawnEvent: { type: 'string', minLength: 1 },
        storageKey: { type: 'string', minLength: 1 },
      },
      // Required consent with no way to receive it would silently record nothing, ever.
      if: { properties: { required: { const: true } } },
      then: {
        anyOf: [
          { type: 'object', properties: { grantedEvent: true }, required: ['grantedEvent'] },
          { type: 'object', properties: { storageKey: true }, required: ['storageKey'] },
        ],
      },
    },
    optOutCookie: { type: 'string', minLength: 1 },
    minSessionMs: { type: 'integer', minimum: 0 },
    stripUrlQuery: { type: 'boolean' },
    stripUrlHash: { type: 'boolean' },
    sampleRate: { type: 'number', minimum: 0, maximum: 1 },
  },
} as const;
