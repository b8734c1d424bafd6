import type {
  BackendMethodName as MethodName,
  MethodOutput,
  ParsedInput,
} from '../../../shared/ipc/contract';
import type { BackendContext } from '../core/context';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: BackendContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers<M extends MethodName> = { [K in M]: Handler<K> };
