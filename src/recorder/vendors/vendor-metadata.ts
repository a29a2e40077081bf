/** What a vendor SDK sent beside the rrweb events: the plain shape lives in the contract. */
export { type VendorMetadata, isVendorMetadata } from '../../contract/recording.ts';
