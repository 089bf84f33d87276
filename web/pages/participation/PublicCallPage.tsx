/**
 * A call for participation as residents read it, without an account (route
 * /public/:slug/ateliers/:workshopId): what the workshop is, when and where, until when one
 * can register, whether places remain, and the registration form.
 */
import { fr } from "@codegouvfr/react-dsfr";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useParams } from "react-router";
import { ApiError } from "../../api/client";
import { usePublicCall, type PublicCall } from "../../api/participation";
import { ErrorMessage, Loading, Page } from "../../components/Page";
import { formatDate, frenchSchedule, plural } from "../../format";
import { RegistrationForm } from "./RegistrationForm";

function Sessions({ call }: { call: PublicCall }) {
  const several = call.sessions.length > 1;
  return (
    <section aria-labelledby="seances" className={fr.cx("fr-mb-4w")}>
      <h2 id="seances">{several ? `Les ${plural(call.sessions.length, "séance")}` : "La séance"}</h2>
      {several && <p>L'atelier se déroule en plusieurs séances, avec les mêmes personnes : venez à toutes si vous le pouvez.</p>}
      <ul>
        {call.sessions.map((s) => (
          <li key={s.id}>
            <strong>{frenchSchedule(s.startsAt, s.endsAt)}</strong>
            {s.place && <>{` — ${s.place}`}</>}
          </li>
        ))}
      </ul>
      {call.meal && <p>Un repas est offert aux participantes et participants.</p>}
    </section>
  );
}

/** Until when, and whether a place remains (else: the waitlist, said before one registers). */
function Availability({ call }: { call: PublicCall }) {
  if (!call.open)
    return (
      <Alert
        severity="info"
        as="h2"
        title="Les inscriptions sont closes"
        description={`La date limite d'inscription était le ${formatDate(call.deadline)}. Pour toute question, adressez-vous à l'équipe de coordination du contrat local de santé (${call.contract.localAuthority}).`}
        className={fr.cx("fr-mb-4w")}
      />
    );
  return (
    <>
      <p className={fr.cx("fr-text--lg")}>
        Inscriptions ouvertes jusqu'au <strong>{formatDate(call.deadline)}</strong> inclus.
      </p>
      {call.full ? (
        <Alert
          severity="warning"
          small
          description="L'atelier est complet : vous serez inscrit(e) sur la liste d'attente. Si une place se libère, elle vous sera proposée dans l'ordre des inscriptions."
          className={fr.cx("fr-mb-4w")}
        />
      ) : (
        <Alert severity="info" small description="Il reste des places : inscrivez-vous avec le formulaire ci-dessous." className={fr.cx("fr-mb-4w")} />
      )}
    </>
  );
}

export function PublicCallPage() {
  const { slug = "", workshopId = "" } = useParams();
  const call = usePublicCall(slug, workshopId);
  if (call.isPending) return <Loading label="Chargement de l'appel à participation…" />;
  if (call.error) {
    if (call.error instanceof ApiError && call.error.status === 404)
      return (
        <Page title="Appel à participation introuvable">
          <Alert
            severity="info"
            title="Cet atelier n'est pas, ou plus, ouvert aux inscriptions"
            as="h2"
            description="Vérifiez l'adresse de la page, ou adressez-vous à la personne ou au partenaire qui vous l'a transmise."
            className={fr.cx("fr-mb-4w")}
          />
        </Page>
      );
    return <ErrorMessage error={call.error} title="L'appel à participation ne peut pas être affiché" />;
  }
  const c = call.data;
  return (
    <Page title={c.title} breadcrumb={[{ label: c.contract.name, to: `/public/${c.contract.slug}` }]}>
      <p className={fr.cx("fr-text--sm")}>{`Atelier des habitants — ${c.contract.name}. Organisation : ${c.contract.localAuthority}.`}</p>
      {c.intro && <p className="cles-prewrap">{c.intro}</p>}
      <Sessions call={c} />
      <Availability call={c} />
      {c.open && (
        <section aria-labelledby="inscription">
          <h2 id="inscription">S'inscrire</h2>
          <RegistrationForm call={c} slug={slug} />
        </section>
      )}
    </Page>
  );
}
