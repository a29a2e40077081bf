/**
 * The leak-vector corpus (issue #4): every side door personal data takes into a session recording,
 * each run against a config that protects it ("safe") and the narrowest misconfiguration that lets it
 * through ("leaky"), named after the real-world mistake.
 */
import { DEFAULT_RECORDER_CONFIG } from '../package-root.ts';

export const vectorIds = [
  'input-types',
  'password',
  'script-set-values',
  'contenteditable',
  'shadow-dom',
  'iframe',
  'attributes',
  'late-text',
  'page-url',
  'canvas',
  'console-errors',
  'network',
  'css',
  'paste-drop',
  'mask-block-scope',
  'select-defaults',
  'controlled-value',
  'button-values',
  'json-ld',
  'media-signed-urls',
  'click-breadcrumbs',
  'autofill',
  'compressed-bodies',
  'shadow-host-mask',
  'remote-config',
] as const;

export type VectorId = (typeof vectorIds)[number];
export type { ConfigRole } from '../contract/matrix.ts';
import type { ConfigRole } from '../contract/matrix.ts';

/**
 * What a vector's leak travels on, beyond the DOM a recorder serializes: a recorder that does not send it
 * cannot leak (or protect) it, and the vector is inapplicable to it (src/vectors/applicability.ts).
 */
export type VectorSurface = 'network' | 'errors' | 'click-breadcrumbs' | 'remote-config' | 'iframe-documents' | 'canvas';

export interface VectorConfig {
  /** Recorder config file, relative to the package root. */
  path: string;
  /** The config's name as the matrix shows it. */
  name: string;
}

export interface LeakVector {
  id: VectorId;
  number: number;
  title: string;
  /** What the fixture page plants, for the README table. */
  plants: string;
  /** The fixture page (served by fixtures/app/server.mjs from public/vectors/<page>.html). */
  page: string;
  safe: VectorConfig;
  leaky: VectorConfig & { mistake: string };
  /** The recorder option (or maskproof policy) that protects the vector. */
  protectedBy: string;
  /** A finding counts as catching the vector only if its JSON path matches: it names the vector's path. */
  leakPath: RegExp;
  /** Set where no rrweb config protects the vector: the safe row is then expected to be caught too. */
  limitation?: string;
  /** What the matrix found out about the project's own safe config, shown beside the safe cell. */
  note?: string;
  /** Also a structural check: elements marked for blocking must be placeholder boxes (not a string leak). */
  checksBlockedPlaceholders?: boolean;
  /** The surface the leak travels on, when it is not only the DOM (undefined: every recorder records it). */
  surface?: VectorSurface;
  /** A user report or issue the vector reproduces. */
  report?: string;
}

const SAFE: VectorConfig = { path: DEFAULT_RECORDER_CONFIG, name: 'safe' };
const leaky = (name: string, mistake: string) => ({ path: `fixtures/vector-recorders/${name}.json`, name, mistake });
/** A safe config of its own in fixtures/vector-recorders/. */
const vectorSafe = (name: string): VectorConfig => ({ path: `fixtures/vector-recorders/${name}.json`, name });

// Paths as the detect engine writes them: snapshot text and attributes, mutation texts/attributes,
// input events (data.text), custom-event payloads.
const TEXT_PATH = /textContent$|texts\[\d+\]\.value$/;
const INPUT_PATH = /attributes\.value$|^data\.text$/;
/** An attribute's path, as the engine writes it: attributes.title, or attributes["aria-label"] for names with a dash. */
const attributePath = (names: string) => new RegExp(`attributes(\\.(${names})|\\["(${names})"\\])$`);

