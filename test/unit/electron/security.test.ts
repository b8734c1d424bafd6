import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isAllowedRequest,
  isTrustedSender,
  secureWebPreferences,
  withCspHeader,
  type SessionLike,
  type WebContentsLike,
} from '../../../electron/main/security';

const root = path.resolve('/opt/agent-scorecard/resources/app.asar/dist/renderer');
const index = pathToFileURL(path.join(root, 'index.html')).href;
const asset = pathToFileURL(path.join(root, 'assets/index-abc.js')).href;

describe('secureWebPreferences', () => {
  it('pins the sandbox and isolation settings', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );

  it('allows only self scripts and blocks everything by default', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('is at least as strict as the meta tag in renderer/index.html', () => {
    const html = readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    for (const [name, values] of directives(meta ?? '')) expect(header.get(name), name).toEqual(values);
  });
});

describe('isAllowedRequest', () => {
  it('allows the renderer files, inline images and devtools', () => {
    expect(isAllowedRequest(index, root)).toBe(true);
    expect(isAllowedRequest(asset, root)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', root)).toBe(true);
    expect(isAllowedRequest('blob:file:///1234-5678', root)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', root)).toBe(true);
  });

  it.each([
    'https://example.com/x.js',
    'http://localhost:5173/',
    'ws://localhost:1234',
    'ftp://example.com/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'file://evil-host/share/x.html',
    'not a url',
  ])('denies %s', (url) => {
    expect(isAllowedRequest(url, root)).toBe(false);
  });

  it('denies path traversal out of the renderer folder and sibling prefixes', () => {
    expect(isAllowedRequest(`${pathToFileURL(root).href}/../electron/main.cjs`, root)).toBe(false);
    expect(isAllowedRequest(pathToFileURL(`${root}-evil/index.html`).href, root)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows in-document (hash) navigation only', () => {
    expect(isAllowedNavigation(index, `${index}#/reviews`)).toBe(true);
    expect(isAllowedNavigation(`${index}#/a`, `${index}#/b`)).toBe(true);
    expect(isAllowedNavigation(index, asset)).toBe(false);
    expect(isAllowedNavigation(index, 'https://example.com/')).toBe(false);
    expect(isAllowedNavigation(index, 'file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation(index, `${index}?x=1`)).toBe(false);
    expect(isAllowedNavigation('about:blank', index)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts only the top frame of our renderer document', () => {
    expect(isTrustedSender({ url: index, parent: null }, index)).toBe(true);
    expect(isTrustedSender({ url: `${index}#/goals`, parent: null }, index)).toBe(true);
    expect(isTrustedSender({ url: index, parent: {} }, index)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, index)).toBe(false);
    expect(isTrustedSender(null, index)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it('denies everything with the default empty allow-list', () => {
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });
  it('allows only https origins on the list', () => {
    const list = ['https://docs.example.com'];
    expect(isAllowedExternalUrl('https://docs.example.com/help', list)).toBe(true);
    expect(isAllowedExternalUrl('http://docs.example.com/help', list)).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@docs.example.com/', list)).toBe(false);
    expect(isAllowedExternalUrl('https://docs.example.com.evil.io/', list)).toBe(false);
  });
});

describe('withCspHeader', () => {
  it('replaces any CSP header, whatever its casing', () => {
    const headers = withCspHeader({
      'content-security-policy': ['default-src *'],
      'Content-Type': 'text/html',
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const hooks: {
      before?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
      headers?: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0];
      permission?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
      check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    } = {};
    const session: SessionLike = {
      webRequest: {
        onBeforeRequest: (listener) => (hooks.before = listener),
        onHeadersReceived: (listener) => (hooks.headers = listener),
      },
      setPermissionRequestHandler: (handler) => (hooks.permission = handler),
      setPermissionCheckHandler: (handler) => (hooks.check = handler),
    };
    return { session, hooks };
  }

  it('cancels remote requests, adds the CSP header and denies permissions', () => {
    const { session, hooks } = fakeSession();
    const blocked: string[] = [];
    hardenSession(session, { rendererRoot: root, onBlocked: (url) => blocked.push(url) });

    const decide = (url: string) => {
      let response: { cancel?: boolean } = {};
      hooks.before?.({ url }, (r) => (response = r));
      return response.cancel;
    };
    expect(decide(asset)).toBe(false);
    expect(decide('https://cdn.example.com/lib.js')).toBe(true);
    expect(blocked).toEqual(['https://cdn.example.com/lib.js']);

    let headers: Record<string, string[]> | undefined;
    hooks.headers?.({ url: index, responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);

    const granted = vi.fn();
    hooks.permission?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((hooks.check as (() => boolean) | null | undefined)?.()).toBe(false);
  });
});

describe('hardenWebContents', () => {
  function fakeContents(url: string) {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
    const contents: WebContentsLike = {
      getURL: () => url,
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => {
        listeners.set(event, listener);
      },
      setWindowOpenHandler: (handler) => (openHandler = handler),
    };
    const fire = (event: string, target: string) => {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, target);
      return preventDefault.mock.calls.length > 0;
    };
    return { contents, fire, open: (target: string) => openHandler?.({ url: target }) };
  }

  it('prevents navigation and redirects away from the document, and webviews', () => {
    const { contents, fire } = fakeContents(index);
    hardenWebContents(contents);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', `${index}#/goals`)).toBe(false);
    expect(fire('will-attach-webview', index)).toBe(true);
  });

  it('denies every window.open and opens only allow-listed https links externally', () => {
    const openExternal = vi.fn();
    const { contents, open } = fakeContents(index);
    hardenWebContents(contents, { openExternal, allowList: ['https://help.example.com'] });
    expect(open('https://evil.example.com/')).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open('https://help.example.com/kpis')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://help.example.com/kpis');
  });
});
