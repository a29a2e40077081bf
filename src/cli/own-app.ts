import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { type ResolvedConfig, findConfigFile, loadMaskproofConfig } from '../config/maskproof-config.ts';
import { ownAppEnv } from '../config/own-app-env.ts';
import { loadRecorderConfig } from '../config/recorder-config.ts';
import { AppUnreachableError, ConfigError } from '../errors.ts';
import { loadJourneys } from '../journeys/load-journeys.ts';

/** Your own app, ready to hand to Playwright: the loaded config, the recorder config file, the environment. */
export interface OwnApp {
  config: ResolvedConfig;
  /** The recorder config file the run uses (an inline one is written to the report directory). */
  recorderPath: string;
  env: Record<string, string>;
}

export async function checkReachable(baseURL: string, hint: string): Promise<void> {
  try {
    await fetch(baseURL, { method: 'GET', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new AppUnreachableError(`the app at ${baseURL} could not be reached (${(error as Error).cause ?? (error as Error).message})`, hint);
  }
}

/**
 * Loads maskproof.config (the given file, or one in the working directory; undefined when there is
 * none), validates it and its journeys, and checks the app can be reached when no webServer starts it.
 * Everything that can be wrong is reported here, exit 2, before Playwright and the browser start.
 */
export async function prepareOwnApp(options: { configArg: string | undefined; recorderArg: string | undefined; reportDir: string }): Promise<OwnApp | undefined> {
  const file = findConfigFile(options.configArg);
  if (!file) return undefined;
  if (options.configArg === undefined) console.log(`maskproof: using ${relative(process.cwd(), file)} (found in the working directory; --config picks another)`);
  let config = await loadMaskproofConfig(file);
  loadJourneys(config.journeyFiles);
  let recorderPath: string;
  if (options.recorderArg) {
    // --recorder overrides the config's recorder: e.g. prove the journeys fail under a leaky config.
    loadRecorderConfig(options.recorderArg);
    recorderPath = resolve(options.recorderArg);
    // In observe mode too: --recorder injects that recorder, to try settings before they go into the app.
    config = { ...config, recorder: { file: recorderPath } };
  } else if ('file' in config.recorder) recorderPath = config.recorder.file;
  else {
    mkdirSync(options.reportDir, { recursive: true });
    recorderPath = join(options.reportDir, 'recorder-config.json');
    // Named after the config it came from, not after the file written here ("recorder-config").
    const inline = { name: `${basename(config.configFile)} recorder`, ...config.recorder.inline };
    writeFileSync(recorderPath, `${JSON.stringify(inline, null, 2)}\n`);
  }
  if (!config.webServer) {
    if (config.baseURL.includes('{port}')) throw new ConfigError(`${file}: baseURL has "{port}" but there is no webServer to capture it`, 'Write the port in baseURL, or add a webServer whose wait.stdout captures (?<maskproof_app_port>\\d+).');
    await checkReachable(config.baseURL, `Start your app first, fix baseURL in ${relative(process.cwd(), file)}, or add a webServer that starts it.`);
  }
  return { config, recorderPath, env: ownAppEnv(config) };
}
