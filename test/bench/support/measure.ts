/** How a measure repeats its work: warm-up runs, then timed rounds of a few runs each. */
export interface RoundPlan {
  /** Untimed runs of each side before the first round, so that the JIT settles. */
  readonly warmup: number;
  /** Timed rounds; the figure is their median. */
  readonly rounds: number;
  /** Runs of each side per round, so that one round lasts long enough to time. */
  readonly batch: number;
}

/** A subject timed against its baseline, round by round, in the same process. */
export interface Comparison {
  /** Median over the rounds of subject time / baseline time. */
  readonly ratio: number;
  /** The first and third quartiles of the rounds' ratios: how much the machine wavered. */
  readonly spread: readonly [number, number];
  /** Median time of one baseline run, in milliseconds. */
  readonly baselineMs: number;
  /** Median time of one subject run, in milliseconds. */
  readonly subjectMs: number;
}

type Work = () => unknown;

/** The `q` quantile of `values` (nearest rank); `NaN` for none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** The median of `values`; `NaN` for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  if (sorted.length % 2 === 1) return sorted[middle] as number;
  return ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Times `subject` against `baseline`: both are warmed up, then each round times a batch of
 * one and a batch of the other (alternating which goes first, so that drift on a shared
 * machine falls on both), and the ratio of the round is taken. Returns the medians.
 */
export async function compare(baseline: Work, subject: Work, plan: RoundPlan): Promise<Comparison> {
  for (let run = 0; run < plan.warmup; run++) {
    await baseline();
    await subject();
  }
  const ratios: number[] = [];
  const baselineTimes: number[] = [];
  const subjectTimes: number[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    const baselineFirst = round % 2 === 0;
    const first = await timeBatch(baselineFirst ? baseline : subject, plan.batch);
    const second = await timeBatch(baselineFirst ? subject : baseline, plan.batch);
    const [baselineMs, subjectMs] = baselineFirst ? [first, second] : [second, first];
    baselineTimes.push(baselineMs);
    subjectTimes.push(subjectMs);
    ratios.push(subjectMs / baselineMs);
  }
  return {
    ratio: median(ratios),
    spread: [quantile(ratios, 0.25), quantile(ratios, 0.75)],
    baselineMs: median(baselineTimes),
    subjectMs: median(subjectTimes),
  };
}

/** The mean time of one run of `work` over `runs` runs, in milliseconds. */
// No forced collection between batches: a full collection frees the objects that optimised
// code was specialised on, and V8 then deoptimises it ("weak objects"), so each batch would
// start in slower code than a steady application runs.
async function timeBatch(work: Work, runs: number): Promise<number> {
  const started = performance.now();
  for (let run = 0; run < runs; run++) await work();
  return (performance.now() - started) / runs;
}
