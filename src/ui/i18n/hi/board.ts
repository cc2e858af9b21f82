import type { enBoard } from '../en/board.ts';
import type { Translation } from '../message.ts';

export const hiBoard: Translation<typeof enBoard> = {
  'board.nowServing': 'अभी सेवा में',
  'board.ticket': 'टोकन',
  'board.counter': 'काउंटर',
  'board.nobodyServed': 'काउंटर जल्द ही पहले ग्राहकों को बुलाएँगे।',
  'board.latest.title': 'अभी बुलाया गया',
  'board.latest.goTo': 'कृपया {counter} पर जाएँ',
  'board.waiting.title': 'प्रतीक्षा में',
  'board.waiting.count': {
    '=0': 'कोई प्रतीक्षा में नहीं',
    one: '{count} व्यक्ति प्रतीक्षा में',
    other: '{count} लोग प्रतीक्षा में',
  },
  'board.waiting.estimate': 'लगभग {estimate}',
  'board.waiting.short': 'बहुत कम प्रतीक्षा',
  'board.waiting.checking': 'जाँच हो रही है…',
  'board.recent.title': 'पहले बुलाए गए',
  'board.announce': 'टोकन नंबर {number}, कृपया {counter} पर जाएँ।',
  'board.enableSound': 'आवाज़ चालू करें',
  'board.calledAgain': 'फिर से बुलाया गया',
};
