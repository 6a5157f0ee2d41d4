/**
 * The words of the registration emails, per language. Plain and warm, lower-secondary reading level, and nothing
 * that names what the group is about unless the student asked for its name: a discreet subject reads like any
 * appointment on a lock screen or in a shared inbox.
 */
export interface RegistrationEmailTexts {
  registered: {
    subject: string;
    subjectNamed: (group: string) => string;
    lead: string;
    leadNamed: (group: string) => string;
  };
  waitlisted: {
    subject: string;
    subjectNamed: (group: string) => string;
    lead: (position: number | undefined) => string;
    leadNamed: (group: string, position: number | undefined) => string;
    next: string;
  };
  promoted: {
    subject: string;
    subjectNamed: (group: string) => string;
    lead: string;
    leadNamed: (group: string) => string;
  };
  greeting: string;
  when: string;
  joining: string;
  cancelRegistered: string;
  cancelWaitlisted: string;
  noReply: string;
}

const en: RegistrationEmailTexts = {
  registered: {
    subject: 'Your place is confirmed',
    subjectNamed: (group) => `Your place in ${group} is confirmed`,
    lead: 'Your place is confirmed. We look forward to seeing you.',
    leadNamed: (group) => `Your place in ${group} is confirmed. We look forward to seeing you.`,
  },
  waitlisted: {
    subject: 'You are on the waiting list',
    subjectNamed: (group) => `You are on the waiting list for ${group}`,
    lead: (position) =>
      position === undefined ? 'You are on the waiting list.' : `You are on the waiting list, number ${position}.`,
    leadNamed: (group, position) =>
      position === undefined
        ? `You are on the waiting list for ${group}.`
        : `You are on the waiting list for ${group}, number ${position}.`,
    next: 'If a place opens up, it is yours, and we will email you with the details. You do not need to do anything.',
  },
  promoted: {
    subject: 'A place opened up for you',
    subjectNamed: (group) => `A place opened up for you in ${group}`,
    lead: 'Good news: a place opened up, and it is yours now.',
    leadNamed: (group) => `Good news: a place opened up in ${group}, and it is yours now.`,
  },
  greeting: 'Hello,',
  when: 'When',
  joining: 'How to join',
  cancelRegistered: 'If you cannot come, you can cancel here, and your place goes to someone else:',
  cancelWaitlisted: 'If you would rather not wait, you can leave the waiting list here:',
  noReply: 'You do not need to reply to this email.',
};

const es: RegistrationEmailTexts = {
  registered: {
    subject: 'Tu plaza está confirmada',
    subjectNamed: (group) => `Tu plaza en ${group} está confirmada`,
    lead: 'Tu plaza está confirmada. Nos alegra que vengas.',
    leadNamed: (group) => `Tu plaza en ${group} está confirmada. Nos alegra que vengas.`,
  },
  waitlisted: {
    subject: 'Estás en la lista de espera',
    subjectNamed: (group) => `Estás en la lista de espera de ${group}`,
    lead: (position) =>
      position === undefined
        ? 'Estás en la lista de espera.'
        : `Estás en la lista de espera, en el puesto ${position}.`,
    leadNamed: (group, position) =>
      position === undefined
        ? `Estás en la lista de espera de ${group}.`
        : `Estás en la lista de espera de ${group}, en el puesto ${position}.`,
    next: 'Si se libera una plaza, es tuya, y te enviaremos un correo con los detalles. No tienes que hacer nada.',
  },
  promoted: {
    subject: 'Se liberó una plaza para ti',
    subjectNamed: (group) => `Se liberó una plaza para ti en ${group}`,
    lead: 'Buenas noticias: se liberó una plaza y ya es tuya.',
    leadNamed: (group) => `Buenas noticias: se liberó una plaza en ${group} y ya es tuya.`,
  },
  greeting: 'Hola:',
  when: 'Cuándo',
  joining: 'Cómo unirte',
  cancelRegistered: 'Si no puedes ir, puedes cancelar aquí y tu plaza pasará a otra persona:',
  cancelWaitlisted: 'Si prefieres no esperar, puedes salir de la lista de espera aquí:',
  noReply: 'No hace falta que respondas a este correo.',
};

const TABLES: Record<string, RegistrationEmailTexts> = { en, es };

/** The table for a BCP 47 tag by its language (`es-MX` → `es`); English when there is none. */
export function registrationEmailTexts(locale: string): RegistrationEmailTexts {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(TABLES, language) ? TABLES[language]! : en;
}
