// One typed configuration, read once at start from environment variables, each overridable by the
// matching command-line flag (PORT / --port, DATABASE_URL / --database-url, …).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/database.js";

export const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8080),
  host: z.string().min(1).default("127.0.0.1"),
  databaseUrl: z.string().min(1).default(DEFAULT_DATABASE_URL),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  sessionHours: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  loginMaxFailures: z.coerce.number().int().positive().default(5),
  loginWindowMinutes: z.coerce.number().int().positive().default(15),
  loginPerMinutePerAddress: z.coerce.number().int().positive().default(30),
  cookieSecure: z.enum(["auto", "always", "never"]).default("auto"),
  bodyLimitBytes: z.coerce.number().int().positive().default(1_048_576),
  /** Keys the stored hashes of requests that carry a password; see withServerSecret. */
  serverSecret: z.string().min(32).optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Each setting, its environment variable and its flag: the README's table is this list. */
export const SETTINGS: ReadonlyArray<{ key: keyof Config; env: string; flag: string; help: string }> = [
  { key: "port", env: "PORT", flag: "--port", help: "HTTP port (default 8080)" },
  { key: "host", env: "HOST", flag: "--host", help: "address to listen on (default 127.0.0.1)" },
  {
    key: "databaseUrl",
    env: "DATABASE_URL",
    flag: "--database-url",
    help: `sqlite:<file> or postgres://… (default ${DEFAULT_DATABASE_URL})`,
  },
  {
    key: "logLevel",
    env: "LOG_LEVEL",
    flag: "--log-level",
    help: "fatal|error|warn|info|debug|trace|silent (default info)",
  },
  {
    key: "sessionHours",
    env: "SESSION_HOURS",
    flag: "--session-hours",
    help: "hours a log-in session lasts (default 12)",
  },
  {
    key: "loginMaxFailures",
    env: "LOGIN_MAX_FAILURES",
    flag: "--login-max-failures",
    help: "failed log-ins per account before a pause (default 5)",
  },
  {
    key: "loginWindowMinutes",
    env: "LOGIN_WINDOW_MINUTES",
    flag: "--login-window-minutes",
    help: "the pause and counting window in minutes (default 15)",
  },
  {
    key: "loginPerMinutePerAddress",
    env: "LOGIN_PER_MINUTE_PER_ADDRESS",
    flag: "--login-per-minute-per-address",
    help: "log-in attempts per minute from one address (default 30)",
  },
  {
    key: "cookieSecure",
    env: "COOKIE_SECURE",
    flag: "--cookie-secure",
    help: "auto (when served over HTTPS) | always | never",
  },
  {
    key: "bodyLimitBytes",
    env: "BODY_LIMIT_BYTES",
    flag: "--body-limit-bytes",
    help: "largest request body accepted (default 1 MiB)",
  },
  {
    key: "serverSecret",
    env: "SERVER_SECRET",
    flag: "--server-secret",
    help: "at least 32 characters keying stored request hashes (default: generated into qadam.secret beside the database)",
  },
];

/** Flags win over environment variables; anything unset takes its default. */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  flags: Partial<Record<keyof Config, string | number | boolean | undefined>> = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const fromFlag = flags[s.key];
    const value = fromFlag !== undefined ? fromFlag : env[s.env];
    if (value !== undefined && value !== "") raw[s.key] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const setting = SETTINGS.find((s) => s.key === i.path[0]);
      return `${setting ? `${setting.env} / ${setting.flag}` : i.path.join(".")}: ${i.message}`;
    });
    throw new Error(`invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}

/** Where a generated server secret is kept: beside a SQLite file, else in ./data (never in the database). */
export function serverSecretFile(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith("sqlite:")) return join("data", "qadam.secret");
  const file = databaseUrl.slice("sqlite:".length);
  return file === ":memory:" || file === "" ? null : join(dirname(file), "qadam.secret");
}

/**
 * The configuration with its server secret: the configured one, else the one generated on a first
 * start and kept in a file only the server's user can read, outside the database (so that a copy of
 * the database alone reveals nothing keyed with it). An in-memory database gets a fresh one.
 */
export async function withServerSecret(config: Config): Promise<Config> {
  if (config.serverSecret) return config;
  const file = serverSecretFile(config.databaseUrl);
  const fresh = randomBytes(32).toString("base64url");
  if (file === null) return { ...config, serverSecret: fresh };
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, `${fresh}\n`, { flag: "wx", mode: 0o600 });
    return { ...config, serverSecret: fresh };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const stored = (await readFile(file, "utf8")).trim();
  if (stored.length < 32) throw new Error(`${file} does not hold a server secret of at least 32 characters`);
  return { ...config, serverSecret: stored };
}
