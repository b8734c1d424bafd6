import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Pure security policy for the Electron shell. Nothing here imports `electron`, so the whole policy
 * is unit-tested in plain Node; main.ts and window.ts only wire these functions into Electron hooks.
 */

/** Same policy as the meta tag in renderer/index.html; sent as a header too so it cannot be dropped. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The subset of Electron's WebPreferences we pin; kept as a plain object so tests can assert it. */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  devTools: boolean;
}

export function secureWebPreferences(
  preloadPath: string,
  options: { devTools?: boolean } = {},
): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped on the window would otherwise navigate away from the app.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google: not offline.
    spellcheck: false,
    devTools: options.devTools ?? false,
  };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Absolute filesystem path of a file:// URL, or null for anything else (or a non-local host). */
function filePathOf(url: URL): string | null {
  if (url.protocol !== 'file:') return null;
  if (url.host !== '' && url.host !== 'localhost') return null;
  try {
    return path.resolve(fileURLToPath(url));
  } catch {
    return null;
  }
}

function isInside(child: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Whether the session may load `url`. Only the packaged renderer's own files, inline images and
 * DevTools' internal pages pass: the app never talks to the network, so every http(s), ws, ftp…
 * request is cancelled rather than allowed to leak HR data or pull in remote code.
 */
export function isAllowedRequest(url: string, rendererRoot: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  switch (parsed.protocol) {
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true;
    case 'file:': {
      const file = filePathOf(parsed);
      return file !== null && isInside(file, rendererRoot);
    }
    default:
      return false;
  }
}

/**
 * Navigation is allowed only within the same document (hash routing): same file, different or no
 * fragment. Anything else (another file, a remote page, a javascript: URL) is prevented.
 */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  const current = parse(currentUrl);
  const target = parse(targetUrl);
  if (!current || !target) return false;
  if (current.protocol !== 'file:' || target.protocol !== 'file:') return false;
  const a = filePathOf(current);
  const b = filePathOf(target);
  return a !== null && a === b && current.search === target.search;
}

/**
 * Links the user may open in the system browser. Empty on purpose: the app ships no external
 * links today, and an empty list means every window.open/target=_blank is simply denied.
 */
export const EXTERNAL_LINK_ALLOW_LIST: readonly string[] = [];

export function isAllowedExternalUrl(
  url: string,
  allowList: readonly string[] = EXTERNAL_LINK_ALLOW_LIST,
): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return allowList.includes(parsed.origin);
}

/**
 * True when an IPC message comes from the top frame of our own renderer document. Sub-frames,
 * pages reached by navigation and destroyed frames (null) are rejected.
 */
export function isTrustedSender(
  frame: { url: string; parent?: unknown } | null | undefined,
  rendererIndexUrl: string,
): boolean {
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return isAllowedNavigation(rendererIndexUrl, frame.url);
}

/** Response headers with our CSP forced in (replacing any CSP header, whatever its casing). */
export function withCspHeader(
  headers: Record<string, string | string[]> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [policy];
  out['X-Content-Type-Options'] = ['nosniff'];
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Wiring. Structural types (not Electron's) keep these testable with small fakes.

export interface SessionLike {
  webRequest: {
    onBeforeRequest(
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler:
      ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((...args: never[]) => boolean) | null): void;
}

/** Applies the request filter, CSP header and permission denial to a session. */
export function hardenSession(
  session: SessionLike,
  options: { rendererRoot: string; onBlocked?: (url: string) => void },
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options.rendererRoot);
    if (!allowed) options.onBlocked?.(details.url);
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  // Camera, notifications, geolocation, clipboard-read…: the app needs none of them.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface NavigationEventLike {
  preventDefault(): void;
}

export interface WebContentsLike {
  getURL(): string;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: NavigationEventLike, url: string) => void,
  ): void;
  on(event: 'will-attach-webview', listener: (event: NavigationEventLike, ...args: unknown[]) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Locks a WebContents to its own document: no navigation elsewhere, no popups, no <webview>.
 * Applied to every contents ever created (via `web-contents-created`), not just our window.
 */
export function hardenWebContents(
  contents: WebContentsLike,
  options: { openExternal?: (url: string) => void; allowList?: readonly string[] } = {},
): void {
  const guard = (event: NavigationEventLike, url: string) => {
    if (!isAllowedNavigation(contents.getURL(), url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (options.openExternal && isAllowedExternalUrl(url, options.allowList)) options.openExternal(url);
    return { action: 'deny' };
  });
}
