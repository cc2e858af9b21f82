import type { VisitTips } from './tips.ts';

/**
 * Default tips and scripts in English and Polish, distilled from PRACTICE.md. Store
 * configuration (kiosk-config) is meant to replace them. Polish scripts use impersonal
 * forms so they fit any customer without guessing gender.
 */
export const defaultVisitTips: VisitTips = {
  scripts: {
    greeting: { en: 'Hello, welcome to our store!', pl: 'Dzień dobry, witamy w naszym sklepie!' },
    offeringHelp: {
      en: 'Can I help you find something?',
      pl: 'Czy mogę pomóc coś znaleźć?',
    },
    'browsing.reminderDue': {
      en: 'Are you finding everything?',
      pl: 'Czy udaje się wszystko znaleźć?',
    },
    assisting: {
      en: 'What are you looking for, and what will you use it for?',
      pl: 'W czym mogę pomóc? Do czego będzie to potrzebne?',
    },
    'checkingOut.asking': {
      en: 'Did you find everything you were looking for today?',
      pl: 'Czy wszystko udało się dziś znaleźć?',
    },
    'checkingOut.paying': {
      en: 'How would you like to pay?',
      pl: 'Jaka forma płatności będzie wygodna?',
    },
    thanking: {
      en: 'Thank you for shopping with us! How was your visit today?',
      pl: 'Dziękujemy za zakupy! Jak oceniają Państwo dzisiejszą wizytę?',
    },
    escalated: {
      en: 'I will ask my manager to join us so we can solve this right away.',
      pl: 'Poproszę kierownika, żebyśmy mogli od razu to rozwiązać.',
    },
    transferred: {
      en: 'My colleague will help you with this; let me tell you what happens next.',
      pl: 'Tą sprawą zajmie się teraz moja koleżanka lub mój kolega; powiem, co dalej.',
    },
  },
  steps: {
    greeting: [
      {
        en: 'Smile, make eye contact and say a friendly word: the first impression sets the tone of the whole visit.',
        pl: 'Uśmiechnij się, nawiąż kontakt wzrokowy i powiedz coś życzliwego: pierwsze wrażenie nadaje ton całej wizycie.',
      },
      {
        en: 'A regular? Use their name if you know it and recall what they bought before.',
        pl: 'Stały klient? Zwróć się po imieniu, jeśli je znasz, i nawiąż do poprzednich zakupów.',
      },
    ],
    offeringHelp: [
      { en: 'Offer help once, and mean it.', pl: 'Zaproponuj pomoc raz i zrób to szczerze.' },
      {
        en: 'If they would rather look around alone, respect it: no pushing, no following.',
        pl: 'Jeśli klient woli rozejrzeć się sam, uszanuj to: bez nalegania i bez chodzenia za nim.',
      },
    ],
    'browsing.looking': [
      {
        en: 'Stay near, not in the way, so they can see you are free to help.',
        pl: 'Bądź w pobliżu, ale nie na drodze, żeby klient widział, że możesz pomóc.',
      },
      {
        en: 'Watch for signs they need help: looking around, comparing two items, reading a label for long.',
        pl: 'Obserwuj sygnały, że potrzebna jest pomoc: rozglądanie się, porównywanie dwóch produktów, długie czytanie etykiety.',
      },
    ],
    'browsing.reminderDue': [
      {
        en: 'Check back with a short, friendly question and offer help again.',
        pl: 'Podejdź z krótkim, życzliwym pytaniem i ponownie zaproponuj pomoc.',
      },
      {
        en: 'If they are fine, leave them be: the assistant will remind you again later.',
        pl: 'Jeśli klient sobie radzi, nie przeszkadzaj: asystent przypomni ci ponownie później.',
      },
    ],
    assisting: [
      {
        en: 'Find out what they really need: ask, listen, and notice what is left unsaid.',
        pl: 'Dowiedz się, czego klient naprawdę potrzebuje: pytaj, słuchaj i zauważ to, czego nie mówi.',
      },
      {
        en: 'Explain why a product fits, and offer an alternative.',
        pl: 'Wyjaśnij, dlaczego produkt pasuje, i zaproponuj alternatywę.',
      },
      {
        en: 'Own the problem and solve it now, not later: the customer has commitments too.',
        pl: 'Weź sprawę na siebie i rozwiąż ją od razu, nie odkładaj: klient też ma swoje obowiązki.',
      },
      {
        en: 'A rule stands between the customer and a good outcome? Ask a manager whether it can be bent.',
        pl: 'Przepis stoi na drodze do dobrego rozwiązania? Zapytaj kierownika, czy można zrobić wyjątek.',
      },
    ],
    'checkingOut.asking': [
      {
        en: 'Something missing? Help find it before they pay.',
        pl: 'Czegoś brakuje? Pomóż to znaleźć, zanim klient zapłaci.',
      },
      {
        en: 'Keep checkout quick and smooth: slow checkout is among the first things customers call bad service.',
        pl: 'Niech płatność przebiega szybko i sprawnie: powolna kasa to jedna z pierwszych rzeczy, które klienci nazywają złą obsługą.',
      },
    ],
    'checkingOut.paying': [
      {
        en: 'Say which ways to pay the store accepts.',
        pl: 'Powiedz, jakie formy płatności przyjmuje sklep.',
      },
      {
        en: 'Count the change carefully, out loud if it helps.',
        pl: 'Dokładnie odlicz resztę, w razie potrzeby na głos.',
      },
    ],
    thanking: [
      {
        en: 'Customers remember the last contact most: end warmly.',
        pl: 'Klienci najlepiej pamiętają ostatni kontakt: zakończ wizytę ciepło.',
      },
      {
        en: 'Invite a one-tap rating, and never press for it.',
        pl: 'Zaproś do oceny jednym dotknięciem, ale nigdy nie naciskaj.',
      },
    ],
    escalated: [
      {
        en: 'Tell the customer who is coming and about how long it will take.',
        pl: 'Powiedz klientowi, kto przyjdzie i mniej więcej ile to potrwa.',
      },
      {
        en: 'Stay with the customer and stay calm: show that their problem matters to you.',
        pl: 'Zostań przy kliencie i zachowaj spokój: pokaż, że jego sprawa jest dla ciebie ważna.',
      },
    ],
    done: [
      {
        en: "Anything worth remembering, such as a regular's preference or a product that was missing? Note it now.",
        pl: 'Coś warto zapamiętać, na przykład upodobanie stałego klienta albo brakujący towar? Zanotuj to teraz.',
      },
    ],
    transferred: [
      {
        en: 'Pass on what you already know so the customer need not repeat it, and say honestly how long the wait will be.',
        pl: 'Przekaż to, co już wiesz, żeby klient nie musiał powtarzać, i powiedz szczerze, ile potrwa oczekiwanie.',
      },
    ],
    abandoned: [
      {
        en: 'No blame: if you know why they left (the wait, the price, a missing item), note it.',
        pl: 'Bez obwiniania: jeśli wiesz, dlaczego klient wyszedł (czekanie, cena, brak towaru), zanotuj to.',
      },
    ],
  },
  difficult: {
    undecided: [
      {
        en: 'Narrow it down: ask about the category and the price range.',
        pl: 'Zawęź wybór: zapytaj o kategorię i przedział cenowy.',
      },
      {
        en: 'Show options one at a time and describe their features in detail to find what catches their interest.',
        pl: 'Pokazuj propozycje po jednej i szczegółowo opisuj ich cechy, żeby znaleźć to, co przyciągnie uwagę.',
      },
      {
        en: 'Be patient, and confirm the final choice clearly.',
        pl: 'Zachowaj cierpliwość i wyraźnie potwierdź ostateczny wybór.',
      },
    ],
    knowItAll: [
      {
        en: 'Answer with facts, not feelings: sources, numbers, test results.',
        pl: 'Odpowiadaj faktami, nie emocjami: źródła, liczby, wyniki testów.',
      },
      {
        en: 'Show your product knowledge, and take a moment to prepare a good answer.',
        pl: 'Pokaż swoją znajomość produktu i daj sobie chwilę na przygotowanie dobrej odpowiedzi.',
      },
    ],
    rude: [
      {
        en: 'Stay firmly polite; never answer rudeness with rudeness.',
        pl: 'Zachowaj stanowczą uprzejmość; nigdy nie odpowiadaj niegrzecznością na niegrzeczność.',
      },
      {
        en: 'Talk about the benefits for them to lower the heat.',
        pl: 'Mów o korzyściach dla klienta, żeby obniżyć napięcie.',
      },
      {
        en: 'In hard cases, call a manager: the store may decline to serve abusive behaviour.',
        pl: 'W trudnych przypadkach wezwij kierownika: sklep może odmówić obsługi osoby, która zachowuje się obraźliwie.',
      },
    ],
    offended: [
      {
        en: '"Too expensive" or "surely fake"? Prove it calmly and patiently: market prices, certificates, origin.',
        pl: '„Za drogo” albo „to na pewno podróbka”? Udowodnij spokojnie i cierpliwie: ceny rynkowe, certyfikaty, pochodzenie.',
      },
      {
        en: 'Explain that nobody wants to deceive them.',
        pl: 'Wyjaśnij, że nikt nie chce wprowadzić klienta w błąd.',
      },
      {
        en: 'Where the store allows it, offer a small discount or a bonus.',
        pl: 'Jeśli sklep na to pozwala, zaproponuj niewielki rabat lub gratis.',
      },
    ],
  },
};
