// Every live pool is terminated on SIGINT/SIGTERM/exit. The process handlers exist only while at least
// one pool is registered: nothing is installed when this module is imported. A program that handles
// SIGINT itself (the CLI stops a batch gracefully) keeps its pools on SIGINT; they end with the process.

export interface LivePool {
  terminate(): Promise<void>;
  /** for process 'exit': no promises, just stop the threads */
  terminateSync(): void;
}

const livePools = new Set<LivePool>();
let installed = false;

function onSignal(sig: NodeJS.Signals): void {
  if (process.listenerCount(sig) > 1) return;
  void Promise.allSettled([...livePools].map((p) => p.terminate())).finally(() => {
    uninstall();
    // re-raised with our handlers gone, so the process ends as it would have without them
    process.kill(process.pid, sig);
  });
}

function onExit(): void {
  for (const p of livePools) p.terminateSync();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  process.removeListener('exit', onExit);
}

/** Terminate `pool` on SIGINT/SIGTERM/exit; the first registration installs the process handlers. */
export function registerLivePool(pool: LivePool): void {
  livePools.add(pool);
  install();
}

/** The last pool unregistered removes the process handlers. */
export function unregisterLivePool(pool: LivePool): void {
  livePools.delete(pool);
  if (livePools.size === 0) uninstall();
}
