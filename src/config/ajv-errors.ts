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

/**
 * The Ajv every maskproof schema is compiled with: strict (unknown keys are errors), regexes checked,
 * every error collected (a config author fixes them all in one go, not one per run).
 */
export function strictAjv(options: Options = {}): Ajv {
  return new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, formats: { regex: isRegex }, ...options });
}

/** How a key path is spelled: array indices dotted (`routes.1.risk`, config files) or in brackets (`canaries[2].value`, as finding paths are). */
export interface KeyPathStyle {
  brackets?: boolean;
  /** What the root itself is called: "(top level)" unless said. */
  top?: string;
}

/** The key path of an ajv error, dotted (`routes.1.risk`) or bracketed (`canaries[2].value`), or "(top level)". */
export function keyPath(error: Pick<ErrorObject, 'instancePath'>, prefix = '', style: KeyPathStyle = {}): string {
  const parts = error.instancePath ? error.instancePath.slice(1).split('/') : [];
  const path = style.brackets ? parts.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('') : parts.join('.');
  const full = [prefix, path].filter(Boolean).join('.');
  return full || (style.top ?? '(top level)');
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
 * The first error of a one-error validation (a recording's event, a scan input file), briefly:
 * `canaries[0] is missing "value"`, `unknown key "x" at (top level)`, else ajv's own words.
 */
export function describeFirstError(error: ErrorObject, style: KeyPathStyle = {}): string {
  const where = keyPath(error, '', style);
  if (error.keyword === 'additionalProperties') return `unknown key "${String(error.params.additionalProperty)}" at ${where}`;
  if (error.keyword === 'required') return `${where} is missing "${String(error.params.missingProperty)}"`;
  return `${where} ${error.message ?? 'is invalid'}`;
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

const COMBINATORS = ['anyOf', 'oneOf'];
const within = (path: string, root: string) => path === root || path.startsWith(`${root}/`);

/**
 * Every problem of a failed validation (ajv with allErrors), each in its most specific form. Errors
 * outside any anyOf/oneOf are all kept. Under one (the outermost at a key path), the alternatives
 * each fail: the "must be string" of the branch whose type did not match is dropped in favour of the
 * real problems of the branch that did (the bad regexp inside {"regexp": ...}); when every branch
 * failed on its type alone, the most specific of them is kept. "if" errors only repeat that the
 * "then" under them failed, and are dropped.
 */
export function specificErrors(errors: readonly ErrorObject[] | null | undefined): ErrorObject[] {
  const all = errors ?? [];
  const combinators = all.filter((e) => COMBINATORS.includes(e.keyword));
  const roots = [...new Set(combinators.map((e) => e.instancePath))].filter((path, _, paths) => !paths.some((other) => other !== path && within(path, other)));
  const real = all.filter((e) => e.keyword !== 'if' && !COMBINATORS.includes(e.keyword));
  const out: ErrorObject[] = [];
  const grouped = new Map<string, ErrorObject[]>(roots.map((root) => [root, []]));
  for (const e of real) {
    const root = roots.find((r) => within(e.instancePath, r));
    if (root === undefined) out.push(e);
    else grouped.get(root)!.push(e);
  }
  for (const [root, group] of grouped) {
    if (group.length === 0) continue;
    const real = group.filter((e) => !(e.keyword === 'type' && e.instancePath === root));
    if (real.length) out.push(...real);
    else out.push(mostSpecificError(group)!);
  }
  if (out.length === 0 && all.length) out.push(mostSpecificError(all)!);
  // In the order ajv found them (the schema's order), one per distinct problem.
  const seen = new Set<string>();
  return all.filter((e) => out.includes(e)).filter((e) => {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Every problem, described: one sentence for one, "N problems: a; b; c" for several. */
export function describeAjvErrors(errors: readonly ErrorObject[] | null | undefined, describe: (error: ErrorObject) => string = (e) => describeAjvError(e)): string {
  const problems = [...new Set(specificErrors(errors).map(describe))];
  if (problems.length === 0) return 'invalid';
  return problems.length === 1 ? problems[0]! : `${problems.length} problems: ${problems.join('; ')}`;
}
