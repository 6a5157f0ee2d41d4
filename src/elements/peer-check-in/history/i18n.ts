import { extendLocale } from '../../../core/i18n/catalog.js';

/**
 * The words of the check-in history, in English (the reference table). Safe messaging (DOMAIN.md): plain and warm;
 * results in gentle words, never a score or a clinical label; no streaks or anything that makes a gap feel like a
 * failure; say plainly where the data lives and who could see it before the student turns it on.
 */
export const historyEn = {
  'checkIn.history.remember.label': 'Keep my check-ins on this device',
  'checkIn.history.remember.onlyHere': 'They stay only in this browser on this device. Nothing is sent anywhere.',
  'checkIn.history.remember.whatIsKept': 'We keep the date and how it went, never your notes.',
  'checkIn.history.remember.othersCanSee': 'Anyone who uses this device and browser could see them.',
  'checkIn.history.remember.deleteAnyTime': 'You can delete them at any time. Turning this off deletes them too.',
  'checkIn.history.remember.on': 'Your check-ins will be kept on this device from now on.',
  'checkIn.history.remember.off': 'Your check-ins are no longer kept on this device.',
  'checkIn.history.remember.offDeleted':
    'Your check-ins are no longer kept on this device, and the ones kept here were deleted.',
  'checkIn.history.problem.unavailable':
    'This browser does not let us keep check-ins on this device. Everything else works as usual.',
  'checkIn.history.problem.full': "This browser's storage for this site is full, so we cannot keep check-ins here.",
  'checkIn.history.problem.malformed': 'Some check-ins kept on this device could not be read, so they are not shown.',
  'checkIn.history.notKept.unavailable':
    'We could not keep this check-in on this device, because this browser does not allow it here.',
  'checkIn.history.notKept.full':
    "We could not keep this check-in on this device, because this browser's storage for this site is full.",
  'checkIn.history.heading': 'Your past check-ins',
  'checkIn.history.empty': 'Nothing kept yet. Each check-in you finish will be added here.',
  'checkIn.history.showing': 'Showing your last {shown} of {count} check-ins. Downloads include all of them.',
  'checkIn.history.chart.label':
    'How you felt at your last {count} quick mood check-ins, from {first} on {firstDate} to {last} on {lastDate}.',
  'checkIn.history.table.caption': 'Your check-ins, oldest first',
  'checkIn.history.column.date': 'Date',
  'checkIn.history.column.utc': 'Date and time (UTC)',
  'checkIn.history.column.checkIn': 'Check-in',
  'checkIn.history.column.feeling': 'How it went',
  'checkIn.history.column.emotions': 'Feelings',
  'checkIn.history.column.topics': 'On your mind',
  'checkIn.history.words.emotions': 'Feelings: {words}',
  'checkIn.history.words.topics': 'On your mind: {words}',
  'checkIn.history.instrument.mood': 'Quick mood',
  'checkIn.history.instrument.who5': 'Wellbeing questions (WHO-5)',
  'checkIn.history.instrument.phq4': 'Worry and mood questions (PHQ-4)',
  'checkIn.history.mood.1': 'Very low',
  'checkIn.history.mood.2': 'Low',
  'checkIn.history.mood.3': 'Okay',
  'checkIn.history.mood.4': 'Good',
  'checkIn.history.mood.5': 'Very good',
  'checkIn.history.band.who5.typical': 'Mostly feeling okay',
  'checkIn.history.band.who5.low': 'A harder time',
  'checkIn.history.band.who5.very-low': 'A really hard time',
  'checkIn.history.band.phq4.none': 'Mostly feeling okay',
  'checkIn.history.band.phq4.mild': 'Some hard days',
  'checkIn.history.band.phq4.moderate': 'A harder time',
  'checkIn.history.band.phq4.severe': 'A really hard time',
  'checkIn.history.export.csv': 'Download as a spreadsheet (CSV)',
  'checkIn.history.export.json': 'Download as a data file (JSON)',
  'checkIn.history.export.hint': 'Files are saved on this device. Keep them somewhere private.',
  'checkIn.history.export.started': 'Your file {fileName} is downloading.',
  'checkIn.history.export.failed': 'We could not create the file. Please try again.',
  'checkIn.history.fileName': 'my-check-ins-{date}',
  'checkIn.history.delete': 'Delete all',
  'checkIn.history.delete.question.one': 'Delete the check-in kept on this device? This cannot be undone.',
  'checkIn.history.delete.question.other': 'Delete all {count} check-ins kept on this device? This cannot be undone.',
  'checkIn.history.delete.confirm': 'Yes, delete',
  'checkIn.history.delete.done': 'Deleted. No check-ins are kept on this device now.',
  'checkIn.history.delete.failed':
    "We could not delete them. You can also clear this site's data in your browser's settings.",
  'checkIn.history.turnOff.question.one': 'Turning this off deletes the check-in kept on this device. Turn it off?',
  'checkIn.history.turnOff.question.other':
    'Turning this off deletes the {count} check-ins kept on this device. Turn it off?',
  'checkIn.history.turnOff.confirm': 'Turn off and delete',
  'checkIn.history.keep': "Don't delete",
} as const;

