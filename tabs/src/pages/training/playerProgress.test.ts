import { describe, expect, it } from '@jest/globals';
import { nextReport, playerUrl, positionFrom, reportsPosition, subscribeMessages } from './playerProgress';

describe('following playback of an embedded recording', () => {
  it('switches on the YouTube message API for our origin, and leaves other players as they are', () => {
    expect(playerUrl('youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30', 'https://tab.example')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30&enablejsapi=1&origin=https%3A%2F%2Ftab.example',
    );
    expect(playerUrl('vimeo', 'https://player.vimeo.com/video/1?dnt=1', 'https://tab.example')).toBe(
      'https://player.vimeo.com/video/1?dnt=1',
    );
    expect(subscribeMessages('vimeo').map((m) => JSON.parse(m) as unknown)).toEqual([
      { method: 'addEventListener', value: 'timeupdate' },
      { method: 'addEventListener', value: 'ended' },
    ]);
    expect([reportsPosition('youtube'), reportsPosition('vimeo'), reportsPosition('stream')]).toEqual([true, true, false]);
  });

  it('reads YouTube infoDelivery and Vimeo timeupdate/ended messages, only from the player origin', () => {
    const yt = JSON.stringify({ event: 'infoDelivery', info: { currentTime: 61.4, duration: 600 } });
    expect(positionFrom('youtube', 'https://www.youtube-nocookie.com', yt)).toEqual({ seconds: 61.4, duration: 600, ended: false });
    expect(positionFrom('youtube', 'https://evil.example', yt)).toBeUndefined();
    expect(
      positionFrom(
        'youtube',
        'https://www.youtube-nocookie.com',
        JSON.stringify({ event: 'infoDelivery', info: { playerState: 0, duration: 600 } }),
      ),
    ).toEqual({
      seconds: 600,
      duration: 600,
      ended: true,
    });
    expect(positionFrom('vimeo', 'https://player.vimeo.com', { event: 'timeupdate', data: { seconds: 12, duration: 300 } })).toEqual({
      seconds: 12,
      duration: 300,
      ended: false,
    });
    expect(positionFrom('vimeo', 'https://player.vimeo.com', JSON.stringify({ event: 'ended', data: { seconds: 300 } }))).toMatchObject({
      ended: true,
    });
    for (const junk of ['not json', '{"event":"onReady"}', null, 42, { event: 'timeupdate', data: { seconds: -1 } }])
      expect(positionFrom('vimeo', 'https://player.vimeo.com', junk)).toBeUndefined();
    expect(positionFrom('stream', 'https://contoso.sharepoint.com', yt)).toBeUndefined();
  });

  it('reports every 30 s of progress and once when 90 % is seen, never going back', () => {
    const start = { watchedSeconds: 0, watched: false };
    expect(nextReport(start, { seconds: 12, ended: false }, 600)).toBeUndefined();
    expect(nextReport(start, { seconds: 30.7, ended: false }, 600)).toEqual({ watchedSeconds: 30 });
    expect(nextReport({ watchedSeconds: 30, watched: false }, { seconds: 45, ended: false }, 600)).toBeUndefined();
    expect(nextReport({ watchedSeconds: 500, watched: false }, { seconds: 541, ended: false }, 600)).toEqual({
      watchedSeconds: 541,
      recordingWatched: true,
    });
    expect(nextReport({ watchedSeconds: 541, watched: true }, { seconds: 560, ended: false }, 600)).toBeUndefined();
    // Seeking back and ending still counts as watched, with the furthest position kept.
    expect(nextReport({ watchedSeconds: 200, watched: false }, { seconds: 10, ended: true })).toEqual({
      watchedSeconds: 200,
      recordingWatched: true,
    });
  });
});
