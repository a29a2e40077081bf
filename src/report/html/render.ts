import type { DriftResult } from '../../contract/drift.ts';
import type { Finding } from '../../contract/findings.ts';
import type { VisualProof } from '../../contract/visual.ts';
import type { CaseResult, RunResults } from '../../contract/results.ts';
import type { EvidenceSummary, MatrixRow, ReportInput } from './load.ts';
import { playerPage } from './player.ts';
import { createScrubber } from './scrub.ts';
import { REPORT_CSS } from './styles.ts';

type Scrub = (text: string) => string;

/** HTML-escapes text (for element content and attribute values alike). */
export function h(text: string | number | undefined | null): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STATUS = {
  pass: { word: 'PASS', cls: 'pass' },
  fail: { word: 'FAIL', cls: 'fail' },
  inapplicable: { word: 'N/A', cls: 'na' },
  // A harness error is not a privacy verdict: its own word and colour, never the leak's red.
  error: { word: 'ERROR', cls: 'error' },
} as const;
const percent = (ratio: number, digits = 1) => `${(ratio * 100).toFixed(digits)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function basename(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/** The run's verdict, in one sentence a stakeholder can repeat. */
function hero(results: RunResults): string {
  const total = results.cases.length;
  const failed = results.cases.filter((c) => c.status === 'fail').length;
  const unproven = results.cases.filter((c) => c.status === 'inapplicable').length;
  const errored = results.cases.filter((c) => c.status === 'error').length;
  const passed = total - failed - unproven - errored;
  const recorder = `the <b>${h(results.recorder)}</b> ${h(labelOf(results))} recorder config`;
  let cls: 'pass' | 'fail' | 'na' | 'error' = 'pass';
  let title = 'Session replay is masked: no personal data leaks';
  let lede = `All ${plural(total, 'privacy check')} passed with ${recorder}. No planted personal data reached the recording, and the replay visibly masks every field while still matching the page.`;
  if (results.interrupted) {
    // Stopped before every journey finished: whatever the rows say, the run as a whole proves nothing.
    cls = 'error';
    title = 'Interrupted: this run was stopped before every journey finished';
    lede = `The run was stopped (SIGINT or SIGTERM) after ${plural(total, 'row')}; ${failed} of them failed. The journeys that had not finished have no row, so this report is not a verdict on ${recorder}: run it again to the end.`;
  } else if (results.browserCrashed && failed === 0) {
    cls = 'error';
    title = 'Not proven: the browser crashed during the run';
    lede = `Chromium crashed or was killed while the journeys ran: ${plural(errored, 'row')} it cut short could not be checked, so this report is not a verdict on ${recorder}. Run it again.`;
  } else if (failed > 0) {
    cls = 'fail';
    title = 'Personal data reaches the session replay';
    lede = `${failed} of ${plural(total, 'privacy check')} failed with ${recorder}. Each failing row below names what leaked and where; values are redacted.`;
  } else if (errored > 0) {
    cls = 'error';
    title = 'Not proven: the harness could not complete some checks';
    lede = `${passed} of ${plural(total, 'privacy check')} passed with ${recorder}; ${errored} could not be completed because of a harness error (a page that failed, a key moment that could not be made, a payload that did not decode). This is not a finding about the recorder: fix the cause named in each row and run again.`;
  } else if (unproven > 0) {
    cls = 'na';
    title = 'Not proven: some checks cannot run on this recorder';
    lede = `${passed} of ${plural(total, 'privacy check')} passed with ${recorder}; ${unproven} could not be checked because the recorder has no such protection.`;
  }
  const word = results.interrupted ? 'INTERRUPTED' : cls === 'pass' ? 'PASS' : cls === 'fail' ? 'FAIL' : cls === 'error' ? 'HARNESS ERROR' : 'NOT PROVEN';
  return `<header class="hero ${cls}">
  <div><div class="brand">maskproof · session replay privacy report</div><h1>${h(title)}</h1><p class="lede">${lede}</p></div>
  <div class="score"><b>${passed}/${total}</b><span>checks passed</span><br><span class="word">${word}</span></div>
