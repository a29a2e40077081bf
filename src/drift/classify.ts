import type { RiskClass } from '../config/maskproof-config.ts';
import type { RrwebRecorderConfig } from '../config/recorder-config.ts';
import type { ClassifiedElement, ElementFacts, ProtectionStatus, RouteInventory } from './types.ts';

/** Every input type rrweb's maskAllInputs covers. */
const ALL_INPUT_KEYS = ['color', 'date', 'datetime-local', 'email', 'month', 'number', 'range', 'search', 'tel', 'text', 'time', 'url', 'week', 'textarea', 'select', 'password'];

/** rrweb's own resolution of maskAllInputs / maskInputOptions (record(): all, the given options, or password only). */
export function effectiveMaskInputOptions(rrweb: RrwebRecorderConfig['rrweb']): Record<string, boolean> {
  if (rrweb.maskAllInputs === true) return Object.fromEntries(ALL_INPUT_KEYS.map((k) => [k, true]));
  return rrweb.maskInputOptions ?? { password: true };
}

/** The route never records at all: policy.neverRecordOn matches the page's path. */
export function neverRecorded(config: RrwebRecorderConfig, path: string): boolean {
  return config.policy.neverRecordOn.some((source) => new RegExp(source).test(path));
}

/** Kinds whose protection each risk class requires (pii elements always require it). */
const REQUIRED: Record<RiskClass, ReadonlySet<ElementFacts['kind']>> = {
  high: new Set(['input', 'textarea', 'select', 'iframe', 'contenteditable', 'text']),
  medium: new Set(['input', 'textarea', 'select', 'iframe', 'contenteditable', 'text']),
  low: new Set(['input', 'textarea', 'select', 'contenteditable']),
};

function inputKey(facts: ElementFacts): string {
  return facts.tag === 'input' ? facts.inputType ?? 'text' : facts.tag;
}

/** How reports and baselines name an element: inside an iframe, "<iframe selector> >>> <selector>". */
export function displaySelector(facts: ElementFacts): string {
  return facts.frame ? `${facts.frame} >>> ${facts.selector}` : facts.selector;
}

/** What to add to the recorder config to protect an unprotected element. */
function fixFor(facts: ElementFacts): string {
  // rrweb applies the selectors inside the iframe's own document: the inner selector is what to add.
  const inside = facts.frame ? ` (it is inside ${facts.frame}; or block the iframe)` : '';
  return fixForElement(facts) + inside;
}

function fixForElement(facts: ElementFacts): string {
  if (facts.kind === 'input' || facts.kind === 'textarea' || facts.kind === 'select') {
    // rrweb masks inputs by type only; a selector can only block them.
    return `add \`${facts.selector}\` to rrweb.blockSelector, or set rrweb.maskInputOptions["${inputKey(facts)}"] = true (or maskAllInputs)`;
  }
  if (facts.kind === 'iframe') return `add \`${facts.selector}\` to rrweb.blockSelector`;
  return `add \`${facts.selector}\` to rrweb.maskTextSelector (or rrweb.blockSelector)`;
}

/** The recorder's protection first; the allow list only speaks for what the recorder leaves unprotected. */
function status(facts: ElementFacts, config: RrwebRecorderConfig, routeBlocked: boolean): { status: ProtectionStatus; why: string } {
  const protection = recorderProtection(facts, config, routeBlocked);
  return protection.status === 'unprotected' && facts.allowed ? { status: 'allowed', why: 'allow.selectors' } : protection;
}

function recorderProtection(facts: ElementFacts, config: RrwebRecorderConfig, routeBlocked: boolean): { status: ProtectionStatus; why: string } {
  if (routeBlocked) return { status: 'blocked', why: 'route never recorded (policy.neverRecordOn)' };
  if (facts.blocked) return { status: 'blocked', why: 'blockSelector/blockClass' };
  const rrweb = config.rrweb;
  switch (facts.kind) {
    case 'input':
    case 'textarea':
    case 'select': {
      const key = inputKey(facts);
      return effectiveMaskInputOptions(rrweb)[key] ? { status: 'masked', why: `maskInputOptions.${key}` } : { status: 'unprotected', why: `input type "${key}" not masked` };
    }
    case 'iframe':
      if (facts.crossOrigin && !rrweb.recordCrossOriginIframes) return { status: 'blocked', why: 'cross-origin iframe, not recorded' };
      return facts.textMasked ? { status: 'masked', why: 'maskTextSelector/maskTextClass' } : { status: 'unprotected', why: 'same-origin iframe recorded, text not masked' };
    default:
      return facts.textMasked ? { status: 'masked', why: 'maskTextSelector/maskTextClass' } : { status: 'unprotected', why: 'text not masked' };
  }
}

/** Classifies every element of a route's page under the recorder config and the route's risk class. */
export function classifyRoute(inventory: RouteInventory, config: RrwebRecorderConfig): ClassifiedElement[] {
  const routeBlocked = neverRecorded(config, inventory.finalPath);
  return inventory.elements.map((facts) => {
    const { status: s, why } = status(facts, config, routeBlocked);
    const violation = s === 'unprotected' && (facts.pii || REQUIRED[inventory.risk].has(facts.kind));
    return { route: inventory.route, selector: displaySelector(facts), kind: facts.kind, status: s, why, violation, ...(violation ? { fix: fixFor(facts) } : {}) };
  });
}

/** A high-risk route that the recorder records at all: the route itself is the problem. */
export function highRouteRecorded(inventory: RouteInventory, config: RrwebRecorderConfig): string | undefined {
  if (inventory.risk !== 'high' || neverRecorded(config, inventory.finalPath)) return undefined;
  const escaped = inventory.finalPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `${inventory.route} is high risk but recorded: add "^${escaped}(/|$)" to policy.neverRecordOn`;
}
