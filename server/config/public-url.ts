/**
 * Whether citizens' QR codes can reach hailong: the codes carry HAILONG_PUBLIC_URL when it is set,
 * else the address the poster page was opened at, which may be one only this machine or this
 * office reaches. Used by the poster page (a warning above the posters) and the start banner.
 */
export type PublicUrlProblem = 'unset' | 'local';

/** Loopback and "any address" hosts: no citizen's phone can open them. */
export function isLocalOnlyUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '0.0.0.0') return true;
  return host === '[::1]' || host === '[::]';
}

export function publicUrlProblem(publicUrl: string | undefined): PublicUrlProblem | undefined {
  if (!publicUrl) return 'unset';
  return isLocalOnlyUrl(publicUrl) ? 'local' : undefined;
}
