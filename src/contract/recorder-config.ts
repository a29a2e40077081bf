/** Whether a recorder config drives rrweb directly (with maskproof's wrapper policy). Generic, so the contract imports no config module. */
export function isRrwebConfig<Config extends { recorder: string }>(config: Config): config is Extract<Config, { recorder: 'rrweb' }> {
  return config.recorder === 'rrweb';
}
