import type { GroupLocation, NewGroup } from '../groups/group-types.ts';

/**
 * Thirty peer support groups of the fictional Northfield University, for the demo pages: varied topics, formats,
 * days, times, languages (English, Spanish, a Mexican Spanish and a Mandarin group), accessibility, facilitators,
 * drop-in and registration, sensitive groups whose room is shown only to registered students, and three groups
 * that are full with students waiting (`seedRegistrations`). Every link is on the reserved .example domain and
 * every address is made up, so nothing here leads to a real place or person. Weekly and monthly groups go on from
 * the autumn 2025 semester; the three short courses (COUNT) start in the week after `today`, so the demo always
 * has sessions to come.
 */
export interface DemoGroup {
  /** Neutral ids: they end up in page addresses, where a topic could out someone. */
  id: string;
  input: NewGroup;
  /** Places taken and students waiting, made as anonymous registrations by the seed. */
  seedRegistrations?: { registered: number; waitlisted: number };
}

const ZONE = 'America/New_York';

const address = (line1: string) => ({
  line1,
  locality: 'Northfield',
  region: 'MA',
  postalCode: '01360',
  country: 'US',
});

const WELLBEING = {
  name: 'Wellbeing Centre',
  address: { ...address('12 College Walk'), directionsUrl: 'https://northfield.example/wellbeing/find-us' },
  directions: 'Step-free entrance on College Walk; take the lift to the second floor and ask at the front desk.',
};
const UNION = { name: 'Student Union', address: address('3 Commons Road') };
const LIBRARY = { name: 'Hartley Library', address: address('40 Library Lane') };
const CHAPLAINCY = { name: 'Multifaith Chaplaincy', address: address('7 Chapel Row') };
const HEALTH = { name: 'Student Health Center', address: address('22 Elm Street') };
const zoom = (path: string): GroupLocation['online'] => ({
  platform: 'Zoom',
  joinUrl: `https://northfield.example/meet/${path}`,
  instructions: 'Join from a browser or the app. Your camera can stay off, and you can change your display name.',
});
const teams = (path: string): GroupLocation['online'] => ({
  platform: 'Microsoft Teams',
  joinUrl: `https://northfield.example/teams/${path}`,
});

const ORGANISER = 'peer-support@northfield.example';

/** Agreements most peer groups share; groups add their own. */
const CORE_AGREEMENTS = [
  'What is shared in the group stays in the group.',
  'Listen without fixing, judging or giving advice unless someone asks for it.',
  'You can pass at any time: nobody has to speak.',
  'Speak from your own experience.',
];
const SAFETY_AGREEMENT =
  'If someone may be at risk of harm, the facilitators will talk with them and may involve the on-call counselor.';

const PEER_LED = 'Two trained peer facilitators, supervised by a counselor from the Counseling Center.';

/** What the finder shows by default; each group below states what differs. */
function group(fields: Partial<NewGroup> & Pick<NewGroup, 'name' | 'summary' | 'description' | 'schedule'>): NewGroup {
  return {
    topics: ['general'],
    audiences: ['students'],
    format: 'in-person',
    languages: ['en'],
    facilitator: { type: 'trained-peer', description: PEER_LED },
    dropIn: false,
    accessibility: ['step-free', 'accessible-toilet'],
    agreements: [...CORE_AGREEMENTS, SAFETY_AGREEMENT],
    firstSessionInfo:
      'A facilitator will welcome you and explain how the group works. The first ten minutes are introductions; share as little as you like.',
    capacity: 12,
    waitlistEnabled: true,
    sensitive: false,
    location: { venue: WELLBEING },
    organiserEmail: ORGANISER,
    ...fields,
  };
}

const weekly = (startLocal: string, durationMinutes: number, byDay: string, extra = '') => ({
  timeZone: ZONE,
  startLocal,
  durationMinutes,
  rrule: `FREQ=WEEKLY;BYDAY=${byDay}${extra}`,
});

const ISO_DAYS = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 } as const;

