import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import type { Canary, Finding } from '../../../src/detect/types.ts';
import { appError, checkoutForm, el, fullSnapshot, input, meta, mutation, network, text, textMutation } from './rrweb-events.ts';

const canaries: Canary[] = [
  { kind: 'fullName', value: 'Merritt Flatley', label: 'checkout › full name' },
  { kind: 'email', value: 'merritt_flatley@yahoo.com', label: 'checkout › email' },
  { kind: 'card', value: '4141 3356 5145 9655', label: 'checkout › card number' },
  { kind: 'phone', value: '(523) 380-4676', label: 'checkout › phone' },
  { kind: 'cvv', value: '616', label: 'checkout › CVV' },
];
const scan = (events: unknown[]) => scanEvents(events, { canaries, patterns: false });
const found = (events: unknown[]) => scan(events).map((f) => `${f.kind}:${f.encoding}`);

describe('canaries in each encoding: a real leak found, a near miss quiet', () => {
  it('plain: in a text node of a full snapshot, with the JSON path and the text node id', () => {
    const leaky = el('p', { class: 'greeting' }, [text('Thanks, Merritt Flatley!')]);
    const [finding] = scan([fullSnapshot([checkoutForm([leaky])])]);
    expect(finding).toMatchObject({ detector: 'canary', kind: 'fullName', encoding: 'plain', eventIndex: 0, eventType: 2, label: 'checkout › full name' });
    expect(finding?.path).toBe('data.node.childNodes[1].childNodes[1].childNodes[0].childNodes[3].childNodes[0].textContent');
    expect(finding?.nodeId).toBe(leaky.childNodes![0]!.id);
    expect(found([fullSnapshot([checkoutForm([el('p', {}, [text('Thanks, Merritt Flatly!')])])])])).toEqual([]);
  });

  it('plain: in an input event, with the input id and source', () => {
    expect(scan([input(31, 'merritt_flatley@yahoo.com')])[0]).toMatchObject({ kind: 'email', encoding: 'plain', path: 'data.text', nodeId: 31, eventType: 3, eventSource: 5 });
    expect(found([input(31, 'merritt_flatley@yahoo.co')])).toEqual([]);
  });

  it('case: upper-cased in a text mutation', () => {
    expect(scan([textMutation(44, 'SHIP TO: MERRITT FLATLEY')])[0]).toMatchObject({ encoding: 'case', path: 'data.texts[0].value', nodeId: 44, eventSource: 0 });
    expect(found([textMutation(44, 'SHIP TO: MERRITT FLATLY')])).toEqual([]);
  });

  it('separators: a name run together or joined otherwise is not reported as "digits"', () => {
    expect(found([input(5, 'MerrittFlatley')])).toEqual(['fullName:separators']);
    expect(found([input(5, 'Merritt\nFlatley')])).toEqual(['fullName:separators']);
    expect(found([input(5, 'MerrittFlatly')])).toEqual([]);
  });

  it('digits: separators removed or changed (card in a request body, phone in an attribute)', () => {
    expect(found([network({ url: '/api/pay', method: 'POST', body: '{"pan":"4141335651459655"}' })])).toEqual(['card:digits']);
    expect(found([mutation({ attributes: [{ id: 9, attributes: { 'data-phone': '523.380.4676' } }] })])).toEqual(['phone:digits']);
    expect(found([input(5, '+1 523-380-4676')])).toEqual(['phone:digits']);
    // One digit off, and the right digits inside a longer number: not the canary.
    expect(found([network({ url: '/api/pay', body: '{"pan":"4141335651459656","order":"941413356514596551"}' })])).toEqual([]);
  });

  it('url: percent-encoded and plus-encoded in URLs', () => {
    expect(found([network({ url: '/api/users?email=merritt_flatley%40yahoo.com' })])).toEqual(['email:url']);
    expect(found([meta('https://shop.example/search?q=Merritt+Flatley&page=2')])).toEqual(['fullName:url']);
    expect(found([network({ url: '/api/users?name=Merritt%20Flatley' })])).toEqual(['fullName:url']);
    expect(found([network({ url: '/api/users?email=merritt_flatley%40yahoo.co&name=Merritt%20Flat' })])).toEqual([]);
  });

  it('json: escaped inside a JSON document kept in a string', () => {
    const body = JSON.stringify({ customer: { email: 'merritt_flatley@yahoo.com' } }).replace('@', '\\u0040');
    expect(found([network({ url: '/api/checkout', method: 'POST', body })])).toEqual(['email:json']);
    // An error message quoting JSON: found in the message and again in the stack that repeats it.
    expect(scan([appError('bad input {"user":"Merritt\\u0020Flatley"}')]).map((f) => `${f.encoding} ${f.path}`)).toEqual(['json data.payload.message', 'json data.payload.stack']);
    expect(found([network({ url: '/api/checkout', body: '{"email":"merritt_flatley\\u0040yahoo.net"}' })])).toEqual([]);
  });

  it('html: entity-encoded (named, decimal, hex)', () => {
    expect(found([mutation({ attributes: [{ id: 8, attributes: { title: 'merritt_flatley&#64;yahoo&period;com' } }] })])).toEqual(['email:html']);
    expect(found([network({ url: '/api/render', body: '<b>Merritt&#x20;Flatley</b>' })])).toEqual(['fullName:html']);
    expect(found([network({ url: '/api/render', body: 'merritt_flatley&commat;yahoo.com' })])).toEqual(['email:html']);
    expect(found([network({ url: '/api/render', body: 'Merritt&amp;Flatley' })])).toEqual([]);
  });

  it('base64 and base64url, at all three byte alignments inside a larger blob', () => {
    for (const prefix of ['', 'x', 'xy']) {
      const blob = Buffer.from(`${prefix}{"user":"merritt_flatley@yahoo.com","plan":"pro"}`).toString('base64');
      expect(found([network({ url: '/api/track', method: 'POST', body: blob })]), `offset ${prefix.length}`).toEqual(['email:base64']);
      const urlSafe = Buffer.from(`${prefix}??>>merritt_flatley@yahoo.com<<??`).toString('base64url');
      expect(urlSafe).toMatch(/[-_]/);
      expect(found([network({ url: `/api/track?d=${urlSafe}` })]), `base64url offset ${prefix.length}`).toEqual(['email:base64']);
    }
  });

  it('base64: a blob without the canary, or with a near value, is quiet', () => {
    const other = Buffer.from('{"user":"merritt_flatlee@yahoo.com","plan":"pro"}').toString('base64');
    const unrelated = Buffer.from('{"session":"3f9a","items":[1,2,3],"total":1299}').toString('base64');
    expect(found([network({ url: '/api/track', body: other }), network({ url: '/api/track', body: unrelated })])).toEqual([]);
  });

  it('short canaries only as whole tokens: a CVV, not digits inside a timestamp or a longer number', () => {
    expect(found([input(7, '616')])).toEqual(['cvv:plain']);
    expect(found([network({ url: '/api/pay', body: '{"cvv":"616"}' })])).toEqual(['cvv:plain']);
    const near = [input(7, '6161'), network({ url: '/api/track?t=1700616123&x=26161&w=616px' }), textMutation(3, 'Order 4616 of 9616'), input(7, '6-1-6')];
    expect(found(near)).toEqual([]);
    // Part of an IP address, a version or a decimal: that number, not the CVV; a sentence's full stop is fine.
    expect(found([meta('http://616.0.0.1:8080/'), network({ url: '/api/v2.616.3?ratio=0.616' })])).toEqual([]);
    expect(found([textMutation(3, 'my cvv is 616.')])).toEqual(['cvv:plain']);
  });

  it('short canaries are not looked for in style text or layout attributes: CSS numbers are not a CVV', () => {
    // The CVV "616" as CSS has it: a colour, a stylesheet kept in _cssText, an inline style, style text.
    const css = 'rgb(616, 35, 24); font-weight: 616';
    const styled = fullSnapshot([el('link', { _cssText: `.error { color: ${css}; }` }), el('p', { style: `color: ${css}` }), el('style', {}, [text(`.a { color: ${css} }`, true)])]);
    expect(found([styled])).toEqual([]);
    // Longer canaries are still found there, and the CVV still in the page's own text.
    expect(found([fullSnapshot([el('style', {}, [text('.x::after { content: "Merritt Flatley" }', true)]), el('p', {}, [text('CVV 616')])])])).toEqual(['fullName:plain', 'cvv:plain']);
  });

  it('a canary found several ways in one place is reported once, in its most direct form', () => {
    const findings: Finding[] = scan([network({ url: '/api/users?q=Merritt%20Flatley&name=Merritt Flatley' })]);
    expect(findings.map((f) => `${f.kind}:${f.encoding}`)).toEqual(['fullName:plain']);
  });
});
