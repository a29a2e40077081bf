import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/run-cli.ts';
import { STRING_WINDOW } from '../../src/detect/long-strings.ts';

/** `maskproof scan` as a user runs it: a separate process, real recordings of the fixture app's journeys. */
function scan(...args: string[]) {
  const child = spawnSync(process.execPath, [join(root, 'bin/maskproof.js'), 'scan', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

interface ScanJson {
  findings: { detector: string; kind: string; eventIndex: number; path: string; encoding: string; redacted: string; sha256: string }[];
  eventsScanned: number;
  bytesScanned: number;
}

const recordings = (config: string) => {
  const dir = join(root, 'fixtures/recordings', config);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.evidence.json') && f !== 'canaries.json')
    .map((f) => ({ file: join(dir, f), canaries: join(dir, 'canaries.json') }));
};

describe('maskproof scan, end to end', () => {
  it('every journey recorded with the safe config scans clean: exit 0', () => {
    for (const { file, canaries } of recordings('rrweb-safe')) {
      const run = scan(file, '--canaries', canaries, '--json');
      expect(run.status, `${file}: ${run.stderr}`).toBe(0);
      const out = JSON.parse(run.stdout) as ScanJson;
      expect(out.findings).toEqual([]);
      expect(out.eventsScanned).toBeGreaterThan(0);
    }
  });

  it('the leaky PII form recording scans dirty: exit 1, planted values found, none printed in full', () => {
    const { file, canaries } = recordings('rrweb-leaky').find((r) => r.file.endsWith('desktop-pii-form-submit.json'))!;
    const run = scan(file, '--canaries', canaries, '--json');
    expect(run.status, run.stderr).toBe(1);
    const out = JSON.parse(run.stdout) as ScanJson;
    expect(out.findings.filter((f) => f.detector === 'canary').length).toBeGreaterThan(5);
    for (const f of out.findings) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    const planted = (JSON.parse(readFileSync(canaries, 'utf8')) as { canaries: { value: string }[] }).canaries.map((c) => c.value).filter((v) => v.length >= 6);
    for (const value of planted) expect(run.stdout.includes(value), 'a planted value printed in full').toBe(false);

    const table = scan(file, '--canaries', canaries);
    expect(table.status).toBe(1);
    expect(table.stdout).toMatch(/canary/);
    for (const value of planted) expect(table.stdout.includes(value), 'a planted value printed in full').toBe(false);
  });

  it('without canaries, the pattern detectors still find the leaky recording\'s card and email: exit 1', () => {
    const { file } = recordings('rrweb-leaky').find((r) => r.file.endsWith('desktop-pii-form-submit.json'))!;
    const run = scan(file, '--json');
    expect(run.status, run.stderr).toBe(1);
    const detectors = new Set((JSON.parse(run.stdout) as ScanJson).findings.map((f) => f.detector));
    expect(detectors.has('card') || detectors.has('email')).toBe(true);
  });

  it('an evidence file is not a recording: exit 2, naming the problem, nothing on stdout', () => {
    const { file } = recordings('rrweb-safe')[0]!;
    const run = scan(file.replace(/\.json$/, '.evidence.json'), '--json');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/maskproof:/);
  });

  it('a recording big enough to share with a helper thread (gzipped, 20 MB of text) reports every copy of every leak', () => {
    const { file, canaries } = recordings('rrweb-leaky').find((r) => r.file.endsWith('desktop-pii-form-submit.json'))!;
    const single = JSON.parse(scan(file, '--canaries', canaries, '--json').stdout) as ScanJson;
    const events = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    const copies = Math.ceil((20 * 1024 * 1024) / readFileSync(file).length);
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-big-scan-'));
    const big = join(dir, 'many-sessions.jsonl.gz');
    writeFileSync(big, gzipSync(`${Array.from({ length: copies }, () => events.map((e) => JSON.stringify(e)).join('\n')).join('\n')}\n`));

    const run = scan(big, '--canaries', canaries, '--json');
    expect(run.status, run.stderr).toBe(1);
    const out = JSON.parse(run.stdout) as ScanJson;
    expect(out.eventsScanned).toBe(copies * events.length);
    // Copy k holds copy 0's leaks, k recordings further on: same places, same encodings, in event order.
    const expected = Array.from({ length: copies }, (_, k) => single.findings.map((f) => ({ ...f, eventIndex: f.eventIndex + k * events.length }))).flat();
    expect(out.findings).toEqual(expected);
    // The table says the scan was shared; the same file on one thread would not say so.
    const table = scan(big, '--canaries', canaries).stdout;
    expect(table).toMatch(/ events \((19|20)\.\d MB, 2 threads\): canary/);
    // Findings the helper thread made are redacted like the others: no planted value in full, in JSON or the table.
    const planted = (JSON.parse(readFileSync(canaries, 'utf8')) as { canaries: { value: string }[] }).canaries.map((c) => c.value).filter((v) => v.length >= 6);
    expect(planted.length).toBeGreaterThan(5);
    for (const value of planted) expect(run.stdout.includes(value) || table.includes(value), 'a planted value printed in full').toBe(false);
    const alone = scan(big, '--canaries', canaries, '--one-thread');
    expect(alone.status).toBe(1);
    expect(alone.stdout).toMatch(/ events \((19|20)\.\d MB\): canary/);
    rmSync(dir, { recursive: true, force: true });
  });
  it('a leak under a repeated JSON key (JSON.parse keeps only the last copy) is found in .json and .jsonl: exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-dup-'));
    const meta = '{"type":4,"timestamp":1,"data":{"href":"http://a/","width":1,"height":1}}';
    const event = '{"type":3,"timestamp":2,"data":{"source":2,"v":"ada@example.com","v":"clean"}}';
    for (const [name, text] of [['dup.json', `[${meta},${event}]`], ['dup.jsonl', `${meta}\n${event}\n`]] as const) {
      writeFileSync(join(dir, name), text);
      const run = scan(join(dir, name), '--json');
      expect(run.status, run.stderr).toBe(1);
      const { findings } = JSON.parse(run.stdout) as ScanJson;
      expect(findings.map((f) => [f.detector, f.eventIndex, f.path])).toEqual([['email', 1, 'data.v']]);
      expect(run.stdout).not.toContain('ada@example.com');
    }
    rmSync(dir, { recursive: true, force: true });
  });
  it('one long string: peak RSS grows by less than twice the string (30 MB vs 60 MB), and emails at its end and across a window are found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-long-'));
    const meta = '{"type":4,"timestamp":1,"data":{"href":"http://a/","width":1,"height":1}}';
    const unit = 'lorem ipsum dolor sit amet, consectetur 12 adipiscing elit. ';
    /** A recording of one string of `mb` MB of prose; one email straddles the 8th window boundary, another ends it. */
    const write = (mb: number) => {
      const text = Buffer.from(unit.repeat(Math.ceil((mb << 20) / unit.length)).slice(0, mb << 20));
      text.write(' ada.lovelace@example.com ', 8 * STRING_WINDOW - 7);
      const file = join(dir, `long-${mb}.json`);
      const open = `[${meta},{"type":5,"timestamp":2,"data":{"tag":"x","payload":{"s":"`;
      writeFileSync(file, Buffer.concat([Buffer.from(open), text, Buffer.from(' grace.hopper@example.org"}}}]')]));
      return file;
    };
    const scanMeasured = (file: string) => {
      // The child reports its own peak (kB) as it exits.
      const report = "process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))";
      const child = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, join(root, 'bin/maskproof.js'), 'scan', file, '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
      expect(child.status, child.stderr).toBe(1);
      const { findings } = JSON.parse(child.stdout) as ScanJson;
      expect(findings.filter((f) => f.detector === 'email').map((f) => f.redacted.slice(-4)).sort()).toEqual(['.com', '.org']);
      return Number(/maxrss=(\d+)/.exec(child.stderr)?.[1]) * 1024;
    };
    const small = write(30);
    const peakSmall = scanMeasured(small);
    rmSync(small);
    const big = write(60);
    const peakBig = scanMeasured(big);
    const grown = statSync(big).size - (30 << 20);
    expect(peakBig - peakSmall, `peak ${peakSmall >> 20} MB for 30 MB, ${peakBig >> 20} MB for 60 MB`).toBeLessThan(2 * grown);
    rmSync(dir, { recursive: true, force: true });
  });
  it('a recording nested 100,000 levels deep: exit 2, one line naming the event, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-deep-'));
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const [name, text] of [
      ['deep.json', `[{"type":4,"timestamp":1,"data":{"href":"http://a/","width":1,"height":1}},{"type":5,"timestamp":2,"data":{"tag":"x","payload":${deep}}}]`],
      ['deep.jsonl', `{"type":4,"timestamp":1,"data":{"href":"http://a/","width":1,"height":1}}\n{"type":5,"timestamp":2,"data":{"tag":"x","payload":${deep}}}\n`],
    ] as const) {
      writeFileSync(join(dir, name), text);
      const run = scan(join(dir, name));
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^maskproof: .*event 1\b.*nested more than \d+ levels/);
      expect(run.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
