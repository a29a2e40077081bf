import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportInput, renderReport } from '../../../src/report/html/index.ts';
import { matrixCell } from '../../../src/report/html/render.ts';
import { writeHtmlReport } from '../../../src/report/html/index.ts';
import { renderJunit } from '../../../src/report/junit.ts';
import { createScrubber } from '../../../src/report/html/scrub.ts';
import { canariesIn, reportDirFromEvidence } from '../../helpers/report-dir.ts';

describe('index.html from a leaky run (fixtures/recordings/rrweb-leaky)', () => {
  const { dir, canaries } = reportDirFromEvidence('leaky');
  const html = readFileSync(writeHtmlReport(dir), 'utf8');

  it('shows no planted value in full anywhere, though the recording is full of them', () => {
    const recording = readFileSync(join(dir, 'recordings/desktop-authentication-token.json'), 'utf8');
    expect(canariesIn(recording, canaries).length, 'the evidence really leaks').toBeGreaterThan(3);
    expect(canariesIn(html, canaries)).toEqual([]);
  });

  it('redacts the token the recorder wrote into a request URL, and keeps the rest of the URL', () => {
    expect(html).toMatch(/\/api\/orders\?token=[^&<]*•[^&<]*&amp;page=1/);
  });

  it('has the stakeholder header: verdict, date, app URL, recorder and its settings, seed, browser', () => {
    expect(html).toContain('Personal data reaches the session replay');
    expect(html).toContain('0/5');
    expect(html).toContain('2026-05-04 09:30 UTC');
    expect(html).toContain('127.0.0.1:4173');
    expect(html).toMatch(/rrweb · leaky/);
    expect(html).toContain('<code>--seed 7</code>');
    expect(html).toMatch(/Chromium <small>140\.0\.0\.0<\/small>/);
    expect(html).toMatch(/<dt>Input values<\/dt><dd>recorded as typed \(none masked\)<\/dd>/);
  });

  it('has one expandable row per journey, in table order, each FAIL with its first reason, and its evidence inside', () => {
    const rows = [...html.matchAll(/<details class="case (\w+)" data-case="([\w-]+)" data-project="(\w+)" data-status="(\w+)">/g)];
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual([
      ['pii-form-submit', 'desktop', 'fail'],
      ['admin-route', 'desktop', 'fail'],
      ['auth-token', 'desktop', 'fail'],
      ['rage-click', 'desktop', 'fail'],
      ['mobile-gestures', 'mobile', 'fail'],
    ]);
    expect(html).toMatch(/<span class="why">field #card-number recorded unmasked input|<span class="why">field #\S+ recorded unmasked input/);
    expect(html).toContain('Events recorded, by type');
    expect(html).toMatch(/IncrementalSnapshot:Input<\/td><td class="num">\d+/);
    expect(html).toContain('href="recordings/desktop-pii-form-submit.json"');
  });

  it('is self-contained: inline CSS, no script, no remote resource', () => {
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).not.toMatch(/<script|<link /);
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('junit.xml from the same results: one testcase per row, failures with redacted reasons only', () => {
    const input = loadReportInput(dir);
    const xml = renderJunit(input.results, createScrubber(input.canaries));
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml.match(/<failure /g)).toHaveLength(5);
    expect(xml).toContain('<testsuites name="maskproof" tests="5" failures="5" errors="0" skipped="0"');
    expect(canariesIn(xml, canaries)).toEqual([]);
  });
});

describe('index.html from a safe run', () => {
  const { dir } = reportDirFromEvidence('safe');
  const html = renderReport(loadReportInput(dir));

  it('says PASS, rows closed, each with a one-line summary of what was found', () => {
    expect(html).toContain('Session replay is masked');
    expect(html).toContain('5/5');
    expect(html.match(/data-status="pass">/g)).toHaveLength(5);
    expect(html).toMatch(/<span class="sub">no finding · \d+ events<\/span>/);
  });
});

describe('leak-vector matrix', () => {
  it('renders reports/matrix.json when it exists, calling out MISSED and FALSE ALARM', () => {
    const { dir } = reportDirFromEvidence('safe');
    writeFileSync(
      join(dir, 'matrix.json'),
      JSON.stringify({
        rows: [
          { vector: 'contenteditable', config: 'safe', expected: 'clean', actual: 'clean' },
          { vector: 'contenteditable', config: 'leaky-text', expected: 'caught', actual: 'caught' },
          { vector: 'shadow DOM', config: 'safe', expected: 'clean', actual: 'caught' },
          { vector: 'shadow DOM', config: 'leaky-text', expected: 'caught', actual: 'clean' },
        ],
      }),
    );
    const html = renderReport(loadReportInput(dir));
    expect(html).toContain('Leak-vector matrix');
    expect(html).toContain('<span class="cell missed">MISSED</span>');
    expect(html).toContain('<span class="cell false-alarm">FALSE ALARM</span>');
    expect(html).toContain('2 cells MISSED or FALSE ALARM');
  });

  it('no matrix.json, no matrix section', () => {
    const { dir } = reportDirFromEvidence('safe');
    expect(renderReport(loadReportInput(dir))).not.toContain('Leak-vector matrix');
  });

  it('matrixCell: expected and actual agree, or which way they disagree', () => {
    expect(matrixCell({ vector: 'v', config: 'c', expected: 'caught', actual: 'caught' })).toEqual({ cls: 'caught', text: 'caught' });
    expect(matrixCell({ vector: 'v', config: 'c', expected: 'caught', actual: 'clean' })).toEqual({ cls: 'missed', text: 'MISSED' });
    expect(matrixCell({ vector: 'v', config: 'c', expected: 'clean', actual: 'caught' })).toEqual({ cls: 'false-alarm', text: 'FALSE ALARM' });
  });
});
