import { checkToken } from '../cognito/tokens.js';
import type { IdentityServices } from './services.js';
import type { IdentityPoolConfig } from './config.js';
import { NotAuthorizedException } from './errors.js';

/** A verified user-pool login: the linked pool's id token, checked like Cognito Identity does. */
export interface VerifiedLogin {
  /** `<provider>:<sub>`, the key an identity is linked by. */
  login: string;
  sub: string;
  username: string;
  groups: string[];
}

export async function verifyLogins(d: Pick<IdentityServices, 'cognito'>, pool: IdentityPoolConfig, logins: Record<string, string> | undefined): Promise<VerifiedLogin | undefined> {
  const entries = Object.entries(logins ?? {});
  if (!entries.length) return undefined;
  if (entries.length > 1) throw new NotAuthorizedException('Sandlot identity pools accept one login at a time.');
  const [provider, token] = entries[0]!;
  const region = pool.userPoolId?.split('_')[0];
  if (!pool.userPoolId || provider !== `cognito-idp.${region}.amazonaws.com/${pool.userPoolId}`) {
    throw new NotAuthorizedException('Token is not from a supported provider of this identity pool.');
  }
  const check = await checkToken(d.cognito(), token);
  if (!check.ok) throw new NotAuthorizedException(check.reason === 'expired' ? 'Invalid login token. Token expired.' : 'Invalid login token. Not a valid OpenId Connect identity token.');
  if (check.tokenUse !== 'id' || check.pool.userPoolId !== pool.userPoolId) throw new NotAuthorizedException('Invalid login token. Not a valid OpenId Connect identity token.');
  if (pool.clientId && check.claims.aud !== pool.clientId) throw new NotAuthorizedException('Invalid login token. Incorrect token audience.');
  const groups = check.claims['cognito:groups'];
  return {
    login: `${provider}:${check.claims.sub}`,
    sub: String(check.claims.sub),
    username: String(check.claims['cognito:username'] ?? ''),
    groups: Array.isArray(groups) ? groups.map(String) : [],
  };
}
