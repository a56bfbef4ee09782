/** Talks to a running hailong over HTTP, as an outside tool would. */
export async function loginCookie(baseUrl: string, password: string, username = 'admin'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export async function getJson<T>(baseUrl: string, path: string, cookie?: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { accept: 'application/json', ...(cookie ? { cookie } : {}) } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** How many official answers a counter has: the figure every citizen test checks. */
export async function answersAt(baseUrl: string, cookie: string, counter: string): Promise<number> {
  const stats = await getJson<{ overall: { n: number }; excluded: { flagged: number } }>(
    baseUrl,
    `/api/stats?counter=${counter}&groupBy=none`,
    cookie,
  );
  return stats.overall.n + stats.excluded.flagged;
}
