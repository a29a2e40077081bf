/** The result model is the contract's (src/contract/results.ts): every check writes it, every format reads it. */
export type { CaseEvidence, CaseResult, PrivacySetting, RunResults } from '../contract/results.ts';
