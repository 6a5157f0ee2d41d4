import type { Messages } from './en.js';

/** Spanish strings (neutral Latin American Spanish, "tú"). Same keys and placeholders as en.ts. */
export const es: Messages = {
  'status.loading': 'Cargando…',
  'status.slow': 'Esto está tardando más de lo normal. Puedes seguir esperando o intentarlo de nuevo.',
  'error.notConfigured': 'Este servicio todavía no está configurado en esta página.',
  'error.network': 'No pudimos conectarnos. Revisa tu conexión a internet y vuelve a intentarlo.',
  'error.timeout': 'El servicio tardó demasiado en responder. Vuelve a intentarlo.',
  'error.server': 'Algo salió mal de nuestro lado. Vuelve a intentarlo en un momento.',
  'error.rateLimited': 'Mucha gente está usando esto ahora. Vuelve a intentarlo en {seconds} segundos.',
  'error.invalidResponse': 'Recibimos una respuesta que no pudimos leer. Vuelve a intentarlo.',
  'action.retry': 'Intentar de nuevo',
  'help.needHelpNow': '¿Necesitas ayuda ahora?',
  'help.urgent': 'Si estás en peligro o piensas en quitarte la vida, puedes recibir ayuda ahora mismo.',
};
