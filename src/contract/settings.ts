/** One line of the recorder's privacy settings, as the report shows them (a vendor descriptor writes them). */
export interface PrivacySetting {
  label: string;
  value: string;
  /**
   * Where the vendor's documentation says something else than its shipped code does for this setting
   * (e.g. "the docs say defaultPrivacyLevel 'mask'; @datadog/browser-rum 7.16.2 defaults to
   * 'mask-user-input'"): the report prints it beside the value, plainly.
   */
  docsDiffer?: string;
}
