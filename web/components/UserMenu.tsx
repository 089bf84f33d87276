import type { HeaderProps } from "@codegouvfr/react-dsfr/Header";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocation, useNavigate } from "react-router";
import { useSession } from "../api/accounts";
import { api } from "../api/client";
import { useContracts } from "../api/queries";
import type { ResponseOf } from "../api/types";
import { isPublicPath, signInPath } from "./AuthGate";

/** The header's quick-access items: who is signed in, their account, sign-out; or "Se connecter". */
export function useQuickAccessItems(): HeaderProps.QuickAccessItem[] {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = session.data?.user;
  const contracts = useContracts(!!user && !isPublicPath(location.pathname));
  // The territories the person reads (an ARS delegation, the admin): the « Territoire » entry (issue 15).
  const territory = useQuery({
    queryKey: ["territories", "scope"],
    queryFn: ({ signal }) => api<ResponseOf<"/api/territories/scope", "get">>("/territories/scope", { signal }),
    enabled: !!user && !isPublicPath(location.pathname),
    staleTime: 60_000,
  });
  const signOut = useMutation({
    mutationFn: () => api("/auth/sign-out", { method: "POST" }),
    onSettled: () => {
      queryClient.clear();
      navigate("/connexion", { replace: true });
    },
  });
  if (!user) {
    if (session.isPending || location.pathname === "/connexion") return [];
    return [{ iconId: "fr-icon-lock-line", linkProps: { to: signInPath(location) }, text: "Se connecter" }];
  }
  const items: HeaderProps.QuickAccessItem[] = [];
  if (contracts.data?.permissions.import) items.push({ iconId: "fr-icon-upload-line", linkProps: { to: "/importer" }, text: "Importer un contrat" });
  if (user.isAdmin) items.push({ iconId: "fr-icon-team-line", linkProps: { to: "/administration/comptes" }, text: "Comptes" });
  if (user.isAdmin) items.push({ iconId: "fr-icon-file-text-line", linkProps: { to: "/administration/journal" }, text: "Journal" });
  if (territory.data?.all || territory.data?.departements.length) items.push({ iconId: "fr-icon-map-pin-2-line", linkProps: { to: "/territoire" }, text: "Territoire" });
  items.push({ iconId: "fr-icon-todo-line", linkProps: { to: "/mes-fiches" }, text: "Mes fiches" });
  items.push({ iconId: "fr-icon-account-circle-line", linkProps: { to: "/mon-compte" }, text: user.name });
  items.push({ iconId: "fr-icon-logout-box-r-line", buttonProps: { onClick: () => signOut.mutate(), disabled: signOut.isPending }, text: "Se déconnecter" });
  return items;
}
