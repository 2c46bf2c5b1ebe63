/** Gives the event loop a turn between long stretches of layout, so the server keeps answering readers. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
