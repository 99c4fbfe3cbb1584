import type { Recording } from '@planboard/contracts';

/**
 * What a video player tells the page about playback, through `postMessage`: YouTube's IFrame
 * Player API (`enablejsapi=1`, `infoDelivery` events with `currentTime`) and Vimeo's Player API
 * (`timeupdate` / `ended` events once subscribed). Stream's SharePoint embed reports nothing:
 * there the learner marks the recording watched themselves.
 */
export interface PlayerPosition {
  seconds: number;
  duration?: number;
  ended: boolean;
}

const playerOrigins: Record<Recording['platform'], readonly string[]> = {
  youtube: ['https://www.youtube-nocookie.com', 'https://www.youtube.com'],
  vimeo: ['https://player.vimeo.com'],
  stream: [],
};

/** Whether the page can follow playback of this platform's player. */
export const reportsPosition = (platform: Recording['platform']): boolean => playerOrigins[platform].length > 0;

/** The embed address with the player's message API switched on (YouTube needs `enablejsapi=1` and our origin). */
export function playerUrl(platform: Recording['platform'], embedUrl: string, pageOrigin: string): string {
  if (platform !== 'youtube') return embedUrl;
  const url = new URL(embedUrl);
  url.searchParams.set('enablejsapi', '1');
  url.searchParams.set('origin', pageOrigin);
  return url.href;
}

/** Messages the page sends once the player has loaded, so that it starts reporting. */
export function subscribeMessages(platform: Recording['platform']): string[] {
  switch (platform) {
    case 'youtube':
      return [JSON.stringify({ event: 'listening', id: 'planboard', channel: 'widget' })];
    case 'vimeo':
      return ['timeupdate', 'ended'].map((value) => JSON.stringify({ method: 'addEventListener', value }));
    case 'stream':
      return [];
  }
}

const finite = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

/** The position in a player's message, or undefined for anything else (other origins, other events, junk). */
export function positionFrom(platform: Recording['platform'], origin: string, data: unknown): PlayerPosition | undefined {
  if (!playerOrigins[platform].includes(origin)) return undefined;
  let message: unknown = data;
  if (typeof data === 'string') {
    try {
      message = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (!message || typeof message !== 'object') return undefined;
  const { event, info, data: payload } = message as { event?: unknown; info?: unknown; data?: unknown };
  if (platform === 'youtube' && event === 'infoDelivery' && info && typeof info === 'object') {
    const { currentTime, duration, playerState } = info as Record<string, unknown>;
    const seconds = finite(currentTime);
    // playerState 0 = ended.
    if (seconds === undefined && playerState !== 0) return undefined;
    return { seconds: seconds ?? finite(duration) ?? 0, duration: finite(duration), ended: playerState === 0 };
  }
  if (platform === 'vimeo' && (event === 'timeupdate' || event === 'ended') && payload && typeof payload === 'object') {
    const { seconds, duration } = payload as Record<string, unknown>;
    const at = finite(seconds);
    if (at === undefined) return undefined;
    return { seconds: at, duration: finite(duration), ended: event === 'ended' };
  }
  return undefined;
}

/** What to send to the API for a new position, given what was sent last; undefined when nothing is worth a request. */
export interface ProgressReport {
  watchedSeconds: number;
  recordingWatched?: true;
}

/** A position is reported when it is 30 s past the last report, and once when the learner has seen 90 % (or the end). */
export const reportEverySeconds = 30;
export const watchedShare = 0.9;

export function nextReport(
  last: { watchedSeconds: number; watched: boolean },
  position: PlayerPosition,
  knownDuration?: number,
): ProgressReport | undefined {
  const seconds = Math.floor(position.seconds);
  const duration = position.duration ?? knownDuration;
  const watched = position.ended || (duration !== undefined && duration > 0 && seconds >= duration * watchedShare);
  if (watched && !last.watched) return { watchedSeconds: Math.max(seconds, last.watchedSeconds), recordingWatched: true };
  if (seconds >= last.watchedSeconds + reportEverySeconds) return { watchedSeconds: seconds };
  return undefined;
}
