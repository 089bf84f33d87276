/** On « Mon compte »: the e-mails a person chooses to receive — reminders before each quarterly review and before a milestone, and for an ARS delegation the published reviews of its territory. */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { ToggleSwitch } from "@codegouvfr/react-dsfr/ToggleSwitch";
import { useState } from "react";
import { usePreferences, useSavePreferences, type Preferences } from "../../api/reviews";

type Choice = "reviewReminders" | "milestoneReminders" | "publishedReviews";

const CHOICES: { key: Choice; label: string; help: string; on: string; off: string; arsOnly?: boolean }[] = [
  {
    key: "reviewReminders",
    label: "Recevoir un rappel avant chaque revue trimestrielle",
    help: "Deux semaines avant la fin de chaque trimestre, un courriel liste les fiches que vous pilotez et qui n'ont pas encore d'avancement ce trimestre.",
    on: "Rappels avant les revues activés.",
    off: "Vous ne recevrez plus de rappel avant les revues.",
  },
  {
    key: "milestoneReminders",
    label: "Recevoir un rappel avant l'échéance d'une étape",
    help: "Quelques jours avant la date prévue d'une étape d'une fiche que vous pilotez, un courriel vous la rappelle si elle n'est pas encore réalisée.",
    on: "Rappels d'étapes activés.",
    off: "Vous ne recevrez plus de rappel d'étape.",
  },
  {
    key: "publishedReviews",
    label: "Être prévenu·e de chaque revue publiée sur mon territoire",
    help: "Pour une délégation ARS : un courriel à chaque revue trimestrielle publiée par un contrat de votre territoire.",
    on: "Vous serez prévenu·e des revues publiées.",
    off: "Vous ne serez plus prévenu·e des revues publiées.",
    arsOnly: true,
  },
];

export function ReminderPreference() {
  const preferences = usePreferences();
  const save = useSavePreferences();
  // A switch follows the click at once (a controlled input otherwise snaps back until the mutation's state arrives).
  const [chosen, setChosen] = useState<Partial<Record<Choice, boolean>>>({});
  const [last, setLast] = useState<{ key: Choice; value: boolean } | null>(null);
  const shown = (p: Preferences) => CHOICES.filter((c) => !c.arsOnly || p.arsDelegation);
  const lastChoice = last && CHOICES.find((c) => c.key === last.key);
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="rappels">
      <h2 id="rappels">Courriels de Clés</h2>
      {preferences.isPending ? (
        <p role="status">Chargement de vos préférences…</p>
      ) : preferences.error ? (
        <Alert severity="error" small description={`Vos préférences n'ont pas pu être chargées : ${preferences.error.message}`} />
      ) : (
        <div className="cles-narrow">
          {shown(preferences.data).map((c) => (
            <ToggleSwitch
              key={c.key}
              label={c.label}
              helperText={c.help}
              checked={chosen[c.key] ?? preferences.data[c.key]}
              disabled={save.isPending}
              onChange={(checked) => {
                setChosen((x) => ({ ...x, [c.key]: checked }));
                setLast({ key: c.key, value: checked });
                save.mutate({ [c.key]: checked }, { onError: () => setChosen((x) => ({ ...x, [c.key]: undefined })) });
              }}
              labelPosition="left"
            />
          ))}
          <div aria-live="polite" role="status">
            {save.isSuccess && lastChoice && <p className={fr.cx("fr-text--sm", "fr-mt-1w")}>{last.value ? lastChoice.on : lastChoice.off}</p>}
          </div>
          {save.error && <Alert severity="error" small description={`Votre choix n'a pas été enregistré : ${save.error.message}`} role="alert" />}
        </div>
      )}
    </section>
  );
}
