/**
 * Invariants of the local-device table (consumer GPUs and Apple Macs) and the purchase prices,
 * checked against the vendors' published figures.
 */
import { describe, expect, it } from 'vitest';
import { ALL_DEVICES, LOCAL_DEVICES, getDevice } from '../../src/data/local-devices';
import { HARDWARE } from '../../src/data/hardware';

const GiB = 2 ** 30;

describe('LOCAL_DEVICES', () => {
  it('have unique kebab-case ids that do not clash with HARDWARE', () => {
    const ids = ALL_DEVICES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of LOCAL_DEVICES) expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ALL_DEVICES.length).toBe(HARDWARE.length + LOCAL_DEVICES.length);
  });

  it('Apple presets span 16 GB to 512 GB, 64 GB included, with a source', () => {
    const apple = ALL_DEVICES.filter((d) => d.kind === 'apple').map((d) => Math.round(d.memoryBytes / GiB));
    expect(Math.min(...apple)).toBe(16);
    expect(Math.max(...apple)).toBe(512);
    expect(apple).toContain(64);
    for (const d of LOCAL_DEVICES) expect(d.source.length).toBeGreaterThan(20);
  });

  it('have the memory bandwidth Apple publishes per chip (M4 120, M4 Pro 273, M4 Max 410 / 546 GB/s, M3 Ultra over 800)', () => {
    expect(getDevice('apple-m4-16gb')!.bandwidthBytesPerSecond).toBe(120e9);
    expect(getDevice('apple-m4-pro-24gb')!.bandwidthBytesPerSecond).toBe(273e9);
    expect(getDevice('apple-m4-max-36gb')!.bandwidthBytesPerSecond).toBe(410e9);
    expect(getDevice('apple-m4-max-64gb')!.bandwidthBytesPerSecond).toBe(546e9);
    expect(getDevice('apple-m3-ultra-512gb')!.bandwidthBytesPerSecond).toBeGreaterThan(800e9);
  });

  it('consumer GPUs from 8 to 32 GB carry a dated purchase price and a board power', () => {
    const consumer = ALL_DEVICES.filter((d) => d.kind === 'consumer');
    expect(Math.min(...consumer.map((d) => d.memoryBytes))).toBe(8e9);
    expect(Math.max(...consumer.map((d) => d.memoryBytes))).toBe(32e9);
    for (const d of consumer) {
      expect(d.purchase, d.id).toBeTruthy();
      expect(d.purchase!.usd, d.id).toBeGreaterThan(200);
      expect(d.purchase!.usd, d.id).toBeLessThan(2500);
      expect(d.purchase!.date, d.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.tdpWatts, d.id).toBeGreaterThan(100);
      expect(d.price, d.id).toBeNull();
    }
    // Launch MSRPs: RTX 4090 $1,599 (2022-10-12), RTX 5090 $1,999 (2025-01-30), RX 7900 XTX $999.
    expect(getDevice('rtx-4090')!.purchase!.usd).toBe(1599);
    expect(getDevice('rtx-5090')!.purchase!.usd).toBe(1999);
    expect(getDevice('rx-7900-xtx')!.purchase!.usd).toBe(999);
  });

  it('store finite positive rates; derived throughput never exceeds the RTX 5090', () => {
    const top = getDevice('rtx-5090')!.denseFlops.bf16!;
    for (const d of LOCAL_DEVICES) {
      expect(d.bandwidthBytesPerSecond, d.id).toBeGreaterThan(100e9);
      expect(d.bandwidthBytesPerSecond, d.id).toBeLessThan(2e12);
      for (const flops of Object.values(d.denseFlops)) {
        expect(Number.isFinite(flops) && flops > 1e12, d.id).toBe(true);
      }
      if (d.kind === 'consumer') expect(d.denseFlops.bf16!, d.id).toBeLessThanOrEqual(top);
    }
  });
});
