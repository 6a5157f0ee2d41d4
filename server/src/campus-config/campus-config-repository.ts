import type { Queryable } from '../db/database.ts';
import type { CampusConfig, WeeklyHours } from './campus-config.ts';

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
  return config;
}

/** The campus_config table always holds exactly one row (migration 001 inserts it). */
export async function readCampusConfig(db: Queryable): Promise<CampusConfig> {
  const [row] = await db.query<CampusConfigRow>('SELECT * FROM campus_config WHERE id = 1');
  if (!row) throw new Error('campus_config has no row; migration 001 should have created it');
  return toCampusConfig(row);
}

export async function writeCampusConfig(db: Queryable, config: CampusConfig): Promise<void> {
  await db.query(
    `UPDATE campus_config SET
       campus_name = $1, time_zone = $2, default_locale = $3, locales = $4, country = $5, region = $6,
       feature_check_in = $7, feature_groups = $8, feature_peer_requests = $9, feature_crisis_resources = $10,
       peer_support_hours = $11::jsonb, privacy_notice_url = $12, counselling_url = $13, retention_days = $14,
       updated_at = now()
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
    ],
  );
}
