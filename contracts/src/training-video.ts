/**
 * Recording links for training days: which video hosts are accepted and how they are embedded.
 * Shared by the API (which refuses anything else) and the tab (which previews before saving), so
 * both give the same answer and the same reason.
 */
export const videoPlatforms = ['youtube', 'vimeo', 'stream'] as const;
export type VideoPlatform = (typeof videoPlatforms)[number];

export type ParsedVideoUrl =
  | {
      ok: true;
      platform: VideoPlatform;
      /** The link as saved (normalised by the URL parser). */
      url: string;
      /** What the tab puts in its iframe; `undefined` when the host offers no embed for this link (shown as a plain link). */
      embedUrl?: string;
    }
  | { ok: false; reason: string };

const youtubeHosts = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtu.be',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const vimeoHosts = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);
const youtubeId = /^[A-Za-z0-9_-]{11}$/;
const vimeoId = /^\d{1,12}$/;
const vimeoHash = /^[0-9a-f]{6,20}$/i;
const guid = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
/** `contoso.sharepoint.com`, `contoso-my.sharepoint.com`: one tenant label, nothing that merely ends in "sharepoint.com". */
const sharePointHost = /^[a-z0-9][a-z0-9-]{0,62}\.sharepoint\.com$/;

const refuse = (reason: string): ParsedVideoUrl => ({ ok: false, reason });
const accepted = 'Recordings must be on YouTube, Vimeo or Microsoft Stream (SharePoint).';

/** `t=90`, `t=1m30s`, `start=90` → seconds, or undefined. */
function startSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match) return undefined;
  const [, h = '0', m = '0', s = '0'] = match;
  const total = Number(h) * 3600 + Number(m) * 60 + Number(s);
  return total > 0 && total < 86_400 ? total : undefined;
}

function youtube(url: URL): ParsedVideoUrl {
  const segments = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  if (url.hostname === 'youtu.be') id = segments[0];
  else if (segments[0] === 'watch') id = url.searchParams.get('v') ?? undefined;
  else if (['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '')) id = segments[1];
  if (!id || !youtubeId.test(id)) return refuse('This YouTube link does not name a video (expected youtube.com/watch?v=… or youtu.be/…).');
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  // youtube-nocookie.com is YouTube's privacy-enhanced mode: no cookies until the learner plays the video.
  const embedUrl = `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`;
  return { ok: true, platform: 'youtube', url: url.href, embedUrl };
}

function vimeo(url: URL): ParsedVideoUrl {
  const segments = url.pathname.split('/').filter(Boolean);
  const [first, second] = url.hostname === 'player.vimeo.com' && segments[0] === 'video' ? segments.slice(1) : segments;
  if (!first || !vimeoId.test(first)) return refuse('This Vimeo link does not name a video (expected vimeo.com/123456789).');
  // Unlisted videos carry a hash, in the path (vimeo.com/123/abc) or as `h` (player.vimeo.com/video/123?h=abc).
  const hash = second && vimeoHash.test(second) ? second : (url.searchParams.get('h') ?? undefined);
  if (hash !== undefined && !vimeoHash.test(hash)) return refuse('This Vimeo link has an invalid privacy hash.');
  // dnt=1: Vimeo's "do not track" player, the counterpart of YouTube's privacy-enhanced mode.
  const embedUrl = `https://player.vimeo.com/video/${first}?dnt=1${hash ? `&h=${hash}` : ''}`;
  return { ok: true, platform: 'vimeo', url: url.href, embedUrl };
}

function stream(url: URL): ParsedVideoUrl {
  const path = url.pathname.toLowerCase();
  const uniqueId = url.searchParams.get('UniqueId') ?? url.searchParams.get('uniqueid');
  if (path.endsWith('/_layouts/15/embed.aspx')) {
    if (!uniqueId || !guid.test(uniqueId)) return refuse('This Stream embed link has no valid UniqueId.');
    return { ok: true, platform: 'stream', url: url.href, embedUrl: url.href };
  }
  // A stream.aspx page or a sharing link (/:v:/…) plays in SharePoint, but its embed address is not
  // derivable from the link: it is saved and shown as a link that opens Stream.
  if (path.endsWith('/_layouts/15/stream.aspx') || path.startsWith('/:v:/')) return { ok: true, platform: 'stream', url: url.href };
  return refuse('This SharePoint link is not a Stream video (expected a …/stream.aspx, /:v:/ or …/embed.aspx link).');
}

/**
 * Checks a recording link and derives its embed address. Only https links to YouTube, Vimeo and
 * Microsoft Stream on SharePoint are accepted; everything else is refused with a reason a person
 * can act on.
 */
export function parseVideoUrl(input: string): ParsedVideoUrl {
  const text = input.trim();
  if (text === '') return refuse('Enter the link of the recording.');
  if (text.length > 2000) return refuse('The link is longer than 2000 characters.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('This is not a web address (it should start with https://).');
  }
  if (url.protocol === 'javascript:') return refuse('javascript: links are not allowed.');
  if (url.protocol !== 'https:') return refuse(`Only https links are accepted (this one is ${url.protocol.replace(':', '')}).`);
  if (url.username || url.password) return refuse('Links with a user name or password in them are not accepted.');
  if (url.port) return refuse('Links with a port number are not accepted.');
  const host = url.hostname.toLowerCase();
  if (youtubeHosts.has(host)) return youtube(url);
  if (vimeoHosts.has(host)) return vimeo(url);
  if (sharePointHost.test(host)) return stream(url);
  if (host === 'web.microsoftstream.com') return refuse('Stream (Classic) was retired; use the video’s link in Stream on SharePoint.');
  return refuse(`${accepted} ${host} is not one of them.`);
}
