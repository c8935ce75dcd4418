// `chimera judge calibrate`: what people's decisions on escalations say about the Judge's
// thresholds, per policy and confidence band, with the setting each recommendation would change.
// It only prints: no setting is changed.

import type { Command } from 'commander';
import type { CalibrationReport } from '../../services/judge-calibration-service.js';
import { type CliContext, withReadServices } from '../cli-context.js';
import type { Printer } from '../printer.js';

export function registerJudgeCommands(program: Command, context: CliContext): void {
  program
    .command('judge')
    .description("the Judge's thresholds, weighed against people's decisions")
    .command('calibrate')
    .description(
      'per policy and confidence band, how often people approved what the Judge escalated, and the threshold the decisions support; changes nothing',
    )
    .option('--days <n>', 'decisions of the last N days, 1 to 366', (value) => Number(value), 30)
    .option('--json', 'print JSON')
    .action(async (flags: { days: number; json?: boolean }) => {
      await withReadServices(context, { services: ['calibration'] }, async (services, actor) => {
        const report = await services.calibration.calibration(actor, flags.days);
        if (flags.json) return context.printer.json(report);
        printReport(context.printer, report, flags.days);
      });
    });
}

const COLUMNS = ['policy', 'band', 'decided', 'approved', 'rejected', 'agreement'] as const;

function printReport(printer: Printer, report: CalibrationReport, days: number): void {
  const { approveAt, escalateAt } = report.thresholds;
  printer.line(
    `judge calibration: escalations decided in the last ${days} day(s), since ${report.since.toISOString()}`,
  );
  printer.line(
    `thresholds: approve ≥ ${approveAt.toFixed(2)}, escalate ≥ ${escalateAt.toFixed(2)}; target rejection recall ${report.target_rejection_recall}; a threshold needs ${report.min_decisions} decisions and ${report.min_rejections} rejections`,
  );
  if (report.by_policy.length === 0) {
    printer.line('no escalations were decided in that time: nothing to calibrate');
  } else {
    printer.line();
    printTable(printer, report);
    printer.line();
    for (const policy of report.by_policy) {
      printer.line(`${policy.policy}: ${headline(policy.recommendation)}`);
      printer.line(`  ${policy.recommendation.explanation}`);
    }
  }
  printer.line();
  printer.line(
    'nothing was changed: these are recommendations; to apply one, set the variable in the environment Chimera starts with and restart it',
  );
}

/** One row per policy (its total) and per band it has decisions in. */
function printTable(printer: Printer, report: CalibrationReport): void {
  const rows: string[][] = [];
  for (const policy of report.by_policy) {
    rows.push([policy.policy, 'all', ...figures(policy)]);
    for (const band of policy.by_band) {
      if (band.decided > 0) rows.push(['', band.band, ...figures(band)]);
    }
  }
  const widths = COLUMNS.map((column, index) =>
    Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, index) =>
        index < 2 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd();
  printer.line(format(COLUMNS));
  for (const row of rows) printer.line(format(row));
}

function figures(tally: {
  decided: number;
  approved: number;
  rejected: number;
  approval_rate: number | null;
}): string[] {
  const rate = tally.approval_rate === null ? '–' : `${Math.round(100 * tally.approval_rate)} %`;
  return [String(tally.decided), String(tally.approved), String(tally.rejected), rate];
}

/** What to do, in a few words: the variable to set, or why nothing. */
function headline(recommendation: CalibrationReport['by_policy'][number]['recommendation']) {
  const { outcome, variable, current } = recommendation;
  if (recommendation.status !== 'threshold' || !outcome) return 'no threshold recommended';
  const value = outcome.threshold.toFixed(2);
  if (!variable) return `a threshold of ${value} is supported, but no setting holds it`;
  if (current !== null && outcome.threshold === current) return `keep ${variable}=${value}`;
  return `set ${variable}=${value} (now ${current?.toFixed(2) ?? 'unset'})`;
}
