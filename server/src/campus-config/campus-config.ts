/** The campus settings the widgets read from GET /config (shape fixed by the contract's CampusConfig). */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface WeeklyHours {
  timeZone: string;
  alwaysOpen: boolean;
  weekly: Array<{ day: Weekday; opens: string; closes: string }>;
}

export interface CampusConfig {
  campusName: string;
  timeZone: string;
  defaultLocale: string;
  locales: string[];
  country: string;
  region?: string;
  features: { checkIn: boolean; groups: boolean; peerRequests: boolean; crisisResources: boolean };
  peerSupportHours: WeeklyHours;
  privacyNoticeUrl?: string;
  counsellingUrl?: string;
  retentionDays: number;
}