/** The first date after `today` ("YYYY-MM-DD") that falls on `day`, at least a week ahead. */
export function dayNextWeek(today: string, day: keyof typeof ISO_DAYS): string {
  const date = new Date(`${today}T12:00:00Z`);
  const isoToday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  const ahead = ((ISO_DAYS[day] - isoToday + 7) % 7) + 7;
  return new Date(date.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}

/** The demo groups, with the short courses starting in the week after `today` (campus date, "YYYY-MM-DD"). */
export const demoGroups = (today: string): DemoGroup[] => [
  {
    id: 'grp_nf01',
    input: group({
      name: 'Exam stress circle',
      discreetName: 'Tuesday circle',
      summary: 'A calm hour to talk about deadlines, exams and the pressure to keep up, with students who get it.',
      description:
        'Each week we check in, talk through what is weighing on us and share what has helped, from planning a revision week to sleeping before an exam. You can come every week or only when you need it.',
      topics: ['stress', 'studies'],
      schedule: weekly('2025-09-02T18:00', 75, 'TU'),
      location: { venue: { ...WELLBEING, room: 'Room 2.14' } },
      accessibility: ['step-free', 'accessible-toilet', 'quiet-room', 'breaks'],
    }),
  },
  {
    id: 'grp_nf02',
    input: group({
      name: 'Grief and loss circle',
      discreetName: 'Wednesday circle',
      summary: 'A small, peer-led group for students who have lost someone, recently or long ago.',
      description:
        'We meet to share, listen, or just sit with others who understand. Some people talk about the person they lost; some talk about how hard it is to study or sleep. You never have to speak.',
      topics: ['grief'],
      facilitator: {
        type: 'lived-experience',
        description:
          'Facilitated by two students who have lost a parent, trained and supervised by the Counseling Center.',
      },
      schedule: weekly('2025-09-03T17:30', 90, 'WE'),
      capacity: 8,
      sensitive: true,
      areaHint: 'Main campus, near the library',
      location: { venue: { ...CHAPLAINCY, room: 'Quiet room 3', directions: 'Ring the bell at the side door.' } },
      accessibility: ['step-free', 'quiet-room', 'low-sensory'],
      accessibilityNote: 'The room is small and quiet, with soft lighting. Tissues and water are always there.',
    }),
    seedRegistrations: { registered: 8, waitlisted: 3 },
  },
  {
    id: 'grp_nf03',
    input: group({
      name: 'Rainbow peer group',
      discreetName: 'Thursday group',
      summary: 'A friendly space for LGBTQIA+ students to meet, talk and support each other.',
      description:
        'Coming out, finding community, family, dating, or just a place to be yourself: bring whatever is on your mind. Newcomers are always welcome, and you never have to say how you identify.',
      topics: ['lgbtqia', 'identity', 'loneliness'],
      audiences: ['lgbtqia'],
      schedule: weekly('2025-09-04T19:00', 90, 'TH'),
      capacity: 20,
      sensitive: true,
      areaHint: 'Main campus',
      location: { venue: { ...UNION, room: 'Room 104' } },
      accessibility: ['step-free', 'accessible-toilet', 'gender-neutral-toilet'],
    }),
  },
  {
    id: 'grp_nf04',
    input: group({
      name: 'Trans and nonbinary meetup',
      discreetName: 'Evening meetup',
      summary: 'Peer support by and for trans, nonbinary and questioning students.',
      description:
        'A relaxed evening to talk about transition, names and pronouns, healthcare, family and everyday life on campus, led by trans students. Questioning? You are welcome too.',
      topics: ['identity', 'lgbtqia', 'discrimination'],
      audiences: ['trans-nonbinary'],
      facilitator: {
        type: 'lived-experience',
        description: 'Two trans peer facilitators with supervision from a counselor.',
      },
      format: 'hybrid',
      schedule: weekly('2025-09-08T18:30', 90, 'MO', ';INTERVAL=2'),
      capacity: 15,
      sensitive: true,
      areaHint: 'Main campus, or online',
      location: { venue: { ...UNION, room: 'Room 106' }, online: zoom('tnb-meetup') },
      accessibility: ['step-free', 'gender-neutral-toilet', 'camera-optional', 'captions'],
    }),
  },
  {
    id: 'grp_nf05',
    input: group({
      name: 'Grupo de apoyo en español',
      discreetName: 'Grupo del jueves',
      summary: 'Un espacio para hablar en español sobre el estrés, la familia y la vida en la universidad.',
      description:
        'Nos reunimos cada semana para escucharnos y compartir lo que nos ayuda. Puedes venir a hablar o solo a escuchar. Estudiantes de cualquier país son bienvenidos.',
      topics: ['stress', 'family', 'loneliness'],
      audiences: ['students', 'international-students', 'first-generation'],
      languages: ['es'],
      facilitator: {
        type: 'trained-peer',
        description: 'Dos estudiantes formados como facilitadores, con supervisión.',
      },
      agreements: [
        'Lo que se comparte en el grupo se queda en el grupo.',
        'Escuchamos sin juzgar ni dar consejos si nadie los pide.',
        'Puedes pasar tu turno cuando quieras.',
      ],
      firstSessionInfo:
        'Te recibirá una facilitadora. Empezamos con una ronda corta de presentaciones; comparte solo lo que quieras.',
      schedule: weekly('2025-09-04T17:00', 75, 'TH'),
      location: { venue: { ...LIBRARY, room: 'Sala de grupos B' } },
      dropIn: true,
      capacity: null,
    }),
  },
  {
    id: 'grp_nf06',
    input: group({
      name: 'Círculo en línea para estudiantes de intercambio',
      discreetName: 'Círculo en línea',
      summary: 'Apoyo entre pares en línea para estudiantes hispanohablantes lejos de casa.',
      description:
        'Una sesión en línea con un programa asociado en Madrid para quienes estudian lejos de su país: la nostalgia, el idioma, los trámites y hacer amigos.',
      topics: ['loneliness', 'stress'],
      audiences: ['international-students'],
      format: 'online',
      languages: ['es-MX', 'es'],
      schedule: {
        timeZone: 'Europe/Madrid',
        startLocal: '2025-09-06T18:00',
        durationMinutes: 60,
        rrule: 'FREQ=WEEKLY;BYDAY=SA',
      },
      location: { online: zoom('intercambio') },
      accessibility: ['camera-optional', 'captions', 'screen-reader-friendly'],
      dropIn: true,
      capacity: 25,
    }),
  },
  {
    id: 'grp_nf07',
    input: group({
      name: 'International students coffee hour',
      summary: 'Drop in for coffee and conversation about settling in, homesickness and life far from home.',
      description:
        'An informal hour with tea, coffee and peer mentors who have been through it: visas, culture shock, food, weather and making friends. Bring a friend if you like.',
      topics: ['loneliness', 'general'],
      audiences: ['international-students'],
      languages: ['en'],
      dropIn: true,
      capacity: null,
      schedule: weekly('2025-09-05T15:00', 60, 'FR'),
      location: { venue: { ...UNION, room: 'Global Lounge' } },
      accessibility: ['step-free', 'accessible-toilet', 'hearing-loop'],
    }),
  },
  {
    id: 'grp_nf08',
    input: group({
      name: '国际学生互助小组',
      discreetName: 'Sunday group',
      summary:
        'A Mandarin-speaking peer group for students from China and Taiwan: study pressure, family and belonging.',
      description:
        'Held in Mandarin, with a little English whenever it helps. We talk about academic pressure, family expectations, and finding your place in a new country.',
      topics: ['stress', 'family', 'loneliness'],
      audiences: ['international-students'],
      languages: ['zh-Hans', 'zh-Hant'],
      format: 'online',
      schedule: weekly('2025-09-07T20:00', 60, 'SU'),
      location: { online: teams('mandarin-group') },
      accessibility: ['camera-optional', 'captions'],
    }),
  },
  {
    id: 'grp_nf09',
    input: group({
      name: 'Anxiety skills group',
      summary: 'Six weeks of practical tools for anxiety, led by a counselor, with time to practise together.',
      description:
        'A structured group led by a counselor: what anxiety does in the body, breathing and grounding, worry time, and facing things step by step. Each week has a short handout and time to talk.',
      topics: ['anxiety', 'stress'],
      facilitator: {
        type: 'clinician',
        description: 'A licensed counselor from the Counseling Center, with a peer co-facilitator.',
      },
      schedule: weekly(`${dayNextWeek(today, 'TU')}T16:00`, 90, 'TU', ';COUNT=6'),
      capacity: 10,
      location: { venue: { ...HEALTH, room: 'Group room 1' } },
      accessibility: ['step-free', 'accessible-toilet', 'large-print', 'breaks'],
      firstSessionInfo:
        'The first session explains how the six weeks work. Please try to come to all six; let the organiser know if you cannot.',
    }),
  },
  {
    id: 'grp_nf10',
    input: group({
      name: 'Low mood peer support',
      discreetName: 'Monday group',
      summary: 'For students feeling flat, low or stuck: company, kindness and small steps.',
      description:
        'When everything feels heavy, it helps to be with people who understand. We share what the week was like and one small thing that might help the next one.',
      topics: ['low-mood', 'loneliness'],
      schedule: weekly('2025-09-01T12:30', 60, 'MO'),
      location: { venue: { ...WELLBEING, room: 'Room 1.05' } },
      accessibility: ['step-free', 'accessible-toilet', 'quiet-room'],
    }),
    seedRegistrations: { registered: 12, waitlisted: 2 },
  },
  {
    id: 'grp_nf11',
    input: group({
      name: 'Lunchtime drop-in',
      summary: 'Bring your lunch and talk to a trained peer about anything at all. No need to sign up.',
      description:
        'Peer supporters are in the Student Union lounge every weekday lunchtime. Come for five minutes or the whole hour, on your own or with a friend.',
      topics: ['general', 'stress', 'loneliness'],
      audiences: ['everyone'],
      dropIn: true,
      capacity: null,
      schedule: weekly('2025-09-01T12:00', 60, 'MO,TU,WE,TH,FR'),
      location: { venue: { ...UNION, room: 'Upper lounge' } },
      accessibility: ['step-free', 'accessible-toilet', 'gender-neutral-toilet'],
    }),
  },
  {
    id: 'grp_nf12',
    input: group({
      name: 'Neurodivergent students meetup',
      summary: 'Autistic, ADHD, dyslexic and other neurodivergent students, meeting on our own terms.',
      description:
        'A low-pressure meetup. Stim toys welcome, cameras optional online, and you can step out whenever you need to. Topics come from the group: studying, routines, friendships, disclosure.',
      topics: ['neurodivergence', 'studies'],
      audiences: ['neurodivergent'],
      facilitator: {
        type: 'lived-experience',
        description: 'Run by neurodivergent students with training in peer support.',
      },
      format: 'hybrid',
      schedule: weekly('2025-09-03T14:00', 60, 'WE'),
      location: { venue: { ...LIBRARY, room: 'Room 3.02' }, online: zoom('nd-meetup') },
      accessibility: ['step-free', 'low-sensory', 'quiet-room', 'camera-optional', 'captions', 'breaks'],
      accessibilityNote: 'Dimmed lights, no background music, and written agendas sent out beforehand.',
      firstSessionInfo:
        'You will get the agenda the day before. There is no round of introductions unless you want one.',
    }),
  },
  {
    id: 'grp_nf13',
    input: group({
      name: 'Disabled students network',
      summary: 'Peer support and practical tips from disabled and chronically ill students.',
      description:
        'Accommodations, energy, flare-ups, accessible housing and the admin nobody warns you about. Online so that nobody has to travel when it is a hard day.',
      topics: ['disability', 'chronic-illness'],
      audiences: ['disabled'],
      facilitator: {
        type: 'lived-experience',
        description: 'Facilitated by disabled students, supported by Accessibility Services.',
      },
      format: 'online',
      schedule: weekly('2025-09-09T11:00', 60, 'TU', ';INTERVAL=2'),
      location: { online: zoom('disabled-network') },
      accessibility: ['captions', 'sign-language', 'camera-optional', 'screen-reader-friendly', 'breaks'],
      accessibilityNote: 'ASL interpretation and live captions at every session. Ask for anything else you need.',
    }),
  },
  {
    id: 'grp_nf14',
    input: group({
      name: 'Living with long-term illness',
      discreetName: 'Thursday afternoon group',
      summary: 'For students managing a long-term health condition alongside their studies.',
      description:
        'We talk about fatigue, appointments, telling friends and tutors, and the feelings that come with a body that does not always cooperate.',
      topics: ['chronic-illness', 'stress'],
      facilitator: {
        type: 'clinician',
        description: 'A nurse practitioner from the Student Health Center and a peer facilitator.',
      },
      schedule: weekly('2025-09-11T15:00', 60, 'TH', ';INTERVAL=2'),
      capacity: 10,
      location: { venue: { ...HEALTH, room: 'Group room 2' } },
      accessibility: ['step-free', 'accessible-toilet', 'breaks', 'large-print'],
    }),
  },
  {
    id: 'grp_nf15',
    input: group({
      name: 'Body image and eating concerns group',
      discreetName: 'Wednesday evening group',
      summary: 'A supportive space to talk about food, body image and self-worth, without numbers or judgement.',
      description:
        'We do not talk about weights, calories or sizes. We talk about feelings, pressure from social media, and kinder ways of being with ourselves. Co-led by a counselor who specialises in eating concerns.',
      topics: ['body-image', 'eating'],
      facilitator: {
        type: 'clinician',
        description: 'A counselor specialising in eating concerns, with a peer facilitator.',
      },
      schedule: weekly('2025-09-03T19:00', 75, 'WE'),
      capacity: 8,
      sensitive: true,
      areaHint: 'Near the Student Health Center',
      location: { venue: { ...HEALTH, room: 'Room 0.12' } },
      accessibility: ['step-free', 'quiet-room'],
      agreements: [...CORE_AGREEMENTS, 'No numbers: no weights, sizes or calories.', SAFETY_AGREEMENT],
    }),
    seedRegistrations: { registered: 8, waitlisted: 4 },
  },
  {
    id: 'grp_nf16',
    input: group({
      name: 'Recovery community meeting',
      discreetName: 'Friday meeting',
      summary: 'Peer support for students in recovery from alcohol or drug use, or thinking about cutting down.',
      description:
        'Whatever recovery means for you, you are welcome here. Students in recovery share how they manage campus life, parties and stress. No pressure to label yourself.',
      topics: ['substance-use'],
      facilitator: {
        type: 'lived-experience',
        description: 'Led by students in long-term recovery, trained in peer support.',
      },
      dropIn: true,
      capacity: null,
      schedule: weekly('2025-09-05T17:00', 60, 'FR'),
      sensitive: true,
      areaHint: 'Main campus',
      location: { venue: { ...CHAPLAINCY, room: 'Room 2' } },
      accessibility: ['step-free', 'accessible-toilet'],
    }),
  },
  {
    id: 'grp_nf17',
    input: group({
      name: 'Gambling and gaming check-in',
      discreetName: 'Online check-in',
      summary: 'For students worried about betting, loot boxes or gaming taking over, online and anonymous.',
      description:
        'Use any name you like and keep your camera off. We talk about urges, money, sleep and what has helped others take back control.',
      topics: ['gambling', 'money'],
      format: 'online',
      facilitator: {
        type: 'lived-experience',
        description: 'A peer facilitator with lived experience of problem gambling.',
      },
      schedule: weekly('2025-09-02T21:00', 45, 'TU'),
      location: { online: zoom('checkin-tuesday') },
      accessibility: ['camera-optional', 'captions', 'screen-reader-friendly'],
      dropIn: true,
      capacity: null,
    }),
  },
  {
    id: 'grp_nf18',
    input: group({
      name: 'Money worries peer group',
      summary: 'Talk about rent, debt, part-time work and the stress that comes with them, without shame.',
      description:
        'Peers share what has worked, from budgeting to asking for hardship funds. An adviser from Financial Aid joins once a month for questions.',
      topics: ['money', 'housing', 'stress'],
      audiences: ['students', 'first-generation'],
      format: 'hybrid',
      schedule: {
        timeZone: ZONE,
        startLocal: '2025-09-10T17:00',
        durationMinutes: 60,
        rrule: 'FREQ=MONTHLY;BYDAY=2WE',
      },
      location: { venue: { ...LIBRARY, room: 'Room 1.10' }, online: teams('money-worries') },
      accessibility: ['step-free', 'accessible-toilet', 'camera-optional'],
    }),
  },
  {
    id: 'grp_nf19',
    input: group({
      name: 'First-generation students circle',
      summary: 'The first in your family at college? Meet others who are figuring it out too.',
      description:
        'We talk about the hidden rules of university, feeling between two worlds, family expectations and imposter feelings, and we celebrate each other’s wins.',
      topics: ['identity', 'studies', 'family'],
      audiences: ['first-generation'],
      schedule: weekly('2025-09-04T12:00', 60, 'TH'),
      location: { venue: { ...UNION, room: 'Room 210' } },
      accessibility: ['step-free', 'accessible-toilet', 'hearing-loop'],
    }),
  },
  {
    id: 'grp_nf20',
    input: group({
      name: 'Student parents and carers',
      summary: 'For students who are also parents or carers: juggling it all, guilt, and a bit of time for you.',
      description:
        'Online and early, so it fits around drop-offs and care routines. Children in the background are completely fine.',
      topics: ['family', 'stress'],
      audiences: ['student-parents', 'carers', 'mature-students'],
      format: 'online',
      schedule: weekly('2025-09-06T09:30', 60, 'SA'),
      location: { online: zoom('parents-carers') },
      accessibility: ['camera-optional', 'captions'],
    }),
  },
  {
    id: 'grp_nf21',
    input: group({
      name: 'Student veterans peer group',
      summary: 'Veterans and service members supporting each other through the move to campus life.',
      description:
        'From structure to self-directed study, from unit to classroom: talk with others who have made the same move. Led by student veterans with peer support training.',
      topics: ['general', 'stress', 'trauma'],
      audiences: ['veterans'],
      facilitator: { type: 'lived-experience', description: 'Two student veterans, trained peer facilitators.' },
      schedule: weekly('2025-09-03T18:00', 90, 'WE', ';INTERVAL=2'),
      location: { venue: { ...UNION, room: 'Veterans Lounge' } },
      accessibility: ['step-free', 'accessible-toilet'],
    }),
  },
  {
    id: 'grp_nf22',
    input: group({
      name: 'Survivors support group',
      discreetName: 'Monday evening group',
      summary: 'A confidential group for survivors of sexual violence, led by a counselor. Believed, never judged.',
      description:
        'A closed group with the same members each week, so that trust can grow. Nobody is asked to share details of what happened. Led by a counselor trained in trauma-informed care.',
      topics: ['sexual-violence', 'trauma'],
      audiences: ['students'],
      facilitator: { type: 'clinician', description: 'A trauma-informed counselor from the Counseling Center.' },
      schedule: weekly(`${dayNextWeek(today, 'MO')}T18:00`, 90, 'MO', ';COUNT=8'),
      capacity: 8,
      sensitive: true,
      areaHint: 'Confidential location on main campus',
      location: { venue: { ...WELLBEING, room: 'Room 3.01', directions: 'Use the side entrance on Birch Path.' } },
      accessibility: ['step-free', 'quiet-room', 'accessible-toilet'],
      firstSessionInfo:
        'The counselor will call you before the first session to talk through what to expect. You can bring someone to the door.',
      agreements: [...CORE_AGREEMENTS, 'Nobody is asked to describe what happened.', SAFETY_AGREEMENT],
    }),
    seedRegistrations: { registered: 8, waitlisted: 1 },
  },
  {
    id: 'grp_nf23',
    input: group({
      name: 'Sleep better together',
      summary: 'Four evenings on sleep: routines, racing thoughts, screens and shifts, with a peer and a sleep nurse.',
      description:
        'A short course mixing facts about sleep with peer support. Each week you try one small change and talk about how it went.',
      topics: ['sleep', 'stress'],
      facilitator: {
        type: 'clinician',
        description: 'A sleep nurse from the Student Health Center with a peer facilitator.',
      },
      format: 'online',
      schedule: weekly(`${dayNextWeek(today, 'TU')}T20:00`, 60, 'TU', ';COUNT=4'),
      capacity: 30,
      location: { online: zoom('sleep-course') },
      accessibility: ['camera-optional', 'captions', 'screen-reader-friendly'],
    }),
  },
  {
    id: 'grp_nf24',
    input: group({
      name: 'Postgraduate peer circle',
      summary: 'Masters and PhD students: supervisors, isolation, writing and the long middle of a degree.',
      description:
        'A monthly evening circle for postgraduates, with tea. Share progress or lack of it, with people who know exactly what it is like.',
      topics: ['studies', 'loneliness', 'stress'],
      audiences: ['postgraduate'],
      schedule: {
        timeZone: ZONE,
        startLocal: '2025-09-03T18:30',
        durationMinutes: 90,
        rrule: 'FREQ=MONTHLY;BYDAY=1WE',
      },
      location: { venue: { ...LIBRARY, room: 'Graduate Commons' } },
      accessibility: ['step-free', 'accessible-toilet', 'quiet-room'],
    }),
  },
  {
    id: 'grp_nf25',
    input: group({
      name: 'Men’s talking group',
      summary: 'A space for men to talk openly about pressure, relationships and feelings, without needing to fix it.',
      description:
        'Meet other men, talk about what is actually going on, and leave a bit lighter. Sport, study, family, relationships: anything goes.',
      topics: ['general', 'relationships', 'low-mood'],
      audiences: ['men'],
      dropIn: true,
      capacity: null,
      schedule: weekly('2025-09-02T19:30', 60, 'TU'),
      location: { venue: { ...UNION, room: 'Room 112' } },
      accessibility: ['step-free', 'accessible-toilet'],
    }),
  },
  {
    id: 'grp_nf26',
    input: group({
      name: 'Women of color circle',
      summary: 'Peer support for women of color: belonging, racism on campus, family and finding your people.',
      description:
        'A circle held by women of color for women of color. We share experiences, celebrate each other and look after ourselves.',
      topics: ['discrimination', 'identity', 'loneliness'],
      audiences: ['women', 'bipoc'],
      facilitator: { type: 'lived-experience', description: 'Two peer facilitators who are women of color.' },
      schedule: weekly('2025-09-05T13:00', 75, 'FR'),
      location: { venue: { ...CHAPLAINCY, room: 'Community room' } },
      accessibility: ['step-free', 'accessible-toilet', 'gender-neutral-toilet'],
    }),
  },
  {
    id: 'grp_nf27',
    input: group({
      name: 'Relationships and boundaries',
      summary: 'Friendships, dating, roommates and family: talk through the hard conversations with peers.',
      description:
        'Practice saying no, making up after a fight, or ending something that is not good for you, with peers who will not judge.',
      topics: ['relationships', 'family'],
      schedule: weekly('2025-09-08T16:00', 60, 'MO'),
      location: { venue: { ...WELLBEING, room: 'Room 2.10' } },
      accessibility: ['step-free', 'accessible-toilet', 'hearing-loop'],
    }),
  },
  {
    id: 'grp_nf28',
    input: group({
      name: 'Self-harm recovery peer group',
      discreetName: 'Thursday evening group',
      summary: 'Support for students who have hurt themselves or are working to stop, led by peers with a counselor.',
      description:
        'A calm group focused on coping, healing and hope. We do not talk about methods or details. A counselor is there every week, and you can talk to them on your own after the group.',
      topics: ['self-harm', 'low-mood'],
      facilitator: { type: 'clinician', description: 'A counselor and a peer facilitator with lived experience.' },
      schedule: weekly('2025-09-04T18:00', 75, 'TH'),
      capacity: 8,
      sensitive: true,
      areaHint: 'Main campus',
      location: { venue: { ...WELLBEING, room: 'Room 3.04' } },
      accessibility: ['step-free', 'quiet-room', 'accessible-toilet'],
      agreements: [...CORE_AGREEMENTS, 'No details of methods or injuries.', SAFETY_AGREEMENT],
      firstSessionInfo:
        'You can meet a facilitator for ten minutes before your first session. Tell us in the form if you would like that.',
    }),
  },
  {
    id: 'grp_nf29',
    input: group({
      name: 'Morning mindfulness and peer chat',
      summary: 'Start the week with ten minutes of quiet breathing, then an easy chat over tea.',
      description:
        'No experience needed and no special clothes. Chairs and cushions are there; you can sit, stand or lie down.',
      topics: ['stress', 'anxiety', 'sleep'],
      audiences: ['everyone'],
      dropIn: true,
      capacity: null,
      schedule: weekly('2025-09-01T08:30', 45, 'MO'),
      location: { venue: { ...CHAPLAINCY, room: 'Garden room' } },
      accessibility: ['step-free', 'low-sensory', 'quiet-room'],
    }),
  },
  {
    id: 'grp_nf30',
    input: group({
      name: 'Staff wellbeing peer circle',
      summary: 'For university staff: workload, caring for students in distress, and caring for yourself.',
      description:
        'A confidential monthly circle for staff across the university, facilitated by trained staff peers. Managers and their teams are encouraged to attend different sessions.',
      topics: ['stress', 'general'],
      audiences: ['staff'],
      format: 'hybrid',
      facilitator: { type: 'trained-peer', description: 'Two staff members trained in peer support.' },
      schedule: {
        timeZone: ZONE,
        startLocal: '2025-09-18T12:30',
        durationMinutes: 60,
        rrule: 'FREQ=MONTHLY;BYDAY=3TH',
      },
      location: { venue: { ...LIBRARY, room: 'Staff room' }, online: teams('staff-circle') },
      accessibility: ['step-free', 'accessible-toilet', 'captions', 'camera-optional'],
    }),
  },
];
