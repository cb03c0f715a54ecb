import type { CheckDefinition } from '../check.js';
import { authInvalidCredentials } from './invalid-credentials.js';
import { authPublicOpen } from './public-open.js';
import { authRequired } from './required.js';
import { authRoleForbidden } from './role-forbidden.js';
import { authWwwAuthenticate } from './www-authenticate.js';

export const authChecks: CheckDefinition[] = [authRequired, authInvalidCredentials, authWwwAuthenticate, authPublicOpen, authRoleForbidden];
