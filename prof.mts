import { scanRecording } from './src/scan/scan-recording.ts';
import { loadCanaries } from './src/cli/scan-command.ts';
const dir = '/tmp/maskproof-bench-1SLk4Z/';
const { readdirSync } = await import('node:fs');
const cf = readdirSync(dir).find((f) => f.includes('canar'));
const canaries = cf ? loadCanaries(dir + cf) : [];
const t = performance.now();
const r = await scanRecording(dir + 'recording.json', { canaries, threads: false } as never);
console.log((performance.now() - t).toFixed(0), 'ms', r.findings.length);
