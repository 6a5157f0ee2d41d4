import type { CheckInMessages } from './en.js';

/**
 * The check-in's Spanish strings (neutral Latin American Spanish, "tú"). The WHO-5 and PHQ-4 items and answers are
 * the instruments' published Spanish translations, item for item, and keep their own register ("usted"); see
 * ../instruments/instruments.ts for the sources. Re-check them against the sources before a release.
 */
export const checkInEs: CheckInMessages = {
  'checkIn.heading': '¿Cómo estás?',
  'checkIn.intro': 'Un chequeo rápido. No hay respuestas correctas ni incorrectas, y nunca te pedimos tu nombre.',
  'checkIn.privacy':
    'Tus respuestas son anónimas y se guardan {days} días para ayudar al campus a planificar el apoyo.',
  'checkIn.privacy.noDays': 'Tus respuestas son anónimas y se guardan solo por un tiempo limitado.',
  'checkIn.privacy.local': 'Tus respuestas se quedan en esta página. No se envía nada.',

  'checkIn.mood.legend': '¿Cómo te sientes hoy?',
  'checkIn.mood.1': 'Muy mal',
  'checkIn.mood.2': 'Mal',
  'checkIn.mood.3': 'Regular',
  'checkIn.mood.4': 'Bien',
  'checkIn.mood.5': 'Muy bien',
  'checkIn.emotions.legend': '¿Alguna palabra que te describa? (opcional)',
  'checkIn.topics.legend': '¿Qué tienes en mente? (opcional)',
  'checkIn.note.label': '¿Quieres decir algo más? (opcional)',
  'checkIn.note.hint': 'Por favor, no incluyas nombres ni datos de contacto.',
  'checkIn.note.count': '{count} de {max} caracteres',
  'checkIn.note.helpIsHere': 'Si estás pensando en hacerte daño, aquí hay ayuda, a cualquier hora.',
  'checkIn.note.showHelp': 'Ver opciones de ayuda',

  'checkIn.emotion.calm': 'en calma',
  'checkIn.emotion.content': 'a gusto',
  'checkIn.emotion.grateful': 'agradecido/a',
  'checkIn.emotion.hopeful': 'con esperanza',
  'checkIn.emotion.happy': 'feliz',
  'checkIn.emotion.excited': 'con entusiasmo',
  'checkIn.emotion.proud': 'orgulloso/a',
  'checkIn.emotion.relieved': 'aliviado/a',
  'checkIn.emotion.motivated': 'con motivación',
  'checkIn.emotion.tired': 'cansado/a',
  'checkIn.emotion.bored': 'aburrido/a',
  'checkIn.emotion.lonely': 'solo/a',
  'checkIn.emotion.sad': 'triste',
  'checkIn.emotion.disappointed': 'decepcionado/a',
  'checkIn.emotion.numb': 'sin sentir nada',
  'checkIn.emotion.overwhelmed': 'agobiado/a',
  'checkIn.emotion.anxious': 'con ansiedad',
  'checkIn.emotion.stressed': 'estresado/a',
  'checkIn.emotion.worried': 'preocupado/a',
  'checkIn.emotion.frustrated': 'frustrado/a',
  'checkIn.emotion.angry': 'enojado/a',
  'checkIn.emotion.irritable': 'irritable',
  'checkIn.emotion.ashamed': 'con vergüenza',
  'checkIn.emotion.confused': 'confundido/a',

  'checkIn.topic.studies': 'los estudios',
  'checkIn.topic.exams': 'los exámenes',
  'checkIn.topic.work': 'el trabajo',
  'checkIn.topic.money': 'el dinero',
  'checkIn.topic.housing': 'la vivienda',
  'checkIn.topic.family': 'la familia',
  'checkIn.topic.friends': 'las amistades',
  'checkIn.topic.relationships': 'las relaciones de pareja',
  'checkIn.topic.loneliness': 'la soledad',
  'checkIn.topic.health': 'la salud',
  'checkIn.topic.sleep': 'el sueño',
  'checkIn.topic.identity': 'la identidad',
  'checkIn.topic.future': 'el futuro',
  'checkIn.topic.news': 'las noticias',
  'checkIn.topic.other': 'otra cosa',

  // WHO-5, published Spanish translation (WHO Collaborating Centre in Mental Health, Psychiatric Centre North Zealand).
  'checkIn.who5.instructions':
    'Por favor, indique para cada una de las cinco afirmaciones cuál define mejor cómo se ha sentido durante las últimas dos semanas.',
  'checkIn.who5.item1': 'Me he sentido alegre y de buen humor',
  'checkIn.who5.item2': 'Me he sentido tranquilo y relajado',
  'checkIn.who5.item3': 'Me he sentido activo y enérgico',
  'checkIn.who5.item4': 'Me he despertado fresco y descansado',
  'checkIn.who5.item5': 'Mi vida cotidiana ha estado llena de cosas que me interesan',
  'checkIn.who5.answer5': 'Todo el tiempo',
  'checkIn.who5.answer4': 'La mayor parte del tiempo',
  'checkIn.who5.answer3': 'Más de la mitad del tiempo',
  'checkIn.who5.answer2': 'Menos de la mitad del tiempo',
  'checkIn.who5.answer1': 'De vez en cuando',
  'checkIn.who5.answer0': 'Nunca',
  'checkIn.who5.attribution':
    'Índice de Bienestar WHO-5. Psychiatric Centre North Zealand, Centro Colaborador de la OMS en Salud Mental. De uso libre.',

  // PHQ-4, published Spanish (USA) wording of the PHQ-9 and GAD-7 items it is made of.
  'checkIn.phq4.instructions':
    'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?',
  'checkIn.phq4.nervous': 'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta',
  'checkIn.phq4.worrying': 'No ha sido capaz de parar o controlar su preocupación',
  'checkIn.phq4.down': 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas',
  'checkIn.phq4.interest': 'Poco interés o placer en hacer cosas',
  'checkIn.phq4.answer0': 'Ningún día',
  'checkIn.phq4.answer1': 'Varios días',
  'checkIn.phq4.answer2': 'Más de la mitad de los días',
  'checkIn.phq4.answer3': 'Casi todos los días',
  'checkIn.phq4.attribution':
    'PHQ-4. Desarrollado por los Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas. No se requiere permiso para reproducirlo.',

  'checkIn.safety.legend':
    'En las últimas dos semanas, ¿has tenido pensamientos de hacerte daño o de no querer estar vivo o viva?',
  'checkIn.safety.why': 'Se lo preguntamos a todas las personas, para mostrarte ayuda enseguida si la quieres.',
  'checkIn.safety.no': 'No',
  'checkIn.safety.yes': 'Sí',
  'checkIn.safety.heading': 'No tienes que pasar por esto a solas.',
  'checkIn.safety.text': 'Puedes hablar con alguien ahora mismo, a cualquier hora.',
  'checkIn.help.heading': 'Aquí hay ayuda, cuando la quieras.',
  'checkIn.safety.continue': 'Puedes enviar tu chequeo o dejarlo aquí. Las dos opciones están bien.',
  'checkIn.safety.announce': 'Se muestran opciones de ayuda. Puedes hablar con alguien ahora mismo.',

  'checkIn.followUp.label': 'Quiero que alguien de {campus} se ponga en contacto conmigo',
  'checkIn.followUp.labelNoCampus': 'Quiero que alguien del campus se ponga en contacto conmigo',
  'checkIn.followUp.channel': '¿Cómo te pueden contactar?',
  'checkIn.followUp.email': 'Correo electrónico',
  'checkIn.followUp.phone': 'Teléfono',
  'checkIn.followUp.emailLabel': 'Tu correo electrónico',
  'checkIn.followUp.phoneLabel': 'Tu número de teléfono',
  'checkIn.followUp.who':
    'Una persona del equipo de bienestar del campus leerá este chequeo y te contactará en un plazo de {days} días hábiles. No es un servicio de emergencias.',
  'checkIn.followUp.whoNoDays':
    'Una persona del equipo de bienestar del campus leerá este chequeo y te contactará. No es un servicio de emergencias.',
  'checkIn.followUp.limits':
    'Lo que compartas es confidencial. La única excepción: si creen que tu vida corre peligro, se lo dirán al profesional de guardia, y te avisarán.',
  'checkIn.followUp.consent': 'Acepto que me contacten sobre este chequeo.',

  'checkIn.error.summary': 'Revisa las respuestas marcadas arriba.',
  'checkIn.error.mood': 'Elige cómo te sientes.',
  'checkIn.error.item': 'Elige una respuesta para esta pregunta.',
  'checkIn.error.email': 'Escribe un correo electrónico, por ejemplo nombre@ejemplo.edu.',
  'checkIn.error.phone': 'Escribe un número de teléfono con dígitos.',
  'checkIn.error.consent': 'Marca la casilla para aceptar, o desmarca «ponerse en contacto» arriba.',

  'checkIn.submit': 'Enviar chequeo',
  'checkIn.finish': 'Ver próximos pasos',
  'checkIn.sending': 'Enviando tu chequeo…',
  'checkIn.slow': 'Esto está tardando más de lo normal. Tus respuestas siguen aquí y seguimos intentando enviarlas.',
  'checkIn.offline':
    'No tienes conexión, así que tu chequeo todavía no se envió. Tus respuestas siguen aquí. Deja esta página abierta y las enviaremos cuando vuelvas a tener conexión.',
  'checkIn.notSent': 'Tu chequeo no se envió. Tus respuestas siguen aquí.',
  'checkIn.sendNow': 'Enviar ahora',
  'checkIn.unconfirmed':
    'No pudimos confirmar que tu chequeo haya llegado. Tus respuestas siguen aquí. Si lo envías de nuevo, no se enviará dos veces.',
  'checkIn.sent': 'Chequeo enviado.',
  'checkIn.cancelled': 'Tu chequeo no se envió.',

  'checkIn.result.heading': 'Gracias por hacer tu chequeo',
  'checkIn.result.mood.high': 'Qué bueno que las cosas van bien. Vale la pena notar qué te ayuda.',
  'checkIn.result.mood.middle':
    'Vale la pena tomarte un momento para ti. Las cosas pequeñas pueden marcar la diferencia.',
  'checkIn.result.mood.low': 'Los días difíciles pasan y los sentimientos cambian. No tienes que enfrentarlo a solas.',
  'checkIn.result.who5.typical': 'Tus respuestas sugieren que las cosas han ido bastante bien últimamente.',
  'checkIn.result.who5.low':
    'Tus respuestas sugieren que las últimas dos semanas pueden haber sido difíciles. Hablar con alguien puede ayudar.',
  'checkIn.result.who5.veryLow':
    'Tus respuestas sugieren que las últimas dos semanas han sido muy difíciles. Hablar con una persona de consejería podría ayudar, y puedes pedir apoyo ahora mismo.',
  'checkIn.result.phq4.none':
    'Tus respuestas sugieren que la preocupación y el ánimo bajo no te han afectado mucho últimamente.',
  'checkIn.result.phq4.some':
    'Tus respuestas sugieren que la preocupación o el ánimo bajo te han afectado últimamente. El apoyo ayuda, y los sentimientos cambian.',
  'checkIn.result.phq4.high':
    'Tus respuestas sugieren que la preocupación o el ánimo bajo te han afectado mucho últimamente. Hablar pronto con una persona de consejería podría ayudar, y los sentimientos pueden cambiar.',
  'checkIn.result.notDiagnosis':
    'Esto no es un diagnóstico. Es una forma de notar cómo estás y encontrar un próximo paso.',
  'checkIn.result.lowItem':
    'Algunas respuestas sugieren que una parte de tu vida ha sido difícil. Puede ayudar hablarlo con alguien.',
  'checkIn.result.again': 'Hacer un chequeo nuevo',
  'checkIn.result.safety':
    'Lo que nos contaste importa. Hablar con alguien puede ayudar, y los sentimientos pueden cambiar.',
  'checkIn.result.followUp': 'Alguien de {campus} se pondrá en contacto contigo en un plazo de {days} días hábiles.',
  'checkIn.result.followUpNoDays': 'Alguien del equipo de bienestar del campus se pondrá en contacto contigo.',

  'checkIn.next.heading': 'Próximos pasos que podrías dar',
  'checkIn.next.crisis': 'Pedir ayuda ahora',
  'checkIn.next.crisisText': 'Habla con alguien ahora mismo, a cualquier hora.',
  'checkIn.next.peer': 'Hablar con un compañero de apoyo formado',
  'checkIn.next.peerText': 'Un estudiante capacitado para escuchar, sin juzgar.',
  'checkIn.next.group': 'Encontrar un grupo de apoyo entre pares',
  'checkIn.next.groupText': 'Conoce a otros estudiantes que entienden.',
  'checkIn.next.groupTopics': 'Conoce a otros estudiantes que entienden. Temas: {topics}.',
  'checkIn.next.counsellor': 'Contactar al servicio de consejería',
  'checkIn.next.counsellorText': 'Apoyo profesional gratuito y confidencial.',

  'checkIn.reminder.heading': 'Un recordatorio semanal',
  'checkIn.reminder.day': 'Día',
  'checkIn.reminder.time': 'Hora',
  'checkIn.reminder.discreet': 'Usar un título discreto en mi calendario («{title}»)',
  'checkIn.reminder.title': 'Mi chequeo semanal',
  'checkIn.reminder.discreetTitle': 'Tiempo personal',
  'checkIn.reminder.alarm': 'Es hora de tu chequeo rápido',
  'checkIn.reminder.add': 'Agregar a mi calendario un recordatorio semanal para hacer el chequeo',
  'checkIn.reminder.added': 'Se está descargando el archivo de calendario. Ábrelo para agregar el recordatorio.',
};
