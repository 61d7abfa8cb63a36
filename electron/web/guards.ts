import { timingSafeEqual } from 'node:crypto';

/**
 * The browser-mode server's request checks. Pure functions over header values,
 * so the rules are unit-tested without sockets.
 */

/** Hosts the server answers to: a page reached through any other name is a DNS-rebinding attempt. */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([host, '127.0.0.1', 'localhost']);
  return new Set([...names].map((name) => `${name}:${port}`));
}

export function hostAllowed(hostHeader: string | undefined, allowed: Set<string>): boolean {
  return typeof hostHeader === 'string' && allowed.has(hostHeader.toLowerCase());
}

/** A WebSocket must come from a page this server served: Origin equals http://<the Host it asked>. */
export function originAllowed(
  origin: string | undefined,
  hostHeader: string | undefined,
  allowed: Set<string>,
): boolean {
  if (!origin || !hostAllowed(hostHeader, allowed)) return false;
  return origin.toLowerCase() === `http://${hostHeader!.toLowerCase()}`;
}

/**
 * The request target as a URL, or null when it is not one (`//`, `/\`,
 * `//[`): new URL throws on those, and a throw while answering must not
 * reach the server.
 */
export function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://placeholder');
  } catch {
    return null;
  }
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Host names that keep the server on this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
