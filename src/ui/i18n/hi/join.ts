import type { enJoin } from '../en/join.ts';
import type { Translation } from '../message.ts';

export const hiJoin: Translation<typeof enJoin> = {
  'join.title': '{store} की कतार में शामिल हों',
  'join.intro': 'चुनें कि आपको क्या चाहिए। न ऐप चाहिए, न खाता।',
  'join.name.label': 'आपका पहला नाम (वैकल्पिक)',
  'join.name.hint': 'ताकि हम आपको नाम से बुला सकें।',
  'join.joining': 'एक पल…',
  'join.checkInNote': 'पहुँचने पर “मैं यहाँ हूँ” पर टैप करें।',
  'join.notOffered': 'यह स्टोर फ़ोन पर टिकट नहीं देता। कृपया स्टोर के कियोस्क से टिकट लें।',
  'join.error.phoneHasTicket': 'इस फ़ोन पर पहले से एक टिकट कतार में है।',
  'join.openTicket': 'मेरा टिकट खोलें',
  'join.error.addressLimit':
    'इस नेटवर्क से अभी बहुत से टिकट लिए गए हैं। कृपया {time} पर फिर कोशिश करें, या कियोस्क से टिकट लें।',
  'join.error.serviceHourFull':
    'इस सेवा के फ़ोन टिकट अभी के लिए खत्म हो गए हैं। कृपया {time} पर फिर कोशिश करें, या कियोस्क से टिकट लें।',
  'join.error.other': 'क्षमा करें, यह नहीं हो पाया। कृपया फिर कोशिश करें।',
  'join.error.offline': 'अभी स्टोर से संपर्क नहीं हो पा रहा है। कृपया फिर कोशिश करें।',
  'join.here': 'मैं यहाँ हूँ',
  'join.here.due': 'स्टोर में पहुँचकर {time} तक “मैं यहाँ हूँ” पर टैप करें, नहीं तो आपकी जगह छूट जाएगी।',
  'join.here.done': 'धन्यवाद, आपकी उपस्थिति दर्ज हो गई है।',
  'join.here.notInStore': 'कृपया स्टोर के Wi-Fi से जुड़कर फिर टैप करें, या कियोस्क पर अपना नंबर लिखें।',
  'join.here.failed': 'यह नहीं हो पाया। कृपया फिर कोशिश करें या किसी कर्मचारी से पूछें।',
  'join.dropped.noCheckIn':
    'आपने समय पर उपस्थिति दर्ज नहीं की, इसलिए आपकी जगह छूट गई। आप फिर से कतार में शामिल हो सकते हैं।',
  'join.dropped.closed': 'आपकी बारी आने से पहले आज की कतार बंद हो गई। इंतज़ार के लिए क्षमा करें।',
  'join.poster.title': 'अपने फ़ोन से कतार में शामिल हों',
  'join.poster.scan': 'कोड स्कैन करें, चुनें कि आपको क्या चाहिए, और हम आपका नंबर बुलाएँगे।',
  'join.kiosk.open': 'मेरे पास फ़ोन वाला टिकट है',
  'join.kiosk.prompt': 'अपने फ़ोन पर दिख रहा नंबर लिखें',
  'join.kiosk.submit': 'उपस्थिति दर्ज करें',
  'join.kiosk.cancel': 'वापस',
  'join.kiosk.done': 'धन्यवाद, {number} की उपस्थिति दर्ज हो गई है।',
  'join.kiosk.unknown': 'हमें उपस्थिति की प्रतीक्षा में फ़ोन टिकट {number} नहीं मिला।',
  'join.kiosk.booked.open': 'मैंने समय बुक किया है',
  'join.kiosk.booked.prompt': 'अपनी बुकिंग का 6 अंकों वाला कोड लिखें',
  'join.kiosk.booked.unknown': 'आज के लिए कोड {code} वाली कोई बुकिंग नहीं मिली।',
  'join.kiosk.booked.cancelled': 'कोड {code} वाली बुकिंग रद्द कर दी गई थी। कृपया टिकट लें।',
  'join.kiosk.booked.arrived': 'आपकी उपस्थिति पहले ही दर्ज है: आपका नंबर {number} है।',
  'join.kiosk.booked.late':
    'आपका बुक किया गया समय निकल चुका है। कृपया टिकट लें, हम जल्द से जल्द आपकी सेवा करेंगे।',
};
