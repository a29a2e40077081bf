import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../../src/contract/results.ts';
import { renderTerminal } from '../../../src/report/terminal.ts';

const run = (recorderSettings: RunResults['recorderSettings']) => ({ cases: [], recorderSettings }) as unknown as RunResults;

describe('the terminal says where a vendor\'s docs and its shipped code disagree', () => {
  it('prints each setting whose documented default the code does not keep', () => {
    const text = renderTerminal({ run: run([{ label: 'Default privacy level', value: 'mask-user-input', docsDiffer: "the docs say 'mask'; 7.16.2 ships 'mask-user-input'" }]) });
    expect(text).toContain("docs differ · Default privacy level: the docs say 'mask'; 7.16.2 ships 'mask-user-input'");
  });

  it('prints nothing of the kind when docs and code agree', () => {
    expect(renderTerminal({ run: run([{ label: 'Input values', value: 'all masked' }]) })).not.toContain('docs differ');
  });
});
