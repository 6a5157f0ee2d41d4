/**
 * A guess at the viewer's country (ISO 3166-1 alpha-2) from what the browser already tells every page: its language
 * tags and its time zone. No geolocation prompt and no IP lookup. It is only a hint: the page's configuration comes
 * first and the student can always pick another region.
 */
export interface RegionHintSources {
  /** BCP 47 tags in the viewer's order of preference, as in `navigator.languages`. */
  languages: readonly string[];
  /** An IANA time zone, as in `Intl.DateTimeFormat().resolvedOptions().timeZone`. */
  timeZone?: string;
}

/**
 * Time zone → country for the zones students' browsers commonly report, grouped by area (the part before the first
 * "/"), each country listing the rest of its zone names. Older names that browsers still report ("Asia/Calcutta",
 * "Europe/Kiev", "America/Buenos_Aires") sit next to the current ones. A zone listed under more than one country is
 * shared by them: the first listed is the guess, unless a language tag names one of the others.
 */
const ZONES: Record<string, Record<string, string>> = {
  America: {
    US:
      'New_York Detroit Chicago Denver Phoenix Los_Angeles Anchorage Juneau Sitka Metlakatla Yakutat Nome Adak ' +
      'Boise Menominee Indianapolis Louisville Fort_Wayne Knox_IN Atka Kentucky/Louisville Kentucky/Monticello ' +
      'Indiana/Indianapolis Indiana/Vincennes Indiana/Winamac Indiana/Marengo Indiana/Petersburg Indiana/Vevay ' +
      'Indiana/Tell_City Indiana/Knox North_Dakota/Center North_Dakota/New_Salem North_Dakota/Beulah',
    CA:
      'St_Johns Halifax Glace_Bay Moncton Goose_Bay Toronto Montreal Nipigon Thunder_Bay Iqaluit Pangnirtung ' +
      'Atikokan Coral_Harbour Winnipeg Rainy_River Resolute Rankin_Inlet Regina Swift_Current Edmonton ' +
      'Cambridge_Bay Yellowknife Inuvik Creston Dawson_Creek Fort_Nelson Whitehorse Dawson Vancouver Blanc-Sablon',
    MX:
      'Mexico_City Cancun Merida Monterrey Matamoros Chihuahua Ciudad_Juarez Ojinaga Mazatlan Bahia_Banderas ' +
      'Hermosillo Tijuana',
    BR:
      'Sao_Paulo Bahia Fortaleza Recife Belem Maceio Araguaina Manaus Cuiaba Campo_Grande Porto_Velho Boa_Vista ' +
      'Rio_Branco Eirunepe Santarem Noronha',
    AR:
      'Buenos_Aires Cordoba Mendoza Argentina/Buenos_Aires Argentina/Cordoba Argentina/Mendoza Argentina/Salta ' +
      'Argentina/Tucuman',
    CL: 'Santiago Punta_Arenas',
    CO: 'Bogota',
    PE: 'Lima',
    VE: 'Caracas',
    EC: 'Guayaquil',
    BO: 'La_Paz',
    PY: 'Asuncion',
    UY: 'Montevideo',
    GT: 'Guatemala',
    SV: 'El_Salvador',
    HN: 'Tegucigalpa',
    NI: 'Managua',
    CR: 'Costa_Rica',
    PA: 'Panama',
    CU: 'Havana',
    DO: 'Santo_Domingo',
    PR: 'Puerto_Rico',
    JM: 'Jamaica',
    TT: 'Port_of_Spain',
    // Shared zones.
    KY: 'Panama',
  },
  US: { US: 'Eastern Central Mountain Pacific Alaska Hawaii Arizona Aleutian East-Indiana Indiana-Starke Michigan' },
  Canada: { CA: 'Newfoundland Atlantic Eastern Central Saskatchewan Mountain Pacific Yukon' },
  Pacific: { US: 'Honolulu', NZ: 'Auckland Chatham', CL: 'Easter', EC: 'Galapagos', FJ: 'Fiji', GU: 'Guam' },
  Atlantic: { PT: 'Madeira Azores', ES: 'Canary', IS: 'Reykjavik' },
  Australia: {
    AU:
      'Sydney Melbourne Brisbane Lindeman Adelaide Darwin Perth Eucla Hobart Currie Lord_Howe Broken_Hill ACT ' +
      'Canberra NSW North Queensland South Tasmania Victoria West LHI Yancowinna',
  },
  Antarctica: { AU: 'Macquarie' },
  Europe: {
    GB: 'London Belfast',
    IE: 'Dublin',
    FR: 'Paris',
    DE: 'Berlin Busingen',
    ES: 'Madrid',
    PT: 'Lisbon',
    IT: 'Rome',
    NL: 'Amsterdam',
    BE: 'Brussels',
    LU: 'Luxembourg',
    CH: 'Zurich',
    AT: 'Vienna',
    CZ: 'Prague',
    SK: 'Bratislava',
    PL: 'Warsaw',
    HU: 'Budapest',
    DK: 'Copenhagen',
    SE: 'Stockholm',
    NO: 'Oslo',
    FI: 'Helsinki',
    EE: 'Tallinn',
    LV: 'Riga',
    LT: 'Vilnius',
    GR: 'Athens',
    RO: 'Bucharest',
    BG: 'Sofia',
    RS: 'Belgrade',
    HR: 'Zagreb',
    SI: 'Ljubljana',
    BA: 'Sarajevo',
    MK: 'Skopje',
    AL: 'Tirane',
    MD: 'Chisinau',
    UA: 'Kyiv Kiev',
    BY: 'Minsk',
    MT: 'Malta',
    CY: 'Nicosia',
    TR: 'Istanbul',
    RU: 'Moscow Kaliningrad Samara Volgograd',
    // Shared zones.
    LI: 'Zurich',
    SM: 'Rome',
    VA: 'Rome',
    MC: 'Paris',
  },
  Asia: {
    IN: 'Kolkata Calcutta',
    CN: 'Shanghai Urumqi Chongqing Harbin',
    HK: 'Hong_Kong',
    MO: 'Macau',
    TW: 'Taipei',
    JP: 'Tokyo',
    KR: 'Seoul',
    MN: 'Ulaanbaatar',
    SG: 'Singapore',
    MY: 'Kuala_Lumpur Kuching',
    TH: 'Bangkok',
    VN: 'Ho_Chi_Minh Saigon',
    ID: 'Jakarta Makassar Jayapura Pontianak',
    PH: 'Manila',
    PK: 'Karachi',
    BD: 'Dhaka Dacca',
    NP: 'Kathmandu Katmandu',
    LK: 'Colombo',
    AE: 'Dubai',
    SA: 'Riyadh',
    QA: 'Qatar',
    IR: 'Tehran',
    IL: 'Jerusalem Tel_Aviv',
    LB: 'Beirut',
    JO: 'Amman',
    KZ: 'Almaty',
    CY: 'Nicosia',
    TR: 'Istanbul',
    RU: 'Yekaterinburg Omsk Novosibirsk Krasnoyarsk Irkutsk Yakutsk Vladivostok Magadan Kamchatka',
    // Shared zones.
    OM: 'Dubai',
    KW: 'Riyadh',
    BH: 'Qatar',
  },
  Africa: {
    NG: 'Lagos',
    ZA: 'Johannesburg',
    KE: 'Nairobi',
    EG: 'Cairo',
    MA: 'Casablanca',
    DZ: 'Algiers',
    TN: 'Tunis',
    GH: 'Accra',
    ET: 'Addis_Ababa',
    UG: 'Kampala',
    TZ: 'Dar_es_Salaam',
    RW: 'Kigali',
    ZM: 'Lusaka',
    ZW: 'Harare',
    MZ: 'Maputo',
    NA: 'Windhoek',
    BW: 'Gaborone',
    CI: 'Abidjan',
    SN: 'Dakar',
    SD: 'Khartoum',
    CD: 'Kinshasa Lubumbashi',
    AO: 'Luanda',
    CM: 'Douala',
    ES: 'Ceuta',
  },
};

