import proxyAddr from 'proxy-addr';
import { z } from 'zod';

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Load the real programs on the first start of an empty database (set to false for a bare system).
  SEED_ON_EMPTY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  // Unset: http://localhost:<the port served> (see withPublicUrl), so links in e-mail reach this server.
  PUBLIC_URL: z.url().optional().describe('Base of the links in e-mails.'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Orbitshare <no-reply@orbitshare.local>'),
  VALIDATE_RESPONSES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  // Whose X-Forwarded-For/-Proto to believe: off, a hop count, or the proxies' addresses/ranges.
  TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  // Concurrent password hashes (argon2) and how many may wait; past both, sign-ins answer 429.
  PASSWORD_HASHING_CONCURRENCY: z.coerce.number().int().min(0).max(1024).optional(),
  PASSWORD_HASHING_QUEUE: z.coerce.number().int().min(0).max(100_000).optional(),
  // How long a client may take (0 turns a limit off): a slow or stalled client cannot hold sockets.
  CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(120_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).default(72_000),
});

/**
 * Off (the default): the client is the socket's peer and forwarded headers are ignored. A number:
 * that many proxies in front, counted from the server. Otherwise a comma-separated list of the
 * proxies' addresses or CIDR ranges (or proxy-addr's names: loopback, linklocal, uniquelocal).
 */
export type TrustProxy = false | number | string[];

function parseTrustProxy(value: string, ctx: z.core.$RefinementCtx<string>): TrustProxy {
  const text = value.trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'true') {
    ctx.addIssue({
      code: 'custom',
      message: 'TRUST_PROXY=true would believe any client; give the number of proxies or their addresses',
    });
    return false;
  }
  const ranges = text.split(',').map((part) => part.trim());
  try {
    proxyAddr.compile(ranges);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `TRUST_PROXY: ${(error as Error).message}` });
  }
  return ranges;
}

/** PUBLIC_URL, when unset, follows PORT (PORT=0: the port actually bound, set by the server once listening). */
const withPublicUrl = <T extends { PORT: number; PUBLIC_URL?: string }>(c: T) => ({
  ...c,
  PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
  PUBLIC_URL_DEFAULTED: c.PUBLIC_URL === undefined,
});

export type Config = ReturnType<typeof withPublicUrl<z.infer<typeof Config>>>;

/** Parses the environment once; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return withPublicUrl(parsed.data);
}
