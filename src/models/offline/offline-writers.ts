// The offline model's writers, one per task kind. The content skills register theirs here as
// they arrive; a prompt for a task without a writer gets an answer saying so.

import type { OfflineWriter } from './offline-language-model.js';

export const OFFLINE_WRITERS: Record<string, OfflineWriter> = {};
