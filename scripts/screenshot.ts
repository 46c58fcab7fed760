/**
 * Screenshot a production build in headless Chromium, for looking at the page as a user would.
 *   npx tsx scripts/screenshot.ts <distDir> <out.png> [query] [width] [height] [selector]
 * e.g. npx tsx scripts/screenshot.ts /tmp/my-dist /tmp/memory.png "?lang=zh" 1440 900 "#memory"
 * Prints console errors and any text that looks like NaN/undefined/Infinity.
 */
import { startStaticServer } from '../test/browser/static-server';
import { launchBrowser, openPage } from '../test/browser/browser';

const [dir = 'dist', out = '/tmp/shot.png', query = '', width = '1440', height = '900', selector = ''] = process.argv.slice(2);

const server = await startStaticServer(dir, '/explorer/');
const browser = await launchBrowser();
try {
  const { page, errors } = await openPage(browser, `${server.url}${query}`, { width: Number(width), height: Number(height) });
  await page.waitForSelector('main', { timeout: 20_000 });
  if (selector) {
    // A locator, not a handle: lazy sections replace their placeholder once loaded.
    const element = page.locator(selector).first();
    // Sections load as the reader approaches them: go there first.
    await element.scrollIntoViewIfNeeded();
    await page.waitForSelector(`${selector}:not([aria-busy])`, { timeout: 20_000 });
    await element.scrollIntoViewIfNeeded();
    // Sections skip rendering while off screen (content-visibility: auto), and an element shot
    // taller than the viewport is captured beyond it: render every section for the shot.
    await page.evaluate(() => {
      for (const section of document.querySelectorAll<HTMLElement>('.section')) section.style.contentVisibility = 'visible';
    });
    await page.waitForTimeout(1500);
    await element.screenshot({ path: out });
  } else {
    await page.waitForTimeout(1500);
    await page.screenshot({ path: out, fullPage: false });
  }
  const text = await page.evaluate(() => document.body.innerText);
  const bad = text.match(/.{0,40}(NaN|undefined|Infinity).{0,40}/g);
  console.log(JSON.stringify({ out, errors, bad: bad ?? [] }, null, 1));
} finally {
  await browser.close();
  await server.close();
}
