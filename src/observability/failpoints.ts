// Failpoints for crash tests: when CHIMERA_FAILPOINT names a point, the process kills itself
// there with SIGKILL, as a power cut would. Unset (always, outside tests), they do nothing.

/** Dies on the spot if CHIMERA_FAILPOINT equals `name`. */
export function failpoint(name: string): void {
  if (process.env.CHIMERA_FAILPOINT === name) process.kill(process.pid, 'SIGKILL');
}
