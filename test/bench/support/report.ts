import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { format, resolveConfig } from 'prettier';

import { type Figure, describeTarget, meetsTarget } from './figure.js';
import type { RunContext } from './machine.js';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** The figures as a plain-text table for the terminal, each ratio beside its target. */
export function formatForTerminal(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.measure.replaceAll('`', ''),
    `${figure.ratio.toFixed(2)}×`,
    describeTarget(figure.target),
    verdict(figure),
    figure.detail,
  ]);
  const header = ['Measure', 'Ratio', 'Target', 'Result', 'Detail'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  return [header, ...rows]
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '))
    .join('\n');
}

/** The results section of docs/benchmarks.md: machine, versions and the table. */
export function formatForDocs(figures: readonly Figure[], run: RunContext, date: Date): string {
  const rows = figures.map(
    (figure) =>
      `| ${figure.measure} | ${figure.baseline} | **${figure.ratio.toFixed(2)}×** | ${describeTarget(figure.target)} | ${verdict(figure)} | ${figure.detail} |`,
  );
  return [
    `Last run: ${date.toISOString().slice(0, 10)}, on ${run.cpu} (${run.cores} cores), ${run.memory} memory, ${run.os}.`,
    `Versions: Node ${run.node}, ky ${run.ky}, zod ${run.zod}.`,
    '',
    '| Measure | Baseline | Ratio | Target | Result | Detail |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * Writes `results` between the results markers of `file`, keeping the prose around them;
 * creates the file with a title when it does not exist. The file is formatted with the
 * project's Prettier settings, so that `prettier --check` passes on it.
 */
export async function writeResults(file: string, results: string): Promise<void> {
  const block = `${START}\n\n${results}\n\n${END}`;
  const current = existsSync(file)
    ? readFileSync(file, 'utf8')
    : `# Benchmarks\n\n${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start === -1 || end < start
      ? `${current.trimEnd()}\n\n${block}\n`
      : `${current.slice(0, start)}${block}${current.slice(end + END.length)}`;
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(next, { ...options, filepath: file }));
}

function verdict(figure: Figure): string {
  const met = meetsTarget(figure);
  if (met === null) return 'reported';
  return met ? 'met' : 'missed';
}
