import type { enDevices } from '../en/devices.ts';
import type { Translation } from '../message.ts';

export const ruDevices: Translation<typeof enDevices> = {
  'devices.pair.title': 'Подключите это устройство к магазину',
  'devices.pair.body':
    'Попросите у менеджера код сопряжения (экран менеджера, «Устройства», «Добавить устройство») или отсканируйте показанный там QR-код.',
  'devices.pair.code': 'Код сопряжения',
  'devices.pair.submit': 'Подключить',
  'devices.pair.problem': 'Сервер магазина отвечает: {message}',
  'devices.pair.firstTitle': 'Первый менеджер магазина',
  'devices.pair.firstBody':
    'Это первое устройство менеджера в магазине, поэтому просить код пока не у кого. Откройте ссылку, которую сервер магазина вывел при запуске: в окне или терминале сервера строка «first manager: open …».',
  'devices.pair.firstExpired':
    'Ссылка срабатывает один раз и действует 24 часа. Если она больше не работает, перезапустите сервер магазина: он выведет новую.',
  'devices.pair.firstCode': 'Или введите код из конца этой ссылки (после «pair=»)',
  'devices.title': 'Устройства',
  'devices.none': 'Подключённых устройств пока нет.',
  'devices.add': 'Добавить устройство',
  'devices.addRole': 'Роль нового устройства',
  'devices.role.kiosk': 'Киоск',
  'devices.role.clerk': 'Планшет сотрудника',
  'devices.role.floor': 'Телефон в зале',
  'devices.role.board': 'Табло',
  'devices.role.manager': 'Менеджер',
  'devices.role.agent': 'Сервер магазина',
  'devices.name.numbered': '{role} {number}',
  'devices.code': 'Код сопряжения {code}, для одного устройства, действует до {time}',
  'devices.codeHint': 'Отсканируйте QR-код новым устройством или откройте на нём этот адрес:',
  'devices.codeQr': 'QR-код для подключения нового устройства',
  'devices.enrolledAt': 'подключено {time}',
  'devices.technicalId': 'Идентификатор устройства: {id}',
  'devices.state.online': 'В сети',
  'devices.state.offline': 'Не в сети с {time}',
  'devices.state.offlineUnknown': 'Не в сети',
  'devices.state.neverSeen': 'Не подключалось с момента сопряжения',
  'devices.rename': 'Переименовать',
  'devices.renameLabel': 'Новое имя для «{name}»',
  'devices.renameHint': 'Оставьте пустым, чтобы вернуть «{name}».',
  'devices.renameSave': 'Сохранить',
  'devices.renameCancel': 'Отмена',
  'devices.revoke': 'Удалить',
  'devices.revoked': 'Удалено из магазина',
  'devices.revokeConfirm':
    'Удалить «{name}» из магазина? Устройство сразу перестанет работать, и для возврата понадобится новый код сопряжения; открытые на нём рабочие места будут закрыты.',
  'devices.revokeYes': 'Удалить',
  'devices.revokeNo': 'Оставить',
  'devices.thisDevice': 'это устройство',
  'devices.refused.total': {
    '=0': 'С момента запуска сервер магазина не отклонил ни одного сообщения от устройств.',
    one: 'С момента запуска сервер магазина отклонил {count} сообщение от устройств.',
    few: 'С момента запуска сервер магазина отклонил {count} сообщения от устройств.',
    many: 'С момента запуска сервер магазина отклонил {count} сообщений от устройств.',
    other: 'С момента запуска сервер магазина отклонил {count} сообщения от устройств.',
  },
  'devices.refused.why':
    'Сервер принимает только сообщения, которым можно доверять, поэтому очередь остаётся верной. Несколько после сбоя сети — это нормально; много обычно означает, что на устройстве старая версия приложения или оно настроено для другого магазина.',
  'devices.refused.line': '{reason}: {count}',
  'devices.refused.malformed': 'повреждённые или нечитаемые',
  'devices.refused.invalidEvent': 'нарушают правила очереди',
  'devices.refused.otherStore': 'предназначены для другого магазина',
  'devices.refused.forged': 'отправлены от имени другого устройства или сверх его прав',
  'devices.refused.implausible': 'с невозможным временем или номером',
  'devices.refused.catchUpLimited':
    'догрузка сокращена (остальное устройство получит в следующий раз)',
  'devices.refused.other': 'другие причины',
  'devices.error': 'Не получилось: {message}',
  'devices.staff.title': 'Кто работает на этом планшете?',
  'devices.staff.pin': 'PIN-код для: {name}',
  'devices.staff.signIn': 'Войти',
  'devices.staff.back': 'Назад',
  'devices.staff.wrong': 'Неверный PIN-код. Попробуйте ещё раз.',
  'devices.staff.locked': 'Слишком много неверных PIN-кодов. Подождите минуту и попробуйте снова.',
  'devices.staff.signedIn': 'Вход выполнен: {name}',
  'devices.staff.signOut': 'Выйти',
  'devices.storage.low':
    'На этом устройстве почти закончилось место. Всё пока сохранено; пожалуйста, освободите немного места.',
  'devices.storage.full':
    'Память устройства заполнена: последнее действие не сохранено. Всё, что было сохранено раньше, в безопасности. Освободите место и попробуйте снова.',
  'devices.offline.insecure':
    'Этот экран не запустится без сети: он открыт не по HTTPS, поэтому не может хранить офлайн-копию.',
  'devices.offline.noWorker':
    'Этот экран не запустится без сети: не удалось установить его офлайн-копию.',
  'devices.offline.setupAt': 'Настройте этот планшет по адресу {url}',
  'devices.offline.askInsecure':
    'Откройте его по адресу https:// сервера магазина, когда на планшете будет установлен сертификат магазина, или обратитесь к тому, кто обслуживает сервер магазина.',
  'devices.offline.askNoWorker':
    'Перезагрузите его при наличии сети. Если сообщение не исчезнет, обратитесь к тому, кто обслуживает сервер магазина.',
};
