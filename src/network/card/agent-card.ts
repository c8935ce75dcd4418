// A node's A2A v1.0 Agent Card, unsigned: who the node is, where its A2A JSON-RPC endpoint is,
// and the skills it offers, with each skill's JSON Schemas in a Chimera extension. It does not
// decide which skills are offered (the caller passes them) and does not sign (agent-card-signature.ts).

import type { AgentCard, AgentSkill } from '@a2a-js/sdk';
import type { AnySkill } from '../../skills/skill.js';
import { skillJsonSchemas } from '../../skills/skill-contracts.js';
import type { NodeIdentity } from '../identity/node-identity.js';

/**
 * The extension in `capabilities.extensions` whose `params.skills` maps each offered skill's id
 * to its input and output JSON Schemas. AgentSkill has no schema field in A2A v1.0, hence this.
 */
export const SKILL_SCHEMAS_EXTENSION_URI = 'https://chimera.dev/a2a/extensions/skill-schemas/v1';

/** The path of the node's A2A JSON-RPC endpoint, under its base URL. */
export const A2A_ENDPOINT_PATH = '/a2a';

/**
 * One skill's contract as the extension carries it: each JSON Schema as JSON text, not as an
 * object. The card's signature covers its canonical form, which drops every empty value (`""`,
 * `[]`, `{}`, null) inside extension params, so a schema object would be signed without its
 * `default: ""` and could gain a `not: {}` unnoticed; a non-empty string is signed byte for byte.
 */
export interface SkillSchemasEntry {
  /** The JSON Schema of the input callers send (zod's `io: 'input'` view), as JSON text. */
  input: string;
  /** The JSON Schema of the output the skill returns, as JSON text. */
  output: string;
}

/** What a card is built from. */
export interface AgentCardOptions {
  identity: NodeIdentity;
  /** The node's public base URL, without a trailing slash, e.g. `https://node.example`. */
  baseUrl: string;
  /** The skills this node offers to other nodes, in the order the card lists them. */
  skills: readonly AnySkill[];
  /** @defaultValue `Chimera node <node id>` */
  name?: string;
  /** The node software's version, e.g. `0.1.0`. */
  version: string;
}

/** The unsigned Agent Card of a node offering `options.skills`. */
export function buildAgentCard(options: AgentCardOptions): AgentCard {
  const { identity, baseUrl, skills } = options;
  return {
    name: options.name ?? `Chimera node ${identity.nodeId}`,
    description: `A Chimera node (id ${identity.nodeId}) offering ${skills.length} skill(s) over A2A JSON-RPC; each skill's input and output JSON Schemas are in the ${SKILL_SCHEMAS_EXTENSION_URI} extension.`,
    supportedInterfaces: [
      {
        url: `${baseUrl}${A2A_ENDPOINT_PATH}`,
        protocolBinding: 'JSONRPC',
        protocolVersion: '1.0',
        tenant: '',
      },
    ],
    provider: undefined,
    version: options.version,
    capabilities: {
      streaming: false,
      pushNotifications: false,
      extensions: [
        {
          uri: SKILL_SCHEMAS_EXTENSION_URI,
          description:
            'params.skills maps each skill id to its input and output JSON Schemas (draft 2020-12), each as JSON text.',
          required: false,
          params: {
            skills: Object.fromEntries(skills.map((skill) => [skill.name, schemasOf(skill)])),
          },
        },
      ],
    },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ['application/json'],
    defaultOutputModes: ['application/json'],
    skills: skills.map(agentSkillOf),
    signatures: [],
  };
}

/**
 * The skill schemas a card's extension carries, parsed, by skill id; empty when the card has
 * no such extension. Read it from a card whose signature was verified first.
 */
export function offeredSkillSchemas(
  card: AgentCard,
): Map<string, { input: unknown; output: unknown }> {
  const extension = card.capabilities?.extensions?.find(
    (candidate) => candidate.uri === SKILL_SCHEMAS_EXTENSION_URI,
  );
  const entries = (extension?.params?.skills ?? {}) as Record<string, SkillSchemasEntry>;
  return new Map(
    Object.entries(entries).map(([id, entry]) => [
      id,
      { input: JSON.parse(entry.input), output: JSON.parse(entry.output) },
    ]),
  );
}

function schemasOf(skill: AnySkill): SkillSchemasEntry {
  const { input, output } = skillJsonSchemas(skill);
  return { input: JSON.stringify(input), output: JSON.stringify(output) };
}

function agentSkillOf(skill: AnySkill): AgentSkill {
  return {
    id: skill.name,
    name: skill.name,
    description: skill.description,
    tags: [skill.specId, ...(skill.effect ? [`effect:${skill.effect.kind}`] : [])],
    // A2A examples are strings: each is a worked example's input, as JSON.
    examples: (skill.examples ?? []).map((example) => JSON.stringify(example.input)),
    inputModes: [],
    outputModes: [],
    securityRequirements: [],
  };
}
