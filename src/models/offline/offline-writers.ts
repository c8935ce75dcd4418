// The offline model's writers, one per task kind. A prompt for a task without a writer gets an
// answer saying so.

import { campaignPlanWriter } from './campaign-plan-writer.js';
import { contentBriefWriter } from './content-brief-writer.js';
import type { OfflineWriter } from './offline-language-model.js';
import { replyWriter } from './reply-writer.js';

export const OFFLINE_WRITERS: Record<string, OfflineWriter> = {
  campaign_plan: campaignPlanWriter,
  content_brief: contentBriefWriter,
  comment_reply: replyWriter,
};
