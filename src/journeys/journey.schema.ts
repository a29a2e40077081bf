/**
 * JSON Schema of a declarative journey (YAML or JSON), for QA engineers who do not write TypeScript.
 * Each step is an object with exactly one key, the step's name; unknown step names and keys are errors
 * that name the step (`steps.3`) and the key.
 */
const selector = { type: 'string', minLength: 1 };
const elementIds = { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } };

const withSelector = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  required: ['selector', ...required],
  additionalProperties: false,
  properties: { selector, ...properties },
});

const expectStep = {
  type: ['object', 'string'],
  minLength: 1,
  required: ['case'],
  additionalProperties: false,
  properties: {
    case: { enum: ['pii-form-submit', 'admin-route', 'auth-token', 'rage-click', 'mobile-gestures', 'route-risk'] },
    fields: elementIds,
    routes: { type: 'array', minItems: 1, items: { type: 'string', format: 'regex' } },
    apiPaths: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } },
    button: selector,
    minClicks: { type: 'integer', minimum: 1 },
    windowMs: { type: 'integer', minimum: 1 },
    tapTarget: selector,
    swipeArea: selector,
  },
  allOf: [
    { if: { type: 'object', properties: { case: { const: 'pii-form-submit' } } }, then: { required: ['fields'] } },
    { if: { type: 'object', properties: { case: { const: 'auth-token' } } }, then: { required: ['apiPaths'] } },
    { if: { type: 'object', properties: { case: { const: 'rage-click' } } }, then: { required: ['button'] } },
    { if: { type: 'object', properties: { case: { const: 'mobile-gestures' } } }, then: { required: ['tapTarget', 'swipeArea'] } },
  ],
};

export const stepNames = ['goto', 'fill', 'type', 'click', 'tap', 'swipe', 'press', 'select', 'waitFor', 'keyMoment', 'expect'] as const;

const step = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    goto: { type: 'string', minLength: 1 },
    fill: withSelector({ value: { type: 'string' } }, ['value']),
    type: withSelector({ value: { type: 'string' } }, ['value']),
    click: { ...withSelector({ times: { type: 'integer', minimum: 1, maximum: 50 } }, []), type: ['string', 'object'], minLength: 1 },
    tap: selector,
    swipe: withSelector({ direction: { enum: ['left', 'right', 'up', 'down'] } }, ['direction']),
    press: { type: ['string', 'object'], minLength: 1, required: ['key'], additionalProperties: false, properties: { selector, key: selector } },
    select: withSelector({ option: { type: 'string' } }, ['option']),
    waitFor: {
      type: ['string', 'object'],
      minLength: 1,
      additionalProperties: false,
      properties: {
        selector,
        state: { enum: ['visible', 'hidden', 'attached', 'detached'] },
        attribute: { type: 'object', minProperties: 1, maxProperties: 1, additionalProperties: { type: 'string' } },
        text: { type: 'string' },
        url: { type: 'string', format: 'regex' },
      },
    },
    keyMoment: { type: 'string', minLength: 1 },
    expect: expectStep,
  },
};

export const journeySchema = {
  $id: 'https://maskproof.dev/schemas/journey.json',
  type: 'object',
  required: ['name', 'steps'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    device: { enum: ['desktop', 'mobile'] },
    steps: { type: 'array', minItems: 1, items: step },
  },
} as const;
