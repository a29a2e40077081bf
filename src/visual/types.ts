/** The visual proof's shapes live in the contract (src/contract/visual.ts): every layer reads them. */
export type * from '../contract/visual.ts';
