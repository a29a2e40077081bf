import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import { mrzCheckDigit, mrzLine2Valid, passportNumberValid } from '../../../src/detect/patterns/passport.ts';
import { el, fullSnapshot, network, text } from './rrweb-events.ts';

const passports = (events: unknown[]) => scanEvents(events, { patterns: true }).filter((f) => f.detector === 'passport');
const inCells = (...values: string[]) => passports([fullSnapshot([el('table', {}, values.map((v) => el('tr', {}, [el('td', {}, [text(v)])])))])]);

// ICAO Doc 9303 part 4 appendix: the specimen passport of Anna Maria Eriksson, Utopia.
const SPECIMEN_1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const SPECIMEN_2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('passport numbers after a passport label', () => {
  it('labels in six languages, a field name and a JSON key: found, the number never printed', () => {
    const found = inCells('Passport No.: 533380006', 'Reisepassnummer: C01X00T47', 'N° de passeport : 18AB12345', 'Número de pasaporte: PAA123456', 'Numero di passaporto: YA4830291', 'passport_no=K4938201&step=2', '{"passportNumber":"GA4839205"}');
    expect(found).toHaveLength(7);
    expect(found.every((f) => f.kind === 'passport-number')).toBe(true);
    for (const f of found) expect(['533380006', 'C01X00T47', '18AB12345', 'PAA123456', 'YA4830291', 'K4938201', 'GA4839205'].some((v) => f.redacted.includes(v))).toBe(false);
  });

  it('the whole value under a passport key or attribute name is found; under another key it is not', () => {
    const body = network({ url: 'https://api.example.com/v2/travellers', method: 'PUT', body: { traveller: { passportNumber: 'X58203917', orderNumber: 'X58203918' } } });
    const attribute = fullSnapshot([el('div', { 'data-passport-number': 'GW001388', 'data-sku': 'GW001389' }, [])]);
    expect(passports([body, attribute]).map((f) => f.path)).toEqual(['data.payload.request.body.traveller.passportNumber', expect.stringContaining('data-passport-number')]);
  });

  it('clean counterpart: the same shapes without the label, and the label without a number, are not passports', () => {
    expect(inCells('Order 533380006', 'SKU X58203917', 'Tracking GW001388 shipped', 'Passport photo 35x45 mm', 'Passport expiry: 2030-01-01', 'passport_expiry=20300101', 'Passport cover Navy — 533380006 in stock', 'npm install passport@0.7.0', 'Passport: 123456789', 'Passport number: X12345678')).toEqual([]);
  });

  it('formats: the main markets are taken, other shapes and placeholders are not', () => {
    for (const v of ['533380006', 'A48201937', 'C01X00T47', '18AB12345', 'K4938201', 'GW001388', 'PA4830291', 'PAA123456', 'NW92BC4K3', 'E48201937']) expect(passportNumberValid(v), v).toBe(true);
    for (const v of ['1234567', '12345678', '123456789', '000000000', 'ABCDEFGHI', 'AB12', 'A1B2C3D4E5F', 'X12345678']) expect(passportNumberValid(v), v).toBe(false);
  });

  it("a German number written with its check digit is checked (stdnum's de.passport)", () => {
    const serial = 'C01X00T47';
    const good = serial + String(mrzCheckDigit(serial));
    const bad = serial + String((mrzCheckDigit(serial) + 1) % 10);
    expect(passportNumberValid(good)).toBe(true);
    expect(passportNumberValid(bad)).toBe(false);
  });
});

describe('machine-readable zones (ICAO 9303 TD3)', () => {
  it("the standard's specimen validates: each check digit 7-3-1 and the composite", () => {
    expect([mrzCheckDigit('L898902C3'), mrzCheckDigit('740812'), mrzCheckDigit('120415')]).toEqual([6, 2, 9]);
    expect(mrzLine2Valid(SPECIMEN_2)).toBe(true);
  });

  it('both lines in one text, each line in its own element, and HTML-escaped: found, fully redacted', () => {
    const found = passports([fullSnapshot([el('pre', {}, [text(`${SPECIMEN_1}\n${SPECIMEN_2}`)]), el('div', {}, [el('div', {}, [text(SPECIMEN_1)]), el('div', {}, [text(SPECIMEN_2)])]), el('p', {}, [text(SPECIMEN_2.replace(/</g, '&lt;'))])])]);
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(found.every((f) => f.kind === 'passport-mrz' && f.redacted === '•••')).toBe(true);
  });

  it('clean counterpart: a wrong check digit, 44 fillers, code with << and conflict markers are no zone', () => {
    const wrongDigit = SPECIMEN_2.slice(0, 43) + '1';
    const wrongDob = SPECIMEN_2.slice(0, 19) + '3' + SPECIMEN_2.slice(20);
    expect(mrzLine2Valid(wrongDigit)).toBe(false);
    expect(mrzLine2Valid(wrongDob)).toBe(false);
    expect(inCells(wrongDigit, wrongDob, '<'.repeat(44), 'std::cout << "Total: " << total << std::endl;', '<<<<<<< HEAD', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP<<ABCDEFGHIJ', 'ID123456789<<<<<<ABCDEFGH<<<<<<<<<<<<<<<<<<<')).toEqual([]);
  });
});
