import type { SyntheticData } from '../data/synthetic-data.ts';
import type { Canary, CanaryKind } from '../detect/types.ts';
import type { VectorId } from './catalog.ts';

/** One value a vector page plants: the page template reads it as {{key}}. */
export interface PlantedValue {
  kind: CanaryKind;
  value: string;
}

export type PlantedValues = Record<string, PlantedValue>;

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A date of birth derived from the seeded SSN digits (ISO, as an input type=date holds it). */
function birthDate(data: SyntheticData): string {
  const digits = data.person.ssn.replace(/\D/g, '');
  const year = 1950 + (Number(digits.slice(0, 3)) % 50);
  const month = 1 + (Number(digits.slice(3, 5)) % 12);
  const day = 1 + (Number(digits.slice(5)) % 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Values that are not in the person record but derive from the same seeded data. */
function extras(data: SyntheticData) {
  const p = data.person;
  const signature = data.token.split('.')[2] ?? data.token;
  return {
    birthDate: birthDate(data),
    profileUrl: `https://social.example/in/${slug(p.fullName)}-${p.cardCvv}`,
    apiKey: `mpk_live_${signature.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`,
    sessionToken: `sess_${signature.replace(/[^A-Za-z0-9]/g, '').slice(-24)}`,
    cardDigits: p.cardNumber.replace(/\D/g, ''),
  };
}

/**
 * What each vector plants, from the test's seeded synthetic data. Each value is distinct within its
 * vector, so a finding's label says which part of the vector leaked.
 */
export function plantedValues(vector: VectorId, data: SyntheticData): PlantedValues {
  const p = data.person;
  const [a1, a2, a3, a4] = data.adminUsers;
  const x = extras(data);
  const name = (value: string) => ({ kind: 'fullName', value });
  const email = (value: string) => ({ kind: 'email', value });
  switch (vector) {
    case 'input-types':
      return {
        email: email(p.email),
        tel: { kind: 'phone', value: p.phone },
        number: { kind: 'card', value: x.cardDigits },
        search: name(a1!.fullName),
        url: { kind: 'url', value: x.profileUrl },
        date: { kind: 'birthDate', value: x.birthDate },
        textarea: { kind: 'streetAddress', value: p.streetAddress },
        selectText: name(a2!.fullName),
        radioLabel: name(a3!.fullName),
        checkboxLabel: email(a4!.email),
        hiddenSsn: { kind: 'ssn', value: p.ssn },
      };
    case 'password':
      return { password: { kind: 'password', value: p.password } };
    case 'script-set-values':
      return {
        prefillName: name(p.fullName),
        prefillAddress: { kind: 'streetAddress', value: p.streetAddress },
        autofillCardName: name(a1!.fullName),
        autofillEmail: email(p.email),
      };
    case 'contenteditable':
      return { editorText: { kind: 'streetAddress', value: p.streetAddress }, typedNote: name(p.fullName) };
    case 'shadow-dom':
      return { shadowName: name(p.fullName), shadowEmail: email(p.email) };
    case 'iframe':
      return { frameName: name(p.fullName), lateFrameName: name(a1!.fullName), frameCardName: name(a2!.fullName) };
    case 'attributes':
      return {
        placeholderEmail: email(p.email),
        titleName: name(p.fullName),
        altName: name(a1!.fullName),
        ariaName: name(a2!.fullName),
        dataName: name(a3!.fullName),
        hrefEmail: email(a4!.email),
        srcToken: { kind: 'token', value: x.sessionToken },
      };
    case 'late-text':
      // The profile name comes from GET /api/me (the tenant's person); the preview echoes what is typed.
      return { serverName: name(a1!.fullName), profileName: name(p.fullName), previewEmail: email(p.email) };
    case 'page-url':
      return { queryEmail: email(p.email), hashName: name(p.fullName), pushEmail: email(a1!.email), titleName: name(a2!.fullName) };
    case 'canvas':
      return { canvasName: name(p.fullName) };
    case 'console-errors':
      return { consoleEmail: email(p.email), errorName: name(p.fullName) };
    case 'network':
      return {
        bodyName: name(p.fullName),
        bodyEmail: email(p.email),
        bearer: { kind: 'token', value: data.token },
        apiKey: { kind: 'apikey', value: x.apiKey },
        sessionToken: { kind: 'token', value: x.sessionToken },
      };
    case 'css':
      return { cssEmail: email(p.email), styleName: name(p.fullName), inlineStyleName: name(a1!.fullName) };
    case 'paste-drop':
      return { pasteEmail: email(p.email), pasteAddress: { kind: 'streetAddress', value: p.streetAddress }, dropName: name(a1!.fullName) };
    case 'mask-block-scope':
      return { childName: name(p.fullName), blockedAlt: name(a1!.fullName), blockedText: name(a2!.fullName), blockedInput: email(p.email) };
    case 'select-defaults':
      return { defaultText: name(p.fullName), optionEmail: email(p.email) };
    case 'controlled-value':
      return { typedRecipient: name(p.fullName) };
    case 'button-values':
      return { submitName: name(p.fullName), buttonEmail: email(p.email), buttonText: email(a1!.email) };
    case 'json-ld':
      return { serverLdName: name(a1!.fullName), ldName: name(p.fullName), ldEmail: email(p.email) };
    case 'click-breadcrumbs':
      return { rowName: name(a1!.fullName), rowEmail: email(a1!.email), rowTitleName: name(a2!.fullName) };
    case 'autofill':
      return {
        cardNumber: { kind: 'card', value: x.cardDigits },
        cardName: name(a1!.fullName),
        // As Chromium's card autofill writes an expiry into a single cc-exp field: MM/YYYY. Ten years on
        // from the person's card: Chromium leaves the expiry of an expired card unfilled.
        cardExpiry: { kind: 'cardExpiry', value: p.cardExpiry.replace(/\/(\d\d)$/, (_m, yy: string) => `/20${Number(yy) + 10}`) },
        cardCvc: { kind: 'cvv', value: p.cardCvv },
      };
    case 'compressed-bodies':
      return { draftName: name(a2!.fullName), draftEmail: email(a2!.email) };
    case 'shadow-host-mask':
      return { maskedHostName: name(p.fullName), lateMaskedName: name(a1!.fullName), blockedHostEmail: email(p.email) };
    case 'remote-config':
      return { newsletterEmail: email(p.email), newsletterName: name(a3!.fullName) };
    case 'media-signed-urls':
      return { videoSignature: { kind: 'token', value: x.sessionToken.replace(/^sess_/, '') }, audioToken: { kind: 'apikey', value: x.apiKey } };
  }
}

/** The planted values as canaries, labelled "<vector> › <key>". */
export function vectorCanaries(vector: VectorId, planted: PlantedValues): Canary[] {
  return Object.entries(planted).map(([key, { kind, value }]) => ({ kind, value, label: `${vector} › ${key}` }));
}

/** The plain key → value map the fixture app's templates read. */
export function plainValues(planted: PlantedValues): Record<string, string> {
  return Object.fromEntries(Object.entries(planted).map(([key, { value }]) => [key, value]));
}
