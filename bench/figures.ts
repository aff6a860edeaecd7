/**
 * What every part of the bench hands back: figures, each measured beside what it competes with (when something
 * does) and judged against its goal (when it has one), plus the tables that print them. Asserts nothing: a missed
 * goal is a "no" in the table, never a failure.
 */

export type Unit = 'ms' | 's' | 'MiB' | 'ms/overlay' | 'ms/pin' | 'resources/s' | 'renders';

export interface Quantity {
  value: number;
  unit: Unit;
}

/** A goal on the ratio measured / competitor, or on the measured value itself. */
export type Goal = { ratioAtMost: number } | { atMost: number } | { atLeast: number } | { exactly: number };

export interface Figure {
  name: string;
  measured: Quantity;
  /** What the figure competes with, measured in the same run, in the same unit. */
  competitor?: { name: string; value: number };
  /**
   * Where each run of the figure was made right beside one of its competitor: the median of those pairs' ratios,
   * which a machine whose speed drifts from minute to minute (a shared host) moves far less than the ratio of the
   * two medians does, since both runs of a pair meet the same speed.
   */
  pairedRatio?: number;
  goal?: Goal;
}

/** The median of `measured[i] / competitor[i]` over runs made in pairs. */
export function medianPairedRatio(measured: readonly number[], competitor: readonly number[]): number {
  return median(measured.map((value, index) => value / competitor[index]));
}

export function format(quantity: Quantity): string {
  const { value, unit } = quantity;
  switch (unit) {
    case 'ms':
      return `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'MiB':
      return `${value.toFixed(0)} MiB`;
    case 'ms/overlay':
    case 'ms/pin':
      return `${value.toFixed(2)} ${unit}`;
    case 'resources/s':
      return `${Math.round(value).toLocaleString('en-US')} resources/s`;
    case 'renders':
      return `${Number.isInteger(value) ? value : value.toFixed(2)}`;
  }
}

export function ratioOf(figure: Figure): number | undefined {
  if (figure.pairedRatio !== undefined) return figure.pairedRatio;
  return figure.competitor && figure.competitor.value > 0 ? figure.measured.value / figure.competitor.value : undefined;
}

export function describeGoal(figure: Figure): string {
  const goal = figure.goal;
  if (!goal) return '–';
  if ('ratioAtMost' in goal) return `≤ ${goal.ratioAtMost.toFixed(2)}×`;
  if ('atMost' in goal) return `≤ ${format({ value: goal.atMost, unit: figure.measured.unit })}`;
  if ('atLeast' in goal) return `≥ ${format({ value: goal.atLeast, unit: figure.measured.unit })}`;
  return `= ${format({ value: goal.exactly, unit: figure.measured.unit })}`;
}

/** yes / no against the goal; '–' when the figure has no goal (or its ratio could not be taken). */
export function goalMet(figure: Figure): 'yes' | 'no' | '–' {
  const goal = figure.goal;
  if (!goal) return '–';
  const value = figure.measured.value;
  let met: boolean;
  if ('ratioAtMost' in goal) {
    const ratio = ratioOf(figure);
    if (ratio === undefined) return '–';
    met = ratio <= goal.ratioAtMost;
  } else if ('atMost' in goal) met = value <= goal.atMost;
  else if ('atLeast' in goal) met = value >= goal.atLeast;
  else met = value === goal.exactly;
  return met ? 'yes' : 'no';
}

export const SUMMARY_HEADER = ['figure', 'measured', 'competitor', 'ratio', 'goal', 'met?'];

export function summaryRow(figure: Figure): string[] {
  const ratio = ratioOf(figure);
  return [
    figure.name,
    format(figure.measured),
    figure.competitor ? `${figure.competitor.name}: ${format({ value: figure.competitor.value, unit: figure.measured.unit })}` : '–',
    ratio === undefined ? '–' : `${ratio.toFixed(2)}×${figure.pairedRatio === undefined ? '' : ' paired'}`,
    describeGoal(figure),
    goalMet(figure),
  ];
}

/** A table with a header row and a rule under it, columns padded to their widest cell. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  for (const [index, row] of rows.entries()) {
    process.stdout.write(`  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd() + '\n');
    if (index === 0) process.stdout.write(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  }
}

export function printHeading(text: string): void {
  process.stdout.write(`\n${text}\n`);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** "median 1.23 s (1.20–1.31 s over 3 runs)" */
export function spread(values: readonly number[], unit: Unit): string {
  const runs = values.length === 1 ? '1 run' : `${values.length} runs`;
  if (values.length === 1) return `${format({ value: values[0], unit })} (${runs})`;
  return (
    `median ${format({ value: median(values), unit })} ` +
    `(${format({ value: Math.min(...values), unit })}–${format({ value: Math.max(...values), unit })}, ${runs})`
  );
}
