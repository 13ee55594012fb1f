/**
 * Asks `probe` every `everyMs` until `done` accepts its answer or `timeoutMs` has passed, and
 * returns the last answer either way: the caller asserts on it, so a failure shows what was seen.
 */
export async function poll<T>(probe: () => Promise<T>, done: (answer: T) => boolean, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await probe();
    if (done(answer) || Date.now() > deadline) {
      return answer;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
