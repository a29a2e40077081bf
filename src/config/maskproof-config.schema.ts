/**
 * JSON Schema of maskproof.config.ts / maskproof.config.json. Unknown keys are errors, as in the
 * recorder config: a typo such as "route" would otherwise silently leave routes unchecked. The
 * `recorder` key is checked here only for its shape (a path, a recorder name, or an object); an
 * inline recorder config is then validated by the recorder config's own schema, not a copy of it.
 */
const selectorList = { type: 'array', items: { type: 'string', minLength: 1 } };

export const riskClasses = ['high', 'medium', 'low'] as const;

export const maskproofConfigSchema = {
  $id: 'https://maskproof.dev/schemas/maskproof-config.json',
  type: 'object',
  required: ['baseURL', 'recorder'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    baseURL: { type: 'string', pattern: '^https?://', description: 'URL of your app; "{port}" is replaced by the port webServer.wait captured.' },
    webServer: {
      type: 'object',
      required: ['command'],
      additionalProperties: false,
      properties: {
        command: { type: 'string', minLength: 1 },
        url: { type: 'string', pattern: '^https?://' },
        cwd: { type: 'string' },
        timeout: { type: 'integer', minimum: 1 },
        reuseExistingServer: { type: 'boolean' },
        env: { type: 'object', additionalProperties: { type: 'string' } },
        wait: {
          type: 'object',
          additionalProperties: false,
          properties: { stdout: { type: 'string', format: 'regex' }, stderr: { type: 'string', format: 'regex' } },
        },
      },
    },
    recorder: { type: ['string', 'object'], minLength: 1 },
    routes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'risk'],
        additionalProperties: false,
        properties: {
          path: { type: 'string', pattern: '^/' },
          risk: { enum: riskClasses },
          match: { type: 'string', format: 'regex' },
          ready: { type: 'string', minLength: 1 },
        },
      },
    },
    pii: selectorList,
    allow: {
      type: 'object',
      additionalProperties: false,
      properties: { values: { type: 'array', items: { type: 'string' } }, patterns: { type: 'array', items: { type: 'string', format: 'regex' } }, selectors: selectorList },
    },
    journeys: { type: ['string', 'array'], items: { type: 'string', minLength: 1 } },
  },
} as const;
