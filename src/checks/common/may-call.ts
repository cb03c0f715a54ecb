import type { Operation } from '../../spec/model.js';
import type { CheckContext } from '../check.js';
import { skip, type Finding } from '../result.js';

/** A skip when the operation's method may not be sent in this run; `risk` says what sending it could do. */
export function unsafeToCall(ctx: CheckContext, operation: Operation, risk = ''): Finding | undefined {
  if (ctx.mayCall(operation)) return undefined;
  return skip(`${operation.method.toUpperCase()} is not a safe method${risk ? `: ${risk}` : ''}`, '--allow-destructive (or safety.safeOperations)');
}
