/**
 * Work a request starts and does not wait for (an MRP run, a data-quality run, an import): it runs in
 * the background of the process that accepted it. Registering it here lets shutdown, the CLI and the
 * tests wait for all of it in one place, without knowing which modules start such work.
 */
const inFlight = new Set<Promise<void>>();

/** Runs `work` in the background; its failure is the work's own business (it records it), never unhandled. */
export function runInBackground(work: () => Promise<unknown>): void {
  const p: Promise<void> = Promise.resolve()
    .then(work)
    .then(() => {})
    .catch(() => {})
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
}

/** Resolves when every piece of background work this process started has ended (and what it started). */
export async function backgroundSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}
