/**
 * The peer request button's English strings. Wording follows DOMAIN.md: plain, warm, brief; say what happens next;
 * never promise a response time the backend did not give ("about", and only when it gives a number); peer supporters
 * are students, not counsellors; crisis help is never behind a step. Times, days and numbers come from Intl.
 */
export const requestButtonEn = {
  'request.button': 'Talk to a peer supporter',
  'request.button.onShift': 'Supporters are on shift now.',
  'request.button.onShiftWait': 'Supporters are on shift now. The wait is about {minutes} min.',
  'request.button.nobody': 'No one is on shift right now.',
  'request.button.opensToday': 'Opens today at {time}.',
  'request.button.opensTomorrow': 'Opens tomorrow at {time}.',
  'request.button.opensOn': 'Opens {day} at {time}.',
  'request.button.closed': 'Closed right now.',
  'request.button.unknown': 'We could not check who is on shift just now.',
  'request.haveCode': 'I have a code',
  'request.status.open': 'Your request',

  'request.dialog.heading': 'Talk to a peer supporter',
  'request.dialog.close': 'Close',
  'request.dialog.intro':
    "You don't have to be in crisis to reach out. Peer supporters are trained students, not counsellors. They listen, share information and help you find services.",
  'request.step': 'Step {current} of {total}',
  'request.back': 'Back',
  'request.next': 'Next',
  'request.send': 'Send my request',
  'request.sending': 'Sending your request…',
  'request.notSent': 'Your request was not sent.',
  'request.unconfirmed':
    'We could not confirm that your request arrived. It may already be in line. Your answers are still here: choose “{send}” again and it will not be sent twice. If you need someone now, these can help:',
  'request.unreadable':
    'Your request may have been sent, but we could not read the reply. Trying again will not send it twice. If you need someone now, these can help:',

  'request.safety.legend': 'Are you in danger right now, or thinking about ending your life?',
  'request.safety.no': 'No',
  'request.safety.yes': 'Yes',
  'request.safety.help':
    'Thank you for telling us. Please reach someone now: the services below can help straight away. A peer supporter is not the right first step when you are in danger.',
  'request.safety.announce': 'Help you can reach now is shown.',
  'request.safety.required': 'Choose Yes or No to go on.',

  'request.topic.legend': 'What would you like to talk about?',
  'request.topic.choose': 'Choose a topic',
  'request.topic.help': 'You are welcome here. If things feel urgent, these services can help straight away:',
  'request.topic.required': 'Choose a topic to go on.',
  'request.note.label': 'Anything the supporter should know first (optional)',
  'request.note.hint':
    'Only the supporter who takes your request and their supervisor read this. Up to 500 characters.',
  'request.note.tooLong': 'Please keep this under 500 characters.',

  'request.kind.legend': 'What kind of support would help?',
  'request.kind.listen': 'Someone to listen',
  'request.kind.information': 'Information',
  'request.kind.finding-services': 'Help finding services',

  'request.channel.legend': 'How would you like to talk?',
  'request.channel.chat': 'Chat',
  'request.channel.call': 'Phone call',
  'request.channel.video': 'Video call',
  'request.channel.in-person': 'In person',
  'request.channel.availableNow': 'Supporters on shift now can take: {channels}.',

  'request.when.legend': 'When?',
  'request.when.asap': 'As soon as someone is free',
  'request.when.scheduled': 'At a time I choose',
  'request.when.at': 'Date and time (your time)',
  'request.when.invalid': 'Choose a time at least 15 minutes from now and within 30 days.',
  'request.when.noLater': 'Requests for a later time cannot be made just now.',

  'request.language.label': 'Language',
  'request.prefs.legend': 'Preferences (optional)',
  'request.prefs.hint': 'We try to meet these, but cannot promise to.',
  'request.prefs.gender': 'Supporter’s gender',
  'request.prefs.gender.no-preference': 'No preference',
  'request.prefs.gender.woman': 'A woman',
  'request.prefs.gender.man': 'A man',
  'request.prefs.gender.non-binary': 'A non-binary person',
  'request.prefs.shared': 'Someone who shares this experience (up to 5)',
  'request.prefs.tooMany': 'Please choose 5 or fewer.',
  'request.shared.lgbtqia': 'LGBTQIA+',
  'request.shared.international-student': 'International student',
  'request.shared.student-parent': 'Student parent',
  'request.shared.disability': 'Disability',
  'request.shared.neurodivergence': 'Neurodivergence',
  'request.shared.first-generation': 'First in family at university',
  'request.shared.bipoc': 'Black, Indigenous or person of colour',
  'request.shared.mature-student': 'Mature student',
  'request.shared.faith': 'Faith',
  'request.shared.care-experience': 'Care experience',

  'request.contact.legend': 'How should we reach you?',
  'request.contact.anonymous-code': 'No contact details: I will check with a code',
  'request.contact.anonymous-code.hint': 'You get a code to check your request. Nobody learns who you are.',
  'request.contact.email': 'Email',
  'request.contact.email.hint': 'Any address you choose. It does not have to show your name.',
  'request.contact.phone': 'Phone',
  'request.contact.email.label': 'Email address',
  'request.contact.email.invalid': 'Enter an email address like name@example.com.',
  'request.contact.phone.label': 'Phone number, with country code',
  'request.contact.phone.hint': 'For example +1 212 555 0123.',
  'request.contact.phone.invalid': 'Enter the number with its country code, starting with +.',
  'request.contact.textOk': 'A supporter may send me a text message',

  'request.consent.legend': 'Before you send',
  'request.consent.who':
    'A trained peer supporter reads your request. Supporters are students, supervised by a counsellor, and may discuss it with their supervisor.',
  'request.consent.limits':
    'What you share stays confidential, with one limit: if your life or someone else’s is at risk, the supporter tells the on-call professional, and they will tell you.',
  'request.consent.keep': 'Your details are deleted some time after your request ends.',
  'request.consent.agree': 'I understand and want to send my request',
  'request.consent.required': 'Please tick the box to send your request.',

  'request.fields.fix': 'Please check the highlighted answer.',

  'request.state.queued': 'Waiting',
  'request.state.claimed': 'A supporter has picked this up',
  'request.state.in-progress': 'A supporter has picked this up',
  'request.state.closed': 'Closed',
  'request.state.cancelled': 'Cancelled',
  'request.state.escalated-to-professional': 'A professional is taking this over',
  'request.status.heading': 'Your request',
  'request.status.label': 'Status: {status}',
  'request.status.place': 'You are number {position} in line.',
  'request.status.wait': 'The wait is about {minutes} min.',
  'request.status.noEstimate': 'We cannot say how long the wait will be.',
  'request.status.scheduled': 'Booked for {time}.',
  'request.status.supporter': 'Your supporter: {name}',
  'request.status.join': 'Join the conversation',
  'request.status.escalated':
    'A professional will be in touch with you. If you need help before then, the services below are there now.',
  'request.status.closedText': 'This request has ended. You can make a new one whenever you like.',
  'request.status.cancelledText': 'Your request is cancelled.',
  'request.status.checking': 'Checking your request…',
  'request.status.gone': 'We could not find a request with this code. Requests are deleted some time after they end.',
  'request.status.stale': 'We could not check for updates just now. We will keep trying.',
  'request.status.recovered': 'Your earlier request had already gone through, so here it is.',
  'request.submitted': 'Your request was sent.',

  'request.code.heading': 'Your code',
  'request.code.text':
    'Keep this code to check your request from any device. It is shown only now, and it is not saved on this device.',
  'request.code.copy': 'Copy code',
  'request.code.copied': 'Code copied.',
  'request.code.copyFailed': 'Could not copy automatically. The code is selected so you can copy it yourself.',
  'request.code.label': 'Your code',
  'request.code.hint': 'The code you were given when you sent your request.',
  'request.code.check': 'Check my request',
  'request.code.invalid': 'This does not look like a request code. Please check it and try again.',

  'request.cancel': 'Cancel my request',
  'request.cancel.confirm': 'Cancel your request? A supporter will no longer see it.',
  'request.cancel.yes': 'Yes, cancel it',
  'request.cancel.no': 'Keep my request',
  'request.cancel.sending': 'Cancelling…',
  'request.cancel.done': 'Your request is cancelled.',
  'request.cancel.failed': 'Your request was not cancelled.',
  'request.cancel.unconfirmed':
    'We could not confirm that your request was cancelled. If it was, its status will say so soon. You can try again.',
  'request.cancel.tooLate': 'This request can no longer be cancelled here.',
  'request.again': 'Make a new request',

  'request.fallback.nobody': 'No one is on shift right now.',
  'request.fallback.long': 'The wait is longer than usual right now.',
  'request.fallback.queue':
    'You can still send a request, and a supporter will see it when they are next on shift. Meanwhile, these can help:',
  'request.fallback.queued':
    'Your request stays in line, and a supporter will see it when they are next on shift. Meanwhile, these can help:',
  'request.fallback.queueLong':
    'You can still send a request: supporters on shift answer requests in turn. Meanwhile, these can help:',
  'request.fallback.queuedLong':
    'Your request stays in line, and supporters on shift answer in turn. Meanwhile, these can help:',
  'request.fallback.unknown': 'You can still send a request. If you need someone now, these can help:',
  'request.fallback.groups': 'Find a peer support group',
  'request.fallback.helplines': 'Helplines you can reach now',

  'request.error': 'Something went wrong.',
  'request.notConfigured': 'Peer support requests are not set up on this page yet.',
} as const;

export type RequestButtonMessages = { readonly [K in keyof typeof requestButtonEn]: string };
