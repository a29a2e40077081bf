/** One line of the recorder's privacy settings, as the report shows them (a vendor descriptor writes them). */
export interface PrivacySetting {
  label: string;
  value: string;
}
