// Writes to stdout or stderr and survives the reader going away: `chimera status | head -1`
// closes the pipe early, and the rest of the output is dropped instead of crashing on EPIPE.

/** What is known about one stream: whether its reader has gone. */
interface PipeState {
  closed: boolean;
}

const states = new WeakMap<NodeJS.WritableStream, PipeState>();

/**
 * A function writing text to `stream` until its reader closes the pipe (EPIPE), then nothing.
 * The first call on a stream attaches one 'error' listener, shared by every writer of that stream:
 * it swallows EPIPE and rethrows any other error, which then crashes as it would without it.
 */
export function pipeWriter(stream: NodeJS.WritableStream): (text: string) => void {
  const state = watch(stream);
  return (text) => {
    if (state.closed || (stream as { destroyed?: boolean }).destroyed) return;
    stream.write(text);
  };
}

function watch(stream: NodeJS.WritableStream): PipeState {
  const known = states.get(stream);
  if (known) return known;
  const state: PipeState = { closed: false };
  states.set(stream, state);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    state.closed = true;
  });
  return state;
}
