// Seeds the example personas (SOUL.md) and campaigns from examples/ into an empty database, so a
// newcomer's first `npm start` shows the loop working. It never touches a database with campaigns.

import { readdir, readFile } from 'node:fs/promises';
import { Agent } from '../domain/agent.js';
import { InputError } from '../domain/errors.js';
import { fieldProblems } from '../domain/field-problems.js';
import { toAgent } from '../personas/persona.js';
import { loadPersonaDirectory } from '../personas/soul-file.js';
import type { ChimeraApp } from './chimera-app.js';

const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

/** Reads and parses a JSON file, naming the file in any error. */
export async function readJsonFile(path: string | URL): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${String(path)}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${String(path)} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Parses an agent file's content. */
export function parseAgent(raw: unknown, source: string): Agent {
  const parsed = Agent.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(`invalid agent in ${source}: ${fieldProblems(parsed.error).join('; ')}`);
  }
  return parsed.data;
}

/** Seeds the examples when the database has no campaign yet; returns what it seeded. */
export async function seedExamples(
  app: ChimeraApp,
): Promise<{ agents: number; campaigns: number }> {
  if ((await app.store.campaigns.list()).length > 0) return { agents: 0, campaigns: 0 };
  const personas = await loadPersonaDirectory(new URL('personas/', EXAMPLES_DIR));
  for (const persona of personas) await app.store.agents.upsert(toAgent(persona));
  const campaignFiles = await jsonFiles('campaigns/');
  for (const file of campaignFiles) {
    await app.planner.launch(await readJsonFile(file), 'examples');
  }
  return { agents: personas.length, campaigns: campaignFiles.length };
}

async function jsonFiles(folder: string): Promise<URL[]> {
  const directory = new URL(folder, EXAMPLES_DIR);
  const names = (await readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  return names.map((name) => new URL(name, directory));
}
