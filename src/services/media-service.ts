// Media the agents rendered, for people to see (viewer): the bundled media server stores each
// file under the data dir by the SHA-256 of its bytes. A file is given only to a caller whose
// tenant has a task whose result names it; to anyone else it does not exist.

import { join } from 'node:path';
import type { Actor } from '../domain/actor.js';
import { ChimeraError, InputError } from '../domain/errors.js';
import type { ServiceDependencies } from './service-dependencies.js';

/** The media types a stored file's extension stands for. */
const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
};

/** A stored file's name: `<sha256>.<extension>`. */
const STORED_NAME = /^([0-9a-f]{64})\.([a-z0-9]+)$/;

export class MediaService {
  constructor(private readonly deps: ServiceDependencies) {}

  /** The stored file `name` and its media type; NotFound unless the caller's tenant made it. */
  async file(actor: Actor, name: string): Promise<{ path: string; mediaType: string }> {
    const mediaType = MEDIA_TYPES[STORED_NAME.exec(name)?.[2] ?? ''];
    if (!mediaType) {
      throw new InputError(
        `name: '${name}' is not a stored media file's name (<sha256>.<png|mp4|wav|…>)`,
        { context: { field: 'path.name' } },
      );
    }
    if (!(await this.deps.store.tenantViews.producedMedia(actor.tenantId, name))) {
      throw new ChimeraError('STORE_NOT_FOUND', `no media file '${name}'`, {
        context: { field: 'path.name' },
      });
    }
    return { path: join(this.deps.mediaDir, name), mediaType };
  }
}
