import { contract, type MethodName, type ParsedInput } from './contract';
import { fail, ok, type Result } from './result';

/**
 * Validates a request against its method's schema. Main, the dev bridge and the backend worker all
 * call this, so a bad request gets the same `invalid_input` message wherever it is caught.
 */
export function parseRequest<M extends MethodName>(method: M, input: unknown): Result<ParsedInput<M>> {
  const parsed = contract[method].input.safeParse(input ?? {});
  if (parsed.success) return ok(parsed.data as ParsedInput<M>);
  const message = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    .join('; ');
  return fail('invalid_input', `Invalid request for ${method}: ${message}`, parsed.error.issues);
}
