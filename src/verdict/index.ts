import { adminRouteAudit } from './audits/admin-route.ts';
import { authTokenAudit } from './audits/auth-token.ts';
import { consentGateAudit } from './audits/consent-gate.ts';
import { consentWithdrawalAudit } from './audits/consent-withdrawal.ts';
import { minSessionAudit } from './audits/min-session.ts';
import { mobileGesturesAudit } from './audits/mobile-gestures.ts';
import { optOutCookieAudit } from './audits/opt-out-cookie.ts';
import { piiFormSubmitAudit } from './audits/pii-form-submit.ts';
import { rageClickAudit } from './audits/rage-click.ts';
import { routeRiskAudit } from './audits/route-risk.ts';
import { samplingAudit } from './audits/sampling.ts';
import { urlStrippingAudit } from './audits/url-stripping.ts';

export * from './audit.ts';
export * from './cases.ts';

import type { Artifacts, AuditResult, PrivacyAudit } from './audit.ts';
import { runAudit } from './audit.ts';
import type { CaseId } from './cases.ts';

/**
 * Every audit by case id, with the options each takes. The keys are the case table's ids (src/contract/
 * cases.ts), checked both ways by the compiler: a row without an audit, or an audit for no row, does not build.
 */
const definitions = {
  'pii-form-submit': piiFormSubmitAudit,
  'admin-route': adminRouteAudit,
  'auth-token': authTokenAudit,
  'rage-click': rageClickAudit,
  'route-risk': routeRiskAudit,
  'mobile-gestures': mobileGesturesAudit,
  'consent-gate': consentGateAudit,
  'consent-withdrawal': consentWithdrawalAudit,
  'opt-out-cookie': optOutCookieAudit,
  'min-session': minSessionAudit,
  'url-stripping': urlStrippingAudit,
  sampling: samplingAudit,
} satisfies { readonly [Id in CaseId]: PrivacyAudit<never> };

/** The options the audit of row `Id` takes. */
export type AuditOptions<Id extends CaseId> = Parameters<(typeof definitions)[Id]['audit']>[1];

/** The registry, as a map from each id to the audit of its own options (what lets a generic id index it without a cast). */
export type Audits = { readonly [Id in CaseId]: PrivacyAudit<AuditOptions<Id>> };
export const audits: Audits = definitions;

/** Runs the audit of row `id` on the artifacts: the verdict the fixture attaches. */
export function runPrivacyAudit<Id extends CaseId>(id: Id, artifacts: Artifacts, options: AuditOptions<Id>): AuditResult {
  const audit: PrivacyAudit<AuditOptions<Id>> = audits[id];
  return runAudit(id, audit, artifacts, options);
}
