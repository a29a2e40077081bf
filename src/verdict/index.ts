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

/** Every audit by case id, with the options each takes. */
export const audits = {
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
};

export type Audits = typeof audits;
export type AuditOptions<Id extends keyof Audits> = Audits[Id] extends { audit(a: never, options: infer O): unknown } ? O : never;
