import { Body1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import type { Recording } from '@planboard/contracts';
import { useRef } from 'react';
import type { ProgressReport } from './playerProgress';
import { useWatchedPosition, type WatchedSoFar } from './useWatchedPosition';

const useStyles = makeStyles({
  frame: {
    width: '100%',
    aspectRatio: '16 / 9',
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const platformNames: Record<Recording['platform'], string> = { youtube: 'YouTube', vimeo: 'Vimeo', stream: 'Microsoft Stream' };

/** "12 min", "1 h 05 min". */
export function durationText(seconds: number | undefined): string {
  if (!seconds) return '';
  const minutes = Math.round(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

export interface RecordingPlayerProps {
  recording: Recording;
  /** What the learner is credited with so far; with `onProgress`, the player's position is followed. */
  soFar?: WatchedSoFar;
  onProgress?: (progress: ProgressReport) => void;
}

/**
 * A recording in its privacy-enhanced player (youtube-nocookie, Vimeo's do-not-track player, the
 * Stream embed), and always a plain link to it: a network or the host may block embedding.
 */
export function RecordingPlayer({ recording, soFar = { watchedSeconds: 0, watched: false }, onProgress }: RecordingPlayerProps) {
  const s = useStyles();
  const platform = platformNames[recording.platform];
  const frame = useRef<HTMLIFrameElement>(null);
  const player = useWatchedPosition(frame, recording, soFar, onProgress);
  return (
    <div className={s.root}>
      {recording.embedUrl ? (
        <iframe
          ref={frame}
          className={s.frame}
          src={player.src}
          onLoad={player.onLoad}
          title={`Recording: ${recording.title}`}
          allow="encrypted-media; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          loading="lazy"
        />
      ) : (
        <Body1>This recording plays in {platform}.</Body1>
      )}
      <Link href={recording.url} target="_blank" rel="noopener noreferrer">
        <OpenRegular aria-hidden /> Open “{recording.title}” in {platform}
        {recording.durationSeconds ? ` (${durationText(recording.durationSeconds)})` : ''}
      </Link>
    </div>
  );
}
