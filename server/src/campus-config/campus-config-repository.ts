import type { CampusConfig, CheckInSettings, WeeklyHours } from '../contract/api-types.ts';
import type { Queryable } from '../db/database.ts';
import { ExpiringValue } from '../cache/expiring-value.ts';
import { thresholdsErrors } from '../check-ins/thresholds.ts';
import { campusConfigErrors } from './campus-config-rules.ts';

/** GET /config is public and slow-changing: shared caches may keep it this long (the contract says a few minutes). */
export const CAMPUS_CONFIG_MAX_AGE_SECONDS = 300;

interface CampusConfigRow {
  [column: string]: unknown;
  campus_name: string;
  time_zone: string;
  default_locale: string;
  locales: string[];
  country: string;
  region: string | null;
  feature_check_in: boolean;
  feature_groups: boolean;
  feature_peer_requests: boolean;
  feature_crisis_resources: boolean;
  peer_support_hours: WeeklyHours;
  privacy_notice_url: string | null;
  counselling_url: string | null;
  retention_days: number;
  check_in_settings: CheckInSettings | null;
}

function toCampusConfig(row: CampusConfigRow): CampusConfig {
  const config: CampusConfig = {
    campusName: row.campus_name,
    timeZone: row.time_zone,
    defaultLocale: row.default_locale,
    locales: row.locales,
    country: row.country,
    features: {
      checkIn: row.feature_check_in,
      groups: row.feature_groups,
      peerRequests: row.feature_peer_requests,
      crisisResources: row.feature_crisis_resources,
    },
    peerSupportHours: row.peer_support_hours,
    retentionDays: row.retention_days,
  };
  // Optional fields are left out rather than sent as null: the contract types them as plain strings.
  if (row.region) config.region = row.region;
  if (row.privacy_notice_url) config.privacyNoticeUrl = row.privacy_notice_url;
  if (row.counselling_url) config.counsellingUrl = row.counselling_url;
  if (row.check_in_settings) config.checkIn = checkInSettingsAsServed(row.check_in_settings);
  return config;
}

/**
 * Writes check the band cut-offs; a set edited into the database by hand that breaks them is left out whole, so
 * GET /config and the suggestions of POST /check-ins both fall back to the same defaults instead of disagreeing.
 */
function checkInSettingsAsServed(settings: CheckInSettings): CheckInSettings {
  if (settings.thresholds === undefined || thresholdsErrors(settings.thresholds, '').length === 0) return settings;
  const { thresholds: _ignored, ...rest } = settings;
  return rest;
}

/** The campus_config table always holds exactly one row (migration 001 inserts it). */
export async function readCampusConfig(db: Queryable): Promise<CampusConfig> {
  const [row] = await db.query<CampusConfigRow>('SELECT * FROM campus_config WHERE id = 1');
  if (!row) throw new Error('campus_config has no row; migration 001 should have created it');
  return toCampusConfig(row);
}

/**
 * The configuration kept in memory for as long as a shared cache may keep GET /config, for the public crisis list
 * (which needs the campus place and the feature switch on every request and must not pay a query for them).
 * A change made by another instance or by hand in the database shows within that time.
 */
export function cachedCampusConfig(db: Queryable, now?: () => number): ExpiringValue<CampusConfig> {
  return new ExpiringValue(() => readCampusConfig(db), CAMPUS_CONFIG_MAX_AGE_SECONDS * 1000, now);
}

/** Replaces the campus settings; a configuration that breaks the rules (say, hours in an unknown zone) is refused. */
export async function writeCampusConfig(db: Queryable, config: CampusConfig): Promise<void> {
  const errors = campusConfigErrors(config);
  if (errors.length > 0) {
    throw new Error(
      `Invalid campus configuration: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}`,
    );
  }
  await db.query(
    `UPDATE campus_config SET
       campus_name = $1, time_zone = $2, default_locale = $3, locales = $4, country = $5, region = $6,
       feature_check_in = $7, feature_groups = $8, feature_peer_requests = $9, feature_crisis_resources = $10,
       peer_support_hours = $11::jsonb, privacy_notice_url = $12, counselling_url = $13, retention_days = $14,
       check_in_settings = $15::jsonb, updated_at = now()
     WHERE id = 1`,
    [
      config.campusName,
      config.timeZone,
      config.defaultLocale,
      config.locales,
      config.country,
      config.region ?? null,
      config.features.checkIn,
      config.features.groups,
      config.features.peerRequests,
      config.features.crisisResources,
      JSON.stringify(config.peerSupportHours),
      config.privacyNoticeUrl ?? null,
      config.counsellingUrl ?? null,
      config.retentionDays,
      config.checkIn ? JSON.stringify(config.checkIn) : null,
    ],
  );
}
