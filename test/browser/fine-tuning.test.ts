/**
 * The fine-tuning section in the page: one click reproduces QLoRA's "65B on a single 48GB GPU"
 * (Dettmers et al. 2023, abstract), and the link carries it.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchForFile, openPage, visibleText } from './browser';

let browser: Browser;
launchForFile((launched) => {
  browser = launched;
});

describe('fine-tuning section', () => {
  it('one click sets LLaMA-65B, QLoRA and a 48 GB GPU; QLoRA fits, LoRA does not; a reload keeps it', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?lang=en`);
    await page.waitForSelector('main', { timeout: 20_000 });
    await page.locator('#fine-tuning').scrollIntoViewIfNeeded();
    const button = page.locator('[data-testid="ft-reproduce-qlora"]');
    await button.waitFor({ timeout: 20_000 });
    await button.click();
    const memory = page.locator('[data-testid="ft-memory"]');
    await memory.filter({ hasText: 'QLoRA on one NVIDIA L40S' }).waitFor({ timeout: 20_000 });
    expect(await memory.textContent()).toMatch(/fits/);
    expect(await memory.textContent()).not.toMatch(/does not fit/);
    await expect(page.locator('[data-testid="ft-trainable"]').textContent()).resolves.toMatch(/of the model’s 65\.3B/);
    const chart = (await page.locator('figure[data-chart="fine-tuning-memory"]').textContent()) ?? '';
    expect(chart).toMatch(/does not fit/);
    // The link (written 250 ms after the last change) reproduces it.
    await page.waitForFunction(() => location.search.includes('ftm=qlora'), undefined, { timeout: 10_000 });
    const url = page.url();
    const again = await openPage(browser, url);
    await again.page.locator('#fine-tuning').scrollIntoViewIfNeeded();
    const reloaded = again.page.locator('[data-testid="ft-memory"]');
    await reloaded.filter({ hasText: 'QLoRA on one NVIDIA L40S' }).waitFor({ timeout: 20_000 });
    expect(await reloaded.textContent()).toBe(await memory.textContent());
    expect(await visibleText(page)).not.toMatch(/NaN|undefined|Infinity/);
    expect(errors).toEqual([]);
    expect(again.errors).toEqual([]);
    await page.context().close();
    await again.page.context().close();
  }, 120_000);
});
