import type { CheckDefinition } from '../check.js';
import { tenancyIsolation } from './isolation.js';
import { tenancyNoEnumeration } from './no-enumeration.js';

export const tenancyChecks: CheckDefinition[] = [tenancyIsolation, tenancyNoEnumeration];
