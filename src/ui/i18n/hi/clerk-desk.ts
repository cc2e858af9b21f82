import type { enClerkDesk } from '../en/clerk-desk.ts';
import type { Translation } from '../message.ts';

export const hiClerkDesk: Translation<typeof enClerkDesk> = {
  'desk.close.title': '{counter} बंद करें?',
  'desk.close.stranded': 'इन ग्राहकों को कोई दूसरा खुला काउंटर सेवा नहीं देता:',
  'desk.close.service': '{service}: {count} प्रतीक्षा में',
  'desk.close.confirm': 'फिर भी बंद करें',
  'desk.close.keep': 'खुला रखें',
  'desk.pin.delete': 'मिटाएँ',
  'desk.pin.entered': 'दर्ज किए गए PIN अंक: {count}',
  'desk.transfer.title': '{number} सौंपें',
  'desk.transfer.toService': 'दूसरी सेवा',
  'desk.transfer.toCounter': 'कोई काउंटर',
  'desk.transfer.toColleague': 'कोई सहकर्मी',
  'desk.transfer.colleague': '{name} ({counter})',
  'desk.transfer.reason': 'क्यों? अगला कर्मचारी इसे पढ़ेगा।',
  'desk.transfer.send': 'सौंपें',
  'desk.transfer.cancel': 'रद्द करें',
  'desk.handover.from': '{who} से: {reason}',
  'desk.handover.fromNoReason': '{who} से',
  'desk.handover.forYou': 'आपको सौंपा गया',
  'desk.note.label': 'इस मुलाक़ात पर नोट',
  'desk.note.save': 'नोट सहेजें',
  'desk.note.saved': 'नोट सहेजा गया',
  'desk.error.counterClosed': 'वह काउंटर या सहकर्मी अभी किसी खुले काउंटर पर नहीं है। कोई दूसरा चुनें।',
  'desk.note.shown': 'नोट: {note}',
};
