import { describe, expect, it } from 'vitest';
import { injectBridgeScript } from './renderer-assets';
import { hostAllowed, newToken, originAllowed, tokenMatches } from './security';
import { safeFileName } from './uploads';

describe('dev bridge security helpers', () => {
  it('makes distinct URL-safe tokens and compares them exactly', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
    expect(tokenMatches(a, a)).toBe(true);
    expect(tokenMatches(a, a.slice(0, -1))).toBe(false);
    expect(tokenMatches(a, `${a}x`)).toBe(false);
    expect(tokenMatches(a, undefined)).toBe(false);
    expect(tokenMatches(a, [a])).toBe(false);
  });

  it('accepts only our loopback Host names on our port', () => {
    expect(hostAllowed({ host: '127.0.0.1:4000' }, 4000)).toBe(true);
    expect(hostAllowed({ host: 'LOCALHOST:4000' }, 4000)).toBe(true);
    expect(hostAllowed({ host: '127.0.0.1:4001' }, 4000)).toBe(false);
    expect(hostAllowed({ host: 'evil.example:4000' }, 4000)).toBe(false);
    expect(hostAllowed({}, 4000)).toBe(false);
  });

  it('refuses foreign origins and cross-site fetches', () => {
    expect(originAllowed({}, 4000)).toBe(true);
    expect(originAllowed({ origin: 'http://127.0.0.1:4000', 'sec-fetch-site': 'same-origin' }, 4000)).toBe(
      true,
    );
    expect(originAllowed({ origin: 'http://evil.example' }, 4000)).toBe(false);
    expect(originAllowed({ origin: 'null' }, 4000)).toBe(false);
    expect(originAllowed({ 'sec-fetch-site': 'cross-site' }, 4000)).toBe(false);
  });

  it('keeps uploaded file names to one safe path segment', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\calls.csv')).toBe('calls.csv');
    expect(safeFileName('..')).toBe('upload');
    expect(safeFileName('a<b>:c?.xlsx')).toBe('a_b__c_.xlsx');
  });

  it('injects the bridge client before the app module script', () => {
    const html = '<head><title>x</title><script type="module" src="./main.js"></script></head>';
    const out = injectBridgeScript(html);
    expect(out.indexOf('/__bridge/client.js')).toBeLessThan(out.indexOf('type="module"'));
  });
});
