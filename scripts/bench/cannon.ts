import autocannon from 'autocannon';

// One measurement: a short warm-up (caches filled, sockets open, JIT warm), then the timed run.

export interface Measured {
  rps: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

function run(url: string, connections: number, seconds: number) {
  return autocannon({ url, connections, duration: seconds, pipelining: 1 });
}

export async function measure(url: string, options: LoadOptions): Promise<Measured> {
  if (options.warmupSeconds > 0) await run(url, options.connections, options.warmupSeconds);
  const result = await run(url, options.connections, options.seconds);
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}
