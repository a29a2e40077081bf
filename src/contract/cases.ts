/**
 * The privacy test-case table, as QA writes it: the one place a case id is written. The audit registry
 * (src/verdict/index.ts) is a map over these ids that the compiler holds complete, and every report renders
 * rows from here.
 */
export const privacyCases = [
  { id: 'pii-form-submit', journey: 'PII form submit', expected: 'fields show ****: no planted value appears anywhere in the recording' },
  { id: 'admin-route', journey: 'admin route', expected: 'no replay generated: zero events, zero ingest requests' },
  { id: 'auth-token', journey: 'authentication token', expected: 'token stripped from recorded network requests' },
  { id: 'rage-click', journey: 'rage click on an erroring button', expected: 'the interaction is captured, with masking applied' },
  { id: 'mobile-gestures', journey: 'mobile view', expected: 'touch gestures captured, no text recorded' },
  // Your own app (maskproof.config routes): not one of the five bundled journeys; declarative journeys expect it.
  { id: 'route-risk', journey: 'route risk classes', expected: 'high routes: no replay; medium: all text and inputs masked; low: inputs masked' },
  // Consent and collection controls (issue #7): the `controls` project, run with `maskproof run --project controls`.
  { id: 'consent-gate', journey: 'recording before consent', expected: 'no events and no recorder traffic before consent; events after it' },
  { id: 'consent-withdrawal', journey: 'consent withdrawn', expected: 'recording stops: no events and no recorder traffic after the withdrawal' },
  { id: 'opt-out-cookie', journey: 'opt-out cookie', expected: 'nothing recorded and nothing sent while the opt-out cookie is set' },
  { id: 'min-session', journey: 'short session', expected: 'a session shorter than the configured minimum is not sent; a longer one is' },
  { id: 'url-stripping', journey: 'URL with query string and fragment', expected: 'recorded page URLs carry no query string and no fragment' },
  { id: 'sampling', journey: 'sampling', expected: 'sampling rate 0 records nothing; 1.0 records everything' },
] as const;

export type CaseId = (typeof privacyCases)[number]['id'];
export type PrivacyCase = (typeof privacyCases)[number];

export function privacyCase(id: CaseId): PrivacyCase {
  const found = privacyCases.find((c) => c.id === id);
  if (!found) throw new Error(`unknown privacy case ${id}`);
  return found;
}

export function isCaseId(value: string): value is CaseId {
  return privacyCases.some((c) => c.id === value);
}
