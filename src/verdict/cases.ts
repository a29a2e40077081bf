/** The test-case table is part of the contract (src/contract/cases.ts): the reports read it too. */
export { type CaseId, type PrivacyCase, isCaseId, privacyCase, privacyCases } from '../contract/cases.ts';
