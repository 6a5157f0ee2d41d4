import type { RequestButtonMessages } from './en.js';

/** The peer request button's Spanish strings: the same keys and {placeholders} as English (checked by a test). */
export const requestButtonEs: RequestButtonMessages = {
  'request.button': 'Habla con un compañero de apoyo',
  'request.button.onShift': 'Hay compañeros de apoyo de turno ahora.',
  'request.button.onShiftWait': 'Hay compañeros de apoyo de turno ahora. La espera es de unos {minutes} min.',
  'request.button.nobody': 'Ahora no hay nadie de turno.',
  'request.button.opensToday': 'Abre hoy a las {time}.',
  'request.button.opensTomorrow': 'Abre mañana a las {time}.',
  'request.button.opensOn': 'Abre el {day} a las {time}.',
  'request.button.closed': 'Cerrado en este momento.',
  'request.button.unknown': 'Ahora no hemos podido comprobar quién está de turno.',
  'request.haveCode': 'Tengo un código',
  'request.status.open': 'Tu solicitud',

  'request.dialog.heading': 'Habla con un compañero de apoyo',
  'request.dialog.close': 'Cerrar',
  'request.dialog.intro':
    'No hace falta estar en crisis para pedir apoyo. Los compañeros de apoyo son estudiantes formados, no consejeros. Escuchan, dan información y te ayudan a encontrar servicios.',
  'request.step': 'Paso {current} de {total}',
  'request.back': 'Atrás',
  'request.next': 'Siguiente',
  'request.send': 'Enviar mi solicitud',
  'request.sending': 'Enviando tu solicitud…',
  'request.notSent': 'Tu solicitud no se ha enviado.',
  'request.unconfirmed':
    'No pudimos confirmar que tu solicitud haya llegado. Puede que ya esté en la cola. Tus respuestas siguen aquí: elige «{send}» otra vez y no se enviará dos veces. Si necesitas a alguien ahora, esto puede ayudarte:',
  'request.unreadable':
    'Puede que tu solicitud se haya enviado, pero no hemos podido leer la respuesta. Si lo intentas de nuevo, no se enviará dos veces. Si necesitas a alguien ahora, esto puede ayudarte:',

  'request.safety.legend': '¿Estás en peligro ahora mismo o piensas en quitarte la vida?',
  'request.safety.no': 'No',
  'request.safety.yes': 'Sí',
  'request.safety.help':
    'Gracias por contárnoslo. Por favor, contacta ahora con alguien: los servicios de abajo pueden ayudarte enseguida. Si estás en peligro, un compañero de apoyo no es el primer paso adecuado.',
  'request.safety.announce': 'Se muestra la ayuda a la que puedes acudir ahora.',
  'request.safety.required': 'Elige Sí o No para seguir.',

  'request.topic.legend': '¿De qué te gustaría hablar?',
  'request.topic.choose': 'Elige un tema',
  'request.topic.help': 'Aquí eres bienvenido. Si algo te parece urgente, estos servicios pueden ayudarte enseguida:',
  'request.topic.required': 'Elige un tema para seguir.',
  'request.note.label': 'Algo que deba saber antes la persona de apoyo (opcional)',
  'request.note.hint': 'Solo lo leen la persona que atienda tu solicitud y su supervisor. Hasta 500 caracteres.',
  'request.note.tooLong': 'Por favor, escribe menos de 500 caracteres.',

  'request.kind.legend': '¿Qué tipo de apoyo te ayudaría?',
  'request.kind.listen': 'Alguien que me escuche',
  'request.kind.information': 'Información',
  'request.kind.finding-services': 'Ayuda para encontrar servicios',

  'request.channel.legend': '¿Cómo te gustaría hablar?',
  'request.channel.chat': 'Chat',
  'request.channel.call': 'Llamada',
  'request.channel.video': 'Videollamada',
  'request.channel.in-person': 'En persona',
  'request.channel.availableNow': 'Las personas de turno ahora pueden atender por: {channels}.',

  'request.when.legend': '¿Cuándo?',
  'request.when.asap': 'En cuanto alguien esté libre',
  'request.when.scheduled': 'A la hora que yo elija',
  'request.when.at': 'Fecha y hora (tu hora)',
  'request.when.invalid': 'Elige una hora dentro de al menos 15 minutos y en los próximos 30 días.',
  'request.when.noLater': 'Ahora mismo no se pueden hacer solicitudes para más tarde.',

  'request.language.label': 'Idioma',
  'request.prefs.legend': 'Preferencias (opcional)',
  'request.prefs.hint': 'Intentamos tenerlas en cuenta, pero no podemos prometerlo.',
  'request.prefs.gender': 'Género de la persona de apoyo',
  'request.prefs.gender.no-preference': 'Sin preferencia',
  'request.prefs.gender.woman': 'Una mujer',
  'request.prefs.gender.man': 'Un hombre',
  'request.prefs.gender.non-binary': 'Una persona no binaria',
  'request.prefs.shared': 'Alguien que comparta esta experiencia (hasta 5)',
  'request.prefs.tooMany': 'Por favor, elige 5 o menos.',
  'request.shared.lgbtqia': 'LGBTQIA+',
  'request.shared.international-student': 'Estudiante internacional',
  'request.shared.student-parent': 'Estudiante con hijos',
  'request.shared.disability': 'Discapacidad',
  'request.shared.neurodivergence': 'Neurodivergencia',
  'request.shared.first-generation': 'Primera persona de la familia en la universidad',
  'request.shared.bipoc': 'Persona negra, indígena o racializada',
  'request.shared.mature-student': 'Estudiante adulto',
  'request.shared.faith': 'Fe',
  'request.shared.care-experience': 'Experiencia en el sistema de protección',

  'request.contact.legend': '¿Cómo te contactamos?',
  'request.contact.anonymous-code': 'Sin datos de contacto: consultaré con un código',
  'request.contact.anonymous-code.hint': 'Recibes un código para consultar tu solicitud. Nadie sabe quién eres.',
  'request.contact.email': 'Correo electrónico',
  'request.contact.email.hint': 'La dirección que quieras. No tiene por qué mostrar tu nombre.',
  'request.contact.phone': 'Teléfono',
  'request.contact.email.label': 'Correo electrónico',
  'request.contact.email.invalid': 'Escribe un correo como nombre@ejemplo.com.',
  'request.contact.phone.label': 'Número de teléfono, con prefijo del país',
  'request.contact.phone.hint': 'Por ejemplo +34 612 345 678.',
  'request.contact.phone.invalid': 'Escribe el número con el prefijo del país, empezando por +.',
  'request.contact.textOk': 'Pueden enviarme un mensaje de texto',

  'request.consent.legend': 'Antes de enviar',
  'request.consent.who':
    'Un compañero de apoyo formado lee tu solicitud. Son estudiantes supervisados por un consejero y pueden comentarla con su supervisor.',
  'request.consent.limits':
    'Lo que compartes es confidencial, con un límite: si tu vida o la de otra persona corre peligro, se lo dirán al profesional de guardia, y te lo harán saber.',
  'request.consent.keep': 'Tus datos se borran un tiempo después de que termine tu solicitud.',
  'request.consent.agree': 'Lo entiendo y quiero enviar mi solicitud',
  'request.consent.required': 'Marca la casilla para enviar tu solicitud.',

  'request.fields.fix': 'Revisa la respuesta marcada.',

  'request.state.queued': 'En espera',
  'request.state.claimed': 'Una persona de apoyo ha tomado tu solicitud',
  'request.state.in-progress': 'Una persona de apoyo ha tomado tu solicitud',
  'request.state.closed': 'Cerrada',
  'request.state.cancelled': 'Cancelada',
  'request.state.escalated-to-professional': 'Un profesional se está encargando',
  'request.status.heading': 'Tu solicitud',
  'request.status.label': 'Estado: {status}',
  'request.status.place': 'Eres el número {position} en la fila.',
  'request.status.wait': 'La espera es de unos {minutes} min.',
  'request.status.noEstimate': 'No podemos decir cuánto durará la espera.',
  'request.status.scheduled': 'Reservada para {time}.',
  'request.status.supporter': 'Tu persona de apoyo: {name}',
  'request.status.join': 'Entrar en la conversación',
  'request.status.escalated':
    'Un profesional se pondrá en contacto contigo. Si necesitas ayuda antes, los servicios de abajo están disponibles ahora.',
  'request.status.closedText': 'Esta solicitud ha terminado. Puedes hacer otra cuando quieras.',
  'request.status.cancelledText': 'Tu solicitud está cancelada.',
  'request.status.checking': 'Consultando tu solicitud…',
  'request.status.gone':
    'No encontramos ninguna solicitud con este código. Las solicitudes se borran un tiempo después de terminar.',
  'request.status.stale': 'Ahora no hemos podido buscar novedades. Lo seguiremos intentando.',
  'request.status.recovered': 'Tu solicitud anterior ya se había enviado; aquí la tienes.',
  'request.submitted': 'Tu solicitud se ha enviado.',

  'request.code.heading': 'Tu código',
  'request.code.text':
    'Guarda este código para consultar tu solicitud desde cualquier dispositivo. Solo se muestra ahora y no se guarda en este dispositivo.',
  'request.code.copy': 'Copiar código',
  'request.code.copied': 'Código copiado.',
  'request.code.copyFailed': 'No se pudo copiar. El código está seleccionado para que lo copies tú.',
  'request.code.label': 'Tu código',
  'request.code.hint': 'El código que recibiste al enviar tu solicitud.',
  'request.code.check': 'Consultar mi solicitud',
  'request.code.invalid': 'Esto no parece un código de solicitud. Revísalo y vuelve a intentarlo.',

  'request.cancel': 'Cancelar mi solicitud',
  'request.cancel.confirm': '¿Cancelar tu solicitud? Las personas de apoyo ya no la verán.',
  'request.cancel.yes': 'Sí, cancelarla',
  'request.cancel.no': 'Mantener mi solicitud',
  'request.cancel.sending': 'Cancelando…',
  'request.cancel.done': 'Tu solicitud está cancelada.',
  'request.cancel.failed': 'Tu solicitud no se ha cancelado.',
  'request.cancel.unconfirmed':
    'No pudimos confirmar que tu solicitud se haya cancelado. Si se canceló, su estado lo dirá pronto. Puedes intentarlo de nuevo.',
  'request.cancel.tooLate': 'Esta solicitud ya no se puede cancelar aquí.',
  'request.again': 'Hacer una nueva solicitud',

  'request.fallback.nobody': 'Ahora no hay nadie de turno.',
  'request.fallback.long': 'Ahora la espera es más larga de lo normal.',
  'request.fallback.queue':
    'Puedes enviar tu solicitud igualmente, y una persona de apoyo la verá en su próximo turno. Mientras tanto, esto puede ayudarte:',
  'request.fallback.queued':
    'Tu solicitud sigue en la fila, y una persona de apoyo la verá en su próximo turno. Mientras tanto, esto puede ayudarte:',
  'request.fallback.queueLong':
    'Puedes enviar tu solicitud igualmente: las personas de apoyo de turno responden por orden. Mientras tanto, esto puede ayudarte:',
  'request.fallback.queuedLong':
    'Tu solicitud sigue en la fila, y las personas de apoyo de turno responden por orden. Mientras tanto, esto puede ayudarte:',
  'request.fallback.unknown':
    'Puedes enviar tu solicitud igualmente. Si necesitas a alguien ahora, esto puede ayudarte:',
  'request.fallback.groups': 'Encuentra un grupo de apoyo entre pares',
  'request.fallback.helplines': 'Líneas de ayuda disponibles ahora',

  'request.error': 'Algo ha salido mal.',
  'request.notConfigured': 'Las solicitudes de apoyo entre pares aún no están configuradas en esta página.',
};
