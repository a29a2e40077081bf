import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const h = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The player's folder inside the report directory. */
export const PLAYER_DIR = 'player';

/**
 * The player page of a recording (a path relative to the report directory, e.g.
 * "recordings/desktop-pii-form-submit.json"): "player/desktop-pii-form-submit.html".
 */
export function playerPage(recording: string): string {
  return `${PLAYER_DIR}/${basename(recording).replace(/\.json$/, '')}.html`;
}

/** rrweb's own browser bundle and Replayer stylesheet, the same rrweb the visual proof replays with. */
function rrwebAssets(): { bundle: string; css: string } {
  const dist = dirname(require.resolve('rrweb'));
  return {
    // Without its source-map comment: the page would try to load the map.
    bundle: readFileSync(join(dist, 'rrweb.umd.min.cjs'), 'utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, '\n'),
    css: readFileSync(join(dist, 'style.css'), 'utf8'),
  };
}

/**
 * The controls: play / pause, restart, a progress bar to seek, speed. Runs on file:// with no
 * network; the recording arrives as a script that sets window.MASKPROOF_RECORDING (a page opened
 * from disk may not fetch a sibling file). Sets data-state on <body> ("ready", "playing", "paused",
 * "finished", "error") and dispatches "maskproof:finish" on window when the replay reaches its end.
 */
const CONTROLS = `(function () {
'use strict';
function start() {
  var body = document.body;
  var recording = window.MASKPROOF_RECORDING;
  var $ = function (id) { return document.getElementById(id); };
  function disable() {
    ['play', 'restart', 'progress', 'speed'].forEach(function (id) { $(id).disabled = true; });
  }
  function fail(message) {
    disable();
    body.dataset.state = 'error';
    $('status').textContent = message;
  }
  if (!window.rrweb || !recording || !Array.isArray(recording.events)) return fail('The recording or rrweb could not be loaded.');
  var events = recording.events.slice().sort(function (a, b) { return a.timestamp - b.timestamp; });
  if (!events.some(function (e) { return e.type === 2; })) {
    disable();
    body.dataset.state = 'empty';
    $('status').textContent = events.length === 0 ? 'Nothing was recorded: the recorder stored no event.' : 'No full snapshot was recorded (' + events.length + ' events): there is no page to replay.';
    return;
  }
  var replayer = new window.rrweb.Replayer(events, { root: $('stage'), mouseTail: false, showWarning: false, skipInactive: false, UNSAFE_replayCanvas: false });
  var meta = replayer.getMetaData();
  var total = Math.max(1, meta.totalTime);
  var playing = false;
  var finished = false;
  function clock(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }
  function current() { return Math.min(total, Math.max(0, replayer.getCurrentTime())); }
  function show() {
    var t = finished ? total : current();
    $('progress').value = String(Math.round((t / total) * 1000));
    $('time').textContent = clock(t) + ' / ' + clock(total);
    $('play').textContent = playing ? 'Pause' : finished ? 'Replay' : 'Play';
    body.dataset.state = playing ? 'playing' : finished ? 'finished' : body.dataset.state === 'ready' ? 'ready' : 'paused';
    if (playing) requestAnimationFrame(show);
  }
  function fit() {
    var stage = $('stage');
    var wrapper = stage.querySelector('.replayer-wrapper');
    var iframe = replayer.iframe;
    var w = Number(iframe.getAttribute('width')) || meta.width || 1;
    var h = Number(iframe.getAttribute('height')) || meta.height || 1;
    var scale = Math.min(1, stage.clientWidth / w);
    wrapper.style.transform = 'scale(' + scale + ')';
    stage.style.height = Math.ceil(h * scale) + 'px';
  }
  replayer.on('resize', fit);
  window.addEventListener('resize', fit);
  replayer.on('finish', function () {
    playing = false;
    finished = true;
    show();
    window.dispatchEvent(new CustomEvent('maskproof:finish'));
  });
  function play(from) {
    finished = false;
    playing = true;
    replayer.play(from);
    show();
  }
  $('play').addEventListener('click', function () {
    if (playing) {
      replayer.pause();
      playing = false;
      show();
    } else {
      play(finished ? 0 : current());
    }
  });
  $('restart').addEventListener('click', function () { play(0); });
  $('speed').addEventListener('change', function () { replayer.setConfig({ speed: Number($('speed').value) }); });
  $('progress').addEventListener('input', function () {
    var to = (Number($('progress').value) / 1000) * total;
    finished = false;
    if (playing) replayer.play(to); else replayer.pause(to);
    show();
  });
  replayer.pause(0);
  fit();
  $('status').textContent = events.length + ' events, ' + clock(total) + ' of recording.';
  body.dataset.state = 'ready';
  show();
}
// After the page's load event: the Replayer's iframe document stays open, and a load waiting on it never comes.
if (document.readyState === 'complete') start();
else window.addEventListener('load', start, { once: true });
})();
`;

function pageHtml(title: string, eventsFile: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Replay: ${h(title)}</title>
<link rel="stylesheet" href="rrweb.css">
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; padding: 16px 20px; color: #1d2330; background: #f4f5f8; }
h1 { font-size: 18px; margin: 0 0 4px; }
p { margin: 0 0 10px; color: #555d6e; }
.bar { display: flex; gap: 10px; align-items: center; margin: 10px 0; }
.bar input[type=range] { flex: 1; }
button, select { font: inherit; padding: 4px 12px; }
#stage { position: relative; overflow: hidden; background: #fff; border: 1px solid #ccd; }
#stage .replayer-wrapper { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
#stage iframe { border: 0; }
</style></head>
<body data-state="loading">
<h1>${h(title)}</h1>
<p>The recording exactly as captured from the recorder: what the vendor would store and replay. It may show the synthetic personal data the journey planted wherever the recorder did not mask it. <a href="../index.html">Back to the report</a></p>
<div class="bar"><button id="play" type="button">Play</button><button id="restart" type="button">Restart</button>
<input id="progress" type="range" min="0" max="1000" value="0" aria-label="Position in the recording"><span id="time">0:00</span>
<select id="speed" aria-label="Speed"><option value="1">1×</option><option value="2">2×</option><option value="4">4×</option><option value="8">8×</option></select></div>
<p id="status">Loading the recording…</p>
<div id="stage"></div>
<script src="rrweb.js"></script>
<script src="${h(eventsFile)}"></script>
<script src="player.js"></script>
</body></html>
`;
}

/** A recording to give a player page: its path (relative to the report directory) and a title. */
export interface PlayerRecording {
  recording: string;
  title: string;
}

/**
 * Writes <dir>/player/: rrweb's bundle and stylesheet, the controls, and for each recording that
 * exists a page and a script holding its events. Returns the pages written (relative to `dir`).
 */
export function writePlayers(dir: string, recordings: readonly PlayerRecording[]): string[] {
  const present = recordings.filter((r) => existsSync(join(dir, r.recording)));
  if (present.length === 0) return [];
  const out = join(dir, PLAYER_DIR);
  mkdirSync(out, { recursive: true });
  const { bundle, css } = rrwebAssets();
  writeFileSync(join(out, 'rrweb.js'), bundle);
  writeFileSync(join(out, 'rrweb.css'), css);
  writeFileSync(join(out, 'player.js'), CONTROLS);
  const pages: string[] = [];
  for (const { recording, title } of present) {
    const page = playerPage(recording);
    const stem = basename(page, '.html');
    const events = readFileSync(join(dir, recording), 'utf8').trim();
    // JSON is a JavaScript expression; the file is a script, so no </script> can end it early.
    writeFileSync(join(out, `${stem}.events.js`), `window.MASKPROOF_RECORDING = { events: ${events} };\n`);
    writeFileSync(join(dir, page), pageHtml(title, `${stem}.events.js`));
    pages.push(page);
  }
  return pages;
}
