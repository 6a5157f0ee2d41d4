import type { AdminGroup, Group, GroupSummary, Occurrence, StoredGroup } from './group-types.ts';

/** A group's row as the repository reads it, with what the views need beyond the record. */
export interface GroupState {
  id: string;
  record: StoredGroup;
  registeredCount: number;
  waitlistedCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A session still to come, as the views show it (from group_sessions). */
export interface UpcomingSession {
  startsAt: Date;
  endsAt: Date;
  startLocal: string;
  cancelled: boolean;
}

/** The contract's nextOccurrences: up to five sessions still to come, cancelled ones flagged and kept. */
export const SHOWN_OCCURRENCES = 5;

function occurrences(upcoming: readonly UpcomingSession[]): Occurrence[] {
  return upcoming.slice(0, SHOWN_OCCURRENCES).map((session) => ({
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    ...(session.cancelled ? { cancelled: true } : {}),
  }));
}

/**
 * `open`, `waitlist` or `closed` as the contract defines them. A group with no session left that will happen is
 * closed: nobody can join what has ended.
 */
export function registrationStatus(
  group: GroupState,
  upcoming: readonly UpcomingSession[],
): GroupSummary['registrationStatus'] {
  const { record } = group;
  if (!record.registrationOpen || !upcoming.some((session) => !session.cancelled)) return 'closed';
  if (record.capacity === null || group.registeredCount < record.capacity) return 'open';
  return record.waitlistEnabled ? 'waitlist' : 'closed';
}

/**
 * A group as the finder lists it. A sensitive group's location is left out (only its area hint is shown): the
 * room or link is given only to a student whose registration gives them a place.
 */
export function groupSummary(group: GroupState, upcoming: readonly UpcomingSession[]): GroupSummary {
  const { record } = group;
  const summary: GroupSummary = {
    id: group.id,
    name: record.name,
    ...(record.discreetName !== undefined ? { discreetName: record.discreetName } : {}),
    summary: record.summary,
    topics: record.topics,
    audiences: record.audiences,
    format: record.format,
    languages: record.languages,
    facilitator: record.facilitator,
    dropIn: record.dropIn,
    accessibility: record.accessibility,
    schedule: record.schedule,
    nextOccurrences: occurrences(upcoming),
    capacity: record.capacity,
    spotsLeft: record.capacity === null ? null : Math.max(0, record.capacity - group.registeredCount),
    waitlistEnabled: record.waitlistEnabled,
    registrationStatus: registrationStatus(group, upcoming),
    locationHidden: record.sensitive,
    ...(record.areaHint !== undefined ? { areaHint: record.areaHint } : {}),
  };
  if (!record.sensitive) summary.location = record.location;
  return summary;
}

/** A group's details: the summary (location hidden alike) and what to expect. Attendance is never recorded here. */
export function groupDetails(group: GroupState, upcoming: readonly UpcomingSession[]): Group {
  const { record } = group;
  return {
    ...groupSummary(group, upcoming),
    description: record.description,
    agreements: record.agreements,
    firstSessionInfo: record.firstSessionInfo,
    attendanceRecorded: false,
    ...(record.accessibilityNote !== undefined ? { accessibilityNote: record.accessibilityNote } : {}),
    ...(record.organiserEmail !== undefined ? { organiserEmail: record.organiserEmail } : {}),
  };
}

/**
 * A group as staff see it: always with its location, and with counts. `cancelledToCome` are the local starts of
 * the sessions they cancelled that are still to come (cancelledSessionsToCome).
 */
export function adminGroup(
  group: GroupState,
  upcoming: readonly UpcomingSession[],
  cancelledToCome: readonly string[],
): AdminGroup {
  const { record } = group;
  return {
    ...groupDetails(group, upcoming),
    location: record.location,
    sensitive: record.sensitive,
    registrationOpen: record.registrationOpen,
    cancelledSessions: [...cancelledToCome],
    registeredCount: group.registeredCount,
    waitlistCount: group.waitlistedCount,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}
