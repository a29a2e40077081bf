import { describe, expect, it } from 'vitest';
import { parseRecorderConfig, rrwebConfig } from '../../../src/config/recorder-config.ts';
import { newViolations, serializeBaseline, toBaseline } from '../../../src/drift/baseline.ts';
import { classifyRoute, highRouteRecorded } from '../../../src/drift/classify.ts';
import type { ElementFacts, RouteInventory } from '../../../src/drift/types.ts';

const clinic = rrwebConfig(
  parseRecorderConfig(
    {
      recorder: 'rrweb',
      rrweb: { maskAllInputs: false, maskInputOptions: { text: true, email: true, textarea: true }, maskTextSelector: '[data-phi]', blockSelector: '[data-private]' },
      policy: { neverRecordOn: ['^/records(/|$)'] },
    },
    'test',
  ),
);

const facts = (over: Partial<ElementFacts>): ElementFacts => ({ selector: '#x', kind: 'input', tag: 'input', inputType: 'text', blocked: false, textMasked: false, allowed: false, pii: false, ...over });
const page = (route: string, risk: RouteInventory['risk'], elements: ElementFacts[], finalPath = route): RouteInventory => ({ route, risk, finalPath, elements });

describe('drift classification', () => {
  it('an input whose type the config does not mask is unprotected: a violation on any route, with the fix named', () => {
    const [member] = classifyRoute(page('/book', 'low', [facts({ selector: '#member-number', inputType: 'number' })]), clinic);
    expect(member).toMatchObject({ status: 'unprotected', violation: true });
    expect(member!.fix).toMatch(/add `#member-number` to rrweb\.blockSelector, or set rrweb\.maskInputOptions\["number"\] = true/);
  });

  it('an input whose type is masked passes', () => {
    const [name] = classifyRoute(page('/book', 'low', [facts({ selector: '#name', inputType: 'text' })]), clinic);
    expect(name).toMatchObject({ status: 'masked', violation: false });
  });

  it('rrweb masks only passwords when neither maskAllInputs nor maskInputOptions is set', () => {
    const bare = rrwebConfig(parseRecorderConfig({ recorder: 'rrweb' }, 'bare'));
    const [pw, text] = classifyRoute(page('/login', 'low', [facts({ inputType: 'password' }), facts({ selector: '#user' })]), bare);
    expect(pw!.status).toBe('masked');
    expect(text!.status).toBe('unprotected');
  });

  it('text: a violation on medium routes unless masked; not on low routes unless it is listed as pii', () => {
    const text = facts({ selector: '#greeting', kind: 'text', tag: 'p', inputType: undefined });
    expect(classifyRoute(page('/messages', 'medium', [text]), clinic)[0]).toMatchObject({ status: 'unprotected', violation: true });
    expect(classifyRoute(page('/messages', 'medium', [{ ...text, textMasked: true }]), clinic)[0]).toMatchObject({ status: 'masked', violation: false });
    expect(classifyRoute(page('/', 'low', [text]), clinic)[0]).toMatchObject({ status: 'unprotected', violation: false });
    expect(classifyRoute(page('/', 'low', [{ ...text, pii: true }]), clinic)[0]!.fix).toMatch(/add `#greeting` to rrweb\.maskTextSelector/);
  });

  it('blocked and allowed elements are protected; a never-recorded route blocks everything on it', () => {
    expect(classifyRoute(page('/book', 'low', [facts({ inputType: 'number', blocked: true })]), clinic)[0]!.status).toBe('blocked');
    expect(classifyRoute(page('/', 'medium', [facts({ kind: 'text', tag: 'p', allowed: true })]), clinic)[0]).toMatchObject({ status: 'allowed', violation: false });
    expect(classifyRoute(page('/records', 'high', [facts({ kind: 'text', tag: 'td' })]), clinic)[0]!.status).toBe('blocked');
  });

  it('a high-risk route the recorder records is a route-level failure naming the neverRecordOn pattern', () => {
    expect(highRouteRecorded(page('/records', 'high', []), clinic)).toBeUndefined();
    expect(highRouteRecorded(page('/billing', 'high', []), clinic)).toMatch(/add "\^\/billing\(\/\|\$\)" to policy\.neverRecordOn/);
  });

  it('a cross-origin iframe is not recorded unless recordCrossOriginIframes', () => {
    expect(classifyRoute(page('/', 'medium', [facts({ kind: 'iframe', tag: 'iframe', crossOrigin: true })]), clinic)[0]!.status).toBe('blocked');
    expect(classifyRoute(page('/', 'medium', [facts({ kind: 'iframe', tag: 'iframe', crossOrigin: false })]), clinic)[0]!.status).toBe('unprotected');
  });
});

describe('drift baseline', () => {
  const before = [page('/book', 'low', [facts({ selector: '#name' }), facts({ selector: '#legacy', inputType: 'number' })])];
  const baseline = toBaseline(before, before.flatMap((p) => classifyRoute(p, clinic)));

  it('records the state sorted, one element per line', () => {
    expect(baseline.routes['/book']!.elements.map((e) => e.selector)).toEqual(['#legacy', '#name']);
    expect(serializeBaseline(baseline)).toContain('        {"selector":"#legacy","kind":"input","status":"unprotected"},\n');
    expect(JSON.parse(serializeBaseline(baseline))).toEqual(baseline);
  });

  it('fails on a new unprotected field only: the known one is accepted', () => {
    const now = [page('/book', 'low', [...before[0]!.elements, facts({ selector: '#member-number', inputType: 'number' })])];
    const failing = newViolations(now.flatMap((p) => classifyRoute(p, clinic)), baseline);
    expect(failing.map((e) => e.selector)).toEqual(['#member-number']);
    expect(newViolations(before.flatMap((p) => classifyRoute(p, clinic)), baseline)).toEqual([]);
  });
});
