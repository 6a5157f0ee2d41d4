/** The real reference server that web-test-runner started for this run (scripts/wtr-reference-server.mjs). */
export interface ReferenceServer {
  url: string;
  apiBase: string;
}

let cached: Promise<ReferenceServer> | undefined;

export function referenceServer(): Promise<ReferenceServer> {
  cached ??= fetch('/__reference-server').then((response) => {
    if (!response.ok) throw new Error(`no reference server: ${response.status}`);
    return response.json() as Promise<ReferenceServer>;
  });
  return cached;
}
