import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import { el, fullSnapshot, text } from './rrweb-events.ts';

const detectText = (value: string) => scanEvents([fullSnapshot([el('p', {}, [text(value)])])], {}).map((f) => `${f.detector}:${f.kind}`);

describe('phone: international numbers grouped the way their country writes them', () => {
  it('found through libphonenumber findPhoneNumbersInText', () => {
    expect(detectText('Ruf an: +49 3012345678')).toEqual(['phone:phone']);
    expect(detectText('Tél. +33 (0)1 23 45 67 89')).toEqual(['phone:phone']);
    expect(detectText('WhatsApp +91 98765 43210')).toEqual(['phone:phone']);
  });
  it('quiet on time zone offsets and invalid numbers', () => {
    expect(detectText('2024-05-01T10:00:00+02:00 and +49 000')).toEqual([]);
  });
});
