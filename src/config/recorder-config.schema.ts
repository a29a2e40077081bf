import { collectionPolicySchema } from './collection-policy.ts';

/**
 * JSON Schema of a recorder config file. Unknown keys are errors on purpose: a typo such as
 * "maskAllInput" would otherwise silently turn a protection off, which is the very mistake
 * maskproof exists to catch.
 */
const maskInputKeys = [
  'color', 'date', 'datetime-local', 'email', 'month', 'number', 'range', 'search', 'tel', 'text', 'time', 'url', 'week',
  'textarea', 'select', 'password',
];
const slimDomKeys = [
  'script', 'comment', 'headFavicon', 'headWhitespace', 'headMetaDescKeywords', 'headMetaSocial', 'headMetaRobots',
  'headMetaHttpEquiv', 'headMetaAuthorship', 'headMetaVerification', 'headTitleMutations',
];
const booleanMap = (keys: string[]) => ({
  type: 'object',
  properties: Object.fromEntries(keys.map((key) => [key, { type: 'boolean' }])),
  additionalProperties: false,
});
const regexList = { type: 'array', items: { type: 'string', format: 'regex' } };
const headerList = {
  anyOf: [
    { type: 'array', items: { type: 'string', minLength: 1 } },
    { const: 'all' },
  ],
};

/** The rrweb recorder: rrweb's record() options and the policy maskproof's wrapper enforces. */
export const rrwebConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    recorder: { const: 'rrweb' },
    rrweb: {
      description: "rrweb's record() privacy and sampling options (the JSON-expressible ones).",
      type: 'object',
      additionalProperties: false,
      properties: {
        maskAllInputs: { type: 'boolean' },
        maskInputOptions: booleanMap(maskInputKeys),
        maskTextClass: { type: 'string' },
        maskTextSelector: { type: 'string' },
        blockClass: { type: 'string' },
        blockSelector: { type: 'string' },
        ignoreClass: { type: 'string' },
        ignoreSelector: { type: 'string' },
        inlineStylesheet: { type: 'boolean' },
        inlineImages: { type: 'boolean' },
        collectFonts: { type: 'boolean' },
        recordCanvas: { type: 'boolean' },
        recordCrossOriginIframes: { type: 'boolean' },
        userTriggeredOnInput: { type: 'boolean' },
        checkoutEveryNth: { type: 'integer', minimum: 1 },
        checkoutEveryNms: { type: 'integer', minimum: 1 },
        slimDOMOptions: { anyOf: [booleanMap(slimDomKeys), { const: 'all' }, { const: true }] },
        sampling: {
          type: 'object',
          additionalProperties: false,
          properties: {
            mousemove: { type: ['boolean', 'number'] },
            mousemoveCallback: { type: 'number' },
            mouseInteraction: {
              anyOf: [{ type: 'boolean' }, { type: 'object', additionalProperties: { type: 'boolean' } }],
            },
            scroll: { type: 'number' },
            media: { type: 'number' },
            input: { enum: ['all', 'last'] },
          },
        },
      },
    },
    policy: {
      description: 'What the maskproof recorder wrapper enforces around rrweb.',
      type: 'object',
      additionalProperties: false,
      properties: {
        neverRecordOn: { ...regexList, description: 'Regular expressions on the URL path where recording must never run.' },
        network: {
          type: 'object',
          additionalProperties: false,
          properties: {
            record: { type: 'boolean' },
            requestHeaders: headerList,
            responseHeaders: headerList,
            bodies: { type: 'boolean' },
            cookies: { type: 'boolean' },
            scrubQueryParams: {
              anyOf: [{ type: 'array', items: { type: 'string', minLength: 1 } }, { const: 'all' }],
            },
          },
        },
        errors: {
          type: 'object',
          additionalProperties: false,
          properties: {
            record: { type: 'boolean' },
            maskMessages: { type: 'boolean' },
          },
        },
        collection: collectionPolicySchema,
      },
    },
  },
} as const;

/** The keys every recorder config may carry, beside `recorder` and its vendor's own. */
export const commonConfigProperties = { $schema: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' } };

/** Any recorder config: the "recorder" key picks which vendor's schema applies (each from its descriptor). */
export function recorderConfigSchemaOf(vendors: readonly { kind: string; configSchema: object }[]) {
  return {
    $id: 'https://maskproof.dev/schemas/recorder-config.json',
    type: 'object',
    required: ['recorder'],
    properties: { recorder: { enum: vendors.map((v) => v.kind) } },
    allOf: vendors.map((v) => ({ if: { properties: { recorder: { const: v.kind } } }, then: v.configSchema })),
  };
}
