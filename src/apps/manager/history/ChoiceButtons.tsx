/** A row of pressed/unpressed buttons choosing one of a few groupings (by day, by clerk, …). */
export function ChoiceButtons<T extends string>(props: {
  readonly label: string;
  readonly choices: readonly T[];
  readonly chosen: T;
  readonly labels: Readonly<Record<T, string>>;
  /** Each button's test id is `${testIdPrefix}-${choice}`. */
  readonly testIdPrefix: string;
  readonly onChoose: (choice: T) => void;
}) {
  return (
    <div className="manager-range" role="group" aria-label={props.label}>
      {props.choices.map((c) => (
        <button
          key={c}
          type="button"
          className="button manager-range__preset"
          aria-pressed={props.chosen === c}
          data-testid={`${props.testIdPrefix}-${c}`}
          onClick={() => props.onChoose(c)}
        >
          {props.labels[c]}
        </button>
      ))}
    </div>
  );
}
