import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIP } from 'node:net';

/**
 * AppSync's AWS scalars with AppSync's validation (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html).
 * Values travel as strings (AWSTimestamp as an integer); AWSJSON is stored parsed and returned as a JSON string.
 */
const DATE = /^\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2}(:\d{2})?)?$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{3,}$/;

const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(s.slice(0, 10)));
const validDateTime = (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
const validUrl = (s: string) => {
  try {
    return /^[a-z][a-z0-9+.-]*:/i.test(s) && Boolean(new URL(s));
  } catch {
    return false;
  }
};
const validIp = (s: string) => {
  const [addr, mask, extra] = s.split('/');
  if (extra !== undefined || !addr) return false;
  const v = isIP(addr);
  if (!v) return false;
  return mask === undefined || (/^\d+$/.test(mask) && Number(mask) <= (v === 4 ? 32 : 128));
};

function stringScalar(name: string, valid: (s: string) => boolean, description: string): GraphQLScalarType {
  const check = (v: unknown): string => {
    if (typeof v !== 'string' || !valid(v)) throw new GraphQLError(`Invalid ${name} value ${JSON.stringify(v)}: ${description}`);
    return v;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (v) => v,
    parseValue: check,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`Invalid ${name} literal: ${description}`);
      return check(ast.value);
    },
  });
}

const AWSJSON = new GraphQLScalarType({
  name: 'AWSJSON',
  description: 'A JSON document, sent as a string.',
  serialize: (v) => (typeof v === 'string' ? v : JSON.stringify(v)),
  parseValue: (v) => {
    if (typeof v !== 'string') return v; // AppSync also accepts an inline JSON value in variables
    try {
      return JSON.parse(v);
    } catch {
      throw new GraphQLError(`Invalid AWSJSON value ${JSON.stringify(v)}: not a JSON document`);
    }
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Invalid AWSJSON literal: must be a string holding JSON');
    try {
      return JSON.parse(ast.value);
    } catch {
      throw new GraphQLError(`Invalid AWSJSON value ${JSON.stringify(ast.value)}: not a JSON document`);
    }
  },
});

const AWSTimestamp = new GraphQLScalarType({
  name: 'AWSTimestamp',
  description: 'Seconds since the epoch.',
  serialize: (v) => v,
  parseValue: (v) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new GraphQLError(`Invalid AWSTimestamp value ${JSON.stringify(v)}: an integer number of seconds`);
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Invalid AWSTimestamp literal: an integer number of seconds');
    return parseInt(ast.value, 10);
  },
});

export const AWS_SCALARS: Record<string, GraphQLScalarType> = {
  AWSDate: stringScalar('AWSDate', validDate, 'an extended ISO 8601 date, YYYY-MM-DD, optionally with a time zone offset'),
  AWSTime: stringScalar('AWSTime', (s) => TIME.test(s), 'an extended ISO 8601 time, hh:mm[:ss[.sss]], optionally with a time zone offset'),
  AWSDateTime: stringScalar('AWSDateTime', validDateTime, 'an extended ISO 8601 date and time with a time zone offset, YYYY-MM-DDThh:mm:ss.sssZ'),
  AWSTimestamp,
  AWSEmail: stringScalar('AWSEmail', (s) => EMAIL.test(s), 'an e-mail address, local-part@domain'),
  AWSJSON,
  AWSURL: stringScalar('AWSURL', validUrl, 'a URL with a scheme, e.g. https://example.com/x'),
  AWSPhone: stringScalar('AWSPhone', (s) => PHONE.test(s) && (s.match(/\d/g)?.length ?? 0) >= 3, 'a phone number (digits, spaces, hyphens, parentheses, optional +country code)'),
  AWSIPAddress: stringScalar('AWSIPAddress', validIp, 'an IPv4 or IPv6 address, optionally with a CIDR prefix'),
};

/** True when a stored value still fits a scalar (used when migrating rows to a new schema). */
export function fitsScalar(type: string, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (type) {
    case 'ID':
    case 'String':
      return typeof value === 'string';
    case 'Int':
    case 'AWSTimestamp':
      return Number.isInteger(value);
    case 'Float':
      return typeof value === 'number';
    case 'Boolean':
      return typeof value === 'boolean';
    case 'AWSJSON':
      return true;
  }
  const s = AWS_SCALARS[type];
  if (!s) return true;
  try {
    s.parseValue(value);
    return true;
  } catch {
    return false;
  }
}
