// Published posts with their engagement, newest first (viewer).

import type { Actor } from '../domain/actor.js';
import type { PostView } from '../store/store.js';
import type { ServiceDependencies } from './service-dependencies.js';

export class PostService {
  constructor(private readonly deps: ServiceDependencies) {}

  list(actor: Actor, filter: { agentId?: string; limit: number }): Promise<PostView[]> {
    return this.deps.store.tenantViews.listPosts(actor.tenantId, filter);
  }
}
