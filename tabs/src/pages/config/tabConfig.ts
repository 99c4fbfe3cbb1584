import { useEffect, useRef, useState } from 'react';

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

const ENTITY_PREFIX = 'planboard-';

/** Channel-tab settings for a page: content at `<this build>/index.html#/<page>`. */
export function tabConfigFor(pageId: string, title: string, currentHref: string): TabConfig {
  const url = new URL('index.html', currentHref);
  url.search = '';
  url.hash = `/${pageId}`;
  return {
    entityId: `${ENTITY_PREFIX}${pageId}`,
    contentUrl: url.toString(),
    websiteUrl: url.toString(),
    suggestedDisplayName: `Planboard ${title}`,
  };
}

/** The page an existing channel tab shows (its entityId), when Teams reopens the config page. */
export function pageFromEntityId(entityId: string | undefined): string | undefined {
  return entityId?.startsWith(ENTITY_PREFIX) ? entityId.slice(ENTITY_PREFIX.length) : undefined;
}

/**
 * Wires the Teams config dialog: Save is enabled while `config` is non-null, and saving stores it.
 * Only call with `enabled` once host detection found Teams (teams-js is initialised then).
 */
export function useTeamsTabConfig(config: TabConfig | null, enabled: boolean): { ready: boolean; error?: string } {
  const latest = useRef(config);
  latest.current = config;
  const [sdk, setSdk] = useState<typeof import('@microsoft/teams-js') | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void import('@microsoft/teams-js').then((teams) => {
      if (!live) return;
      if (!teams.pages.config.isSupported()) {
        setError('This host does not support configurable tabs.');
        return;
      }
      teams.pages.config.registerOnSaveHandler((evt) => {
        const current = latest.current;
        if (!current) return evt.notifyFailure('Choose a page first.');
        teams.pages.config.setConfig(current).then(
          () => evt.notifySuccess(),
          (err: unknown) => evt.notifyFailure(err instanceof Error ? err.message : String(err)),
        );
      });
      setSdk(teams);
    });
    return () => {
      live = false;
    };
  }, [enabled]);

  useEffect(() => {
    if (sdk?.pages.config.isSupported()) sdk.pages.config.setValidityState(config !== null);
  }, [sdk, config]);

  return { ready: sdk !== null, error };
}
