// Renders build/icons/icon.svg to the 512 px icon.png electron-builder packages (it derives .ico
// and .icns from it). Run after editing the SVG: `node build/render-icon.mjs`. Uses Playwright's
// Chromium (CROSSREAD_CHROMIUM or /usr/bin/chromium).
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icons');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CROSSREAD_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(dir, 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log(`wrote ${path.join(dir, 'icon.png')}`);
