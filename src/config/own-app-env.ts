import type { ResolvedConfig } from './maskproof-config.ts';

/**
 * How `maskproof run --config` / `maskproof audit` hand the loaded config to Playwright: as JSON in
 * one environment variable, which the runner and every worker inherit (the .ts config is loaded
 * once, by the CLI, and never re-imported by Playwright).
 */
export const OWN_APP_ENV = 'MASKPROOF_OWN_APP';

export function ownAppEnv(config: ResolvedConfig): Record<string, string> {
  return { [OWN_APP_ENV]: JSON.stringify(config) };
}

/** The config the CLI handed over, or undefined (the bundled fixture app). */
export function ownAppFromEnv(env: NodeJS.ProcessEnv = process.env): ResolvedConfig | undefined {
  const text = env[OWN_APP_ENV];
  return text ? (JSON.parse(text) as ResolvedConfig) : undefined;
}

/** baseURL with "{port}" filled from the port webServer.wait captured (undefined until it has). */
export function ownAppBaseURL(config: ResolvedConfig, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!config.baseURL.includes('{port}')) return config.baseURL;
  const port = env.MASKPROOF_APP_PORT;
  return port ? config.baseURL.replaceAll('{port}', port) : undefined;
}

/** The config's webServer in Playwright's shape. */
export function ownAppWebServer(config: ResolvedConfig) {
  const server = config.webServer;
  if (!server) return undefined;
  const wait = server.waitStdout || server.waitStderr
    ? { ...(server.waitStdout ? { stdout: new RegExp(server.waitStdout) } : {}), ...(server.waitStderr ? { stderr: new RegExp(server.waitStderr) } : {}) }
    : undefined;
  return {
    command: server.command,
    cwd: server.cwd,
    ...(server.url ? { url: server.url } : {}),
    ...(wait ? { wait } : {}),
    ...(server.env ? { env: server.env } : {}),
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    timeout: server.timeout,
    reuseExistingServer: server.reuseExistingServer,
  };
}
