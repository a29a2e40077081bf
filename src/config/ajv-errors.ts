import { Ajv, type ErrorObject, type Options } from 'ajv';

/** ajv's `format: regex` check: the string compiles as a JavaScript regular expression. */
export function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The Ajv every maskproof schema is compiled with: strict (unknown keys are errors), regexes checked. */
export function strictAjv(options: Options = {}): Ajv {
  return new Ajv({ allErrors: false, strict: true, allowUnionTypes: true, formats: { regex: isRegex }, ...options });
}

/** The key path of an ajv error, dotted (`routes.1.risk`), or "(top level)". */
export function keyPath(error: ErrorObject, prefix = ''): string {
  const path = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '';
  const full = [prefix, path].filter(Boolean).join('.');
  return full || '(top level)';
}

/** One ajv error as "where: what is expected", in words a config author can act on. */
export function describeAjvError(error: ErrorObject, prefix = ''): string {
  const where = keyPath(error, prefix);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(params.additionalProperty)}" at ${where}`;
    case 'required': {
      const missing = String(params.missingProperty);
      return `missing key "${where === '(top level)' ? missing : `${where}.${missing}`}"`;
    }
    case 'type':
      return `${where} must be ${String(params.type).replaceAll(',', ' or ')}`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'format':
      return `${where} must be a valid ${params.format === 'regex' ? 'regular expression' : String(params.format)}`;
    case 'minItems':
      return `${where} must have at least ${String(params.limit)} item(s)`;
    case 'minLength':
      return `${where} must not be empty`;
    case 'oneOf':
    case 'anyOf':
      return `${where} ${error.message ?? 'is invalid'}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * The most useful error of a failed validation: the deepest one, ignoring the combinators (anyOf,
 * oneOf, if) that only repeat that something under them failed.
 */
export function mostSpecificError(errors: readonly ErrorObject[] | null | undefined): ErrorObject | undefined {
  const all = errors ?? [];
  const specific = all.filter((e) => !['if', 'anyOf', 'oneOf'].includes(e.keyword));
  return specific.reduce<ErrorObject | undefined>((best, e) => (!best || e.instancePath.length > best.instancePath.length ? e : best), undefined) ?? all[0];
}
