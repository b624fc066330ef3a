// Timing one function many times. Runs in Node and, bundled, inside Chromium, so both engines
// are measured the same way. No Node or DOM imports here.

export interface TimingPlan {
  runs: number;
  warmup: number;
}

/** Calls `fn` `warmup` times untimed, then `runs` times; returns each run's milliseconds. */
export function timeRuns(fn: () => unknown, plan: TimingPlan): number[] {
  let sink: unknown;
  for (let i = 0; i < plan.warmup; i += 1) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < plan.runs; i += 1) {
    const start = performance.now();
    sink = fn();
    times.push(performance.now() - start);
  }
  // Keep the results observable so no engine can drop the calls as dead code.
  if (sink === timeRuns) times.push(0);
  return times;
}
