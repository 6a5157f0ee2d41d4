/**
 * The words of the registration emails (and of the group's changes staff make: it ends, a session is cancelled or
 * back on), per language. Plain and warm, lower-secondary reading level, and nothing
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
  /** The group is archived: to everyone who had a place or was waiting. */
  ended: {
    subject: string;
    subjectNamed: (group: string) => string;
    lead: string;
    leadNamed: (group: string) => string;
    thanks: string;
    deleted: string;
    elsewhere: string;
    elsewhereNamed: string;
    /** Before the campus counselling page, in a named email only: its address tends to say what it is for. */
    counselling: string;
  };
  /** One session is cancelled: to those with a place. */
  sessionCancelled: SessionChangeTexts;
  /** A cancellation is taken back: to those with a place. */
  sessionBackOn: SessionChangeTexts;
  greeting: string;
  when: string;
  joining: string;
  cancelRegistered: string;
  cancelWaitlisted: string;
  noReply: string;
}

/** A change to one session; the session itself goes on its own line after the lead. */
export interface SessionChangeTexts {
  subject: string;
  subjectNamed: (group: string) => string;
  lead: string;
  leadNamed: (group: string) => string;
  next: string;
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
  ended: {
    subject: 'Your sessions have ended',
    subjectNamed: (group) => `${group} has ended`,
    lead: 'We are sorry to let you know that the sessions you signed up for have ended. There will be no more sessions.',
    leadNamed: (group) => `We are sorry to let you know that ${group} has ended. There will be no more sessions.`,
    thanks: 'Thank you for signing up.',
    deleted:
      'Your registration and the contact details you gave us have been deleted, so we will not write to you about it again.',
    elsewhere:
      'If you would like to keep meeting people, you can look for other sessions in the same place you found these.',
    elsewhereNamed:
      'If you would like to keep meeting people, you can look for another group in the same place you found this one.',
    counselling: 'If you would like to talk to someone, the campus counselling service is there for you:',
  },
  sessionCancelled: {
    subject: 'A session is cancelled',
    subjectNamed: (group) => `A session of ${group} is cancelled`,
    lead: 'One session is cancelled. We are sorry for the change.',
    leadNamed: (group) => `One session of ${group} is cancelled. We are sorry for the change.`,
    next: 'Your place in the other sessions stays as it is. You do not need to do anything.',
  },
  sessionBackOn: {
    subject: 'A session is back on',
    subjectNamed: (group) => `A session of ${group} is back on`,
    lead: 'Good news: a session that was cancelled will go ahead after all.',
    leadNamed: (group) => `Good news: a session of ${group} that was cancelled will go ahead after all.`,
    next: 'Your place is kept. You do not need to do anything.',
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
  ended: {
    subject: 'Tus sesiones han terminado',
    subjectNamed: (group) => `${group} ha terminado`,
    lead: 'Sentimos contarte que las sesiones en las que te inscribiste han terminado. No habrá más sesiones.',
    leadNamed: (group) => `Sentimos contarte que ${group} ha terminado. No habrá más sesiones.`,
    thanks: 'Gracias por inscribirte.',
    deleted:
      'Hemos borrado tu inscripción y los datos de contacto que nos diste, así que no volveremos a escribirte por esto.',
    elsewhere:
      'Si quieres seguir conociendo gente, puedes buscar otras sesiones en el mismo lugar donde encontraste estas.',
    elsewhereNamed:
      'Si quieres seguir conociendo gente, puedes buscar otro grupo en el mismo lugar donde encontraste este.',
    counselling: 'Si quieres hablar con alguien, el servicio de orientación psicológica del campus está para ayudarte:',
  },
  sessionCancelled: {
    subject: 'Se canceló una sesión',
    subjectNamed: (group) => `Se canceló una sesión de ${group}`,
    lead: 'Se canceló una sesión. Sentimos el cambio.',
    leadNamed: (group) => `Se canceló una sesión de ${group}. Sentimos el cambio.`,
    next: 'Tu plaza en las demás sesiones sigue igual. No tienes que hacer nada.',
  },
  sessionBackOn: {
    subject: 'Una sesión ya no está cancelada',
    subjectNamed: (group) => `Una sesión de ${group} ya no está cancelada`,
    lead: 'Buenas noticias: una sesión que se había cancelado se hará al final.',
    leadNamed: (group) => `Buenas noticias: una sesión de ${group} que se había cancelado se hará al final.`,
    next: 'Tu plaza sigue siendo tuya. No tienes que hacer nada.',
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
