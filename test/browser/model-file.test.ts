/**
 * Opening a real-size model file in the page: a 4.9 GB sparse GGUF of Llama-3.1-8B-Instruct
 * Q4_K_M (the tensor list llama.cpp writes, test/fixtures/model-files.ts) chosen through the
 * drop zone's file input. The header is read with Blob.slice; the table shows the published
 * tensor types and the page's weights become the file's bytes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, visibleText } from './browser';
import { buildGguf, writeSparseFile } from '../fixtures/gguf-writer';
import { LLAMA_31_8B_Q4_K_M, llama31_8bQ4KmMetadata, llama31_8bQ4KmTensors } from '../fixtures/model-files';

let browser: Browser;
let directory = '';
let ggufPath = '';
let pngPath = '';

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'model-file-browser-'));
  const gguf = buildGguf({ kv: llama31_8bQ4KmMetadata(), tensors: llama31_8bQ4KmTensors() });
  ggufPath = join(directory, LLAMA_31_8B_Q4_K_M.file);
  writeSparseFile(ggufPath, gguf.header, gguf.fileSize);
  pngPath = join(directory, 'photo.gguf');
  writeSparseFile(pngPath, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 4096);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('a model file chosen in the page', () => {
  it('reads a 4.9 GB GGUF from its header, shows its tables, and a renamed PNG leaves it in place', async () => {
    const { page, errors, foreignRequests } = await openPage(browser, `${inject('baseUrl')}?lang=en`);
    await page.waitForSelector('[data-testid="config-import"]', { timeout: 20_000 });
    await page.locator('[data-testid="config-import"] summary').click();
    await expect(page.locator('[data-testid="privacy-note"]').textContent()).resolves.toContain('nothing is uploaded');
    await page.locator('[data-testid="config-file"]').setInputFiles(ggufPath);
    const message = page.locator('[data-testid="import-message"]');
    await message.filter({ hasText: 'Opened' }).waitFor({ timeout: 20_000 });
    const opened = (await message.textContent()) ?? '';
    // "read in N ms": the header only (6.3 MB of a 4.9 GB file).
    const milliseconds = Number(/read in ([\d,]+) ms/.exec(opened)?.[1]?.replace(/,/g, ''));
    expect(milliseconds).toBeLessThan(1000);
    expect(opened).toContain('4.89 bits/weight');
    await expect(page.locator('[data-testid="model-name"]').textContent()).resolves.toBe(LLAMA_31_8B_Q4_K_M.file);

    const section = page.locator('#model-file');
    await section.scrollIntoViewIfNeeded();
    const types = page.locator('[data-table="model-file-types"] table');
    await types.waitFor({ timeout: 20_000 });
    const typeText = (await types.textContent()) ?? '';
    for (const type of ['Q4_K', 'Q6_K', 'F32']) expect(typeText).toContain(type);
    const kinds = (await page.locator('[data-table="model-file-kinds"] table').textContent()) ?? '';
    for (const kind of ['Attention', 'MLP', 'Embeddings', 'Output head', 'Norms']) expect(kinds).toContain(kind);
    // Published 4.58 GiB (4.575–4.585 GiB) is 4.912–4.923 GB in the page's default SI units.
    await expect(page.locator('[data-testid="model-file-bytes"]').textContent()).resolves.toMatch(/4\.9[12] GB/);

    // A PNG renamed .gguf: the sentence, and the file stays the model.
    await page.locator('[data-testid="config-file"]').setInputFiles(pngPath);
    await message.filter({ hasText: 'Could not read' }).waitFor({ timeout: 20_000 });
    await expect(message.textContent()).resolves.toMatch(/PNG/i);
    await expect(page.locator('[data-testid="model-name"]').textContent()).resolves.toBe(LLAMA_31_8B_Q4_K_M.file);

    const text = await visibleText(page);
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.context().close();
  }, 120_000);
});
