import type { CrisisResource, WeeklyHours } from '../contract/api-types.ts';
import { upsertSeedCrisisResource } from '../crisis-resources/crisis-resource-repository.ts';
import { todayIn } from '../hours/time-zones.ts';
import type { Seeder } from './seeder.ts';

/**
 * The fictional Northfield University's own services, for the demo pages. Every number is in the 555-01xx block
 * that is reserved for fiction, and every link is on the reserved .example domain, so nothing here reaches a real
 * person. Campus Safety's number matches the one printed on demo/index.html. Every text a student reads has Spanish
 * (test/demo-campus-translations.test.ts); addresses cannot be translated in the contract, so a floor or room goes
 * in the walk-in's place text (translated) and address lines hold only names and numbers.
 */
const TIME_ZONE = 'America/New_York';
const CAMPUS: Pick<CrisisResource, 'country' | 'subdivisions' | 'scope'> = {
  country: 'US',
  subdivisions: ['US-MA'],
  scope: 'campus',
};

const alwaysOpen: WeeklyHours = { timeZone: TIME_ZONE, alwaysOpen: true, weekly: [] };
const weekdays = (opens: string, closes: string): WeeklyHours => ({
  timeZone: TIME_ZONE,
  alwaysOpen: false,
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, opens, closes })),
});
const everyNight = (opens: string, closes: string): WeeklyHours => ({
  timeZone: TIME_ZONE,
  alwaysOpen: false,
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, opens, closes })),
});

const counselingSource = {
  name: 'Northfield University Counseling Center (fictional)',
  url: 'https://northfield.example/counseling',
};

