import type { SetUserMFAPreferenceCommandInput, SetUserMFAPreferenceCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import type { MfaMethod } from '../store.js';
import { userOfAccessToken } from '../tokens.js';
import { InvalidParameterException, InvalidUserPoolConfigurationException } from '../errors.js';

export type SetUserMFAPreferenceOperation = Operation<SetUserMFAPreferenceCommandInput, WireOutput<SetUserMFAPreferenceCommandOutput>>;

export const SetUserMFAPreference = (d: Pick<CognitoServices, 'pools' | 'clock' | 'signingKey'>): SetUserMFAPreferenceOperation =>
  async (_ctx, input) => {
    const { pool, user } = await userOfAccessToken(d, input.AccessToken);
    const enabled = new Set(user.mfa.enabled);
    let preferred = user.mfa.preferred;
    const apply = (method: MfaMethod, allowed: boolean, s: { Enabled?: boolean; PreferredMfa?: boolean } | undefined) => {
      if (!s) return;
      if (s.Enabled && !allowed) throw new InvalidUserPoolConfigurationException(`${method} is not enabled for this user pool.`);
      if (s.Enabled) enabled.add(method); else enabled.delete(method);
      if (s.Enabled && s.PreferredMfa) preferred = method;
      else if (preferred === method && (!s.Enabled || s.PreferredMfa === false)) preferred = undefined;
    };
    apply('SOFTWARE_TOKEN_MFA', pool.mfa.totp, input.SoftwareTokenMfaSettings);
    apply('SMS_MFA', pool.mfa.sms, input.SMSMfaSettings);
    apply('EMAIL_OTP', pool.mfa.email, input.EmailMfaSettings);
    if (enabled.has('SOFTWARE_TOKEN_MFA') && !user.totpSealed) throw new InvalidParameterException('User has not verified software token mfa');
    if (enabled.has('SMS_MFA') && !user.attributes.phone_number) throw new InvalidParameterException('User does not have a phone number.');
    if (enabled.has('EMAIL_OTP') && !user.attributes.email) throw new InvalidParameterException('User does not have an email address.');
    d.pools.updateUser({ ...user, mfa: { enabled: [...enabled], ...(preferred ? { preferred } : {}) } });
    return {};
  };
