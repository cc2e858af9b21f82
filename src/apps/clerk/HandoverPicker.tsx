import { useState, type ReactNode } from 'react';
import { serviceById } from '../../domain/config/types.ts';
import { handoverTargets, type HandoverTarget } from '../../domain/queue/handover.ts';
import type { Ticket } from '../../domain/queue/state.ts';
import { staffName } from '../../domain/security/staff.ts';
import { MAX_REASON_LENGTH } from '../../domain/visit/types.ts';
import { useT } from '../../ui/i18n/I18nProvider.tsx';
import { useDevice, useRuntime } from '../shell/device-context.ts';
import { counterName } from './counter-name.ts';

/**
 * Hands the customer over: to another service's line, a named counter or a colleague at their
 * counter, with a reason the receiving clerk reads.
 */
export function HandoverPicker(props: {
  counterId: string;
  ticket: Ticket;
  busy: boolean;
  onSend: (target: HandoverTarget, reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [target, setTarget] = useState<HandoverTarget>();
  const [reason, setReason] = useState('');
  return (
    <form
      className="clerk-transfer"
      aria-labelledby="clerk-transfer-title"
      data-testid="handover"
      onSubmit={(e) => {
        e.preventDefault();
        if (target) props.onSend(target, reason);
      }}
    >
      <h3 id="clerk-transfer-title" className="clerk-transfer__title">
        {t('desk.transfer.title', { number: props.ticket.number })}
      </h3>
      <HandoverChoices counterId={props.counterId} chosen={target} onChoose={setTarget} />
      <label className="visit-escalate__label">
        {t('desk.transfer.reason')}
        <textarea
          className="visit-escalate__reason"
          data-testid="handover-reason"
          maxLength={MAX_REASON_LENGTH}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="visit-escalate__actions">
        <button type="button" className="button clerk-transfer__cancel" onClick={props.onCancel}>
          {t('desk.transfer.cancel')}
        </button>
        <button
          type="submit"
          className="button button--primary"
          data-testid="handover-send"
          disabled={props.busy || target === undefined}
        >
          {t('desk.transfer.send')}
        </button>
      </div>
    </form>
  );
}

const same = (a: HandoverTarget | undefined, b: HandoverTarget) =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** Colleagues, counters and services to hand over to: the domain's list (queue/handover.ts). */
function HandoverChoices(props: {
  counterId: string;
  chosen: HandoverTarget | undefined;
  onChoose: (target: HandoverTarget) => void;
}) {
  const { config } = useRuntime();
  const { state } = useDevice();
  const { t, text } = useT();
  const targets = handoverTargets(state, config, props.counterId);
  const counterOf = (id: string) => counterName(config, id, text);
  const option = (choice: HandoverTarget, testId: string, label: string) => (
    <button
      key={testId}
      type="button"
      className="button button--secondary clerk-transfer__option"
      data-testid={testId}
      aria-pressed={same(props.chosen, choice)}
      onClick={() => props.onChoose(choice)}
    >
      {label}
    </button>
  );
  const group = (title: string, buttons: readonly ReactNode[]) =>
    buttons.length > 0 && (
      <div className="clerk-transfer__group" role="group" aria-label={title}>
        <h4 className="clerk-transfer__group-title">{title}</h4>
        <div className="clerk-transfer__options">{buttons}</div>
      </div>
    );
  return (
    <>
      {group(
        t('desk.transfer.toColleague'),
        targets.colleagues.map(({ staff, counter }) =>
          option(
            { kind: 'staff', staff },
            `handover-staff-${staff}`,
            t('desk.transfer.colleague', {
              name: staffName(config, staff),
              counter: counterOf(counter),
            }),
          ),
        ),
      )}
      {group(
        t('desk.transfer.toCounter'),
        targets.counters.map((counter) =>
          option({ kind: 'counter', counter }, `handover-counter-${counter}`, counterOf(counter)),
        ),
      )}
      {group(
        t('desk.transfer.toService'),
        targets.services.map((service) => {
          const s = serviceById(config, service);
          const label = s ? text(s.name) : service;
          return option({ kind: 'service', service }, `handover-service-${service}`, label);
        }),
      )}
    </>
  );
}
