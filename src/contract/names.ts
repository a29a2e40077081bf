/**
 * The names the layers pass evidence by: Playwright annotations on a test and attachments on its result.
 * The fixture and the vector journeys write them; the reporter reads them. A leaf: it imports nothing.
 */

/** Ties a test to a row of the privacy test-case table; the description is the case id. */
export const ANNOTATION_CASE = 'maskproof:case';
/** Which variant of its row a test is, when a row takes two tests (the sampling row: rate 0, rate 1.0). */
export const ANNOTATION_VARIANT = 'maskproof:variant';
/** Set on a test whose browser was no longer connected when it ended (Chromium crashed or was killed): its row is a harness fault. */
export const ANNOTATION_BROWSER_CRASHED = 'maskproof:browser-crashed';
/** Marks a test as a declarative journey; the description is its file. */
export const ANNOTATION_JOURNEY = 'maskproof:journey';
/** Marks a leak-vector journey; the description is "<vector id>:<safe|leaky>". */
export const ANNOTATION_VECTOR = 'maskproof:vector';

/** An audit's verdict (JSON, an AuditResult). */
export const ATTACHMENT_VERDICT = 'maskproof-verdict';
/** The values the journey planted (JSON, Canary[]). */
export const ATTACHMENT_CANARIES = 'maskproof-canaries';
/** The raw rrweb events, as a file. */
export const ATTACHMENT_RECORDING = 'maskproof-recording';
/** A key moment's visual proof (JSON), and its live / replay / diff PNGs as `maskproof-visual-<kind>`. */
export const ATTACHMENT_VISUAL = 'maskproof-visual';
/** Where the journey's evidence files are, relative to the report directory, and the run's environment (EvidencePaths). */
export const ATTACHMENT_EVIDENCE = 'maskproof-evidence';
/** A leak-vector journey's verdict (JSON, a VectorVerdict). */
export const ATTACHMENT_VECTOR = 'maskproof-vector';
/** The values a leak-vector page planted (JSON, Canary[]). */
export const ATTACHMENT_VECTOR_CANARIES = 'maskproof-vector-canaries';
/** The RecorderRow (JSON) of a vector run under `matrix --recorder`'s one config. */
export const ATTACHMENT_RECORDER_ROW = 'maskproof-vector-recorder-row';

/** The files of a report directory (relative to it). */
export const RESULTS_FILE = 'results.json';
export const CANARIES_FILE = 'canaries.json';
export const MATRIX_FILE = 'matrix.json';
export const DRIFT_RESULT_FILE = 'drift-result.json';
export const JUNIT_FILE = 'junit.xml';
export const HTML_FILE = 'index.html';
