import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Adds a Content-Security-Policy meta tag to the built index.html. The page makes no request to
 * any other origin: scripts, styles, images and connections are 'self' only. The single-file build
 * (one index.html for file://) must inline its script and stylesheet; instead of 'unsafe-inline'
 * it allows exactly those inline blocks by their SHA-256 hashes, computed after inlining.
 * Workers: only blob: URLs — the training planner's workers are inlined by Vite (`?worker&inline`)
 * and started from a blob: URL in both builds (file:// cannot load a worker file); no worker
 * script is ever fetched from anywhere.
 */
const BASE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "worker-src blob:",
  "manifest-src 'self'",
];

function hash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

export function policyFor(html: string, single: boolean): string {
  if (!single) return [...BASE_POLICY, "script-src 'self'", "style-src 'self'"].join('; ');
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1] ?? ''));
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1] ?? ''));
  return [...BASE_POLICY, `script-src ${scripts.join(' ') || "'none'"}`, `style-src ${styles.join(' ') || "'none'"}`].join('; ');
}

function insertMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return html.replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${meta}`);
}

export function cspPlugin(single: boolean): Plugin {
  return {
    name: 'llm-scale-explorer:csp',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
          file.source = insertMeta(html, policyFor(html, single));
        }
      },
    },
  };
}
