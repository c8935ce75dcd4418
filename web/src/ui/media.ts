// The media a result or post carries, found by shape: `media_urls`, `media_url`, or an asset's
// `files` ({ path | url, mime }). An http(s) URL is shown as it is; a file the bundled Artist
// stored on the server is shown through /media; any other file on the server is only named.

export type MediaKind = 'image' | 'audio' | 'video' | 'file';

export interface MediaRef {
  /** A URL the browser can load, or null for a file only the server can read. */
  url: string | null;
  kind: MediaKind;
  /** The file's name, for text alternatives. */
  name: string;
}

const BY_EXTENSION: Record<string, MediaKind> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  avif: 'image',
  svg: 'image',
  mp3: 'audio',
  wav: 'audio',
  ogg: 'audio',
  m4a: 'audio',
  mp4: 'video',
  webm: 'video',
  mov: 'video',
};

function kindOf(location: string, mime?: unknown): MediaKind {
  if (typeof mime === 'string') {
    const family = mime.split('/')[0];
    if (family === 'image' || family === 'audio' || family === 'video') return family;
  }
  const extension = location.split(/[?#]/)[0]?.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? 'file';
}

/** A file the bundled Artist stored under the data dir (`<sha256>.<extension>`): /media serves it. */
const STORED_MEDIA = /^[0-9a-f]{64}\.[a-z0-9]+$/;

function refOf(location: string, mime?: unknown): MediaRef {
  const name = location.split(/[?#]/)[0]?.split('/').pop() || location;
  const url = /^https?:\/\//i.test(location)
    ? location
    : STORED_MEDIA.test(name)
      ? `/media/${name}`
      : null;
  return { url, kind: kindOf(location, mime), name };
}

/** Every piece of media `value` names, in order. */
export function mediaOf(value: unknown): MediaRef[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const found: MediaRef[] = [];
  if (Array.isArray(record.media_urls)) {
    for (const url of record.media_urls) if (typeof url === 'string') found.push(refOf(url));
  }
  if (typeof record.media_url === 'string') found.push(refOf(record.media_url));
  if (Array.isArray(record.files)) {
    for (const file of record.files) {
      if (typeof file !== 'object' || file === null) continue;
      const { url, path, mime } = file as Record<string, unknown>;
      const location = typeof url === 'string' ? url : typeof path === 'string' ? path : null;
      if (location) found.push(refOf(location, mime));
    }
  }
  return found;
}
