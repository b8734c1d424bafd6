import { beforeEach, describe, expect, it, vi } from 'vitest';

// The hook runs outside a React tree here: refs, callbacks and effects reduce to plain calls.
vi.mock('react', () => ({
  useRef: <T>(current: T) => ({ current }),
  useCallback: <T>(fn: T) => fn,
  useEffect: (effect: () => void) => {
    effect();
  },
}));

interface Pending {
  input: { offset: number };
  resolve(value: { rows: never[]; total: number }): void;
}
const pending: Pending[] = [];
vi.mock('../../lib/api', () => ({
  call: (_method: string, input: { offset: number }) =>
    new Promise((resolve) => pending.push({ input, resolve })),
}));

vi.mock('./store', async (importOriginal) => {
  const real = await importOriginal<typeof import('./store')>();
  const hook = <T>(selector: (s: ReturnType<typeof real.useInteractions.getState>) => T) =>
    selector(real.useInteractions.getState());
  return { ...real, useInteractions: Object.assign(hook, real.useInteractions) };
});

const { usePageLoader } = await import('./usePageLoader');
const { PAGE_SIZE, useInteractions } = await import('./store');

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('usePageLoader', () => {
  beforeEach(() => {
    pending.length = 0;
  });

  it('loads the new query once stale requests that held every slot finish', async () => {
    useInteractions.setState({ total: 10 * PAGE_SIZE });
    const requestRange = usePageLoader();
    await settle();
    // The viewport spans two pages: both slots are taken.
    requestRange(PAGE_SIZE - 10, PAGE_SIZE + 10);
    await settle();
    const before = pending.length;
    expect(before).toBeGreaterThanOrEqual(2);

    useInteractions.getState().setFilters({ text: 'refund' });
    requestRange(0, 20);
    await settle();
    for (const p of pending.splice(0)) p.resolve({ rows: [], total: 10 * PAGE_SIZE });
    await settle();

    // The filtered query's first page is asked for without any further scrolling.
    expect(pending.map((p) => p.input.offset)).toContain(0);
  });
});
