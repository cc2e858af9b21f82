import type { enCommon } from '../en/common.ts';
import type { Translation } from '../message.ts';

export const hiCommon: Translation<typeof enCommon> = {
  'app.name': 'Nextup',
  'shell.loading': 'तैयारी हो रही है…',
  'shell.noConfig.title': 'यह डिवाइस अभी तक स्टोर के सर्वर से नहीं जुड़ा है',
  'shell.noConfig.body':
    'सेटिंग्स लोड करने के लिए इसे एक बार स्टोर के नेटवर्क से जोड़ें। उसके बाद यह नेटवर्क के बिना भी काम करता है।',
  'shell.error.title': 'यह स्क्रीन शुरू नहीं हो सकी',
  'shell.error.detail': 'विवरण: {message}',
  'shell.error.retry': 'फिर से कोशिश करें',
  'shell.removed.title': 'एक मैनेजर ने इस टैबलेट को स्टोर से हटा दिया है।',
  'shell.removed.body': 'इसे फिर से इस्तेमाल करने के लिए किसी मैनेजर से पेयरिंग कोड माँगें।',
  'shell.removed.code': 'पेयरिंग कोड',
  'shell.removed.submit': 'फिर से जोड़ें',
  'shell.error.autoRetry': {
    one: 'हर {count} सेकंड में फिर से कोशिश की जा रही है।',
    other: 'हर {count} सेकंड में फिर से कोशिश की जा रही है।',
  },
  'shell.update': 'नया संस्करण — फिर से लोड करें',
  'landing.title': 'Nextup',
  'landing.intro': 'चुनें कि यह डिवाइस किस काम के लिए है।',
  'landing.kiosk': 'कियोस्क',
  'landing.kiosk.hint': 'ग्राहक प्रवेश द्वार पर टोकन लेते हैं।',
  'landing.clerk': 'काउंटर',
  'landing.clerk.hint': 'कर्मचारी ग्राहकों को बुलाते हैं और उनकी सेवा करते हैं।',
  'landing.board': 'प्रतीक्षा क्षेत्र की स्क्रीन',
  'landing.board.hint': 'वह स्क्रीन जो दिखाती है कि किसे किस काउंटर पर बुलाया गया है।',
  'landing.floor': 'शॉप फ़्लोर',
  'landing.floor.hint': 'फ़्लोर पर स्टाफ़ प्रतीक्षा समय और अलर्ट देखता है।',
  'landing.manager': 'मैनेजर',
  'landing.manager.hint':
    'स्टोर की कतारें, डिवाइस और इतिहास। पहला मैनेजर वह लिंक खोलता है जो हब ने शुरू होते समय दिखाया था।',
  'notFound.title': 'इस पते पर कुछ नहीं है',
  'notFound.back': 'मुख्य पृष्ठ पर जाएँ',
  'connection.label': 'कनेक्शन',
  'connection.online': 'ऑनलाइन',
  'connection.offline': 'ऑफ़लाइन',
  'connection.connecting': 'कनेक्ट हो रहा है…',
  'connection.pending': {
    one: '{count} बदलाव सिंक होना बाकी है',
    other: '{count} बदलाव सिंक होने बाकी हैं',
  },
  'connection.noOfflineStart': 'ऑफ़लाइन शुरू नहीं होगा',
  'language.choose': 'भाषा',
  'ticket.priority': 'प्राथमिकता',
  'wait.noCounter': 'इस सेवा के लिए अभी कोई काउंटर खुला नहीं है',
};
