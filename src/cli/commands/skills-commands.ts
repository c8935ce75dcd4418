// `chimera skills validate` (every built-in skill's contract) and `chimera skills schema NAME`
// (its JSON Schema). Neither opens the database.

import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';

const SPECS_DIR = new URL('../../../specs/', import.meta.url);

export function registerSkillsCommands(program: Command, context: CliContext): void {
  const skills = program.command('skills').description('skill contracts');

  skills
    .command('validate')
    .description("check every skill's spec id, JSON Schema export and worked examples")
    .action(async () => {
      const { BUILT_IN_SKILLS } = await import('../../skills/built-in-skills.js');
      const { validateSkillContracts } = await import('../../skills/skill-contracts.js');
      const { loadSpecCatalog } = await import('../../specs/spec-catalog.js');
      const catalog = await loadSpecCatalog(SPECS_DIR);
      const reports = validateSkillContracts(BUILT_IN_SKILLS, catalog.ids);
      for (const report of reports) {
        const verdict = report.problems.length === 0 ? 'ok' : 'FAIL';
        context.printer.line(
          `${verdict} ${report.skill} (${report.specId}, ${report.examples} example(s))`,
        );
        for (const problem of report.problems) context.printer.line(`  ${problem}`);
      }
      const failed = reports.filter((report) => report.problems.length > 0).length;
      context.printer.line(`skills validate: ${reports.length} skills, ${failed} with problems`);
      if (failed > 0) context.exitCode = 1;
    });

  skills
    .command('schema <name>')
    .description("print a skill's input and output JSON Schema")
    .action(async (name: string) => {
      const { BUILT_IN_SKILLS } = await import('../../skills/built-in-skills.js');
      const { skillJsonSchemas } = await import('../../skills/skill-contracts.js');
      const { SkillRegistry } = await import('../../skills/skill-registry.js');
      context.printer.json(skillJsonSchemas(new SkillRegistry(BUILT_IN_SKILLS).get(name)));
    });
}
