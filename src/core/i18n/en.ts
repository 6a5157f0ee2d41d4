/**
 * English strings: the reference table. Every other locale must have the same keys (checked by the type of
 * `Messages` and by a test) and the same {placeholders}. Wording follows the safe-messaging rules in DOMAIN.md:
 * plain, warm, brief; say what happens next; never blame the student.
 */
export const en = {
  'status.slow': 'This is taking longer than usual. You can keep waiting or try again.',
  'error.notConfigured': 'This service is not set up on this page yet.',
  'error.network': 'We could not connect. Check your internet connection, then try again.',
  'error.timeout': 'The service took too long to answer. Please try again.',
  'error.server': 'Something went wrong on our side. Please try again in a moment.',
  'error.rateLimited.seconds.one': 'A lot of people are using this right now. Please try again in {count} second.',
  'error.rateLimited.seconds.other': 'A lot of people are using this right now. Please try again in {count} seconds.',
  'error.rateLimited.minutes.one': 'A lot of people are using this right now. Please try again in {count} minute.',
  'error.rateLimited.minutes.other': 'A lot of people are using this right now. Please try again in {count} minutes.',
  'error.invalidResponse': 'We got an answer we could not read. Please try again.',
  'action.retry': 'Try again',
  'help.needHelpNow': 'Need help now?',
  'help.close': 'Close',
  'crisis.heading': 'Get help now',
  'crisis.intro': "You don't have to be in crisis to reach out. These services can connect you with a person now.",
  'crisis.danger.heading': 'Are you in immediate danger?',
  'crisis.intro.someOpen':
    "You don't have to be in crisis to reach out. The services marked open can connect you with a person now.",
  'crisis.intro.noneOpen':
    "You don't have to be in crisis to reach out. Each service below says when it is open. If you are in danger, call the emergency number now.",
  'crisis.intro.noLines':
    "You don't have to be in crisis to reach out. If you are in danger, call the emergency number now.",
  'crisis.danger.text': 'Call the emergency number now from a mobile or landline phone.',
  'crisis.country.assumed': 'Numbers for {country}.',
  'crisis.country.change': 'Change country',
  'crisis.danger.call': 'Call {number}',
  'crisis.service.police': 'Police',
  'crisis.service.ambulance': 'Ambulance',
  'crisis.service.fire': 'Fire',
  'crisis.service.general': 'All emergencies',
  'crisis.from.mobile': 'From mobile phones.',
  'crisis.from.landline': 'From landlines.',
  'crisis.lines.heading': 'Talk to someone',
  'crisis.lines.more': 'More ways to talk to someone',
  'crisis.none':
    'We do not have other services listed for this country yet. If you are in danger, call the emergency number.',
  'crisis.chooseCountry':
    'Choose your country to see the right numbers. In many countries, {number} reaches emergency services.',
  'crisis.country': 'Country',
  'crisis.stale': 'We could not update this list, so it may be out of date. The numbers shown were checked on {date}.',
  'crisis.action.call': 'Call {number}',
  'crisis.action.text': 'Text {number}',
  'crisis.action.textKeyword': 'Text {keyword} to {number}',
  'crisis.action.chat': 'Chat online',
  'crisis.action.website': 'Visit website',
  'crisis.action.email': 'Email {address}',
  'crisis.action.whatsapp': 'WhatsApp {number}',
  'crisis.action.tty': 'TTY {number}',
  'crisis.action.video': 'Video relay',
  'crisis.action.visit': 'Walk in: {place}',
  'crisis.action.directions': 'Directions',
  'crisis.action.copy': 'Copy number',
  'crisis.action.copyLabel': 'Copy number {number}',
  'crisis.copied': 'Copied {number}.',
  'crisis.copyFailed': 'Could not copy automatically. The number {number} is selected so you can copy it yourself.',
  'crisis.copy.done': 'Copied',
  'crisis.copy.manual': 'Copy this number yourself: {number}',
  'crisis.opensNewTab': '(opens in a new tab)',
  'hours.open.always': 'Open 24/7',
  'hours.open.until': 'Open now until {time}',
  'hours.open.untilTomorrow': 'Open now until tomorrow at {time}',
  'hours.open.untilDay': 'Open now until {day} at {time}',
  'hours.open.now': 'Open now',
  'hours.closed.opensToday': 'Closed now. Opens at {time}',
  'hours.closed.opensTomorrow': 'Closed now. Opens tomorrow at {time}',
  'hours.closed.opensOn': 'Closed now. Opens {day} at {time}',
  'hours.unknown': 'Check opening hours on their website',
  'crisis.free': 'Free',
  'crisis.anonymous': 'You can stay anonymous',
  'crisis.languages': 'Languages: {languages}',
  'crisis.for': 'For: {audiences}',
  'crisis.support.trained-volunteer': 'Answered by trained volunteers',
  'crisis.support.professional': 'Answered by professionals',
  'crisis.support.peer': 'Answered by trained peers',
  'crisis.support.automated': 'Automated service, not a person',
  'crisis.checked': 'Details checked {date}. Source: {source}',
  'crisis.banner.text': 'Need help now? You can talk to someone.',
  'crisis.banner.more': 'Show all help options',
  'crisis.banner.less': 'Hide help options',
  'crisis.quickExit': 'Leave this site quickly',
  'crisis.quickExit.hint': 'Or press Shift three times. This does not clear your browsing history.',
  'audience.everyone': 'everyone',
  'audience.students': 'students',
  'audience.undergraduate': 'undergraduate students',
  'audience.postgraduate': 'graduate students',
  'audience.international-students': 'international students',
  'audience.youth': 'young people',
  'audience.adults': 'adults',
  'audience.lgbtqia': 'LGBTQIA+ people',
  'audience.trans-nonbinary': 'trans and nonbinary people',
  'audience.women': 'women',
  'audience.men': 'men',
  'audience.bipoc': 'Black, Indigenous and people of colour',
  'audience.indigenous': 'Indigenous people',
  'audience.first-generation': 'first-generation students',
  'audience.student-parents': 'student parents',
  'audience.carers': 'carers',
  'audience.disabled': 'disabled people',
  'audience.neurodivergent': 'neurodivergent people',
  'audience.mature-students': 'mature students',
  'audience.veterans': 'veterans',
  'audience.staff': 'staff',
} as const;

/**
 * Strings that elements add with `extendLocale` (each element's own table ships with that element, so a page that
 * uses only the crisis panel never downloads the check-in's words). An element declares its keys by augmenting this
 * interface: `declare module '…/core/i18n/en.js' { interface ElementMessages extends CheckInMessages {} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ElementMessages {}

/** The core's keys. */
export type CoreMessageKey = keyof typeof en;
export type MessageKey = CoreMessageKey | keyof ElementMessages;
/** A full table: every key of the core and of the elements loaded in this program. */
export type Messages = { readonly [K in MessageKey]: string };
/** The core's own table, which `en.ts` and `es.ts` fill. */
export type CoreMessages = { readonly [K in CoreMessageKey]: string };
