import type { CheckDefinition } from '../check.js';
import { contentType } from './content-type.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { resolves } from './resolves.js';
import { responseSchema } from './response-schema.js';
import { statusDocumented } from './status-documented.js';
import { unknownPath } from './unknown-path.js';

export const pathsChecks: CheckDefinition[] = [resolves, statusDocumented, contentType, responseSchema, methodNotAllowed, unknownPath];
