import type { DescribeUserPoolCommandInput, DescribeUserPoolCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolById } from '../users.js';
import { STANDARD_ATTRIBUTES } from '../attributes.js';

export type DescribeUserPoolOperation = Operation<DescribeUserPoolCommandInput, WireOutput<DescribeUserPoolCommandOutput>>;

export const DescribeUserPool = (d: Pick<CognitoServices, 'pools'>): DescribeUserPoolOperation =>
  async (ctx, input) => {
    const pool = poolById(d.pools, input.UserPoolId);
    const p = pool.passwordPolicy;
    return {
      UserPool: {
        Id: pool.userPoolId, Name: pool.userPoolId, Arn: `arn:aws:cognito-idp:${pool.region}:${ctx.accountId}:userpool/${pool.userPoolId}`,
        Status: 'Enabled',
        Policies: { PasswordPolicy: { MinimumLength: p.minLength, RequireLowercase: p.requireLowercase, RequireUppercase: p.requireUppercase, RequireNumbers: p.requireNumbers, RequireSymbols: p.requireSymbols, TemporaryPasswordValidityDays: 7 } },
        UsernameAttributes: pool.usernameAttributes,
        AutoVerifiedAttributes: pool.userVerification === 'email' ? ['email'] : pool.userVerification === 'phone' ? ['phone_number'] : [],
        MfaConfiguration: pool.mfa.mode === 'OFF' ? 'OFF' : pool.mfa.mode === 'REQUIRED' ? 'ON' : 'OPTIONAL',
        SchemaAttributes: [
          ...[...STANDARD_ATTRIBUTES].map((n) => ({ Name: n, AttributeDataType: n.endsWith('_verified') ? 'Boolean' as const : 'String' as const, Mutable: true, Required: pool.requiredAttributes.includes(n) })),
          ...pool.customAttributes.map((n) => ({ Name: n, AttributeDataType: 'String' as const, Mutable: true, Required: false })),
        ],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: !pool.selfSignUp },
        UserPoolTier: 'ESSENTIALS',
      },
    };
  };
