import { parseVideoUrl } from './training-video';

describe('parseVideoUrl: accepted links and their embeds', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?t=90', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['  https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ  ', 'youtube', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://vimeo.com/76979871/8272103f6e', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', 'vimeo', 'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e'],
    [
      'https://contoso.sharepoint.com/sites/training/_layouts/15/embed.aspx?UniqueId=3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      'stream',
      'https://contoso.sharepoint.com/sites/training/_layouts/15/embed.aspx?UniqueId=3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    ],
  ])('%s is %s, embedded as %s', (url, platform, embedUrl) => {
    expect(parseVideoUrl(url)).toEqual({ ok: true, platform, url: url.trim(), embedUrl });
  });

  it.each([
    'https://contoso.sharepoint.com/:v:/s/training/EaBcDeFgHiJkLmNoPqRsTuV?e=AbCdEf',
    'https://contoso-my.sharepoint.com/personal/alex_contoso_com/_layouts/15/stream.aspx?id=%2Fpersonal%2Fday1.mp4',
  ])('accepts the Stream link %s without an embed (it is shown as a link)', (url) => {
    expect(parseVideoUrl(url)).toEqual({ ok: true, platform: 'stream', url });
  });
});

describe('parseVideoUrl: refused links say why', () => {
  it.each([
    ['', 'Enter the link of the recording.'],
    ['not a url', 'This is not a web address (it should start with https://).'],
    ['javascript:alert(1)', 'javascript: links are not allowed.'],
    ['JaVaScRiPt:alert(document.cookie)//https://youtu.be/dQw4w9WgXcQ', 'javascript: links are not allowed.'],
    ['http://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Only https links are accepted (this one is http).'],
    ['data:text/html,<script>alert(1)</script>', 'Only https links are accepted (this one is data).'],
    ['ftp://vimeo.com/76979871', 'Only https links are accepted (this one is ftp).'],
    ['https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ', 'Links with a user name or password in them are not accepted.'],
    ['https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ', 'Links with a port number are not accepted.'],
    ['https://www.youtube.com/watch?v=short', 'This YouTube link does not name a video (expected youtube.com/watch?v=… or youtu.be/…).'],
    ['https://www.youtube.com/channel/UC123', 'This YouTube link does not name a video (expected youtube.com/watch?v=… or youtu.be/…).'],
    ['https://vimeo.com/channels/staffpicks', 'This Vimeo link does not name a video (expected vimeo.com/123456789).'],
    ['https://player.vimeo.com/video/76979871?h=<script>', 'This Vimeo link has an invalid privacy hash.'],
    ['https://contoso.sharepoint.com/sites/training/Shared%20Documents/day1.pptx', expect.stringContaining('not a Stream video')],
    ['https://contoso.sharepoint.com/_layouts/15/embed.aspx?UniqueId=nope', 'This Stream embed link has no valid UniqueId.'],
    ['https://web.microsoftstream.com/video/3f2504e0-4f89-41d3-9a0c-0305e82c3301', expect.stringContaining('Stream (Classic) was retired')],
    [
      'https://evil.example/watch?v=dQw4w9WgXcQ',
      'Recordings must be on YouTube, Vimeo or Microsoft Stream (SharePoint). evil.example is not one of them.',
    ],
    ['https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', expect.stringContaining('youtube.com.evil.example is not one of them')],
    ['https://evilsharepoint.com/:v:/s/x/abc', expect.stringContaining('evilsharepoint.com is not one of them')],
    ['https://a.b.sharepoint.com/:v:/s/x/abc', expect.stringContaining('a.b.sharepoint.com is not one of them')],
    [`https://youtu.be/dQw4w9WgXcQ?x=${'a'.repeat(2000)}`, 'The link is longer than 2000 characters.'],
  ])('%s', (url, reason) => {
    expect(parseVideoUrl(url)).toEqual({ ok: false, reason });
  });
});
