import { startStaticServer, type StaticServer } from './static-server';

// Serves the production build (dist/, built by `npm test` before vitest runs) on a free port.
let server: StaticServer | undefined;

export async function setup({ provide }: { provide: (key: 'baseUrl', value: string) => void }) {
  server = await startStaticServer('dist', '/explorer/');
  provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
