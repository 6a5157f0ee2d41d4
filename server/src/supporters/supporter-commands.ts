import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { readCampusConfig } from '../campus-config/campus-config-repository.ts';
import type { Database } from '../db/database.ts';
import { todayIn } from '../hours/time-zones.ts';
import type { ScryptCost } from './passwords.ts';
import {
  addSupporter,
  listShifts,
  listSupporters,
  requireSupporter,
  setDisabled,
  setPassword,
  setRoles,
  setShifts,
  setTraining,
  type DayOfWeek,
  type PeerChannel,
  type Shift,
  type SupporterRole,
} from './supporter-repository.ts';
import { trainingIsCurrent } from './training.ts';

/** How to use `npm run supporters -w server -- …`, printed for `help` and after a mistake. */
export const USAGE = `Supporter accounts, training and shifts (on the database the server uses: DATABASE_URL, else DATA_DIR).

  add <login> --name <display name> [--role supporter|supervisor|admin]… [--password-stdin]
      Adds an account (role supporter unless given). Prints a new random password, or reads one from stdin.
  password <login> [--password-stdin]
      Sets a new password (printed, or read from stdin) and ends the account's sessions.
  train <login> --completed YYYY-MM-DD [--expires YYYY-MM-DD]
      Records completed training; it counts until the day before it expires (default: a year after completion).
  train <login> --clear
      Removes the training record: the account can no longer claim requests.
  shift <login> <day> <HH:MM-HH:MM>… [--channels chat,call,video,in-person]
      Replaces the weekly shifts, on the campus's clock, e.g. "mon 18:00-23:00 fri 20:00-02:00" (a shift may run
      past midnight; 24:00 is the end of the day). Channels default to chat.
  shift <login> --none
      Removes every shift.
  roles <login> <role>[,<role>…]
  disable <login> | enable <login>
      A disabled account cannot sign in, and its sessions end at once.
  list
      Every account with its roles, training and shifts.`;

export class UsageError extends Error {}

const DAYS: readonly DayOfWeek[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ROLES: readonly SupporterRole[] = ['supporter', 'supervisor', 'admin'];
const CHANNELS: readonly PeerChannel[] = ['chat', 'call', 'video', 'in-person'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RANGE = /^((?:[01]\d|2[0-3]):[0-5]\d)-((?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

export interface CommandContext {
  db: Database;
  /** A password from stdin, for --password-stdin. */
  readPassword: () => Promise<string>;
  /** scrypt cost for new hashes (tests lower it). */
  cost?: ScryptCost;
  now?: Date;
}

function isDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The same calendar day a year later (29 February gives 1 March). */
function aYearAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
}

function parseRoles(values: readonly string[]): SupporterRole[] {
  const roles = values.flatMap((value) => value.split(',')).map((role) => role.trim());
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`unknown role "${role}" (${ROLES.join(', ')})`);
  }
  if (roles.length === 0) throw new UsageError('give at least one role');
  return roles as SupporterRole[];
}

/** "mon 18:00-23:00 fri 20:00-02:00" as shifts, each with the given channels. */
export function parseShifts(words: readonly string[], channels: readonly PeerChannel[]): Shift[] {
  if (words.length === 0 || words.length % 2 !== 0) {
    throw new UsageError('give shifts as pairs of a day and a time range, e.g. "mon 18:00-23:00"');
  }
  const shifts: Shift[] = [];
  for (let index = 0; index < words.length; index += 2) {
    const day = words[index]!.toLowerCase();
    const range = RANGE.exec(words[index + 1]!);
    if (!(DAYS as readonly string[]).includes(day))
      throw new UsageError(`"${words[index]}" is not a day (${DAYS.join(' ')})`);
    if (!range || range[1] === range[2]) {
      throw new UsageError(`"${words[index + 1]}" is not a time range such as 18:00-23:00`);
    }
    shifts.push({ day: day as DayOfWeek, opens: range[1]!, closes: range[2]!, channels: [...channels] });
  }
  return shifts;
}

function parseChannels(value: string | undefined): PeerChannel[] {
  const channels = (value ?? 'chat').split(',').map((channel) => channel.trim());
  for (const channel of channels) {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw new UsageError(`unknown channel "${channel}" (${CHANNELS.join(', ')})`);
    }
  }
  return [...new Set(channels)] as PeerChannel[];
}

/** A random password to hand over once: 20 base64url characters (120 bits). */
const newPassword = () => randomBytes(15).toString('base64url');

async function passwordFor(values: { 'password-stdin'?: boolean }, context: CommandContext) {
  if (!values['password-stdin']) return { password: newPassword(), generated: true };
  const password = (await context.readPassword()).replace(/\r?\n$/, '');
  if (password.length < 12) throw new UsageError('a password must have at least 12 characters');
  if (password.length > 256) throw new UsageError('a password may have at most 256 characters');
  return { password, generated: false };
}

