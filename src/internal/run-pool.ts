/**
 * Runs `task` for each index from 0 to `count - 1`, at most `concurrency` at a time, in
 * index order of starting. Stops starting new tasks once `stop()` returns true. Rejects with
 * the first exception a task throws, after the running ones settle.
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count && !stop()) await task(next++);
  };
  const workers = Array.from({ length: Math.min(concurrency, count) }, worker);
  const results = await Promise.allSettled(workers);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
