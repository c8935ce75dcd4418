// Every route of the operator API and the seed's worker contracts, in one table.

import type { RouteSpec } from './route-spec.js';
import { agentRoutes } from './routes/agent-routes.js';
import { campaignRoutes } from './routes/campaign-routes.js';
import { fleetRoutes } from './routes/fleet-routes.js';
import { judgeRoutes } from './routes/judge-routes.js';
import { moneyRoutes } from './routes/money-routes.js';
import { networkRoutes } from './routes/network-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { taskRoutes } from './routes/task-routes.js';
import { tokenRoutes } from './routes/token-routes.js';
import { workerContractRoutes } from './routes/worker-contract-routes.js';

export const ROUTES: readonly RouteSpec[] = [
  ...agentRoutes,
  ...campaignRoutes,
  ...taskRoutes,
  ...reviewRoutes,
  ...judgeRoutes,
  ...moneyRoutes,
  ...fleetRoutes,
  ...tokenRoutes,
  ...workerContractRoutes,
  ...networkRoutes,
];
