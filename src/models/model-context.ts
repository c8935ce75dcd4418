// The context block Chimera appends to every prompt it builds: the task, persona and trend as
// JSON on a line of its own. Hosted models read it as part of the prompt; the offline model
// writes from it. Pure helpers, shared by prompt builders and the offline model.

const MARKER = 'CHIMERA_CONTEXT:';

/** Appends the context line to `prompt`. */
export function withContext(prompt: string, context: { task: string } & Record<string, unknown>) {
  return `${prompt}\n\n${MARKER} ${JSON.stringify(context)}`;
}

/** Reads the last context line out of `text`, or undefined when there is none. */
export function readContext(
  text: string,
): ({ task: string } & Record<string, unknown>) | undefined {
  const at = text.lastIndexOf(MARKER);
  if (at < 0) return undefined;
  const line =
    text
      .slice(at + MARKER.length)
      .split('\n')[0]
      ?.trim() ?? '';
  try {
    const value = JSON.parse(line);
    return value && typeof value.task === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