export const vectors: readonly LeakVector[] = [
  {
    id: 'input-types', number: 1, page: 'inputs', title: 'Input types beyond text',
    plants: 'email, tel, number, search, url, date, textarea and select values, radio and checkbox labels, an SSN in input type=hidden',
    // safe.json blocks input[type=hidden] since this vector found that maskAllInputs leaves its value recorded.
    safe: SAFE,
    leaky: leaky('leaky-inputs-unmasked', 'maskAllInputs off: "we mask page text, inputs are fine"'),
    protectedBy: 'maskAllInputs: true (every type, textarea and select); blockSelector "input[type=hidden]" (maskInputOptions has no "hidden" type)',
    leakPath: INPUT_PATH,
  },
  {
    id: 'password', number: 2, page: 'password', title: 'Password, and the show-password toggle',
    plants: 'a password typed while hidden, then retyped after the field switches from type=password to type=text',
    // Input masking off on purpose: the password must stay masked by rrweb's default alone, toggle included.
    safe: { path: 'fixtures/vector-recorders/safe-password-default-only.json', name: 'safe-password-default-only' },
    leaky: leaky('leaky-input-options-without-password', 'maskInputOptions listing email and tel only: it replaces rrweb\'s default {password: true}'),
    protectedBy: 'maskInputOptions.password (rrweb\'s default) or maskAllInputs; rrweb keeps a toggled field masked (data-rr-is-password)',
    leakPath: INPUT_PATH,
  },
  {
    id: 'script-set-values', number: 3, page: 'script-set', title: 'Values set by script and prefilled by the server',
    plants: 'name and address in server-rendered value="…" attributes; name on card and email set by an autofill-like el.value = … with no keystroke',
    safe: SAFE,
    leaky: leaky('leaky-input-types-allowlist', 'only the input types that look sensitive masked (password, email, tel)'),
    protectedBy: 'maskAllInputs: true (rrweb masks the initial value attribute and hooks the value setter)',
    leakPath: INPUT_PATH,
  },
  {
    id: 'contenteditable', number: 4, page: 'contenteditable', title: 'contenteditable and a rich-text editor',
    plants: 'an address in a rich-text editor-like div (server-rendered) and a name typed into a contenteditable note',
    safe: SAFE,
    leaky: leaky('leaky-mask-forms-only', 'text masked inside <form> only: editors are not inputs and live outside forms'),
    protectedBy: 'maskTextSelector "*" (contenteditable is text, not an input: maskAllInputs does not cover it)',
    leakPath: TEXT_PATH,
  },
  {
    id: 'shadow-dom', number: 5, page: 'shadow-dom', title: 'Shadow DOM (open)',
    plants: 'a name rendered into an open shadow root after the first snapshot, and an email typed into an input inside it',
    safe: SAFE,
    leaky: leaky('leaky-mask-container-class', 'text masked by a container class (.pii): closest() stops at the shadow root'),
    protectedBy: 'maskTextSelector "*" (matches every element, in every shadow root); maskAllInputs for its inputs. A mask on the host or above it stops at the shadow root in rrweb (closest()): reported and fixed in Sentry\'s fork, https://github.com/getsentry/rrweb/pull/319',
    leakPath: TEXT_PATH,
  },
  {
    id: 'iframe', number: 6, page: 'iframe', title: 'Same-origin iframes, one loaded after the first snapshot',
    plants: 'a name shown inside a same-origin iframe with a form, and inside an iframe added after the first snapshot',
    safe: SAFE,
    leaky: leaky('leaky-mask-app-root', 'text masked under the app root (<main>): an iframe\'s document has no <main> above it'),
    protectedBy: 'maskTextSelector "*" (applies in every same-origin document rrweb records); maskAllInputs for the iframe\'s form',
    leakPath: TEXT_PATH,
    surface: 'iframe-documents',
  },
  {
    id: 'attributes', number: 7, page: 'attributes', title: 'Attributes: placeholder, title, alt, aria-label, data-*, href/src',
    plants: 'email in placeholder, name in title, alt, aria-label and data-customer-name, email in an href query, token in an img src query',
    safe: SAFE,
    leaky: leaky('leaky-text-unmasked', 'page text not masked'),
    protectedBy: 'none in rrweb 2.2.2: only blockSelector on each such element (which loses the element)',
    leakPath: attributePath('placeholder|title|alt|aria-label|data-[\\w-]+|href|src'),
    limitation:
      'rrweb 2.2.2 records every attribute verbatim: maskTextSelector masks text nodes only, maskAllInputs only input values, and there is no attribute-masking option (Sentry\'s fork adds maskAttributes)',
  },
  {
    id: 'late-text', number: 8, page: 'late-text', title: 'Text after the first snapshot, and live-typing previews',
    plants: 'profile name fetched from /api/me and rendered after load; an email echoed character by character into a live preview',
    safe: SAFE,
    leaky: leaky('leaky-mask-class-only', 'relying on the rr-mask class the server templates add: client-rendered text has none'),
    protectedBy: 'maskTextSelector "*" (applies to mutations as they happen)',
    leakPath: TEXT_PATH,
  },
  {
    id: 'page-url', number: 9, page: 'page-url', title: 'Page URL, history and document.title',
    plants: 'email in the page URL query, name in its hash, pushState to /vectors/page-url/u/<email>, name in document.title',
    safe: SAFE,
    leaky: leaky('leaky-text-unmasked', 'page text not masked'),
    protectedBy: 'document.title: maskTextSelector "*"; the URL: none in rrweb (the recorder SDK must scrub the page URL)',
    leakPath: /^data\.href$|^data\.payload\.url$/,
    limitation:
      'rrweb writes location.href verbatim into every Meta event and has no option to scrub it; the page URL is also what a recorder sends with each batch (pushState URLs too)',
  },
  {
    id: 'canvas', number: 10, page: 'canvas', title: 'Canvas with drawn text',
    plants: 'a card holder name drawn with fillText',
    safe: SAFE,
    leaky: leaky('leaky-canvas-recorded', 'recordCanvas turned on to see charts in replays'),
    protectedBy: 'recordCanvas: false (text masking never reaches canvas: fillText arguments are recorded as drawn)',
    leakPath: /args\[\d+\]$/,
    surface: 'canvas',
  },
  {
    id: 'console-errors', number: 11, page: 'console-errors', title: 'Console messages and uncaught errors',
    plants: 'email in a console.error message, name in an uncaught error and its stack',
    safe: SAFE,
    leaky: leaky('leaky-error-messages', 'page text masked but error and console messages recorded as-is'),
    protectedBy: 'policy.errors.maskMessages (maskproof\'s wrapper; rrweb\'s console plugin has no masking option)',
    // maskproof's wrapper (message, stack); each vendor's own error shape: rrweb's console plugin (Mixpanel,
    // Amplitude: payload[i]), Datadog's RUM error, New Relic's /jserrors params, Highlight's messages and errors.
    leakPath: new RegExp([
      /^data\.payload\.(message|stack)$/,
      /^data\.payload\.payload\[\d+\]$/,
      /^data\.payload\.payload\[\d+\]\.error\.(message|stack)$/,
      /^data\.payload\.payload\.body\.err\[\d+\]\.params\.(message|stack_trace)$/,
      /^data\.payload\.payload\.(messages\[\d+\]\.value\[\d+\]|errors\[\d+\]\.(event|stackTrace)\b.*)$/,
    ].map((r) => r.source).join('|')),
    surface: 'errors',
  },
  {
    id: 'network', number: 12, page: 'network', title: 'Network: bodies, Set-Cookie, Authorization, X-API-Key',
    plants: 'name and email in a JSON request and response body, a bearer token in Authorization, an API key in X-API-Key, a session token in Set-Cookie',
    safe: SAFE,
    leaky: leaky('leaky-network-bodies', 'request and response bodies recorded for every URL'),
    protectedBy: 'policy.network: bodies false, requestHeaders/responseHeaders allow-list (content-type, accept), cookies false',
    // maskproof's wrapper (request, response); rrweb's network plugin (Mixpanel: requests[i]), Amplitude's
    // fetch-request event, Highlight's requestResponsePairs, New Relic's AJAX events in /events (body).
    leakPath: new RegExp([
      /^data\.payload\.(request|response)\./,
      /^data\.payload\.(requests\[\d+\]\.)?(requestHeaders|responseHeaders|requestBody|responseBody)\b/,
      /^data\.payload\.payload\.resources\[\d+\]\.requestResponsePairs\.(request|response)\./,
      /^data\.payload\.payload\.body$/,
    ].map((r) => r.source).join('|')),
    surface: 'network',
  },
  {
    id: 'css', number: 13, page: 'css', title: 'CSS: content: attr(data-email) and style text',
    plants: 'email in data-email shown by ::after { content: attr(data-email) }, a name in a <style> content string and in an inline style',
    safe: SAFE,
    leaky: leaky('leaky-text-unmasked', 'page text not masked'),
    protectedBy: 'none in rrweb 2.2.2 (blocking <style> with blockSelector drops the page\'s styles from the replay)',
    leakPath: new RegExp(`_cssText$|${attributePath('style|data-[\\w-]+').source}`),
    limitation:
      'rrweb 2.2.2 never masks CSS: <style> text and inline style attributes are recorded verbatim, and the attribute attr() reads is recorded like any attribute',
  },
  {
    id: 'paste-drop', number: 14, page: 'paste-drop', title: 'Clipboard paste and drag-and-drop of text',
    plants: 'an email pasted into an input, an address pasted into a contenteditable, a name dragged into a textarea',
    safe: SAFE,
    leaky: leaky('leaky-paste-inputs-unmasked', 'maskAllInputs off: "we mask page text, inputs are fine"'),
    protectedBy: 'maskAllInputs: true (pasted and dropped text arrives as input); maskTextSelector for contenteditable',
    leakPath: /^data\.text$|textContent$|texts\[\d+\]\.value$/,
  },
  {
    id: 'mask-block-scope', number: 15, page: 'mask-block', title: 'Mask class on a parent, blocked elements as placeholder boxes',
    plants: 'a name in a child of a .rr-mask parent; a [data-private] card with a name in an img alt, text and an input',
    safe: SAFE,
    leaky: leaky('leaky-block-class-only', 'blockSelector reduced to .rr-block while the markup uses data-private'),
    protectedBy: 'blockSelector "[data-private]" (recorded as a placeholder box: class, rr_width, rr_height only); maskTextSelector/maskTextClass cover children (rrweb checks ancestors)',
    leakPath: attributePath('alt|data-private'),
    checksBlockedPlaceholders: true,
  },
  {
    id: 'select-defaults', number: 16, page: 'select', title: 'A <select>\'s default value and option text',
    plants: 'a server-preselected <option> whose text is a contact\'s name and whose value attribute is the contact\'s email',
    safe: SAFE,
    leaky: leaky('leaky-text-unmasked', 'maskAllInputs on, page text not masked: "a select is an input" (its option text is text)'),
    protectedBy:
      'option text: maskTextSelector "*"; the selection: maskAllInputs (the select\'s value is masked, option `selected` dropped); option value attributes: none in rrweb 2.2.2 (opaque ids as option values, or blockSelector "select")',
    leakPath: /textContent$|attributes\.value$/,
    limitation:
      'rrweb 2.2.2 records every <option value="…"> verbatim, maskAllInputs included (reported as getsentry/rrweb#74 https://github.com/getsentry/rrweb/issues/74, fixed in Sentry\'s fork by https://github.com/getsentry/rrweb/pull/75; upstream https://github.com/rrweb-io/rrweb/pull/1164)',
  },
  {
    id: 'controlled-value', number: 17, page: 'controlled', title: 'value attribute synced by a framework-controlled input',
    plants: 'a name typed into an rr-ignore input whose input handler writes el.value and setAttribute("value") back, as React does for a controlled input',
    safe: SAFE,
    leaky: leaky('leaky-ignore-class-controlled', 'sensitive inputs marked rr-ignore and maskAllInputs off: rr-ignore drops input events only, not attribute mutations'),
    protectedBy:
      'maskAllInputs (rrweb masks value-attribute mutations of masked inputs since https://github.com/rrweb-io/rrweb/pull/602, reported for React controlled inputs; textarea: https://github.com/rrweb-io/rrweb/issues/1596); rr-ignore / ignoreSelector protect nothing here',
    leakPath: /^data\.attributes\[\d+\]\.attributes\.value$/,
  },
  {
    id: 'button-values', number: 18, page: 'buttons', title: 'Button labels and input type=submit values',
    plants: 'a name in an <input type=submit value>, an email in an <input type=button value>, an email in a <button>\'s text',
    safe: SAFE,
    leaky: leaky('leaky-text-unmasked', 'page text not masked'),
    protectedBy: '<button> text: maskTextSelector "*"; submit/button value attributes: none in rrweb 2.2.2 (blockSelector on the button, or labels without personal data)',
    leakPath: /textContent$|attributes\.value$/,
    limitation:
      'rrweb 2.2.2 skips masking for input type=submit/button and copies their value attribute verbatim, maskAllInputs and maskTextSelector included (reported as getsentry/rrweb#68 https://github.com/getsentry/rrweb/issues/68, "maskAllText should mask button value")',
  },
  {
    id: 'json-ld', number: 19, page: 'json-ld', title: 'JSON-LD structured data re-rendered in place',
    plants: 'a Person name in the server-rendered <script type="application/ld+json">, then a name and email written into it in place (text node nodeValue, as React updates a single text child)',
    safe: SAFE,
    leaky: leaky('leaky-mask-app-root', 'text masked under the app root (<main>): the JSON-LD script lives in <head>'),
    protectedBy:
      'maskTextSelector "*" (rrweb replaces script text with SCRIPT_PLACEHOLDER in snapshots and added nodes, but a characterData mutation of a script\'s text is recorded like any text; PostHog keeps JSON-LD out for this reason: https://github.com/PostHog/posthog-js/pull/4625)',
    leakPath: /^data\.texts\[\d+\]\.value$/,
  },
  {
    id: 'media-signed-urls', number: 20, page: 'media', title: 'One-time signed URLs in media src',
    plants: 'an object-store signature in a <video src> query string and a one-time token in an <audio><source src>',
    safe: { path: 'fixtures/vector-recorders/safe-media-blocked.json', name: 'safe-media-blocked' },
    leaky: { ...SAFE, mistake: 'the project\'s own safe.json: text and inputs masked, media not blocked (Sentry blocks media by default, rrweb does not)' },
    protectedBy:
      'blockSelector "video, audio" (Sentry Replay\'s blockAllMedia default; the element becomes a placeholder box without src). No user report found for media src specifically; the query-string form is PostHog/posthog#39197 https://github.com/PostHog/posthog/issues/39197 (tokens in URLs shown in replay)',
    leakPath: attributePath('src'),
    note: 'safe.json does not block media: a signed media URL in src is recorded verbatim under it (this vector\'s leaky row)',
  },
  {
    id: 'click-breadcrumbs', number: 21, page: 'click-breadcrumbs', title: 'Click breadcrumbs carrying the clicked element\'s label',
    plants: 'a contact\'s name as a contact row button\'s text and an email in its aria-label and title, clicked: the recorder\'s ui.click breadcrumb copies the node\'s text, attributes and an HTML path of it',
    safe: { path: 'fixtures/recorders/sentry-default.json', name: 'sentry-default' },
    leaky: leaky('sentry-leaky-unmask-rows', 'unmask: [".contact-row"] so that replays show which contact was clicked: the row\'s text and aria-label/title go into every ui.click breadcrumb'),
    protectedBy:
      'Sentry Replay\'s maskAllText (the breadcrumb\'s data.node.textContent is the serialized, masked text) and maskAttributes (title, placeholder, aria-label by default; applied to the HTML path in message too). ui.slowClickDetected and rage clicks copy the same node data',
    // Each vendor's breadcrumb: Sentry's ui.click (message, node text and attributes); Datadog's RUM action
    // name (action.target.name); Highlight's "Click" custom event and its OpenTelemetry click span (event.text);
    // New Relic's soft navigation in /events (its bel.7 body holds actionText: the element's title or text).
    leakPath: /^data\.payload\.(message|data\.node\.(textContent|attributes(\.[\w-]+|\["[\w-]+"\])))$|^data\.payload\.payload\[\d+\]\.action\.target\.name$|^data\.payload\.click(TextContent|Target|Selector)$|^data\.payload\.payload\.resourceSpans\[\d+\]\.scopeSpans\[\d+\]\.spans\[\d+\]\.attributes\[\d+\]\.value\.stringValue$|^data\.payload\.payload\.body$/,
    surface: 'click-breadcrumbs',
    report: 'https://github.com/getsentry/sentry/issues/45898 (the click breadcrumb message "bypasses our PII masking on attributes (e.g. it will serialize aria-label in plaintext)"); node data added in https://github.com/getsentry/sentry-javascript/issues/7394',
    note: 'Sentry 11 passes maskAttributeFn to the breadcrumb\'s HTML path (message), so the 2023 report no longer leaks under the defaults; alt, name, id, class and data-testid are never masked in a breadcrumb (nor in the DOM)',
  },
  {
    id: 'autofill', number: 22, page: 'autofill', title: 'Browser autofill of card fields',
    plants: 'card number, name on card, expiry and CVC filled at once by Chromium\'s card autofill (CDP Autofill.trigger): values set by the browser, input and change dispatched, no key events, :-webkit-autofill styling',
    safe: SAFE,
    leaky: leaky('leaky-input-types-allowlist', 'only the input types that look sensitive masked (password, email, tel): card fields are type=text with autocomplete=cc-*, and autofill fills all four at once'),
    protectedBy: 'maskAllInputs: true (rrweb masks the input and change events autofill dispatches; the browser sets the value natively, so rrweb\'s value-setter hook plays no part)',
    leakPath: INPUT_PATH,
    report: 'https://github.com/vanilla-masker/vanilla-masker/issues/86 (autofill sends no key events, so keystroke-based masking never runs)',
  },
  {
    id: 'compressed-bodies', number: 23, page: 'compressed', title: 'Compressed (gzip) bodies past network scrubbing',
    plants: 'a name and an email in a draft the app gzips (CompressionStream) and posts as base64 inside a JSON body; the server echoes it back',
    safe: SAFE,
    leaky: leaky('leaky-network-bodies', 'request and response bodies recorded for every URL: a base64 gzip field passes every text rule (key or pattern scrubbing sees only H4sI…)'),
    protectedBy: 'policy.network.bodies false (no text rule can scrub inside a compressed field); the scan inflates base64 gzip, brotli and zlib blobs and reports encoding "gzip"',
    // The body, as each recorder writes it (see vector 12).
    leakPath: new RegExp([
      /^data\.payload\.(request|response)\.body$/,
      /^data\.payload\.(requests\[\d+\]\.)?(requestBody|responseBody)$/,
      /^data\.payload\.payload\.resources\[\d+\]\.requestResponsePairs\.(request|response)\.body$/,
      /^data\.payload\.payload\.body$/,
    ].map((r) => r.source).join('|')),
    surface: 'network',
    report: 'https://github.com/PostHog/posthog-js/issues/1045 (compressed responses: credentials and tokens that were scrubbed before shown in the replay network tab)',
  },
  {
    id: 'shadow-host-mask', number: 24, page: 'shadow-host', title: 'Mask and block classes on a shadow host',
    plants: 'a name in the open shadow root of a host with class rr-mask (at load and after it), an email in the shadow root of a host with class rr-block (written after the first snapshot)',
    safe: SAFE,
    leaky: leaky('leaky-mask-class-only', 'relying on the rr-mask class on the component\'s host: rrweb\'s closest() stops at the shadow root, so text inside it is not masked'),
    protectedBy: 'maskTextSelector "*" (matched on every element inside the shadow root). rr-block on the host does reach the shadow root in rrweb 2.2.2 (the host becomes a placeholder, its shadow root is neither serialized nor observed)',
    leakPath: TEXT_PATH,
    report: 'https://github.com/getsentry/rrweb/pull/319 (masking a shadow host did not mask its shadow DOM)',
  },
  {
    id: 'remote-config', number: 25, page: 'remote-config', title: 'A remote (server-sent) privacy config weaker than the local one',
    plants: 'an email and a name typed into a newsletter form while the project\'s remote masking settings say maskAllInputs: false',
    // Both configs get the same weak remote masking; only posthog.init differs.
    safe: vectorSafe('posthog-local-masks-inputs'),
    leaky: leaky('posthog-remote-unmasks-inputs', 'posthog.init leaves maskAllInputs to PostHog\'s default while the project\'s "Privacy and masking" turns input masking off: the remote value fills the unset key'),
    protectedBy:
      'setting the protection in posthog.init: posthog-js uses each remote masking key (maskAllInputs, maskTextSelector, blockSelector, maskAllElementAttributes) only where session_recording leaves it unset, and defaults maskAllInputs to true only when neither says',
    leakPath: INPUT_PATH,
    surface: 'remote-config',
    report: 'https://github.com/PostHog/posthog-js/pull/1734 (masking loaded from remote config: client ?? server)',
  },
];

export function vectorById(id: string): LeakVector | undefined {
  return vectors.find((v) => v.id === id);
}

/** What each row is expected to show: leaky → caught; safe → clean, unless the recorder cannot protect it. */
export function expectedOutcome(vector: LeakVector, role: ConfigRole): 'caught' | 'clean' {
  return role === 'leaky' || vector.limitation ? 'caught' : 'clean';
}

export function configOf(vector: LeakVector, role: ConfigRole): VectorConfig {
  return role === 'safe' ? vector.safe : vector.leaky;
}