/** The history's keys, declared to the catalog's `MessageKey` below. */
export type HistoryMessages = { readonly [K in keyof typeof historyEn]: string };

/** Spanish (neutral Latin American Spanish, "tú"). Same keys and placeholders as `historyEn`. */
export const historyEs: HistoryMessages = {
  'checkIn.history.remember.label': 'Guardar mis chequeos en este dispositivo',
  'checkIn.history.remember.onlyHere':
    'Se quedan solo en este navegador, en este dispositivo. No se envían a ninguna parte.',
  'checkIn.history.remember.whatIsKept': 'Guardamos la fecha y cómo te fue, nunca tus notas.',
  'checkIn.history.remember.othersCanSee': 'Cualquier persona que use este dispositivo y navegador podría verlos.',
  'checkIn.history.remember.deleteAnyTime':
    'Puedes borrarlos cuando quieras. Si desactivas esta opción, también se borran.',
  'checkIn.history.remember.on': 'Desde ahora, tus chequeos se guardarán en este dispositivo.',
  'checkIn.history.remember.off': 'Tus chequeos ya no se guardan en este dispositivo.',
  'checkIn.history.remember.offDeleted':
    'Tus chequeos ya no se guardan en este dispositivo, y los que había aquí se borraron.',
  'checkIn.history.problem.unavailable':
    'Este navegador no nos deja guardar chequeos en este dispositivo. Todo lo demás funciona como siempre.',
  'checkIn.history.problem.full':
    'El almacenamiento de este navegador para este sitio está lleno, así que no podemos guardar chequeos aquí.',
  'checkIn.history.problem.malformed':
    'No pudimos leer algunos chequeos guardados en este dispositivo, así que no se muestran.',
  'checkIn.history.notKept.unavailable':
    'No pudimos guardar este chequeo en este dispositivo, porque este navegador no lo permite aquí.',
  'checkIn.history.notKept.full':
    'No pudimos guardar este chequeo en este dispositivo, porque el almacenamiento de este navegador para este sitio está lleno.',
  'checkIn.history.heading': 'Tus chequeos anteriores',
  'checkIn.history.empty': 'Todavía no hay nada guardado. Cada chequeo que termines aparecerá aquí.',
  'checkIn.history.showing': 'Se muestran tus últimos {shown} de {count} chequeos. Las descargas los incluyen todos.',
  'checkIn.history.chart.label':
    'Cómo te sentiste en tus últimos {count} chequeos rápidos de ánimo, desde {first} el {firstDate} hasta {last} el {lastDate}.',
  'checkIn.history.table.caption': 'Tus chequeos, del más antiguo al más reciente',
  'checkIn.history.column.date': 'Fecha',
  'checkIn.history.column.utc': 'Fecha y hora (UTC)',
  'checkIn.history.column.checkIn': 'Chequeo',
  'checkIn.history.column.feeling': 'Cómo te fue',
  'checkIn.history.column.emotions': 'Emociones',
  'checkIn.history.column.topics': 'Lo que tenías en mente',
  'checkIn.history.words.emotions': 'Emociones: {words}',
  'checkIn.history.words.topics': 'Lo que tenías en mente: {words}',
  'checkIn.history.instrument.mood': 'Chequeo rápido de ánimo',
  'checkIn.history.instrument.who5': 'Preguntas de bienestar (WHO-5)',
  'checkIn.history.instrument.phq4': 'Preguntas de preocupación y ánimo (PHQ-4)',
  'checkIn.history.mood.1': 'Muy mal',
  'checkIn.history.mood.2': 'Mal',
  'checkIn.history.mood.3': 'Regular',
  'checkIn.history.mood.4': 'Bien',
  'checkIn.history.mood.5': 'Muy bien',
  'checkIn.history.band.who5.typical': 'Bien en general',
  'checkIn.history.band.who5.low': 'Un momento más difícil',
  'checkIn.history.band.who5.very-low': 'Un momento muy difícil',
  'checkIn.history.band.phq4.none': 'Bien en general',
  'checkIn.history.band.phq4.mild': 'Algunos días difíciles',
  'checkIn.history.band.phq4.moderate': 'Un momento más difícil',
  'checkIn.history.band.phq4.severe': 'Un momento muy difícil',
  'checkIn.history.export.csv': 'Descargar como hoja de cálculo (CSV)',
  'checkIn.history.export.json': 'Descargar como archivo de datos (JSON)',
  'checkIn.history.export.hint': 'Los archivos se guardan en este dispositivo. Guárdalos en un lugar privado.',
  'checkIn.history.export.started': 'Se está descargando tu archivo {fileName}.',
  'checkIn.history.export.failed': 'No pudimos crear el archivo. Vuelve a intentarlo.',
  'checkIn.history.fileName': 'mis-chequeos-{date}',
  'checkIn.history.delete': 'Borrar todo',
  'checkIn.history.delete.question.one': '¿Borrar el chequeo guardado en este dispositivo? No se puede deshacer.',
  'checkIn.history.delete.question.other':
    '¿Borrar los {count} chequeos guardados en este dispositivo? No se puede deshacer.',
  'checkIn.history.delete.confirm': 'Sí, borrar',
  'checkIn.history.delete.done': 'Listo. Ya no hay chequeos guardados en este dispositivo.',
  'checkIn.history.delete.failed':
    'No pudimos borrarlos. También puedes borrar los datos de este sitio en la configuración de tu navegador.',
  'checkIn.history.turnOff.question.one':
    'Si desactivas esta opción, se borra el chequeo guardado en este dispositivo. ¿Desactivarla?',
  'checkIn.history.turnOff.question.other':
    'Si desactivas esta opción, se borran los {count} chequeos guardados en este dispositivo. ¿Desactivarla?',
  'checkIn.history.turnOff.confirm': 'Desactivar y borrar',
  'checkIn.history.keep': 'No borrar',
};

declare module '../../../core/i18n/en.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ElementMessages extends HistoryMessages {}
}

let registered = false;

/**
 * Adds the history's words to the catalog, once; a page's own strings for these keys win. It runs when this module
 * loads, and the view's entry points call it too: a bundler that trusts package.json `sideEffects` drops a module
 * imported only for its side effects, and the words with it.
 */
export function registerHistoryStrings(): void {
  if (registered) return;
  registered = true;
  extendLocale('en', historyEn);
  extendLocale('es', historyEs);
}

registerHistoryStrings();
