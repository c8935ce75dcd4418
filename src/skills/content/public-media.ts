// The media an audience would get from a content output: an asset's files or a post's media URLs,
// as file paths. Media files are content-addressed, so the same path means the same bytes.

import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const WithFiles = z.object({ files: z.array(z.object({ path: z.string() })) });
const WithMediaUrls = z.object({ media_urls: z.array(z.string()) });

/** The media file paths `output` carries; none for outputs without media (a brief). */
export function publicMedia(output: unknown): string[] {
  const asset = WithFiles.safeParse(output);
  if (asset.success) return asset.data.files.map((file) => file.path);
  const post = WithMediaUrls.safeParse(output);
  if (post.success) {
    return post.data.media_urls.map((url) => (url.startsWith('file:') ? fileURLToPath(url) : url));
  }
  return [];
}