function login(positionals: readonly string[]): string {
  const value = positionals[1];
  if (!value) throw new UsageError('name the account: its login');
  return value;
}

/**
 * Runs one command and returns what to print. Throws UsageError for a mistake in the command line, and Error for a
 * refusal (an unknown login, a login taken).
 */
export async function runSupporterCommand(args: readonly string[], context: CommandContext): Promise<string> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean' },
      completed: { type: 'string' },
      expires: { type: 'string' },
      clear: { type: 'boolean' },
      channels: { type: 'string' },
      none: { type: 'boolean' },
    },
  });
  const { db } = context;
  switch (positionals[0]) {
    case 'add': {
      if (!values.name?.trim()) throw new UsageError('give the name supporters and students see: --name "Alex"');
      if (values.name.trim().length > 60) throw new UsageError('a display name may have at most 60 characters');
      const roles = parseRoles(values.role ?? ['supporter']);
      const { password, generated } = await passwordFor(values, context);
      const added = await addSupporter(
        db,
        { login: login(positionals), displayName: values.name.trim(), password, roles },
        context.cost,
      );
      return [
        `Added ${added.login} (${added.displayName}; ${added.roles.join(', ')}).`,
        ...(generated ? [`Password (shown once): ${password}`] : []),
        'Record their training before they can claim requests: train <login> --completed YYYY-MM-DD',
      ].join('\n');
    }
    case 'password': {
      const supporter = await requireSupporter(db, login(positionals));
      const { password, generated } = await passwordFor(values, context);
      await setPassword(db, supporter.id, password, context.cost);
      return `New password for ${supporter.login}${generated ? ` (shown once): ${password}` : '.'} Their sessions have ended.`;
    }
    case 'train': {
      const supporter = await requireSupporter(db, login(positionals));
      if (values.clear) {
        await setTraining(db, supporter.id, { completedOn: null, expiresOn: null });
        return `Training record removed for ${supporter.login}: they cannot claim requests.`;
      }
      const completed = values.completed;
      if (!completed || !isDate(completed)) throw new UsageError('give the completion date: --completed YYYY-MM-DD');
      const expires = values.expires ?? aYearAfter(completed);
      if (!isDate(expires) || expires <= completed) {
        throw new UsageError('--expires must be a date (YYYY-MM-DD) after --completed');
      }
      await setTraining(db, supporter.id, { completedOn: completed, expiresOn: expires });
      const today = todayIn((await readCampusConfig(db)).timeZone, context.now);
      const current = trainingIsCurrent({ completedOn: completed, expiresOn: expires }, today);
      return (
        `Training recorded for ${supporter.login}: completed ${completed}, counts until the day before ${expires}. ` +
        (current ? 'They can claim requests.' : 'It does not count today, so they cannot claim requests yet.')
      );
    }
    case 'shift': {
      const supporter = await requireSupporter(db, login(positionals));
      const shifts = values.none ? [] : parseShifts(positionals.slice(2), parseChannels(values.channels));
      await db.transaction((tx) => setShifts(tx, supporter.id, shifts));
      return shifts.length === 0
        ? `${supporter.login} has no shifts now.`
        : `${supporter.login} is on shift ${shifts.map(describeShift).join(', ')} (campus time).`;
    }
    case 'roles': {
      const supporter = await requireSupporter(db, login(positionals));
      const roles = parseRoles(positionals.slice(2));
      await setRoles(db, supporter.id, roles);
      return `${supporter.login} now has the roles ${[...new Set(roles)].join(', ')}.`;
    }
    case 'disable':
    case 'enable': {
      const supporter = await requireSupporter(db, login(positionals));
      await setDisabled(db, supporter.id, positionals[0] === 'disable');
      return positionals[0] === 'disable'
        ? `${supporter.login} is disabled and signed out everywhere.`
        : `${supporter.login} can sign in again.`;
    }
    case 'list': {
      const today = todayIn((await readCampusConfig(db)).timeZone, context.now);
      const lines: string[] = [];
      for (const supporter of await listSupporters(db)) {
        const { training } = supporter;
        const trained = training.completedOn
          ? `trained ${training.completedOn} until ${training.expiresOn}${trainingIsCurrent(training, today) ? '' : ' (not current)'}`
          : 'no training recorded';
        const shifts = (await listShifts(db, supporter.id)).map(describeShift).join(', ') || 'no shifts';
        const state = supporter.disabled ? '; disabled' : '';
        lines.push(
          `${supporter.login} (${supporter.displayName}; ${supporter.roles.join(', ')}${state}): ${trained}; ${shifts}`,
        );
      }
      return lines.length > 0 ? lines.join('\n') : 'No supporters yet: add one with add <login> --name <name>.';
    }
    case undefined:
    case 'help':
      return USAGE;
    default:
      throw new UsageError(`unknown command "${positionals[0]}"`);
  }
}

function describeShift(shift: Shift): string {
  return `${shift.day} ${shift.opens}-${shift.closes} (${shift.channels.join(', ')})`;
}
