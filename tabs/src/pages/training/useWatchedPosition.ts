import type { Recording } from '@planboard/contracts';
import { useEffect, useRef, type RefObject } from 'react';
import { nextReport, playerUrl, positionFrom, reportsPosition, subscribeMessages, type ProgressReport } from './playerProgress';

/** What the learner has already been credited with for this day (from the API). */
export interface WatchedSoFar {
  watchedSeconds: number;
  watched: boolean;
}

/**
 * Follows playback in an embedded player and reports how far the learner got (every 30 s of
 * progress, and "watched" at 90 % or the end), as the player tells it through postMessage.
 * Only messages from this iframe's window and its player's origin count.
 */
export function useWatchedPosition(
  frame: RefObject<HTMLIFrameElement | null>,
  recording: Recording,
  soFar: WatchedSoFar,
  report: ((progress: ProgressReport) => void) | undefined,
): { src: string | undefined; onLoad: () => void } {
  const last = useRef(soFar);
  // The API's answer may be ahead of us (another tab, another device): never report less than it.
  last.current = {
    watchedSeconds: Math.max(last.current.watchedSeconds, soFar.watchedSeconds),
    watched: last.current.watched || soFar.watched,
  };
  const follows = Boolean(report && recording.embedUrl && reportsPosition(recording.platform));
  const src =
    recording.embedUrl && follows ? playerUrl(recording.platform, recording.embedUrl, window.location.origin) : recording.embedUrl;

  useEffect(() => {
    if (!follows || !report) return undefined;
    const onMessage = (event: MessageEvent) => {
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const position = positionFrom(recording.platform, event.origin, event.data);
      if (!position) return;
      const next = nextReport(last.current, position, recording.durationSeconds);
      if (!next) return;
      last.current = { watchedSeconds: next.watchedSeconds, watched: last.current.watched || next.recordingWatched === true };
      report(next);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [follows, frame, recording.platform, recording.durationSeconds, report]);

  const onLoad = () => {
    if (!follows || !src) return;
    const origin = new URL(src).origin;
    for (const message of subscribeMessages(recording.platform)) frame.current?.contentWindow?.postMessage(message, origin);
  };
  return { src, onLoad };
}
