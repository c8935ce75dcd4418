// One campaign with its DAG, kept live: a 'task-state' event of one of its tasks changes that
// node (and the counts) at once, and a re-read follows shortly for what events do not carry (the
// campaign's own state, a task planned later). A reconnection re-reads it too.

import { useCallback, useEffect, useRef } from 'react';
import {
  type Campaign,
  type CampaignDetail,
  campaignApi,
  type DagNode,
  type TaskStatus,
} from '../api/campaign-endpoints';
import { useRead } from '../api/use-read';
import type { LiveEvent } from '../api/wire-types';
import { useLiveEvent } from '../live/live-events';

/** How long after a task event the campaign is read again, in ms. */
const REREAD_MS = 600;

export interface CampaignState {
  detail: CampaignDetail | null;
  error: { status: number | null; message: string } | null;
  /** Re-reads the campaign now. */
  refresh: () => void;
  /** Takes the campaign a control answered with. */
  replaceCampaign: (campaign: Campaign) => void;
}

export function useCampaign(campaignId: string): CampaignState {
  const read = useCallback(() => campaignApi.show(campaignId), [campaignId]);
  const { data: detail, error, refresh, setData: setDetail } = useRead(read);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  useLiveEvent(['connected'], refresh);
  useLiveEvent(['task-state'], (event: LiveEvent) => {
    if (event.data.campaign_id !== campaignId) return;
    setDetail((current) => (current ? withTaskEvent(current, event) : current));
    if (timer.current === undefined) {
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        refresh();
      }, REREAD_MS);
    }
  });

  const replaceCampaign = useCallback(
    (campaign: Campaign) => setDetail((current) => (current ? { ...current, campaign } : current)),
    [],
  );
  return { detail, error, refresh, replaceCampaign };
}

/** `detail` with the task of `event` in its new state, and the counts and progress to match. */
function withTaskEvent(detail: CampaignDetail, event: LiveEvent): CampaignDetail {
  const status = event.data.status as TaskStatus;
  const attempt = typeof event.data.attempt === 'number' ? event.data.attempt : undefined;
  if (!detail.dag.some((node) => node.id === event.subject_id)) return detail;
  const dag: DagNode[] = detail.dag.map((node) =>
    node.id === event.subject_id ? { ...node, status, attempt: attempt ?? node.attempt } : node,
  );
  const tasks: CampaignDetail['tasks'] = {};
  for (const node of dag) tasks[node.status] = (tasks[node.status] ?? 0) + 1;
  return { ...detail, dag, tasks, progress: dag.length === 0 ? 0 : (tasks.done ?? 0) / dag.length };
}
