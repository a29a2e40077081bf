/** The bytes a vendor SDK sent did not decode as what its source says it sends. */
export class PayloadDecodeError extends Error {}
