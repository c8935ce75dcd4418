// The media a result or post carries, found by shape: `media_urls`, `media_url`, or an asset's
// `files` ({ path | url, mime }). Only http(s) URLs can be shown in the browser; a file on the
// server (a path or file:// URL, as the bundled Artist writes) is named but not previewed.

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

function refOf(location: string, mime?: unknown): MediaRef {
  const loadable = /^https?:\/\//i.test(location);
  const name = location.split(/[?#]/)[0]?.split('/').pop() || location;
  return { url: loadable ? location : null, kind: kindOf(location, mime), name };
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
