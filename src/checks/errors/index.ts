import type { CheckDefinition } from '../check.js';
import { badInput } from './bad-input.js';
import { envelope } from './envelope.js';
import { noStackTrace } from './no-stack-trace.js';
import { requestId } from './request-id.js';
import { serverError } from './server-error.js';

export const errorsChecks: CheckDefinition[] = [envelope, requestId, noStackTrace, serverError, badInput];
