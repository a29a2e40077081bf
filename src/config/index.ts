/**
 * `import { defineConfig } from 'maskproof/config'`: the config helper alone, without Playwright, for
 * maskproof.config.ts (the CLI loads that file before any browser or test runner starts).
 */
export { defineConfig } from './maskproof-config.ts';
export type { InlineRecorderConfig, MaskproofConfig, RiskClass, RouteConfig, WebServerConfig } from './maskproof-config.ts';
