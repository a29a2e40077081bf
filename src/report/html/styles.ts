/** The report's stylesheet, inlined: the file must open offline, from a CI artifact or an email. */
export const REPORT_CSS = `
:root {
  --ink: #1d2433; --muted: #5b6477; --line: #e3e6ee; --paper: #ffffff; --canvas: #f4f6fb;
  --pass: #12805c; --pass-bg: #e6f5ee; --fail: #c4332f; --fail-bg: #fdecea; --na: #8a6100; --na-bg: #fff4d6;
  --blue: #2f6fed; --green: #12a150; --red: #e5484d;
}
* { box-sizing: border-box; }
html { background: var(--canvas); }
body { margin: 0; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
a { color: var(--blue); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; }
.page { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }

.hero { display: grid; grid-template-columns: 1fr auto; gap: 24px; align-items: center; padding: 22px 30px; border-radius: 16px; color: #fff; }
.hero.pass { background: linear-gradient(120deg, #0f6e4f, #16a06f); }
.hero.fail { background: linear-gradient(120deg, #a3261f, #d9473f); }
.hero.na { background: linear-gradient(120deg, #7a5600, #b58300); }
.hero.error { background: linear-gradient(120deg, #3d4a5c, #5f6f86); }
.brand { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; font-weight: 700; opacity: .85; }
.hero h1 { margin: 4px 0 6px; font-size: 30px; line-height: 1.15; }
.lede { margin: 0; font-size: 16px; max-width: 800px; opacity: .95; }
.score { text-align: center; background: rgba(255,255,255,.16); border-radius: 14px; padding: 10px 22px; min-width: 160px; }
.score b { display: block; font-size: 38px; line-height: 1; }
.score span { font-size: 13px; opacity: .9; }
.score .word { display: inline-block; margin-top: 8px; padding: 3px 12px; border-radius: 999px; background: #fff; font-weight: 800; letter-spacing: .08em; font-size: 14px; }
.hero.pass .score .word { color: var(--pass); } .hero.fail .score .word { color: var(--fail); } .hero.na .score .word { color: var(--na); }

.facts { display: grid; grid-template-columns: 1.1fr 1.1fr 1.1fr 0.8fr 1fr 0.8fr; gap: 1px; margin: 14px 0 0; background: var(--line); border: 1px solid var(--line); border-radius: 12px; overflow: hidden; }
.facts div { background: var(--paper); padding: 10px 14px; min-width: 0; }
.facts dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .06em; }
.facts dd { margin: 2px 0 0; font-weight: 600; overflow-wrap: anywhere; }
.facts dd small { display: block; font-weight: 400; color: var(--muted); font-size: 12.5px; }

section { margin-top: 26px; }
h2 { font-size: 20px; margin: 0 0 10px; }
.hint { color: var(--muted); margin: -4px 0 12px; font-size: 14px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; }

.settings { display: grid; grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr); column-gap: 14px; margin: 0; padding: 4px 16px; font-size: 13.5px; }
.settings dt, .settings dd { margin: 0; padding: 6px 0; border-bottom: 1px solid var(--line); }
.settings dt { color: var(--muted); }
.settings dd { padding-right: 14px; }
.settings dt:nth-last-of-type(-n+2), .settings dd:nth-last-of-type(-n+2) { border-bottom: 0; }
section.compact { margin-top: 18px; }
section.compact h2 { font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }

.cases { overflow: hidden; }
.tr { display: grid; grid-template-columns: minmax(240px, 1.15fr) 2fr 132px; gap: 16px; align-items: center; padding: 11px 18px; }
.thead { padding-top: 9px; padding-bottom: 9px; background: #eef1f7; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); border-bottom: 1px solid var(--line); }
details.case { border-bottom: 1px solid var(--line); }
details.case:last-child { border-bottom: 0; }
details.case > summary { list-style: none; cursor: pointer; }
details.case > summary::-webkit-details-marker { display: none; }
details.case > summary:hover { background: #f8f9fc; }
.journey { font-weight: 700; font-size: 16px; display: flex; align-items: center; gap: 8px; }
.journey::before { content: '▸'; color: var(--muted); font-size: 13px; transition: transform .15s; }
details[open] .journey::before { transform: rotate(90deg); }
.journey { flex-wrap: wrap; }
.chips { display: inline-flex; gap: 5px; flex-wrap: wrap; font-weight: 400; }
.chip { font-size: 12px; color: var(--muted); background: #eef1f7; border-radius: 999px; padding: 1px 9px; }
.expected { color: #343c4f; }
.why { display: block; margin-top: 4px; color: var(--fail); font-size: 13px; }
.sub { display: block; margin-top: 3px; color: var(--muted); font-size: 13px; }
.verdict-title { margin: 14px 0 0; font-weight: 700; color: var(--fail); }
.badge { display: inline-block; font-weight: 800; font-size: 13px; letter-spacing: .06em; border-radius: 999px; padding: 5px 14px; text-align: center; }
.badge.pass { color: var(--pass); background: var(--pass-bg); } .badge.fail { color: var(--fail); background: var(--fail-bg); } .badge.na { color: var(--na); background: var(--na-bg); } .badge.error { color: #3d4a5c; background: #e3e8ef; }
.tr .badge { justify-self: start; min-width: 84px; }

.evidence { padding: 4px 18px 22px 39px; background: #fbfcfe; border-top: 1px dashed var(--line); }
.evidence h3 { font-size: 14px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 18px 0 8px; }
details.more { margin-top: 6px; }
details.more > summary { cursor: pointer; color: var(--blue); font-size: 13.5px; }
details.more[open] > summary { margin-bottom: 6px; }
.reasons { margin: 0; padding-left: 18px; } .reasons li { margin: 3px 0; }
.reasons.fail li::marker { color: var(--fail); }
.ok { color: var(--pass); font-weight: 700; margin: 14px 0 0; }
.proof { margin-top: 6px; }
.proof-head { display: flex; flex-wrap: wrap; gap: 10px; align-items: baseline; }
.proof-head b { font-size: 15px; }
.proof-head .meta { color: var(--muted); font-size: 13px; }
.shots { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 14px; margin-top: 10px; }
.shots.portrait { grid-template-columns: repeat(3, minmax(0, 300px)); }
.shots figure { margin: 0; }
.shots .shot { display: block; width: 100%; background-color: #fff; background-repeat: no-repeat; border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 1px 3px #0000000f; }
.shots .shot:hover { border-color: var(--blue); }
.shots figcaption { font-size: 13px; color: var(--muted); margin-top: 5px; }
.shots figcaption b { color: var(--ink); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12.5px; color: var(--muted); margin: 10px 0 0; }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; border: 2px solid; vertical-align: -2px; margin-right: 5px; }
.sw.blue { border-color: var(--blue); } .sw.green { border-color: var(--green); } .sw.red { border-color: var(--red); border-width: 3px; }
.sw.fill-blue { background: #608cf0; border-color: #608cf0; } .sw.fill-red { background: #d62828; border-color: #d62828; }
.stats { margin: 8px 0 0; padding-left: 18px; font-size: 14px; }

.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 22px; }
table.data { width: 100%; border-collapse: collapse; font-size: 13px; background: var(--paper); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
table.data th, table.data td { text-align: left; padding: 6px 9px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
table.data th { background: #f1f3f8; font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
table.data tr:last-child td { border-bottom: 0; }
table.data.fixed { table-layout: fixed; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-size: 14px; margin: 0; }
.links { margin-top: 16px; font-size: 14px; display: flex; gap: 18px; flex-wrap: wrap; }

.matrix th.cfg { white-space: nowrap; }
.cell { font-weight: 700; font-size: 12px; border-radius: 6px; padding: 2px 8px; display: inline-block; }
.cell.caught, .cell.clean { color: var(--pass); background: var(--pass-bg); }
.cell.missed, .cell.false-alarm { color: var(--fail); background: var(--fail-bg); }
.cell.limitation { color: var(--na); background: var(--na-bg); }

.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 14px; }
.tile { margin: 0; background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 10px; }
.tile.fail { border-color: #f3b8b5; } .tile.pass { border-color: #b7e2cf; }
.tile .shot { display: block; width: 100%; background-color: #fff; background-repeat: no-repeat; border-radius: 6px; border: 1px solid var(--line); }
.tile figcaption { margin-top: 8px; font-size: 13px; color: var(--muted); }
.tile figcaption b { color: var(--ink); font-size: 14px; }
.tile .badge { font-size: 11px; padding: 2px 8px; min-width: 0; }
.hint .sw { margin-left: 4px; }
footer { margin-top: 36px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 14px; }
@media (max-width: 1100px) { .facts { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
@media (max-width: 860px) { .settings { grid-template-columns: max-content 1fr; } .facts, .cols, .shots, .shots.portrait { grid-template-columns: 1fr; } .tr { grid-template-columns: 1fr; } .hero { grid-template-columns: 1fr; } }
@media print { details.case { break-inside: avoid; } .evidence { display: block; } }
`;
