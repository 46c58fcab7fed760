import { createContext, useContext } from 'react';
import type { UrlSync } from '../store/url-sync';

/** The page's URL sync (null in embeds and tests): `openScenario` pushes a history entry. */
export const UrlSyncContext = createContext<UrlSync | null>(null);

export function useUrlSync(): UrlSync | null {
  return useContext(UrlSyncContext);
}
