import type { IdentityConfig } from '../config/schema.js';

/** Credentials as they go on a request. */
export interface Credentials {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** A configured caller: a tenant, a role, and a way to get credentials. */
export interface Identity {
  name: string;
  tenant: string | undefined;
  role: string | undefined;
  config: IdentityConfig;
  /** Credentials for a request; an identity with a login flow logs in first, and again when its token expires. */
  credentials(): Promise<Credentials>;
  /**
   * Tells the identity how the API answered a request sent with `sent`, credentials it handed out. After a
   * 401 to credentials the API accepted before, a login identity renews its token (refresh, or log in
   * again) and resolves true: the request is worth repeating once.
   */
  answered(sent: Credentials, status: number | undefined): Promise<boolean>;
}

/** Credentials obtained by logging in, when they expire, and the refresh token that renews them. */
export interface Token {
  credentials: Credentials;
  /** Epoch milliseconds: the JWT's `exp`, or `expires_in` of the token response. */
  expiresAt: number | undefined;
  refreshToken: string | undefined;
}

/** Obtains a token for an identity with a login flow; with `previous`, renews that one (see src/auth/login.ts). */
export type LoginFlow = (name: string, identity: IdentityConfig, previous?: Token) => Promise<Token>;
