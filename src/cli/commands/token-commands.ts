// `chimera token create|list|revoke` and `chimera login-link`: API tokens and browser sign-in.
// The local CLI acts as the OS user with the operator role in the tenant it names (`--tenant`,
// created when new), so it can hand out the first token of a new tenant.

import type { Command } from 'commander';
import type { z } from 'zod';
import { InputError } from '../../domain/errors.js';
import { type CliContext, withReadServices, withServices } from '../cli-context.js';

const DURATION = /^(\d+)d$/;

export function registerTokenCommands(program: Command, context: CliContext): void {
  const token = program.command('token').description('API tokens (bearer) for the API and /mcp');
  token
    .command('create')
    .description('create a token and print its secret, once (only its hash is stored)')
    .requiredOption('--role <role>', 'operator, reviewer or viewer')
    .option('--tenant <id>', 'the tenant it belongs to (created when new)', 'default')
    .option('--agent <id>', 'the agent it acts as: MCP spends are charged to it')
    .option('--expires <days>', 'lifetime, e.g. 30d (default: until revoked)')
    .option('--name <label>', 'a label for people')
    .option('--json', 'print JSON')
    .action(
      async (flags: {
        role: string;
        tenant: string;
        agent?: string;
        expires?: string;
        name?: string;
        json?: boolean;
      }) => {
        const { Role, TenantId } = await import('../../domain/actor.js');
        const role = parseFlag('--role', Role, flags.role);
        const tenant = parseFlag('--tenant', TenantId, flags.tenant);
        const expiresInDays = flags.expires === undefined ? undefined : days(flags.expires);
        await withServices(context, { createDataDir: true, tenant }, async (services, actor) => {
          const created = await services.tokens.create(actor, {
            role,
            agentId: flags.agent,
            name: flags.name,
            expiresInDays,
          });
          if (flags.json) return context.printer.json(created);
          context.printer.line(created.secret);
          context.printer.progress(
            `token ${created.token.id} (${role} in ${tenant}${flags.agent ? `, agent ${flags.agent}` : ''}): the secret above is shown once`,
          );
        });
      },
    );
  token
    .command('list')
    .description("list a tenant's tokens (never their secrets)")
    .option('--tenant <id>', 'the tenant', 'default')
    .option('--json', 'print JSON')
    .action(async (flags: { tenant: string; json?: boolean }) => {
      const { TenantId } = await import('../../domain/actor.js');
      const tenant = parseFlag('--tenant', TenantId, flags.tenant);
      await withReadServices(context, { services: ['tokens'], tenant }, async (services, actor) => {
        const tokens = await services.tokens.list(actor);
        if (flags.json) return context.printer.json(tokens);
        if (tokens.length === 0) return context.printer.line(`no tokens in ${tenant}`);
        for (const item of tokens) {
          const state = item.revoked_at
            ? 'revoked'
            : item.expires_at
              ? `expires ${item.expires_at.toISOString()}`
              : 'live';
          context.printer.line(
            `${item.id}  ${item.role}${item.agent_id ? ` (agent ${item.agent_id})` : ''}  ${state}  ${item.name}`,
          );
        }
      });
    });
  token
    .command('revoke <id>')
    .description('revoke a token: it and its browser sessions stop working at once')
    .option('--tenant <id>', 'the tenant', 'default')
    .action(async (id: string, flags: { tenant: string }) => {
      const { TenantId } = await import('../../domain/actor.js');
      const tenant = parseFlag('--tenant', TenantId, flags.tenant);
      await withServices(context, { createDataDir: false, tenant }, async (services, actor) => {
        await services.tokens.revoke(actor, id);
        context.printer.line(`token ${id} revoked`);
      });
    });

  program
    .command('login-link')
    .description('print a one-time sign-in link for the dashboard, valid 10 minutes')
    .option('--tenant <id>', 'the tenant', 'default')
    .option(
      '--token <id>',
      "the token the session acts as (default: the data dir's operator token)",
    )
    .option('--base-url <url>', 'where the server is reached (default http://127.0.0.1:<port>)')
    .action(async (flags: { tenant: string; token?: string; baseUrl?: string }) => {
      const { TenantId } = await import('../../domain/actor.js');
      const tenant = parseFlag('--tenant', TenantId, flags.tenant);
      await withServices(context, { createDataDir: true, tenant }, async (services, actor, app) => {
        const tokenId = flags.token ?? (await app.operatorToken()).id;
        const link = await services.tokens.createLoginLink(actor, tokenId);
        const base = flags.baseUrl ?? `http://127.0.0.1:${app.config.httpPort}`;
        context.printer.line(`${base.replace(/\/$/, '')}/login?token=${link.secret}`);
      });
    });
}

function parseFlag<T>(flag: string, schema: z.ZodType<T>, value: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InputError(`${flag}: '${value}' is not valid: ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data;
}

function days(text: string): number {
  const match = DURATION.exec(text);
  if (!match) throw new InputError(`--expires: give days like 30d, got '${text}'`);
  return Number(match[1]);
}