</header>`;
}

/** The recorder as the results name it (its descriptor's label, written by the results reporter). */
function labelOf(results: Pick<RunResults, 'recorderKind' | 'recorderLabel'>): string {
  return results.recorderLabel ?? results.recorderKind ?? '';
}

function facts(results: RunResults, scrub: Scrub): string {
  const items: [string, string][] = [
    ['Date', `${h(when(results.startedAt))} <small>run took ${h((results.durationMs / 1000).toFixed(1))} s</small>`],
    ['App under test', results.appUrl ? `<span class="mono">${h(scrub(results.appUrl).replace(/^https?:\/\//, ''))}</span> <small>${h(scrub(results.appUrl).startsWith('https') ? 'https' : 'http')}</small>` : '<small>not recorded</small>'],
    ['Recorder', `${h(labelOf(results) || 'rrweb')} · ${h(results.recorder)} <small>${h(basename(results.recorderConfig))}</small>`],
    ['Seed', `${h(results.seed)} <small>rerun: <code>--seed ${h(results.seed)}</code></small>`],
    ['Browser', results.browser ? `${h(results.browser.replace(/ .*/, ''))} <small>${h(results.browser.replace(/^\S+ /, ''))}</small>` : '<small>not recorded</small>'],
    ['Journeys', `${h(journeyCount(results.cases))} <small>${h(plural(results.cases.length, 'check'))} · ${h([...new Set(results.cases.map((c) => c.project))].join(', '))}</small>`],
  ];
  return `<dl class="facts">${items.map(([dt, dd]) => `<div><dt>${h(dt)}</dt><dd>${dd}</dd></div>`).join('')}</dl>`;
}

function settings(results: RunResults, scrub: Scrub): string {
  const rows = results.recorderSettings ?? [];
  if (rows.length === 0) return '';
  return `<section class="compact"><h2>Recorder privacy settings</h2>
<dl class="card settings">${rows.map((r) => `<dt>${h(r.label)}</dt><dd>${h(scrub(r.value))}${r.docsDiffer ? `<br><strong>Docs differ:</strong> ${h(scrub(r.docsDiffer))}` : ''}</dd>`).join('')}</dl></section>`;
}

function proofStats(proof: VisualProof, scrub: Scrub): string {
  const t = proof.thresholds;
  const shown = proof.boxes.filter((b) => !b.hidden);
  const lowest = proof.boxes.reduce<number | undefined>((min, b) => (b.hidden && (min === undefined || b.diffRatio < min) ? b.diffRatio : min), undefined);
  const lines: string[] = [];
  if (proof.boxes.length === 0) lines.push('No box on screen showed a value at this moment.');
  else if (shown.length === 0) {
    lines.push(`All ${plural(proof.boxes.length, 'box', 'boxes')} where the page showed a value look different in the replay (each needs ≥ ${percent(t.minHiddenDiff)} of its pixels to differ${lowest !== undefined ? `; the closest differs in ${percent(lowest)}` : ''}).`);
  } else {
    lines.push(`<b>${shown.length} of ${plural(proof.boxes.length, 'box', 'boxes')}</b> show in the replay what the page showed (outlined in red; each needs ≥ ${percent(t.minHiddenDiff)} of its pixels to differ).`);
  }
  if (proof.regionCounts['unrecorded-route']) lines.push(`The page was on a route the config never records (<span class="mono">${h(scrub(proof.path))}</span>): the replay can only show what was recorded before it.`);
  if (proof.outsideDiffRatio === null) lines.push('The whole page is masked or never recorded, so there is nothing outside the boxes to compare.');
  else {
    const ok = proof.outsideDiffRatio <= t.maxOutsideDiff;
    lines.push(`Outside the boxes the replay differs from the page in ${percent(proof.outsideDiffRatio, 2)} of pixels (limit ${percent(t.maxOutsideDiff)})${ok ? ': the replay is still a faithful record.' : ': <b>the replay is not a faithful record of the page.</b>'}`);
  }
  lines.push(`Pixels compared with pixelmatch at threshold ${t.pixelThreshold}, anti-aliasing ${t.antiAliasingTolerance ? 'tolerated' : 'counted'}; boxes at their best alignment within ±${t.alignmentSlack} px.`);
  return `<ul class="stats">${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`;
}

/**
 * An evidence image cropped to the part worth a close look (its focus), in pure CSS: a link whose
 * background is the PNG, zoomed and positioned. Following the link opens the whole screenshot.
 */
function zoomedImage(proof: VisualProof, file: string, label: string, aspect?: number): string {
  const { width: W, height: H } = proof.viewport;
  const focus = proof.focus && proof.focus.width > 0 ? proof.focus : { x: 0, y: 0, width: W, height: H };
  const f = aspect ? fitAspect(focus, W, H, aspect) : focus;
  const zoom = [
    `aspect-ratio: ${f.width} / ${f.height}`,
    `background-size: ${((W / f.width) * 100).toFixed(3)}% auto`,
    `background-position: ${W > f.width ? ((f.x / (W - f.width)) * 100).toFixed(3) : 0}% ${H > f.height ? ((f.y / (H - f.height)) * 100).toFixed(3) : 0}%`,
  ].join('; ');
  return `<a class="shot" href="${h(file)}" role="img" aria-label="${h(label)}" title="Open the whole screenshot" style="background-image: url('${h(file)}'); ${h(zoom)}"></a>`;
}

/** A window of the given aspect ratio around `focus`, inside the W×H image: tiles line up in a row. */
export function fitAspect(focus: { x: number; y: number; width: number; height: number }, W: number, H: number, aspect: number) {
  let width = Math.min(W, Math.max(focus.width, focus.height * aspect));
  let height = width / aspect;
  if (height > H) [height, width] = [H, H * aspect];
  const cx = focus.x + focus.width / 2;
  const cy = focus.y + focus.height / 2;
  const x = Math.round(Math.min(Math.max(0, cx - width / 2), W - width));
  const y = Math.round(Math.min(Math.max(0, cy - height / 2), H - height));
  return { x, y, width: Math.round(width), height: Math.round(height) };
}

/** Every journey's replay at its key moment, side by side: what a stakeholder looks at first. */
function gallery(results: RunResults): string {
  const cards = results.cases.flatMap((c) =>
    (c.evidence?.visual ?? [])
      .filter((p) => p.images)
      .map((p) => {
        const status = STATUS[c.status];
        const shown = p.boxes.filter((b) => !b.hidden).length;
        const caption = shown ? `${plural(shown, 'value')} visible in the replay` : `all ${plural(p.boxes.length, 'value')} masked in the replay`;
        return `<figure class="tile ${status.cls}">${zoomedImage(p, p.images!.replay, `Replay of ${c.journey} at “${p.name}”`, 4 / 3)}<figcaption><span class="badge ${status.cls}">${status.word}</span> <b>${h(c.journey)}</b><br><span>${h(p.name)} · ${h(caption)}</span></figcaption></figure>`;
      }),
  );
  if (cards.length === 0) return '';
  return `<section><h2>What the replay shows</h2><p class="hint">The recording replayed at each journey's key moment. <span class="sw red"></span>Red boxes: personal data the replay shows. <span class="sw blue"></span>Blue and <span class="sw green"></span>green boxes: masked as required. Click an image for the whole screenshot; open a row above for the live page and the difference.</p>
<div class="gallery">${cards.join('')}</div></section>`;
}

function visualBlock(proof: VisualProof, scrub: Scrub): string {
  const status = proof.status === 'pass' ? '<span class="badge pass">REPLAY MASKED</span>' : '<span class="badge fail">REPLAY SHOWS DATA</span>';
  const meta = proof.images
    ? `replayed ${plural(proof.eventsReplayed, 'event')} up to this moment · page <span class="mono">${h(scrub(proof.path))}</span> · ${h(proof.viewport.width)}×${h(proof.viewport.height)}`
    : 'no images: the proof could not be made';
  const head = `<div class="proof-head"><b>Key moment: ${h(proof.name)}</b> ${status} <span class="meta">${meta}</span></div>`;
  if (!proof.images) return `<div class="proof">${head}<ul class="reasons fail">${proof.reasons.map((r) => `<li>${h(scrub(r))}</li>`).join('')}</ul></div>`;
  const portrait = (proof.focus?.height ?? 0) > (proof.focus?.width ?? 1);
  const shot = (file: string, title: string, note: string) => `<figure>${zoomedImage(proof, file, `${title} at “${proof.name}”`)}<figcaption><b>${h(title)}</b> · ${h(note)}</figcaption></figure>`;
  return `<div class="proof">${head}
<div class="shots${portrait ? ' portrait' : ''}">
${shot(proof.images.live, 'Live page', 'what the user saw')}
${shot(proof.images.replay, 'Replay', 'what the recording shows')}
${shot(proof.images.diff, 'Difference', 'where they differ')}
</div>
<p class="legend"><span><span class="sw blue"></span>masked or blocked by the config</span><span><span class="sw green"></span>planted personal data</span><span><span class="sw red"></span>shown in the replay</span><span><span class="sw fill-blue"></span>difference inside a box: masking at work</span><span><span class="sw fill-red"></span>difference outside the boxes</span></p>
${proofStats(proof, scrub)}</div>`;
}

/** The first few items, the rest behind a "show all" toggle: a failing row stays readable. */
function firstFew(items: readonly string[], shown: number, wrap: (items: string) => string, what: string): string {
  if (items.length <= shown + 1) return wrap(items.join(''));
  return `${wrap(items.slice(0, shown).join(''))}<details class="more"><summary>Show ${items.length - shown} more ${h(what)} (${items.length} in all)</summary>${wrap(items.slice(shown).join(''))}</details>`;
}

const MAX_FINDINGS = 200;

function findingsTable(findings: readonly Finding[], scrub: Scrub): string {
  if (findings.length === 0) return '<p class="empty">No planted value or personal-data pattern found in the recording.</p>';
  const rows = findings.slice(0, MAX_FINDINGS).map(
    (f) =>
      `<tr><td>${h(scrub(f.label ?? f.kind))}</td><td>${h(f.detector)}</td><td class="mono">${h(scrub(`#${f.eventIndex} ${f.path}`))}</td><td>${h(f.encoding)}</td><td class="mono">${h(scrub(f.redacted))}</td><td class="mono" title="SHA-256 of the value found">${h(f.sha256.slice(0, 12))}…</td></tr>`,
  );
  const table = (body: string) =>
    `<table class="data fixed"><colgroup><col style="width: 17%"><col style="width: 9%"><col style="width: 32%"><col style="width: 9%"><col style="width: 18%"><col style="width: 15%"></colgroup><thead><tr><th>What</th><th>Detector</th><th>Where (event, path)</th><th>Encoding</th><th>Value (redacted)</th><th>SHA-256</th></tr></thead><tbody>${body}</tbody></table>`;
  const more = findings.length > MAX_FINDINGS ? `<p class="empty">+${findings.length - MAX_FINDINGS} more in results.json.</p>` : '';
  return `${firstFew(rows, 8, table, 'findings')}${more}`;
}

function eventCounts(summary: EvidenceSummary | undefined): string {
  if (!summary) return '<p class="empty">The evidence file could not be read.</p>';
  if (summary.totalEvents === 0) return `<p class="empty">No events recorded (${plural(summary.ingestRequests, 'ingest request')}).</p>`;
  const rows = Object.entries(summary.eventCounts)
    .sort((a, b) => b[1] - a[1])
    .map(([type, count]) => `<tr><td class="mono">${h(type)}</td><td class="num">${h(count)}</td></tr>`);
  return `<table class="data"><thead><tr><th>Event type</th><th>Count</th></tr></thead><tbody>${rows.join('')}<tr><td><b>Total</b> · ${h(plural(summary.ingestRequests, 'ingest request'))}</td><td class="num"><b>${h(summary.totalEvents)}</b></td></tr></tbody></table>`;
}

const MAX_REQUESTS = 30;

function networkTable(summary: EvidenceSummary | undefined, scrub: Scrub): string {
  if (!summary) return '';
  if (summary.network.length === 0) return '<p class="empty">No network request recorded.</p>';
  const rows = summary.network
    .slice(0, MAX_REQUESTS)
    .map((r) => `<tr><td>${h(r.method ?? '—')}</td><td class="mono">${h(scrub(r.url))}</td><td class="num">${h(r.status ?? '—')}</td></tr>`);
  const more = summary.network.length > MAX_REQUESTS ? `<p class="empty">+${summary.network.length - MAX_REQUESTS} more in the evidence file.</p>` : '';
  return `<table class="data"><thead><tr><th>Method</th><th>URL as recorded (planted values redacted)</th><th>Status</th></tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

/** One line under the expected result, so the table says what was found without opening a row. */
/** Journeys, not rows: a declarative journey with two `expect` steps is one journey and two checks. */
export function journeyCount(cases: readonly Pick<CaseResult, 'journey' | 'project'>[]): number {
  return new Set(cases.map((c) => `${c.project}|${c.journey}`)).size;
}

/** The row's title: its journey, and which check when the journey has several rows. */
export function rowTitle(c: Pick<CaseResult, 'journey' | 'project' | 'id'>, cases: readonly Pick<CaseResult, 'journey' | 'project'>[]): string {
  const shared = cases.filter((other) => other.journey === c.journey && other.project === c.project).length > 1;
  return shared ? `${c.journey} › ${c.id}` : c.journey;
}

function rowSummary(c: CaseResult, summary: EvidenceSummary | undefined): string {
  const parts: string[] = [];
  const proofs = c.evidence?.visual ?? [];
  const boxes = proofs.reduce((n, p) => n + p.boxes.length, 0);
  const shown = proofs.reduce((n, p) => n + p.boxes.filter((b) => !b.hidden).length, 0);
  if (proofs.length) parts.push(shown ? `replay shows ${shown} of ${boxes} protected boxes` : `replay masks all ${boxes} protected boxes`);
  parts.push(c.findings.length ? plural(c.findings.length, 'finding') : 'no finding');
  // The admin row expects no replay on the admin routes: its events come from the journey's other pages.
  if (summary) parts.push(c.id === 'admin-route' ? `${plural(summary.totalEvents, 'event')} on the journey's other pages` : plural(summary.totalEvents, 'event'));
  return parts.join(' · ');
}

/** The link to the row's recording in the report's player (written by writePlayers next to index.html). */
function replayLink(recording: string | undefined): string {
  return recording ? `<a class="watch" href="${h(playerPage(recording))}">▶ Watch the replay (what the vendor stores)</a>` : '';
}

function caseRow(c: CaseResult, summary: EvidenceSummary | undefined, scrub: Scrub, title: string): string {
  const status = STATUS[c.status];
  const reasons = c.reasons.map(scrub);
  const chips = [c.project, c.recorder].filter(Boolean).map((x) => `<span class="chip">${h(x)}</span>`);
  const headline =
    c.status !== 'pass' && reasons[0]
      ? `<span class="why">${h(reasons[0])}${reasons.length > 1 ? ` (+${reasons.length - 1} more)` : ''}</span>`
      : `<span class="sub">${h(rowSummary(c, summary))}</span>`;
  const verdict =
    c.status === 'pass'
      ? `<p class="ok">✓ ${h(c.title ?? 'Every check of this row passed.')}</p>`
      : `<p class="verdict-title">${h(scrub(c.title ?? (c.status === 'fail' ? 'Failed' : c.status === 'error' ? 'Harness error: not checked' : 'Could not be checked')))}</p>`;
  const why =
    c.status === 'pass'
      ? ''
      : `<h3>${c.status === 'fail' ? 'Why it failed' : c.status === 'error' ? 'What went wrong in the harness' : 'Why it could not be checked'}</h3>${firstFew(
          reasons.map((r) => `<li>${h(r)}</li>`),
          5,
          (items) => `<ul class="reasons fail">${items}</ul>`,
          'reasons',
        )}`;
  const visual = c.evidence?.visual ?? [];
  const links = [
    replayLink(c.evidence?.recording ?? c.recording),
    c.evidence?.recording ?? c.recording ? `<a href="${h(c.evidence?.recording ?? c.recording)}">Raw recording (rrweb events, JSON)</a>` : '',
    c.evidence?.evidence ? `<a href="${h(c.evidence.evidence)}">Everything the audit saw (evidence JSON)</a>` : '',
  ].filter(Boolean);
  return `<details class="case ${status.cls}" data-case="${h(c.id)}" data-project="${h(c.project)}" data-status="${h(c.status)}">
<summary class="tr" role="row"><span role="cell"><span class="journey">${h(title)}<span class="chips">${chips.join('')}</span></span></span><span role="cell" class="expected">${h(c.expected)}${headline}</span><span role="cell"><span class="badge ${status.cls}">${status.word}</span></span></summary>
<div class="evidence">
${verdict}
${visual.length ? `<h3>Visual proof: replay vs live page</h3>${visual.map((p) => visualBlock(p, scrub)).join('')}` : ''}
${why}
<h3>Findings</h3>${findingsTable(c.findings, scrub)}
<div class="cols"><div><h3>Events recorded, by type</h3>${eventCounts(summary)}</div><div><h3>Network requests recorded</h3>${networkTable(summary, scrub)}</div></div>
${links.length ? `<div class="links">${links.join('')}</div>` : ''}
</div>
</details>`;
}

function casesSection(input: ReportInput, scrub: Scrub): string {
  const rows = input.results.cases.map((c, i) => caseRow(c, input.evidence[i], scrub, rowTitle(c, input.results.cases)));
  return `<section><h2>Privacy test cases</h2><p class="hint">Each row is a journey through the app with synthetic personal data. Open a row for its evidence.</p>
<div class="card cases" role="table" aria-label="Privacy test cases">
<div class="tr thead" role="row"><span role="columnheader">Test case</span><span role="columnheader">Expected result</span><span role="columnheader">Pass / fail</span></div>
${rows.join('\n')}
</div></section>`;
}

/** The leak-vector matrix cell: what happened against what was expected. */
export function matrixCell(row: MatrixRow): { cls: string; text: string } {
  if (typeof row.error === 'string') return { cls: 'missed', text: 'ERROR' };
  // A leak counts as caught only when a finding names the vector's own path (when the row says).
  const caught = row.actual === 'caught' && row.pathNamed !== false;
  if (row.expected === 'caught' && !caught) return { cls: 'missed', text: 'MISSED' };
  if (row.expected === 'clean' && row.actual !== 'clean') return { cls: 'false-alarm', text: 'FALSE ALARM' };
  const limitation = typeof row.limitation === 'string' || row.limitation === true;
  // The leaky column of a limitation vector is an ordinary catch; the safe column is the recorder's gap.
  if (limitation && row.role !== 'leaky') return { cls: 'limitation', text: 'RECORDER LIMITATION' };
  return { cls: row.actual, text: row.actual };
}

/** Which column a row belongs to: the config that protects the vector, or the leaky one. */
function matrixRole(row: MatrixRow): 'safe' | 'leaky' {
  if (row.role === 'safe' || row.role === 'leaky') return row.role;
  return row.expected === 'clean' ? 'safe' : 'leaky';
}

function matrixTd(row: MatrixRow | undefined, scrub: Scrub): string {
  if (!row) return '<td>—</td>';
  const cell = matrixCell(row);
  const finding = Array.isArray(row.findings) ? (row.findings[0] as { label?: string; path?: string; redacted?: string } | undefined) : undefined;
  const notes = [
    typeof row.mistake === 'string' ? `the mistake: ${row.mistake}` : '',
    matrixRole(row) === 'safe' && typeof row.protectedBy === 'string' ? `protected by: ${row.protectedBy}` : '',
    typeof row.note === 'string' ? row.note : typeof row.limitation === 'string' && matrixRole(row) === 'safe' ? row.limitation : '',
    typeof row.error === 'string' ? row.error : '',
    finding && cell.cls !== 'clean' ? `found ${finding.label ?? ''} ${finding.redacted ?? ''} at ${finding.path ?? ''}` : '',
  ].filter(Boolean);
  return `<td><span class="cell ${cell.cls}">${h(cell.text)}</span> <code>${h(scrub(row.config))}</code>${notes.map((n) => `<br><small>${h(scrub(n))}</small>`).join('')}</td>`;
}

function matrixSection(rows: MatrixRow[] | undefined, scrub: Scrub): string {
  if (!rows || rows.length === 0) return '';
  const vectors = [...new Set(rows.map((r) => r.vector))];
  const body = vectors.map((vector) => {
    const of = (role: 'safe' | 'leaky') => rows.find((r) => r.vector === vector && matrixRole(r) === role);
    const any = of('safe') ?? of('leaky');
    const title = typeof any?.title === 'string' ? `${typeof any.number === 'number' ? `${any.number}. ` : ''}${any.title}` : vector;
    return `<tr><td>${h(scrub(title))}</td>${matrixTd(of('safe'), scrub)}${matrixTd(of('leaky'), scrub)}</tr>`;
  });
  const bad = rows.filter((r) => ['missed', 'false-alarm'].includes(matrixCell(r).cls)).length;
  return `<section><h2>Leak-vector matrix</h2><p class="hint">Every way personal data escapes a recorder, run against a config that protects it and one that lets it through: ${bad === 0 ? 'every leak caught, no false alarm.' : `<b>${plural(bad, 'cell')} MISSED or FALSE ALARM.</b>`}</p>
<table class="data matrix"><thead><tr><th>Vector</th><th class="cfg">Protected by the safe config</th><th class="cfg">Leaky config (the mistake)</th></tr></thead><tbody>${body.join('')}</tbody></table></section>`;
}

/** The drift audit under the table: each route's counts, and every failing element with the selector to add. */
function driftSection(drift: DriftResult | undefined, scrub: Scrub): string {
  if (!drift) return '';
  const failing = drift.elements.filter((e) => e.failing);
  const rows = drift.routes.map((route) => {
    const mine = drift.elements.filter((e) => e.route === route.route);
    const count = (status: string) => mine.filter((e) => e.status === status).length;
    return `<tr><td><code>${h(scrub(route.route))}</code></td><td>${h(route.risk)}</td><td class="num">${count('blocked')}</td><td class="num">${count('masked')}</td><td class="num">${count('allowed')}</td><td class="num">${count('unprotected')}</td></tr>`;
  });
  const problems = [...drift.routeProblems, ...failing.map((e) => `${e.route} ${e.kind} ${e.selector}: unprotected (${e.why})${e.fix ? `: ${e.fix}` : ''}`)];
  const verdict = problems.length === 0 ? `no failing element${drift.baseline ? ' new since the baseline' : ''}.` : `<b>${plural(problems.length, 'failure')}${drift.baseline ? ' new since the baseline' : ''}.</b>`;
  return `<section><h2>Drift audit</h2><p class="hint">Every element a replay could capture on each route, classified under the recorder config ${h(scrub(drift.recorder))}: ${verdict}</p>
<table class="data"><thead><tr><th>Route</th><th>Risk</th><th>Blocked</th><th>Masked</th><th>Allowed</th><th>Unprotected</th></tr></thead><tbody>${rows.join('')}</tbody></table>${problems.length ? `<ul class="reasons fail">${problems.map((p) => `<li>${h(scrub(p))}</li>`).join('')}</ul>` : ''}</section>`;
}

/** reports/index.html: one self-contained file (inline CSS, images by relative link), no script needed. */
export function renderReport(input: ReportInput): string {
  const scrub = createScrubber(input.canaries);
  const { results } = input;
  const title = `maskproof · ${results.recorder} · ${results.cases.some((c) => c.status === 'fail') ? 'FAIL' : results.cases.some((c) => c.status === 'error') ? 'ERROR' : results.cases.every((c) => c.status === 'pass') ? 'PASS' : 'NOT PROVEN'}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style></head>
<body><main class="page">
${hero(results)}
${facts(results, scrub)}
${settings(results, scrub)}
${casesSection(input, scrub)}
${gallery(results)}
${matrixSection(input.matrix, scrub)}
${driftSection(input.drift, scrub)}
<footer>Generated by maskproof from results.json and the evidence files next to this report. Screenshots show synthetic test data planted by the journeys; text never shows a found value in full (only a redacted form and a SHA-256 prefix).</footer>
</main></body></html>
`;
}
