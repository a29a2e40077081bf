import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { ownAppFromEnv } from '../../src/config/own-app-env.ts';
import { loadRecorderConfig, rrwebConfig } from '../../src/config/recorder-config.ts';
import { inventoryOf } from '../../src/drift/inventory.ts';
import { DRIFT_DIR, type RouteInventory } from '../../src/drift/types.ts';
import { reportDir, slug } from '../../src/report/paths.ts';

// The drift audit's inventory (`maskproof audit`): one test per configured route lists the elements a
// replay could capture. No recorder is injected: the classification reads the recorder config itself.
const config = ownAppFromEnv();

for (const route of config?.routes ?? []) {
  test(`inventory ${route.path}`, async ({ page }) => {
    const recorder = rrwebConfig(loadRecorderConfig(process.env.MASKPROOF_RECORDER!));
    await page.goto(route.path);
    // Ready when the route's own marker is there (its data loaded), else when the page has loaded.
    if (route.ready) await page.locator(route.ready).first().waitFor({ state: 'attached' });
    const found = await inventoryOf(page, recorder, { allow: config!.allow.selectors, pii: config!.pii });
    const inventory: RouteInventory = { route: route.path, risk: route.risk, finalPath: found.path, elements: found.elements };
    const dir = join(reportDir(), DRIFT_DIR);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${slug(route.path) || 'root'}.json`), JSON.stringify(inventory));
  });
}
