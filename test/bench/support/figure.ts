/** What a figure must reach: at most a ratio, exactly a ratio, or only to be reported. */
export type Target =
  | { readonly kind: 'at-most'; readonly ratio: number }
  | { readonly kind: 'exactly'; readonly ratio: number }
  | { readonly kind: 'report' };

/** One benchmark result: a ratio to a baseline measured in the same run. */
export interface Figure {
  /** What was measured. */
  readonly measure: string;
  /** What it was divided by. */
  readonly baseline: string;
  /** The subject over the baseline. */
  readonly ratio: number;
  readonly target: Target;
  /** The absolute figures behind the ratio, for the reader. */
  readonly detail: string;
}

/** Whether `figure` reaches its target; `null` when there is none to reach. */
export function meetsTarget(figure: Figure): boolean | null {
  const { target, ratio } = figure;
  if (target.kind === 'report') return null;
  // Two decimals are what the report prints, and what the target is written in.
  const shown = Number(ratio.toFixed(2));
  return target.kind === 'at-most' ? shown <= target.ratio : shown === target.ratio;
}

/** The target as the issue writes it: "≤ 1.10×", "exactly 1.00×", "report". */
export function describeTarget(target: Target): string {
  if (target.kind === 'report') return 'report the ratio';
  const ratio = `${target.ratio.toFixed(2)}×`;
  return target.kind === 'at-most' ? `≤ ${ratio}` : `exactly ${ratio}`;
}

/** Milliseconds for a reader: three significant figures. */
export function ms(value: number): string {
  return `${value.toPrecision(3)} ms`;
}

/** The quartiles of a figure's rounds, for the reader: "rounds 1.38–1.61×". */
export function roundsSpread([low, high]: readonly [number, number]): string {
  return `rounds ${low.toFixed(2)}–${high.toFixed(2)}×`;
}
