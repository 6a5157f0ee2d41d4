/**
 * JSON-lines logger. Callers choose the fields; the request log decides which ones may appear (never IP
 * addresses, user agents, query strings or bodies), so nothing here adds any on its own.
 */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type MessageLevel = Exclude<LogLevel, 'silent'>;

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  readonly level: LogLevel;
  enabled(level: MessageLevel): boolean;
  error(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
}

export type LogSink = (line: string) => void;

const writeToStdout: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

export function parseLogLevel(value: string | undefined, fallback: LogLevel = 'info'): LogLevel {
  if (value === undefined || value === '') return fallback;
  const normalised = value.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(normalised)) return normalised as LogLevel;
  throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${value}"`);
}

export function createLogger(level: LogLevel, sink: LogSink = writeToStdout): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const enabled = (messageLevel: MessageLevel) => threshold >= LOG_LEVELS.indexOf(messageLevel);
  const write = (messageLevel: MessageLevel, msg: string, fields?: LogFields) => {
    if (!enabled(messageLevel)) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: messageLevel, msg, ...fields }));
  };
  return {
    level,
    enabled,
    error: (msg, fields) => write('error', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    debug: (msg, fields) => write('debug', msg, fields),
  };
}
