/**
 * The hostile suites' guard against pathological slowness: the CPU time this process spends on
 * a call, not its wall time, so a neighbour loading the shared machine cannot fail a test while a
 * quadratic algorithm still does. Generous on purpose (5 s): the bench reports the real times.
 */
export const GUARD_MS = 5_000;

/** Runs `fn` and returns its result with the CPU milliseconds (user + system) it took. */
export function withCpuTime<T>(fn: () => T): { value: T; cpuMs: number } {
  const before = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(before);
  return { value, cpuMs: (used.user + used.system) / 1000 };
}
