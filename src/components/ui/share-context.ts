import { createContext, useContext } from 'react';

/** How the page builds links to itself (the app provides it; components stay domain-free). */
export interface Share {
  /** Absolute link to the current scenario; with an id, the embed of that chart or table. */
  linkFor: (embedId: string | null) => string;
  /** In an embed: menus only offer downloads and the link to the full explorer. */
  embedded: boolean;
}

export const ShareContext = createContext<Share>({ linkFor: () => '', embedded: false });

export function useShare(): Share {
  return useContext(ShareContext);
}
