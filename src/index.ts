/**
 * The package entry: `import { test, expect, defineConfig } from 'maskproof'`.
 * `test` and `expect` are the Playwright fixture and matcher, for journeys the declarative steps
 * cannot say; `defineConfig` types maskproof.config.ts (also in 'maskproof/config', without Playwright).
 */
export { caseDetails, expect, test, Maskproof } from './fixture/index.ts';
export { defineConfig } from './config/maskproof-config.ts';
export type { InlineRecorderConfig, MaskproofConfig, RiskClass, RouteConfig, WebServerConfig } from './config/maskproof-config.ts';
export type { CaseId } from './verdict/cases.ts';
