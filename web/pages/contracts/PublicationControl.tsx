import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { createModal } from "@codegouvfr/react-dsfr/Modal";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../../api/client";
import { keys, type Contract } from "../../api/queries";

/** Publishing opens the contract to anyone: asked twice (issue 15: no lasting action in one click). */
const publishModal = createModal({ id: "publier-page-publique", isOpenedByDefault: false });

/** The contract's public page: its address when published, and the coordination's switch. */
export function PublicationControl({ contract: c }: { contract: Contract }) {
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (published: boolean) => api(`/contracts/${c.id}/publication`, { method: "PUT", body: { published } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.contract(c.id) }),
  });
  if (!c.published && !c.permissions.publish) return null;
  return (
    <section className={fr.cx("fr-mb-6w")} aria-labelledby="page-publique">
      <h2 id="page-publique">Page publique</h2>
      {c.published ? (
        <p>
          Ce contrat a une page publique, lisible sans compte : <Link to={`/public/${c.slug}`}>{`${window.location.origin}/public/${c.slug}`}</Link>. Elle montre la présentation, le
          territoire, les signataires, les axes et les fiches en cours, sans les noms des personnes.
        </p>
      ) : (
        <p>Ce contrat n'a pas de page publique. En la publiant, la présentation, le territoire, les signataires, les axes et les fiches deviennent lisibles sans compte (sans les noms des personnes).</p>
      )}
      {c.permissions.publish && (
        <Button
          priority={c.published ? "secondary" : "primary"}
          iconId={c.published ? "fr-icon-eye-off-line" : "fr-icon-eye-line"}
          iconPosition="left"
          disabled={toggle.isPending}
          {...(c.published ? { onClick: () => toggle.mutate(false) } : { nativeButtonProps: publishModal.buttonProps })}
        >
          {c.published ? "Retirer la page publique" : "Publier la page publique"}
        </Button>
      )}
      {c.permissions.publish && !c.published && (
        <publishModal.Component
          title="Publier la page publique ?"
          buttons={[
            { children: "Ne pas publier", priority: "secondary" },
            { children: "Publier", onClick: () => toggle.mutate(true) },
          ]}
        >
          {`La présentation, le territoire, les signataires, les axes et les fiches de « ${c.name} » deviendront lisibles par tous, sans compte, à l'adresse ${window.location.origin}/public/${c.slug} (sans les noms des personnes). Vous pourrez la retirer ensuite.`}
        </publishModal.Component>
      )}
      {toggle.error && (
        <p className={fr.cx("fr-error-text")} role="alert">
          {toggle.error.message}
        </p>
      )}
    </section>
  );
}
