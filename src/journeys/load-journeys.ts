import { readFileSync } from 'node:fs';
import { extname, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { describeAjvErrors, strictAjv } from '../config/ajv-errors.ts';
import { ConfigError } from '../errors.ts';
import { type Journey, type JourneyStep, stepName } from './journey.ts';
import { journeySchema } from './journey.schema.ts';
import { isFakerPath, placeholdersIn } from './placeholders.ts';

const ajv = strictAjv({ strictRequired: false });
const validate = ajv.compile(journeySchema);
const HINT = 'Fix the step named above; "Journeys without code (YAML)" in docs/journeys.md lists every step and its keys.';


function parseText(text: string, file: string): unknown {
  if (extname(file) === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`journey ${file} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax of the file.');
    }
  }
  const document = parseDocument(text, { prettyErrors: true });
  const error = document.errors[0];
  if (error) throw new ConfigError(`journey ${file} is not valid YAML: ${error.message.split('\n')[0]}`, 'Fix the YAML syntax at the line named above.');
  return document.toJS();
}

/** Every string a step carries (its selector, value, key...), for the placeholder check. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Checks what the schema cannot say: a waitFor needs a selector or url, placeholders name faker methods, one expect at least. */
function checkSemantics(journey: Journey, file: string): void {
  journey.steps.forEach((step, index) => {
    const where = `steps.${index}.${stepName(step)}`;
    if ('waitFor' in step && typeof step.waitFor === 'object' && !step.waitFor.selector && !step.waitFor.url) {
      throw new ConfigError(`journey ${file}: ${where} needs "selector" or "url"`, 'Say what to wait for: a selector (with a state, attribute or text) or a URL pattern.');
    }
    if ('waitFor' in step && typeof step.waitFor === 'object' && (step.waitFor.attribute || step.waitFor.text !== undefined || step.waitFor.state) && !step.waitFor.selector) {
      throw new ConfigError(`journey ${file}: ${where} has "state", "attribute" or "text" but no "selector"`, 'Add the selector of the element to wait on.');
    }
    for (const text of stringsOf(step)) {
      for (const path of placeholdersIn(text)) {
        if (!isFakerPath(path)) throw new ConfigError(`journey ${file}: ${where}: {{${path}}} is not a faker method that returns text`, 'Use a faker method path such as {{person.fullName}}, {{internet.email}} or {{finance.creditCardNumber}}.');
      }
    }
  });
  if (!journey.steps.some((step) => 'expect' in step)) {
    throw new ConfigError(`journey ${file}: no "expect" step`, 'End the journey with an expected result, e.g. `- expect: route-risk` or `- expect: { case: pii-form-submit, fields: [email] }`.');
  }
}

/** Parses and validates one journey's text (YAML, or JSON when the file ends in .json). */
export function parseJourney(text: string, file: string): Journey {
  const raw = parseText(text, file);
  if (!validate(raw)) {
    throw new ConfigError(`journey ${file}: ${describeAjvErrors(validate.errors)}`, HINT);
  }
  const journey = { ...(raw as Omit<Journey, 'source'>), source: file } as Journey;
  // A string is a shorthand for the option-less expectation: `- expect: route-risk`.
  journey.steps = journey.steps.map((step): JourneyStep => ('expect' in step && typeof step.expect === 'string' ? { expect: { case: step.expect as never } } : step));
  for (const [index, step] of journey.steps.entries()) {
    if ('expect' in step && typeof step.expect === 'object' && !['route-risk', 'admin-route'].includes(step.expect.case) && Object.keys(step.expect).length === 1) {
      throw new ConfigError(`journey ${file}: steps.${index}.expect: "${step.expect.case}" needs its options`, HINT);
    }
  }
  checkSemantics(journey, file);
  return journey;
}

/** Loads every journey file; names must be unique (each becomes a test). */
export function loadJourneys(files: readonly string[], cwd = process.cwd()): Journey[] {
  const journeys = files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`journey file not found: ${file}`, 'Fix the "journeys" key of the config.');
    }
    return parseJourney(text, relative(cwd, file) || file);
  });
  const seen = new Map<string, string>();
  for (const journey of journeys) {
    const earlier = seen.get(journey.name);
    if (earlier) throw new ConfigError(`journeys ${earlier} and ${journey.source} are both named "${journey.name}"`, 'Give each journey its own name: it becomes the test title.');
    seen.set(journey.name, journey.source);
  }
  return journeys;
}
