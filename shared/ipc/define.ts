import type { z } from 'zod';

/**
 * A contract entry pairs a zod schema for the request (validated in main/bridge and again in the
 * backend) with a phantom output type. Output is not validated at runtime: it comes from our own
 * backend, and the type keeps renderer and backend honest at compile time.
 */
export interface MethodSpec<I extends z.ZodTypeAny, O> {
  input: I;
  /** Phantom: never read at runtime. */
  readonly _output?: O;
}

export function method<O>() {
  return <I extends z.ZodTypeAny>(input: I): MethodSpec<I, O> => ({ input });
}
