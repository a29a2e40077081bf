/**
 * Writes fixtures/corpus/clean/*.json: rrweb recordings of realistic pages that hold NO personal data
 * (dashboards, docs, shop catalogues, settings, changelogs, code, status pages...), full of what
 * detectors must not mistake for it: ids, hashes, UUIDs, timestamps, versions, SKUs, prices, asset
 * URLs with @2x, code snippets, base64 images and fonts, CSS, product and colour names.
 * Seeded: the same files every run.  npx tsx bench/corpus/generate-clean.ts
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { seededRandom } from './seeded.ts';

const OUT = new URL('../../fixtures/corpus/clean/', import.meta.url);
const COUNT = 220;

const { rand, int, pick } = seededRandom(0x5eed1234);
const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const b64 = (bytes: number) => Buffer.from(Array.from({ length: bytes }, () => int(0, 255))).toString('base64');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const version = () => `${int(0, 18)}.${int(0, 40)}.${int(0, 120)}`;
const iso = () => new Date(Date.UTC(2024 + int(0, 2), int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59), int(0, 999))).toISOString();
const price = () => pick(['$', '€', '£', '']) + `${int(1, 2499)}.${pick(['00', '99', '49', '95'])}`;
const sku = () => `${pick(['SKU', 'ART', 'PRD', 'ITM'])}-${int(1000, 99999)}-${pick(['BLK', 'WHT', 'RG', 'NVY', 'GRY'])}-${pick(['XS', 'S', 'M', 'L', 'XL', '42', '10'])}`;
const bigId = () => String(int(10 ** 9, 9 * 10 ** 9)) + String(int(100, 999));

const UI = ['Order Summary', 'Add to Cart', 'Checkout', 'Sign In', 'Create Account', 'Continue Shopping', 'View Details', 'Save Changes', 'Cancel', 'Apply Filters', 'Clear All', 'Max Price', 'Min Price', 'Sort By', 'Best Sellers', 'New Arrivals', 'Free Shipping', 'Track Order', 'Customer Service', 'Help Center', 'Privacy Policy', 'Terms of Service', 'Cookie Settings', 'Grant Access', 'Mark as Read', 'Load More', 'Show Less', 'Download Report', 'Export CSV', 'Getting Started', 'Release Notes', 'API Reference', 'Quick Start', 'Dashboard Overview', 'Active Sessions', 'Error Rate', 'Page Views', 'Bounce Rate', 'Conversion Rate', 'Product Details', 'Size Guide', 'Gift Cards', 'Summer Sale', 'Black Friday Deals', 'Back to Top', 'Next Page', 'Previous', 'Shopping Bag', 'Your Wishlist', 'Recently Viewed', 'Frequently Asked Questions', 'Contact Support', 'System Status', 'All Systems Operational', 'Degraded Performance', 'Scheduled Maintenance', 'Read More', 'Learn More', 'Sign Up With Google', 'Continue With Apple', 'Reset Filters', 'Compare Products', 'In Stock', 'Out of Stock', 'Low Stock', 'Team Settings', 'Billing History', 'Usage Limits', 'Invite Members', 'Access Tokens', 'Webhooks', 'Audit Log', 'Feature Flags', 'Deploy Preview', 'Build Logs', 'Pull Requests', 'Open Issues'];
const COLOURS = ['Rose Gold', 'Hunter Green', 'Midnight Blue', 'Space Grey', 'Jet Black', 'Ivory White', 'Forest Green', 'Royal Blue', 'Burnt Orange', 'Dusty Pink', 'Sage Green', 'Sandy Beige', 'Coral Red', 'Olive Drab', 'Pearl White'];
const PRODUCTS = ['Trail Runner', 'Canvas Tote', 'Wool Beanie', 'Chelsea Boot', 'Denim Jacket', 'Linen Shirt', 'Ceramic Mug', 'Desk Lamp', 'Standing Desk', 'Noise Cancelling Headphones', 'Mechanical Keyboard', 'Travel Backpack', 'Yoga Mat', 'Cast Iron Skillet', 'French Press', 'Water Bottle', 'Rain Shell', 'Merino Socks', 'Leather Wallet', 'Smart Watch', 'Phone Case', 'Wireless Charger', 'Office Chair', 'Bamboo Cutting Board', 'Espresso Machine'];
const LINES = ['Pro', 'Max', 'Ultra', 'Lite', 'Mini', 'Plus', 'Air', 'Classic', 'Original', 'Sport', 'Edition'];
const DOC_HEADINGS = ['Installation', 'Configuration', 'Authentication', 'Rate Limits', 'Error Handling', 'Pagination', 'Webhooks', 'Migrating From v2', 'Environment Variables', 'Command Line Interface', 'Troubleshooting', 'Known Issues', 'Performance Tuning', 'Deploying to Production'];
const PROSE = ['The request returns a paginated list of resources sorted by creation date.', 'Set the timeout in milliseconds; the default is 30000.', 'Each event is retried up to five times with exponential backoff.', 'Items ship within two business days from our central warehouse.', 'Prices include VAT where applicable.', 'This release fixes a memory leak in the worker pool and improves cold start times.', 'Use the sandbox environment to test payments without moving money.', 'The dashboard refreshes every 60 seconds.', 'Free returns within 30 days of delivery.', 'Requires Node.js 20 or later.'];
const CODE = [
  'const client = new Client({ apiKey: process.env.API_KEY, timeout: 30_000 });',
  'await queue.publish("orders.created", { id: order.id, total: order.total });',
  'SELECT id, sku, price_cents FROM products WHERE stock > 0 ORDER BY updated_at DESC LIMIT 50;',
  'docker run -p 8080:8080 -e LOG_LEVEL=debug ghcr.io/acme/api:' + '1.42.0',
  'npm install @acme/sdk@^4.2.1 --save-exact',
  'if (res.status === 429) await sleep(Number(res.headers.get("retry-after")) * 1000);',
  'git checkout -b fix/cache-invalidation && git commit -m "fix: invalidate on write"',
  'curl -X POST https://api.example.com/v1/jobs -H "Content-Type: application/json" -d \'{"priority": 2}\'',
];
const CSS = () => `:root{--brand:#${hex(6)};--radius:${int(2, 12)}px;--shadow:0 1px ${int(2, 8)}px rgba(0,0,0,.${int(1, 4)})}.btn{padding:${int(4, 12)}px ${int(8, 24)}px;border-radius:var(--radius)}.grid{display:grid;grid-template-columns:repeat(${int(2, 6)},1fr);gap:${int(8, 32)}px}@media (min-width:${pick([640, 768, 1024, 1280])}px){.hero{font-size:${int(24, 64)}px}}@font-face{font-family:"Inter";src:url(data:font/woff2;base64,${b64(int(200, 600))}) format("woff2");font-weight:${pick([400, 500, 600, 700])}}`;

let nextId = 1;
type Node = Record<string, unknown>;
const text = (textContent: string): Node => ({ type: 3, textContent, id: nextId++ });
function el(tagName: string, attributes: Record<string, string | number | boolean> = {}, children: (Node | string)[] = []): Node {
  const id = nextId++;
  return { type: 2, tagName, attributes, childNodes: children.map((c) => (typeof c === 'string' ? text(c) : c)), id };
}
const asset = (name: string) => `https://cdn.${pick(['shopcdn', 'assets-static', 'img-edge'])}.net/${hex(2)}/${name}-${hex(8)}@2x.${pick(['png', 'webp', 'jpg'])}`;

function productCard(): Node {
  const name = `${pick(PRODUCTS)} ${pick(LINES)}`;
  const img = asset(name.toLowerCase().replace(/\s+/g, '-'));
  return el('article', { class: 'card product', 'data-sku': sku(), 'data-product-id': uuid() }, [
    el('img', { src: img, srcset: `${img.replace('@2x', '')} 1x, ${img} 2x`, alt: name, width: 320, height: 320, loading: 'lazy' }),
    el('h3', { class: 'card-title' }, [name]),
    el('p', { class: 'colour' }, [pick(COLOURS)]),
    el('p', { class: 'price' }, [price()]),
    el('small', { class: 'sku' }, [`SKU ${sku()}`]),
    el('button', { type: 'button', class: 'btn btn-primary', 'aria-label': `Add ${name} to cart` }, ['Add to Cart']),
  ]);
}

function metricRow(): Node {
  return el('tr', {}, [
    el('td', {}, [pick(['api-gateway', 'checkout-svc', 'search-indexer', 'worker-eu-1', 'edge-cache', 'billing-cron'])]),
    el('td', {}, [`${int(50, 99)}.${int(0, 99)}%`]),
    el('td', {}, [`${int(3, 900)} ms`]),
    el('td', {}, [iso()]),
    el('td', { class: 'mono' }, [hex(40).slice(0, int(7, 40))]),
    el('td', {}, [`v${version()}`]),
    el('td', {}, [pick(['Healthy', 'Degraded', 'Deploying', 'Paused'])]),
  ]);
}

function orderRow(): Node {
  return el('tr', { 'data-row-id': uuid() }, [
    el('td', {}, [`#${pick(['ORD', 'INV', 'PO'])}-${int(100000, 999999)}`]),
    el('td', {}, [iso().slice(0, 10)]),
    el('td', {}, [`${int(1, 12)} items`]),
    el('td', {}, [price()]),
    el('td', {}, [pick(['Paid', 'Refunded', 'Pending', 'Shipped', 'Delivered'])]),
    el('td', { class: 'mono' }, [`txn_${hex(24)}`]),
  ]);
}

type Page = { kind: string; body: Node[] };
function page(kind: string): Page {
  const n = int(3, 9);
  switch (kind) {
    case 'catalogue':
      return { kind, body: [el('h1', {}, [pick(['New Arrivals', 'Best Sellers', 'Summer Sale', 'Outdoor Gear', 'Home Office'])]), el('div', { class: 'filters' }, ['Max Price', el('input', { type: 'range', min: 0, max: 2500, value: int(100, 2500) }), 'Min Price']), el('section', { class: 'grid' }, Array.from({ length: n }, productCard))] };
    case 'dashboard':
      return { kind, body: [el('h1', {}, ['Dashboard Overview']), el('table', { class: 'metrics' }, [el('thead', {}, [el('tr', {}, ['Service', 'Uptime', 'p95', 'Last deploy', 'Commit', 'Version', 'Status'].map((h) => el('th', {}, [h])))]), el('tbody', {}, Array.from({ length: n }, metricRow))])] };
    case 'orders':
      return { kind, body: [el('h1', {}, ['Billing History']), el('table', {}, [el('tbody', {}, Array.from({ length: n }, orderRow))])] };
    case 'docs':
      return { kind, body: [el('nav', {}, DOC_HEADINGS.slice(0, n).map((h) => el('a', { href: `/docs/${h.toLowerCase().replace(/\s+/g, '-')}` }, [h]))), el('h1', {}, [pick(DOC_HEADINGS)]), el('p', {}, [pick(PROSE)]), el('pre', {}, [el('code', { class: 'language-ts' }, [pick(CODE)])]), el('p', {}, [`Updated ${iso()} · v${version()} · build ${hex(12)}`])] };
    case 'changelog':
      return { kind, body: Array.from({ length: n }, () => el('section', {}, [el('h2', {}, [`v${version()} — ${iso().slice(0, 10)}`]), el('ul', {}, [el('li', {}, [pick(PROSE)]), el('li', {}, [`Fixed #${int(100, 9999)} (${hex(7)})`])])])) };
    case 'status':
      return { kind, body: [el('h1', {}, [pick(['All Systems Operational', 'Degraded Performance', 'Scheduled Maintenance'])]), ...Array.from({ length: n }, () => el('div', { class: 'incident', id: `inc-${hex(10)}` }, [`${iso()} ${pick(['Investigating', 'Identified', 'Monitoring', 'Resolved'])}: elevated error rate in ${pick(['eu-west-1', 'us-east-2', 'ap-southeast-1'])}`]))] };
    case 'settings':
      return { kind, body: [el('h1', {}, ['Team Settings']), el('form', {}, [el('label', { for: 'tz' }, ['Time zone']), el('select', { id: 'tz' }, [el('option', { value: 'UTC', selected: true }, ['UTC']), el('option', { value: 'Europe/Berlin' }, ['Europe/Berlin'])]), el('label', {}, ['Webhook URL']), el('input', { type: 'url', value: `https://hooks.example.com/${uuid()}` }), el('label', {}, ['Project ID']), el('input', { type: 'text', value: `prj_${hex(20)}`, readonly: true }), el('button', { type: 'submit' }, ['Save Changes'])])] };
    default:
      return { kind, body: [el('h1', {}, [pick(UI)]), el('p', {}, [pick(PROSE)]), el('img', { src: `data:image/png;base64,${b64(int(300, 1500))}`, alt: 'chart' }), el('div', { class: 'cta' }, Array.from({ length: n }, () => el('button', {}, [pick(UI)])))] };
  }
}

const KINDS = ['catalogue', 'dashboard', 'orders', 'docs', 'changelog', 'status', 'settings', 'landing'];
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) rmSync(new URL(f, OUT));
for (let i = 0; i < COUNT; i++) {
  nextId = 1;
  const kind = KINDS[i % KINDS.length]!;
  const { body } = page(kind);
  const search = el('input', { type: 'search', name: 'q', placeholder: 'Search products' });
  const root = { type: 0, id: nextId++, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: nextId++ }, el('html', { lang: 'en' }, [el('head', {}, [el('title', {}, [`${pick(UI)} · Acme`]), el('style', {}, [{ type: 3, textContent: CSS(), isStyle: true, id: nextId++ }]), el('link', { rel: 'icon', href: asset('favicon') })]), el('body', { class: `page-${kind}`, 'data-build': hex(12) }, [el('header', {}, [el('a', { href: '/' }, ['Acme']), search, ...['Shop', 'Docs', 'Pricing', 'Blog', 'Support'].map((m) => el('a', { href: `/${m.toLowerCase()}` }, [m]))]), el('main', { id: 'main' }, body), el('footer', {}, [`© 2026 Acme Inc. · v${version()} · ${hex(7)}`])])])] };
  let t = 1767225600000 + i * 86_400_000 + int(0, 86_399_999);
  const events: unknown[] = [
    { type: 4, data: { href: `https://shop.example.com/${kind}?ref=${hex(8)}&utm_campaign=${pick(['spring', 'launch', 'retarget'])}`, width: pick([1280, 1440, 390]), height: pick([800, 900, 844]) }, timestamp: t },
    { type: 2, data: { node: root, initialOffset: { top: 0, left: 0 } }, timestamp: (t += 12) },
  ];
  const mainId = nextId; // ids above this are new
  const steps = int(4, 12);
  for (let s = 0; s < steps; s++) {
    t += int(50, 2500);
    const r = rand();
    if (r < 0.35) events.push({ type: 3, data: { source: 0, texts: [], attributes: [{ id: int(3, mainId - 1), attributes: { class: `is-${pick(['open', 'active', 'loading'])}`, 'aria-busy': pick(['true', 'false']) } }], removes: [], adds: [{ parentId: 3, nextId: null, node: el('div', { class: 'toast', role: 'status' }, [pick(['Saved', 'Copied to clipboard', 'Added to Cart', `Request ${uuid()} failed with 503`, `Loaded ${int(10, 500)} of ${int(500, 9000)} rows`, pick(COLOURS)])]) }] }, timestamp: t });
    else if (r < 0.6) events.push({ type: 3, data: { source: 5, id: (search as { id: number }).id, text: pick(['hunter green', 'rose gold', 'desk lamp', 'size 10', 'usb-c', 'sku-48213', 'Max Pro', 'returns', 'v2 api', 'webhook retry']), isChecked: false }, timestamp: t });
    else if (r < 0.8) events.push({ type: 3, data: { source: 2, type: pick([1, 2, 0]), id: int(3, mainId - 1), x: int(0, 1280), y: int(0, 900) }, timestamp: t });
    else if (r < 0.9) events.push({ type: 3, data: { source: 3, id: 1, x: 0, y: int(0, 4000) }, timestamp: t });
    else events.push({ type: 3, data: { source: 1, positions: Array.from({ length: int(1, 6) }, () => ({ x: int(0, 1280), y: int(0, 900), id: int(3, mainId - 1), timeOffset: -int(0, 400) })) }, timestamp: t });
  }
  events.push({ type: 5, data: { tag: 'web-vitals', payload: { lcp: int(800, 4000), cls: rand().toFixed(3), inp: int(40, 600), release: `web@${version()}+${hex(7)}`, traceId: hex(32) } }, timestamp: (t += 10) });
  writeFileSync(new URL(`${String(i).padStart(3, '0')}-${kind}.json`, OUT), JSON.stringify(events));
}
console.log(`wrote ${COUNT} recordings to fixtures/corpus/clean/`);
