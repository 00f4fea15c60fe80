/** The part of autocannon 8's API the benches use (the package ships no types). */
declare module 'autocannon' {
  type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };
  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    headers?: Record<string, string>;
    requests?: Request[];
  };
  type Result = {
    duration: number;
    requests: { total: number; average: number };
    latency: { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  type Instance = PromiseLike<Result> & {
    on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
