/** The typed definition of one local identity pool (what `defineAuth`'s identity pool resolves to). */
export interface IdentityPoolConfig {
  /** `<region>:<uuid>`; the client derives the region from it. */
  identityPoolId: string;
  /** Guest credentials (Gen 2 default: true). */
  allowUnauthenticated?: boolean;
  /** The linked user pool and its app client: their id tokens are the accepted logins. */
  userPoolId?: string;
  clientId?: string;
  authenticatedRoleArn?: string;
  unauthenticatedRoleArn?: string;
}

export function assertIdentityPoolConfig(c: IdentityPoolConfig): void {
  if (!/^[a-z0-9-]+:[0-9a-f-]{36}$/.test(c.identityPoolId)) throw new Error(`Identity pool id "${c.identityPoolId}" must look like <region>:<uuid>.`);
  if (c.userPoolId && !/^[a-z0-9-]+_[A-Za-z0-9]+$/.test(c.userPoolId)) throw new Error(`User pool id "${c.userPoolId}" must look like <region>_<suffix>.`);
}
