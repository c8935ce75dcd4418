// The application services: the one layer the CLI, the HTTP API and Chimera's MCP server call.
// Every method takes the Actor asking; roles are checked and tenants scoped here, so the three
// surfaces agree, and every mutation writes an audit_logs row in its own transaction.

import type { SkillServices } from '../skills/skill.js';
import { AgentService } from './agent-service.js';
import { CampaignService } from './campaign-service.js';
import { EventService } from './event-service.js';
import { FleetService } from './fleet-service.js';
import { JudgeAgreementService } from './judge-agreement-service.js';
import { JudgeCalibrationService } from './judge-calibration-service.js';
import { MediaService } from './media-service.js';
import { MoneyService } from './money-service.js';
import { NetworkService } from './network-service.js';
import { PostService } from './post-service.js';
import { ReviewService } from './review-service.js';
import type { ServiceDependencies } from './service-dependencies.js';
import { SkillCallService } from './skill-call-service.js';
import { StatusService } from './status-service.js';
import { TaskService } from './task-service.js';
import { TokenService } from './token-service.js';
import { WorkerContractService } from './worker-contract-service.js';

export interface ChimeraServices {
  agents: AgentService;
  campaigns: CampaignService;
  tasks: TaskService;
  reviews: ReviewService;
  agreement: JudgeAgreementService;
  calibration: JudgeCalibrationService;
  media: MediaService;
  money: MoneyService;
  posts: PostService;
  fleet: FleetService;
  tokens: TokenService;
  workers: WorkerContractService;
  skillCalls: SkillCallService;
  status: StatusService;
  events: EventService;
  network: NetworkService;
}

/** Builds every service over `deps`; `governed` charges each cost to the run's agent. */
export function createServices(
  deps: ServiceDependencies,
  governed: SkillServices,
): ChimeraServices {
  return {
    agents: new AgentService(deps),
    campaigns: new CampaignService(deps),
    tasks: new TaskService(deps),
    reviews: new ReviewService(deps),
    agreement: new JudgeAgreementService(deps),
    calibration: new JudgeCalibrationService(deps),
    media: new MediaService(deps),
    money: new MoneyService(deps),
    posts: new PostService(deps),
    fleet: new FleetService(deps),
    tokens: new TokenService(deps),
    workers: new WorkerContractService(deps),
    skillCalls: new SkillCallService(deps, governed),
    status: new StatusService(deps),
    events: new EventService(deps),
    network: new NetworkService(deps),
  };
}
