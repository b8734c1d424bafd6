import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashedPart } from './files';

/** The same object with its keys inserted in reverse order, at every level. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .reverse()
      .map(([k, v]) => [k, reordered(v)]),
  );
}

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps arrays in order and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: null, e: 'x' }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"e":"x","f":null}]},"b":1}',
    );
    expect(hashedPart({ contentHash: 'sha256:x', z: 1 })).toEqual({ z: 1 });
  });

  it('property: independent of key order, and the JSON round trip a file makes changes nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(reordered(value))).toBe(text);
        expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
