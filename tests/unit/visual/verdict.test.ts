import { describe, expect, it } from 'vitest';
import type { VisualProof } from '../../../src/visual/types.ts';
import { failedProof, withVisualProofs } from '../../../src/visual/verdict.ts';
import type { AuditResult } from '../../../src/verdict/audit.ts';

const audit = (status: AuditResult['status'], reasons: string[] = []): AuditResult => ({
  id: 'pii-form-submit',
  title: status === 'pass' ? 'Form fields are recorded as ****' : 'Personal data reached the recording',
  options: {},
  status,
  reasons,
  findings: [],
  details: { fields: 9 },
});

const proof = (status: 'pass' | 'fail', reasons: string[] = []): VisualProof => ({
  ...failedProof('form filled', 'x'),
  status,
  reasons,
  images: { live: 'visual/a-live.png', replay: 'visual/a-replay.png', diff: 'visual/a-diff.png' },
  outsideDiffRatio: 0.001,
});

describe('withVisualProofs: the visual proof joins the journey verdict', () => {
  it('a replay that shows a typed value fails a journey whose audit passed, with the failure title and the reason', () => {
    const reason = 'replay at "form filled" shows the value typed into #card-number (box differs in 0.0% of pixels, at least 1.0% required)';
    const result = withVisualProofs(audit('pass'), [proof('fail', [reason])], 'Personal data typed into the form reached the recording');
    expect(result.status).toBe('fail');
    expect(result.title).toBe('Personal data typed into the form reached the recording');
    expect(result.reasons).toEqual([reason]);
    expect(result.details.visual).toEqual([expect.objectContaining({ name: 'form filled', status: 'fail' })]);
    expect(result.details.fields).toBe(9);
  });

  it('near miss: a passing proof leaves a passing audit green, adding only its summary', () => {
    const result = withVisualProofs(audit('pass'), [proof('pass')], 'unused');
    expect(result.status).toBe('pass');
    expect(result.reasons).toEqual([]);
    expect(result.details.visual).toEqual([expect.objectContaining({ status: 'pass', boxesChecked: 0 })]);
  });

  it('never turns a failing or inapplicable audit green', () => {
    expect(withVisualProofs(audit('fail', ['planted card found']), [proof('pass')], 't').status).toBe('fail');
    expect(withVisualProofs(audit('inapplicable', ['no route blocking']), [proof('pass')], 't').status).toBe('inapplicable');
    expect(withVisualProofs(audit('inapplicable', ['no route blocking']), [proof('fail', ['shown'])], 't').status).toBe('fail');
  });

  it('a proof that could not be made fails the journey, saying why', () => {
    const result = withVisualProofs(audit('pass'), [failedProof('form filled', 'visual proof at "form filled" could not be made: page closed')], 't');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(['visual proof at "form filled" could not be made: page closed']);
  });
});
