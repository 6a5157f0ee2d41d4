/** The real reference server that web-test-runner started for this run (scripts/wtr-reference-server.mjs). */
export interface ReferenceServer {
  url: string;
  apiBase: string;
  /** The seeded demo accounts: `demo.supporter` (trained, on shift 07:00–23:00 campus time) and `demo.supervisor`. */
  demoSignIns: Array<{ login: string; password: string; description: string }>;
  /** Test supporters by login, with their passwords (scripts/wtr-reference-server.mjs names them). */
  supporters: Record<string, string>;
}

let cached: Promise<ReferenceServer> | undefined;

export function referenceServer(): Promise<ReferenceServer> {
  cached ??= fetch('/__reference-server').then((response) => {
    if (!response.ok) throw new Error(`no reference server: ${response.status}`);
    return response.json() as Promise<ReferenceServer>;
  });
  return cached;
}