// Region subtags that name no country: private use, pseudo-locales (en-XA, ar-XB), "unknown" and groupings.
// XK (Kosovo) is user-assigned but used for a country, so it stays.
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;

let countriesByZone: Map<string, string[]> | undefined;

/**
 * Where the student is now wins: the time zone's country, else (an unknown zone, or one such as UTC that names no
 * country) the first language tag's country in preference order, else undefined. Language tags say what someone
 * reads, not where they are, so they only choose between the countries of a shared zone.
 */
export function regionHint({ languages, timeZone }: RegionHintSources): string | undefined {
  const regions = languages.map(regionOfTag).filter((region): region is string => region !== undefined);
  const countries = typeof timeZone === 'string' ? countriesOfZone(timeZone) : [];
  if (!countries.length) return regions[0];
  return regions.find((region) => countries.includes(region)) ?? countries[0];
}

/** The hint from this browser's own language preferences and time zone. */
export function browserRegionHint(): string | undefined {
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const languages = nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
  return regionHint({ languages, timeZone });
}

/** "en-GB", "en-gb", "en_GB", "zh-Hant-TW" → the country; "es-419", "en", "english" → undefined. */
function regionOfTag(tag: unknown): string | undefined {
  if (typeof tag !== 'string') return undefined;
  try {
    // Intl.Locale canonicalises case and old codes ("en-UK" → GB) and rejects what is not a language tag.
    const region = new Intl.Locale(tag.trim().replace(/_/g, '-')).region;
    return region && /^[A-Z]{2}$/.test(region) && !NOT_A_COUNTRY.test(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

/** The zone's countries, the usual one first; none for a zone we do not know or that names no country. */
function countriesOfZone(zone: string): readonly string[] {
  if (!countriesByZone) {
    countriesByZone = new Map();
    for (const [area, countries] of Object.entries(ZONES)) {
      for (const [country, places] of Object.entries(countries)) {
        for (const place of places.split(' ')) {
          const key = `${area}/${place}`.toLowerCase();
          countriesByZone.set(key, [...(countriesByZone.get(key) ?? []), country]);
        }
      }
    }
  }
  return countriesByZone.get(zone.trim().toLowerCase()) ?? [];
}
