import type { enDevices } from '../en/devices.ts';
import type { Translation } from '../message.ts';

export const hiDevices: Translation<typeof enDevices> = {
  'devices.pair.title': 'इस डिवाइस को स्टोर से जोड़ें',
  'devices.pair.body':
    'किसी मैनेजर से पेयरिंग कोड माँगें (मैनेजर स्क्रीन, डिवाइस, डिवाइस जोड़ें), या वहाँ दिखाया गया QR कोड स्कैन करें।',
  'devices.pair.code': 'पेयरिंग कोड',
  'devices.pair.submit': 'जोड़ें',
  'devices.pair.problem': 'स्टोर का सर्वर कहता है: {message}',
  'devices.pair.firstTitle': 'स्टोर का पहला मैनेजर',
  'devices.pair.firstBody':
    'यह स्टोर का पहला मैनेजर डिवाइस है, इसलिए अभी कोड माँगने के लिए कोई नहीं है। वह लिंक खोलें जो स्टोर के सर्वर ने शुरू होते समय दिखाया था: सर्वर की विंडो या टर्मिनल में “first manager: open …” वाली पंक्ति।',
  'devices.pair.firstExpired':
    'यह लिंक एक बार, 24 घंटे तक काम करता है। अगर यह अब काम नहीं करता, तो स्टोर का सर्वर फिर से शुरू करें: वह नया लिंक दिखाएगा।',
  'devices.pair.firstCode': 'या उस लिंक के अंत का कोड लिखें (“pair=” के बाद)',
  'devices.title': 'डिवाइस',
  'devices.none': 'अभी कोई डिवाइस नहीं जुड़ा है।',
  'devices.add': 'डिवाइस जोड़ें',
  'devices.addRole': 'नए डिवाइस की भूमिका',
  'devices.role.kiosk': 'कियोस्क',
  'devices.role.clerk': 'काउंटर टैबलेट',
  'devices.role.floor': 'फ़्लोर फ़ोन',
  'devices.role.board': 'डिस्प्ले बोर्ड',
  'devices.role.manager': 'मैनेजर',
  'devices.role.agent': 'स्टोर का सर्वर',
  'devices.name.numbered': '{role} {number}',
  'devices.code': 'पेयरिंग कोड {code}, एक डिवाइस के लिए, {time} तक',
  'devices.codeHint': 'नए डिवाइस से QR कोड स्कैन करें, या उस पर यह पता खोलें:',
  'devices.codeQr': 'नया डिवाइस जोड़ने का QR कोड',
  'devices.enrolledAt': '{time} को जोड़ा गया',
  'devices.technicalId': 'डिवाइस आईडी: {id}',
  'devices.state.online': 'ऑनलाइन',
  'devices.state.offline': '{time} से ऑफ़लाइन',
  'devices.state.offlineUnknown': 'ऑफ़लाइन',
  'devices.state.neverSeen': 'जुड़ने के बाद से कनेक्ट नहीं हुआ',
  'devices.rename': 'नाम बदलें',
  'devices.renameLabel': '{name} का नया नाम',
  'devices.renameHint': 'खाली छोड़ें तो फिर से “{name}” हो जाएगा।',
  'devices.renameSave': 'सहेजें',
  'devices.renameCancel': 'रद्द करें',
  'devices.revoke': 'हटाएँ',
  'devices.revoked': 'स्टोर से हटाया गया',
  'devices.revokeConfirm':
    '{name} को स्टोर से हटाएँ? यह तुरंत काम करना बंद कर देगा और वापस आने के लिए नया पेयरिंग कोड चाहिए होगा; इस पर खुले काउंटर बंद हो जाएँगे।',
  'devices.revokeYes': 'हटा दें',
  'devices.revokeNo': 'रहने दें',
  'devices.thisDevice': 'यह डिवाइस',
  'devices.refused.total': {
    '=0': 'शुरू होने के बाद से स्टोर के सर्वर ने डिवाइसों का कोई संदेश अस्वीकार नहीं किया है।',
    one: 'शुरू होने के बाद से स्टोर के सर्वर ने डिवाइसों का {count} संदेश अस्वीकार किया है।',
    other: 'शुरू होने के बाद से स्टोर के सर्वर ने डिवाइसों के {count} संदेश अस्वीकार किए हैं।',
  },
  'devices.refused.why':
    'सर्वर केवल भरोसेमंद संदेश रखता है, इसलिए कतार सही रहती है। नेटवर्क की किसी रुकावट के बाद कुछ संदेश सामान्य हैं; बहुत सारे संदेशों का मतलब आमतौर पर यह है कि किसी डिवाइस पर ऐप का पुराना संस्करण है या वह किसी दूसरे स्टोर के लिए सेट है।',
  'devices.refused.line': '{reason}: {count}',
  'devices.refused.malformed': 'खराब या पढ़ने योग्य नहीं',
  'devices.refused.invalidEvent': 'कतार के नियमों के विरुद्ध',
  'devices.refused.otherStore': 'किसी दूसरे स्टोर के लिए',
  'devices.refused.forged': 'किसी दूसरे डिवाइस के नाम से, या उसकी अनुमति से बाहर भेजे गए',
  'devices.refused.implausible': 'असंभव समय या नंबर वाले',
  'devices.refused.catchUpLimited': 'छूटे संदेशों की भरपाई छोटी की गई (बाकी अगली बार मिलेंगे)',
  'devices.refused.other': 'अन्य कारण',
  'devices.error': 'यह नहीं हो सका: {message}',
  'devices.staff.title': 'इस टैबलेट पर कौन काम कर रहा है?',
  'devices.staff.pin': '{name} का PIN',
  'devices.staff.signIn': 'साइन इन करें',
  'devices.staff.back': 'वापस',
  'devices.staff.wrong': 'यह PIN सही नहीं है। फिर से कोशिश करें।',
  'devices.staff.locked': 'बहुत सारे गलत PIN। एक मिनट रुकें, फिर से कोशिश करें।',
  'devices.staff.signedIn': 'साइन इन: {name}',
  'devices.staff.signOut': 'साइन आउट करें',
  'devices.storage.low':
    'इस डिवाइस में जगह लगभग खत्म हो गई है। अब तक सब कुछ सहेजा गया है; कृपया कुछ जगह खाली करें।',
  'devices.storage.full':
    'इस डिवाइस की स्टोरेज भर गई है: पिछला काम सहेजा नहीं गया। पहले सहेजा गया सब कुछ सुरक्षित है। जगह खाली करें, फिर से कोशिश करें।',
  'devices.offline.insecure':
    'यह स्क्रीन नेटवर्क के बिना शुरू नहीं होगी: इसे HTTPS पर नहीं खोला गया, इसलिए यह अपनी ऑफ़लाइन कॉपी नहीं रख सकती।',
  'devices.offline.noWorker':
    'यह स्क्रीन नेटवर्क के बिना शुरू नहीं होगी: इसकी ऑफ़लाइन कॉपी इंस्टॉल नहीं हो सकी।',
  'devices.offline.setupAt': 'इस टैबलेट को {url} पर सेट करें',
  'devices.offline.askInsecure':
    'जब इस टैबलेट पर स्टोर का सर्टिफ़िकेट इंस्टॉल हो जाए, तब इसे स्टोर के सर्वर के https:// पते पर खोलें, या स्टोर का सर्वर सँभालने वाले व्यक्ति से पूछें।',
  'devices.offline.askNoWorker':
    'नेटवर्क से जुड़े रहते हुए इसे फिर से लोड करें। अगर यह संदेश बना रहे, तो स्टोर का सर्वर सँभालने वाले व्यक्ति से पूछें।',
};
