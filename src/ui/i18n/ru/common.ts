import type { enCommon } from '../en/common.ts';
import type { Translation } from '../message.ts';

export const ruCommon: Translation<typeof enCommon> = {
  'app.name': 'Nextup',
  'shell.loading': 'Подготовка…',
  'shell.noConfig.title': 'Это устройство ещё ни разу не подключалось к серверу магазина',
  'shell.noConfig.body':
    'Подключите его один раз к сети магазина, чтобы загрузить настройки. После этого оно работает и без сети.',
  'shell.anotherTab.title': 'Этот магазин уже открыт в другой вкладке',
  'shell.anotherTab.body':
    'Пользуйтесь другой вкладкой или окном этого браузера или закройте её: эта вкладка запустится сама, как только другая будет закрыта.',
  'shell.error.title': 'Не удалось запустить этот экран',
  'shell.error.detail': 'Подробности: {message}',
  'shell.error.retry': 'Повторить',
  'shell.error.autoRetry': {
    one: 'Повторяем попытку раз в {count} секунду.',
    few: 'Повторяем попытку раз в {count} секунды.',
    many: 'Повторяем попытку раз в {count} секунд.',
    other: 'Повторяем попытку раз в {count} секунды.',
  },
  'shell.update': 'Новая версия — перезагрузить',
  'landing.title': 'Nextup',
  'landing.intro': 'Выберите, для чего используется это устройство.',
  'landing.kiosk': 'Киоск',
  'landing.kiosk.hint': 'Покупатели берут талон у входа.',
  'landing.clerk': 'Рабочее место',
  'landing.clerk.hint': 'Сотрудники вызывают и обслуживают покупателей.',
  'landing.board': 'Табло в зале',
  'landing.board.hint': 'Экран, на котором видно, кого и куда вызвали.',
  'landing.floor': 'Торговый зал',
  'landing.floor.hint': 'Сотрудники в зале видят время ожидания и оповещения.',
  'landing.manager': 'Руководитель',
  'landing.manager.hint':
    'Очереди, устройства и история магазина. Первый руководитель открывает ссылку, которую хаб вывел при запуске.',
  'notFound.title': 'По этому адресу ничего нет',
  'notFound.back': 'На начальную страницу',
  'connection.label': 'Соединение',
  'connection.online': 'В сети',
  'connection.offline': 'Нет сети',
  'connection.connecting': 'Подключение…',
  'connection.pending': {
    one: '{count} изменение ждёт синхронизации',
    few: '{count} изменения ждут синхронизации',
    many: '{count} изменений ждут синхронизации',
    other: '{count} изменения ждут синхронизации',
  },
  'connection.noOfflineStart': 'не запустится без сети',
  'language.choose': 'Язык',
  'ticket.priority': 'Приоритет',
  'wait.noCounter': 'Сейчас для этой услуги не открыто ни одно окно',
};
