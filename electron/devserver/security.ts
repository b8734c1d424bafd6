import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TOKEN_HEADER = 'x-scorecard-token';

/** 192 bits from the OS CSPRNG, URL-safe so it can ride in the query string of the printed URL. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time so the token cannot be recovered byte by byte from response timings. */
export function tokenMatches(expected: string, presented: string | string[] | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  if (a.length !== b.length) {
    // Still spend a comparison so a length mismatch is not measurably faster.
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * DNS rebinding defence: a page on evil.example that rebinds its name to 127.0.0.1 still sends
 * `Host: evil.example`, so only our own loopback names are served.
 */
export function hostAllowed(headers: IncomingHttpHeaders, port: number): boolean {
  const host = headers.host?.toLowerCase();
  return host !== undefined && allowedHosts(port).includes(host);
}

/**
 * Browsers send Origin on cross-origin requests and on every POST; a foreign one means another
 * site is calling us. Requests without Origin (same-origin GETs, curl, tests) pass.
 */
export function originAllowed(headers: IncomingHttpHeaders, port: number): boolean {
  const origin = headers.origin;
  if (
    origin !== undefined &&
    !allowedHosts(port)
      .map((h) => `http://${h}`)
      .includes(origin.toLowerCase())
  )
    return false;
  const fetchSite = headers['sec-fetch-site'];
  return fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
}
