import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMaskproofConfig } from '../../../src/config/maskproof-config.ts';
import { ConfigError } from '../../../src/errors.ts';

describe('a TypeScript syntax error in maskproof.config.ts', () => {
  it('is shown with its line and column, not cut to "Transform failed with 1 error:"', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'maskproof-ts-')), 'maskproof.config.ts');
    writeFileSync(file, "export default {\n  baseURL: 'http://127.0.0.1:3000',\n  recorder: 'rrweb',,\n};\n");
    const error = await loadMaskproofConfig(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`${file} could not be loaded: syntax error at line 3, column 21: Expected identifier but found ","`);
    expect((error as Error).message).not.toMatch(/Transform failed/);
  });

  it('a config that loads but throws keeps its own first line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'maskproof-ts-')), 'maskproof.config.ts');
    writeFileSync(file, "throw new Error('BASE_URL is not set');\nexport default {};\n");
    const error = await loadMaskproofConfig(file).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`${file} could not be loaded: BASE_URL is not set`);
  });
});
