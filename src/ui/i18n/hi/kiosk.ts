import type { enKiosk } from '../en/kiosk.ts';
import type { Translation } from '../message.ts';

const busy =
  'यहाँ अभी-अभी कई टोकन लिए गए हैं। कृपया {count} सेकंड रुकें और फिर कोशिश करें, या किसी कर्मचारी से मदद लें।';

export const hiKiosk: Translation<typeof enKiosk> = {
  'kiosk.setup.title': 'यह टैबलेट कौन-सा कियोस्क है?',
  'kiosk.setup.intro': 'हर कियोस्क अपने अलग टोकन नंबर देता है, इसलिए हर कियोस्क केवल एक ही टैबलेट को दें।',
  'kiosk.setup.empty': 'स्टोर की सेटिंग्स में कोई कियोस्क नहीं है। स्टोर मैनेजर से पूछें।',
  'kiosk.welcome.title': '{store} में आपका स्वागत है',
  'kiosk.welcome.prompt': 'हम आपकी क्या मदद कर सकते हैं? टोकन लेने के लिए सेवा को छुएँ।',
  'kiosk.welcome.noServices': 'अभी कोई सेवा सेट नहीं की गई है। कृपया किसी कर्मचारी से पूछें।',
  'kiosk.issuing': 'एक पल…',
  'kiosk.service.waitAbout': 'लगभग {estimate} की प्रतीक्षा',
  'kiosk.service.waitShort': 'बहुत कम या कोई प्रतीक्षा नहीं',
  'kiosk.service.waitChecking': 'प्रतीक्षा समय जाँचा जा रहा है…',
  'kiosk.service.priority': 'प्राथमिकता टोकन',
  'kiosk.hours.closed': 'बंद है — हम {when} खुलेंगे',
  'kiosk.hours.closedNoDate': 'अभी बंद है',
  'kiosk.hours.lineFull': 'आज की कतार भर गई है — हम {when} खुलेंगे',
  'kiosk.hours.lineFullNoDate': 'आज की कतार भर गई है',
  'kiosk.hours.capReached': 'इस सेवा के लिए आज और टिकट नहीं हैं',
  'kiosk.hours.today': 'आज {time} बजे',
  'kiosk.hours.tomorrow': 'कल {time} बजे',
  'kiosk.hours.later': '{day} को {time} बजे',
  'kiosk.error.notIssuing': 'इस सेवा के लिए अभी और टिकट नहीं दिए जा रहे हैं।',
  'kiosk.priority.hint':
    'प्राथमिकता टोकन गर्भवती महिलाओं, दिव्यांगजनों और उन लोगों के लिए है जो देर तक खड़े नहीं रह सकते।',
  'kiosk.display.label': 'डिस्प्ले',
  'kiosk.display.contrast': 'हाई कंट्रास्ट',
  'kiosk.display.large': 'बड़े अक्षर',
  'kiosk.ticket.heading': 'आपका नंबर',
  'kiosk.ticket.priority': 'प्राथमिकता टोकन',
  'kiosk.ticket.ahead': {
    '=0': 'अगली बारी आपकी है',
    one: 'आपसे आगे {count} व्यक्ति है',
    other: 'आपसे आगे {count} लोग हैं',
  },
  'kiosk.ticket.waitAbout': 'लगभग {estimate} ({range})',
  'kiosk.ticket.waitUnderMinute': 'एक मिनट से कम',
  'kiosk.ticket.checking': 'कतार में आपका स्थान जाँचा जा रहा है…',
  'kiosk.ticket.callWhenOpen': 'काउंटर खुलते ही हम आपको बुलाएँगे।',
  'kiosk.ticket.remember': 'कृपया अपना नंबर याद रखें। हम इसे स्क्रीन पर बुलाएँगे।',
  'kiosk.ticket.qr': 'अपने फ़ोन पर कतार में अपनी जगह देखने के लिए कोड स्कैन करें।',
  'kiosk.ticket.qrLabel': 'QR कोड: फ़ोन पर टोकन {number} देखने का लिंक',
  'kiosk.ticket.called': 'आपका नंबर अभी बुलाया जा रहा है!',
  'kiosk.ticket.goTo': 'कृपया {counter} पर जाएँ।',
  'kiosk.ticket.print': 'टोकन प्रिंट करें',
  'kiosk.ticket.printing': 'आपका टोकन प्रिंट हो रहा है…',
  'kiosk.ticket.done': 'हो गया',
  'kiosk.receipt.time': 'टोकन लिया गया: {time}',
  'kiosk.receipt.track': 'कतार में अपनी जगह देखें:',
  'kiosk.error.rangeExhausted':
    'क्षमा करें, यह कियोस्क आज और टोकन नहीं दे सकता। कृपया किसी कर्मचारी से संपर्क करें।',
  'kiosk.error.storageFailed': 'क्षमा करें, आपका टोकन सहेजा नहीं जा सका। कृपया फिर से कोशिश करें।',
  'kiosk.error.other': 'क्षमा करें, कुछ गड़बड़ हो गई। कृपया फिर से कोशिश करें या किसी कर्मचारी से पूछें।',
  'kiosk.error.rateLimited': { one: busy, other: busy },
  'kiosk.error.priorityNotAllowed':
    'इस सेवा के लिए प्राथमिकता टोकन उपलब्ध नहीं है। कृपया सामान्य टोकन लें या किसी कर्मचारी से पूछें।',
};
