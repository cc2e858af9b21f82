import type { Translation } from '../message.ts';
import type { enWebhooks } from '../en/webhooks.ts';

/** Panel webhooków kierownika (widok Ustawienia). */
export const plWebhooks: Translation<typeof enWebhooks> = {
  'webhooks.title': 'Webhooki',
  'webhooks.intro':
    'Hub wysyła te zdarzenia do innych systemów jako podpisany JSON (HMAC-SHA256, zob. README). Nieudana dostawa jest ponawiana; adres, który zawodzi przez kilka dni, zostaje wyłączony.',
  'webhooks.loading': 'Wczytywanie webhooków…',
  'webhooks.none': 'Nie ma jeszcze webhooków.',
  'webhooks.problem': 'Webhooki: {message}',
  'webhooks.url': 'Adres (http lub https)',
  'webhooks.kinds': 'Zdarzenia',
  'webhooks.kind.ticket.issued': 'Wydanie biletu',
  'webhooks.kind.ticket.called': 'Wywołanie biletu',
  'webhooks.kind.ticket.completed': 'Zakończona wizyta',
  'webhooks.kind.ticket.noShow': 'Klient nie przyszedł',
  'webhooks.kind.alert.raised': 'Wezwanie pomocy',
  'webhooks.kind.visit.feedback': 'Ocena wizyty',
  'webhooks.add': 'Dodaj webhook',
  'webhooks.adding': 'Dodawanie…',
  'webhooks.pickKind': 'Wybierz co najmniej jedno zdarzenie.',
  'webhooks.secret':
    'Sekret adresu {url}: skopiuj go teraz do systemu odbiorcy, nie zostanie pokazany ponownie.',
  'webhooks.secretDone': 'Skopiowałem',
  'webhooks.state.ok': 'Działa',
  'webhooks.state.new': 'Jeszcze nic nie wysłano',
  'webhooks.state.failing': 'Błąd: {error}',
  'webhooks.state.disabled': 'Wyłączony po błędach od {time}',
  'webhooks.lastSuccess': 'Ostatnia dostawa o {time}',
  'webhooks.failures': 'Nieudane próby z rzędu: {count}',
  'webhooks.pending': 'Czeka na wysłanie: {count}',
  'webhooks.nextRetry': 'Następna próba o {time}',
  'webhooks.enable': 'Włącz ponownie',
  'webhooks.delete': 'Usuń',
  'webhooks.deleteConfirm': 'Usunąć webhook do {url}? Dostawy, które jeszcze czekają, przepadną.',
};
