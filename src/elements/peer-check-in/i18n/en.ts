/**
 * The check-in's English strings. Wording follows DOMAIN.md: plain, warm, brief; never a diagnosis, a score or a
 * label; urgent help offered, never forced. The WHO-5 and PHQ-4 items and answers are the instruments' published
 * English wording, item for item (sources in ../instruments/instruments.ts); never paraphrase them.
 */
export const checkInEn = {
  'checkIn.heading': 'How are you doing?',
  'checkIn.intro': 'A quick check-in. There are no right or wrong answers, and we never ask your name.',
  'checkIn.privacy': 'Your answers are anonymous and kept for {days} days to help the campus plan support.',
  'checkIn.privacy.noDays': 'Your answers are anonymous and kept only for a limited time.',
  'checkIn.privacy.local': 'Your answers stay on this page. Nothing is sent.',

  'checkIn.mood.legend': 'How are you feeling today?',
  'checkIn.mood.1': 'Very low',
  'checkIn.mood.2': 'Low',
  'checkIn.mood.3': 'Okay',
  'checkIn.mood.4': 'Good',
  'checkIn.mood.5': 'Very good',
  'checkIn.emotions.legend': 'Any words that fit? (optional)',
  'checkIn.topics.legend': "What's on your mind? (optional)",
  'checkIn.note.label': 'Anything else you want to say? (optional)',
  'checkIn.note.hint': 'Please leave out names and contact details.',
  'checkIn.note.count': '{count} of {max} characters',
  'checkIn.note.helpIsHere': "If you're thinking about hurting yourself, help is here, any time.",
  'checkIn.note.showHelp': 'Show help options',

  'checkIn.emotion.calm': 'calm',
  'checkIn.emotion.content': 'content',
  'checkIn.emotion.grateful': 'grateful',
  'checkIn.emotion.hopeful': 'hopeful',
  'checkIn.emotion.happy': 'happy',
  'checkIn.emotion.excited': 'excited',
  'checkIn.emotion.proud': 'proud',
  'checkIn.emotion.relieved': 'relieved',
  'checkIn.emotion.motivated': 'motivated',
  'checkIn.emotion.tired': 'tired',
  'checkIn.emotion.bored': 'bored',
  'checkIn.emotion.lonely': 'lonely',
  'checkIn.emotion.sad': 'sad',
  'checkIn.emotion.disappointed': 'disappointed',
  'checkIn.emotion.numb': 'numb',
  'checkIn.emotion.overwhelmed': 'overwhelmed',
  'checkIn.emotion.anxious': 'anxious',
  'checkIn.emotion.stressed': 'stressed',
  'checkIn.emotion.worried': 'worried',
  'checkIn.emotion.frustrated': 'frustrated',
  'checkIn.emotion.angry': 'angry',
  'checkIn.emotion.irritable': 'irritable',
  'checkIn.emotion.ashamed': 'ashamed',
  'checkIn.emotion.confused': 'confused',

  'checkIn.topic.studies': 'studies',
  'checkIn.topic.exams': 'exams',
  'checkIn.topic.work': 'work',
  'checkIn.topic.money': 'money',
  'checkIn.topic.housing': 'housing',
  'checkIn.topic.family': 'family',
  'checkIn.topic.friends': 'friends',
  'checkIn.topic.relationships': 'relationships',
  'checkIn.topic.loneliness': 'loneliness',
  'checkIn.topic.health': 'health',
  'checkIn.topic.sleep': 'sleep',
  'checkIn.topic.identity': 'identity',
  'checkIn.topic.future': 'the future',
  'checkIn.topic.news': 'the news',
  'checkIn.topic.other': 'something else',

  // WHO-5, published English wording (WHO Collaborating Centre in Mental Health, Psychiatric Centre North Zealand).
  'checkIn.who5.instructions':
    'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.',
  'checkIn.who5.item1': 'I have felt cheerful and in good spirits',
  'checkIn.who5.item2': 'I have felt calm and relaxed',
  'checkIn.who5.item3': 'I have felt active and vigorous',
  'checkIn.who5.item4': 'I woke up feeling fresh and rested',
  'checkIn.who5.item5': 'My daily life has been filled with things that interest me',
  'checkIn.who5.answer5': 'All of the time',
  'checkIn.who5.answer4': 'Most of the time',
  'checkIn.who5.answer3': 'More than half of the time',
  'checkIn.who5.answer2': 'Less than half of the time',
  'checkIn.who5.answer1': 'Some of the time',
  'checkIn.who5.answer0': 'At no time',
  'checkIn.who5.attribution':
    'WHO-5 Well-Being Index. Psychiatric Centre North Zealand, WHO Collaborating Centre in Mental Health. Free to use.',

  // PHQ-4, published English wording (Kroenke, Spitzer, Williams and Löwe, 2009).
  'checkIn.phq4.instructions': 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  'checkIn.phq4.nervous': 'Feeling nervous, anxious or on edge',
  'checkIn.phq4.worrying': 'Not being able to stop or control worrying',
  'checkIn.phq4.down': 'Feeling down, depressed or hopeless',
  'checkIn.phq4.interest': 'Little interest or pleasure in doing things',
  'checkIn.phq4.answer0': 'Not at all',
  'checkIn.phq4.answer1': 'Several days',
  'checkIn.phq4.answer2': 'More than half the days',
  'checkIn.phq4.answer3': 'Nearly every day',
  'checkIn.phq4.attribution':
    'PHQ-4. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues. No permission required to reproduce.',

  'checkIn.safety.legend':
    'In the past two weeks, have you had thoughts of hurting yourself or of not wanting to be alive?',
  'checkIn.safety.why': 'We ask everyone this, so we can show you help straight away if you want it.',
  'checkIn.safety.no': 'No',
  'checkIn.safety.yes': 'Yes',
  'checkIn.safety.heading': "You don't have to go through this alone.",
  'checkIn.safety.text': 'You can talk to someone right now, any time of day.',
  'checkIn.help.heading': 'Help is here, whenever you want it.',
  'checkIn.safety.continue': 'You can still send your check-in, or leave it here. Either is okay.',
  'checkIn.safety.announce': 'Help options are shown. You can talk to someone right now.',

  'checkIn.followUp.label': "I'd like someone from {campus} to get in touch",
  'checkIn.followUp.labelNoCampus': "I'd like someone from the campus to get in touch",
  'checkIn.followUp.channel': 'How should they reach you?',
  'checkIn.followUp.email': 'Email',
  'checkIn.followUp.phone': 'Phone',
  'checkIn.followUp.emailLabel': 'Your email address',
  'checkIn.followUp.phoneLabel': 'Your phone number',
  'checkIn.followUp.who':
    'A member of the campus wellbeing team will read this check-in and get in touch within {days} working days. This is not an emergency service.',
  'checkIn.followUp.whoNoDays':
    'A member of the campus wellbeing team will read this check-in and get in touch. This is not an emergency service.',
  'checkIn.followUp.limits':
    'What you share stays confidential. The one exception: if they believe your life is at risk, they will tell the on-call professional, and they will tell you they are doing so.',
  'checkIn.followUp.consent': 'I agree to be contacted about this check-in.',

  'checkIn.error.summary': 'Please check the answers marked above.',
  'checkIn.error.mood': 'Choose how you are feeling.',
  'checkIn.error.item': 'Choose an answer for this question.',
  'checkIn.error.email': 'Enter an email address, like name@example.edu.',
  'checkIn.error.phone': 'Enter a phone number, using digits.',
  'checkIn.error.consent': 'Tick the box to agree, or untick "get in touch" above.',

  'checkIn.submit': 'Send check-in',
  'checkIn.finish': 'See next steps',
  'checkIn.sending': 'Sending your check-in…',
  'checkIn.slow':
    'This is taking longer than usual. Your answers are still here, and we are still trying to send them.',
  'checkIn.offline':
    "You're offline, so your check-in has not been sent yet. Your answers are still here. Keep this page open and we'll send them when you're back online.",
  'checkIn.notSent': 'Your check-in has not been sent. Your answers are still here.',
  'checkIn.sendNow': 'Send now',
  'checkIn.unconfirmed':
    'We could not confirm that your check-in arrived. Your answers are still here. Sending it again will not send it twice.',
  'checkIn.sent': 'Check-in sent.',
  'checkIn.cancelled': 'Your check-in was not sent.',

  'checkIn.result.heading': 'Thank you for checking in',
  'checkIn.result.mood.high': "It's good to hear things are going well. Noticing what helps is worth doing.",
  'checkIn.result.mood.middle': 'Taking a moment for yourself is worth it. Small things can make a difference.',
  'checkIn.result.mood.low': "Hard days happen, and feelings change. You don't have to handle this alone.",
  'checkIn.result.who5.typical': 'Your answers suggest things have mostly been going okay lately.',
  'checkIn.result.who5.low': 'Your answers suggest the last two weeks may have been hard. Talking to someone can help.',
  'checkIn.result.who5.veryLow':
    'Your answers suggest the last two weeks have been really hard. Talking with a counsellor could help, and you can reach out now.',
  'checkIn.result.phq4.none': 'Your answers suggest worry and low mood have not been getting in your way lately.',
  'checkIn.result.phq4.some':
    'Your answers suggest worry or low mood has been getting in the way lately. Support can help, and feelings change.',
  'checkIn.result.phq4.high':
    'Your answers suggest worry or low mood has been getting in the way a lot lately. Talking with a counsellor soon could help, and feelings can change.',
  'checkIn.result.notDiagnosis':
    'This is not a diagnosis. It is a way to notice how you are doing and find a next step.',
  'checkIn.result.lowItem':
    'Some of your answers suggest a part of life has been hard. It can help to talk it through.',
  'checkIn.result.again': 'Start a new check-in',
  'checkIn.result.safety': 'What you told us matters. Talking to someone can help, and feelings can change.',
  'checkIn.result.followUp': 'Someone from {campus} will get in touch within {days} working days.',
  'checkIn.result.followUpNoDays': 'Someone from the campus wellbeing team will get in touch.',

  'checkIn.next.heading': 'Next steps you could take',
  'checkIn.next.crisis': 'Get help now',
  'checkIn.next.crisisText': 'Talk to someone right now, any time of day.',
  'checkIn.next.peer': 'Talk to a trained peer supporter',
  'checkIn.next.peerText': 'A student who has been trained to listen, without judgement.',
  'checkIn.next.group': 'Find a peer support group',
  'checkIn.next.groupText': 'Meet other students who understand.',
  'checkIn.next.groupTopics': 'Meet other students who understand. Topics: {topics}.',
  'checkIn.next.counsellor': 'Contact the counselling service',
  'checkIn.next.counsellorText': 'Free, confidential support from a professional.',

  'checkIn.reminder.heading': 'A gentle weekly reminder',
  'checkIn.reminder.day': 'Day',
  'checkIn.reminder.time': 'Time',
  'checkIn.reminder.discreet': 'Use a discreet title in my calendar ("{title}")',
  'checkIn.reminder.title': 'Check in with myself',
  'checkIn.reminder.discreetTitle': 'Personal time',
  'checkIn.reminder.alarm': 'Time for a short check-in',
  'checkIn.reminder.add': 'Add a weekly check-in reminder to my calendar',
  'checkIn.reminder.added': 'Your calendar file is downloading. Open it to add the reminder.',
} as const;

export type CheckInMessages = { readonly [K in keyof typeof checkInEn]: string };
