import { chromium } from 'playwright-core';
import { CHROMIUM } from '../test/runners/browser';

/** Renders an SVG document to a PNG file with the Chromium the UI tests use. */
export async function renderSvgToPng(svg: string, file: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: file });
  } finally {
    await browser.close();
  }
}