export function demoCampusCrisisResources(verifiedAt: string): CrisisResource[] {
  return [
    {
      id: 'northfield-campus-safety',
      name: 'Northfield Campus Safety',
      description:
        'Campus Safety officers answer day and night. Call if you or someone else is in danger on campus, or if you would like someone to walk you home safely.',
      ...CAMPUS,
      topics: ['general', 'suicidal-thoughts', 'self-harm', 'sexual-violence', 'abuse'],
      audiences: ['everyone'],
      languages: ['en'],
      humanSupport: 'professional',
      free: true,
      anonymous: false,
      isEmergency: true,
      priority: 90,
      pairedWith: [],
      verifiedAt,
      source: { name: 'Northfield University Campus Safety (fictional)', url: 'https://northfield.example/safety' },
      contactMethods: [{ type: 'phone', value: '+15555550100', displayValue: '555-555-0100', hours: alwaysOpen }],
      translations: {
        es: {
          name: 'Seguridad del campus de Northfield',
          description:
            'Los agentes de Seguridad del campus atienden de día y de noche. Llama si tú u otra persona están en peligro en el campus, o si quieres que alguien te acompañe a casa.',
        },
      },
    },
    {
      id: 'northfield-counseling-center',
      name: 'Northfield University Counseling Center',
      description:
        'Talk with a professional counselor, free for Northfield students. Call or walk in on weekdays; if today is hard, say so and someone will see you today. When the center is closed, its after-hours line answers.',
      ...CAMPUS,
      topics: [
        'general',
        'stress',
        'studies',
        'anxiety',
        'low-mood',
        'relationships',
        'grief',
        'trauma',
        'self-harm',
        'suicidal-thoughts',
      ],
      audiences: ['students'],
      languages: ['en', 'es'],
      humanSupport: 'professional',
      free: true,
      anonymous: false,
      confidentialityNote:
        'What you share stays between you and the Counseling Center. If your life or someone else’s is in immediate danger, a counselor may involve emergency services, and will tell you first whenever they can.',
      isEmergency: false,
      priority: 80,
      pairedWith: ['northfield-counseling-after-hours'],
      verifiedAt,
      source: counselingSource,
      contactMethods: [
        { type: 'phone', value: '+15555550140', displayValue: '(555) 555-0140', hours: weekdays('09:00', '17:00') },
        {
          type: 'walk-in',
          value: 'Counseling Center, Alder Hall, second floor',
          hours: weekdays('09:00', '17:00'),
          address: {
            line1: 'Alder Hall',
            line2: '12 College Green',
            locality: 'Northfield',
            region: 'Massachusetts',
            country: 'US',
            directionsUrl: 'https://northfield.example/counseling/find-us',
          },
        },
        {
          type: 'website',
          value: 'https://northfield.example/counseling',
          displayValue: 'northfield.example/counseling',
          hours: alwaysOpen,
        },
      ],
      translations: {
        es: {
          name: 'Centro de Orientación Psicológica de la Universidad de Northfield',
          description:
            'Habla con un consejero profesional, gratis para estudiantes de Northfield. Llama o ven en persona de lunes a viernes; si hoy es un día difícil, dilo y te atenderán hoy mismo. Cuando el centro está cerrado, responde su línea fuera de horario.',
          confidentialityNote:
            'Lo que compartas queda entre tú y el Centro de Orientación. Si tu vida o la de otra persona corre peligro inmediato, un consejero puede avisar a los servicios de emergencia, y te lo dirá antes siempre que pueda.',
          contactMethods: [{}, { displayValue: 'Centro de Orientación Psicológica, Alder Hall, segundo piso' }, {}],
        },
      },
    },
    {
      id: 'northfield-counseling-after-hours',
      name: 'Counseling Center after-hours line',
      description:
        'When the Counseling Center is closed, call to talk with a licensed counselor straight away, at any hour, on weekends and holidays too.',
      ...CAMPUS,
      topics: ['general', 'anxiety', 'low-mood', 'trauma', 'sexual-violence', 'self-harm', 'suicidal-thoughts'],
      audiences: ['students'],
      languages: ['en'],
      humanSupport: 'professional',
      free: true,
      anonymous: true,
      confidentialityNote:
        'You do not have to give your name. If your life is in immediate danger, the counselor may involve emergency services, and will tell you.',
      isEmergency: false,
      priority: 80,
      pairedWith: ['northfield-counseling-center'],
      verifiedAt,
      source: counselingSource,
      contactMethods: [{ type: 'phone', value: '+15555550141', displayValue: '(555) 555-0141', hours: alwaysOpen }],
      translations: {
        es: {
          name: 'Línea fuera de horario del Centro de Orientación',
          description:
            'Cuando el Centro de Orientación está cerrado, llama para hablar enseguida con un consejero titulado, a cualquier hora, también fines de semana y festivos.',
          confidentialityNote:
            'No tienes que dar tu nombre. Si tu vida corre peligro inmediato, el consejero puede avisar a los servicios de emergencia, y te lo dirá.',
        },
      },
    },
    {
      id: 'northfield-nightline',
      name: 'Northfield Nightline',
      description:
        'A listening line run by trained student volunteers, every night from 8 pm to 2 am. Talk anything through without giving your name: they listen without judging and without telling you what to do.',
      ...CAMPUS,
      topics: ['general', 'loneliness', 'stress', 'studies', 'low-mood', 'anxiety', 'relationships'],
      audiences: ['students'],
      languages: ['en'],
      humanSupport: 'peer',
      free: true,
      anonymous: true,
      confidentialityNote:
        'Calls are anonymous and confidential. If you tell a volunteer that your life is in immediate danger, they may bring in a professional to help, and they will tell you.',
      isEmergency: false,
      priority: 55,
      pairedWith: [],
      verifiedAt,
      source: { name: 'Northfield Nightline (fictional)', url: 'https://northfield.example/nightline' },
      contactMethods: [
        { type: 'phone', value: '+15555550160', displayValue: '(555) 555-0160', hours: everyNight('20:00', '02:00') },
      ],
      translations: {
        es: {
          name: 'Nightline de Northfield, línea nocturna de escucha',
          description:
            'Una línea de escucha atendida por estudiantes voluntarios formados, todas las noches de 8 pm a 2 am. Habla de lo que quieras sin dar tu nombre: escuchan sin juzgar y sin decirte qué hacer.',
          confidentialityNote:
            'Las llamadas son anónimas y confidenciales. Si le cuentas a un voluntario que tu vida corre peligro inmediato, puede pedir ayuda a un profesional, y te lo dirá.',
        },
      },
    },
    {
      id: 'northfield-peer-drop-in',
      name: 'Peer Support Drop-in',
      description:
        'Drop in on a weekday evening to talk with a trained student peer supporter; no appointment needed. Peers listen and can help you find other support on campus. They are students, not counselors.',
      ...CAMPUS,
      topics: [
        'general',
        'stress',
        'studies',
        'loneliness',
        'relationships',
        'anxiety',
        'low-mood',
        'identity',
        'lgbtqia',
      ],
      audiences: ['students'],
      languages: ['en'],
      humanSupport: 'peer',
      free: true,
      anonymous: true,
      confidentialityNote:
        'Peer supporters keep what you say private and are supervised by a counselor. If your life is in danger, they will bring in a counselor to help, and they will tell you.',
      isEmergency: false,
      priority: 50,
      pairedWith: [],
      verifiedAt,
      source: { name: 'Northfield Peer Support (fictional)', url: 'https://northfield.example/peer-support' },
      contactMethods: [
        {
          type: 'walk-in',
          value: 'Peer Support Room, Student Union, room 210',
          hours: weekdays('18:00', '22:00'),
          address: {
            line1: 'Student Union',
            line2: '40 College Green',
            locality: 'Northfield',
            region: 'Massachusetts',
            country: 'US',
            directionsUrl: 'https://northfield.example/peer-support/find-us',
          },
        },
      ],
      translations: {
        es: {
          name: 'Apoyo entre pares sin cita',
          description:
            'Ven cualquier tarde de lunes a viernes a hablar con un estudiante formado en apoyo entre pares; no hace falta cita. Te escuchan y pueden ayudarte a encontrar otros apoyos en el campus. Son estudiantes, no consejeros.',
          confidentialityNote:
            'Los estudiantes de apoyo guardan en privado lo que cuentas, con la supervisión de un consejero. Si tu vida corre peligro, pedirán ayuda a un consejero, y te lo dirán.',
          contactMethods: [
            { displayValue: 'Sala de Apoyo entre Pares, Centro de Estudiantes (Student Union), sala 210' },
          ],
        },
      },
    },
  ];
}

/** Upserted by id on every start, dated today on the campus clock, like the rest of the demo data. */
export const seedDemoCampusCrisisResources: Seeder = {
  name: 'demo campus crisis resources',
  async run(db) {
    for (const resource of demoCampusCrisisResources(todayIn(TIME_ZONE))) {
      await upsertSeedCrisisResource(db, resource);
    }
  },
};
