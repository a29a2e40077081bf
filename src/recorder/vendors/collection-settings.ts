import type { CollectionPolicy } from '../../config/collection-policy.ts';
import type { PrivacySetting } from '../../contract/settings.ts';

/** policy.collection as a stakeholder reads it; nothing when the config has none (recording from page load). */
export function collectionSettings(collection: CollectionPolicy | undefined): PrivacySetting[] {
  if (!collection) return [];
  const consent = collection.consent;
  const consentValue = consent?.required
    ? `required: waits for "${consent.grantedEvent ?? consent.storageKey ?? '?'}"; ${consent.withdrawnEvent ? `stops on "${consent.withdrawnEvent}"` : 'withdrawal not handled'}`
    : 'not required: recording starts at page load';
  const stripped = [collection.stripUrlQuery ? 'query string' : undefined, collection.stripUrlHash ? 'fragment' : undefined].filter(Boolean);
  return [
    { label: 'Consent', value: consentValue },
    { label: 'Opt-out cookie', value: collection.optOutCookie ? `${collection.optOutCookie}: nothing recorded while set` : 'none' },
    { label: 'Minimum session', value: collection.minSessionMs ? `${collection.minSessionMs} ms: shorter sessions are not sent` : 'none: every session sent' },
    { label: 'Page URLs', value: stripped.length ? `recorded without ${stripped.join(' and ')}` : 'recorded whole (query string and fragment kept)' },
    { label: 'Session sampling', value: collection.sampleRate === undefined ? 'none: every session recorded' : `${collection.sampleRate * 100}% of sessions recorded` },
  ];
}
