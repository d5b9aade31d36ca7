import type { RespondToAuthChallengeCommandInput, RespondToAuthChallengeCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import type { Operation, WireOutput } from '../../http/operation.js';
import type { CognitoServices } from '../services.js';
import { poolByClient } from '../users.js';
import { verifySrp } from '../auth/passwordFlows.js';
import { codeAnswer, mfaSetup, newPasswordRequired, selectMfa, totpAnswer } from '../auth/challengeResponses.js';
import { selectChallenge } from '../auth/userAuthFlow.js';
import { InvalidParameterException, missing } from '../errors.js';

export type RespondToAuthChallengeOperation = Operation<RespondToAuthChallengeCommandInput, WireOutput<RespondToAuthChallengeCommandOutput>>;

export const RespondToAuthChallenge = (d: Pick<CognitoServices, 'pools' | 'clock' | 'box' | 'outbox' | 'signingKey'>): RespondToAuthChallengeOperation =>
  async (_ctx, input) => {
    const pool = poolByClient(d.pools, input.ClientId);
    const r = (input.ChallengeResponses ?? {}) as Record<string, string>;
    switch (input.ChallengeName) {
      case 'PASSWORD_VERIFIER':
        return verifySrp(d, pool, r);
      case 'NEW_PASSWORD_REQUIRED':
        return newPasswordRequired(d, pool, r, input.Session);
      case 'SOFTWARE_TOKEN_MFA':
        return totpAnswer(d, pool, r, input.Session);
      case 'SMS_MFA':
      case 'EMAIL_OTP':
        return codeAnswer(d, pool, input.ChallengeName, r, input.Session);
      case 'SELECT_MFA_TYPE':
        return selectMfa(d, pool, r, input.Session);
      case 'MFA_SETUP':
        return mfaSetup(d, pool, r, input.Session);
      case 'SELECT_CHALLENGE':
        return selectChallenge(d, pool, r, input.Session);
      case undefined:
        throw missing('challengeName');
      default:
        throw new InvalidParameterException(`Sandlot does not support the challenge ${input.ChallengeName}.`);
    }
  };
