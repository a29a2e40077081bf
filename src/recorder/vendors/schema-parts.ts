/** JSON Schema pieces the vendors' option schemas share. */

export const stringList = { type: 'array', items: { type: 'string' } };

/** URL patterns as the SDKs take them: a substring, or `{"regexp": "..."}` for a regular expression. */
export const urlPatterns = {
  type: 'array',
  items: {
    anyOf: [
      { type: 'string' },
      { type: 'object', required: ['regexp'], additionalProperties: false, properties: { regexp: { type: 'string', format: 'regex' } } },
    ],
  },
};
