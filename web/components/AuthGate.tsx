import { useQueryClient } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { accountKeys, useSession } from "../api/accounts";
import { whenSignedOut } from "../api/client";
import { ErrorMessage, Loading } from "./Page";

/** Pages reachable without signing in. */
const PUBLIC_PATHS = [/^\/connexion$/, /^\/mot-de-passe-oublie$/, /^\/reinitialiser-mot-de-passe\//, /^\/invitation\//, /^\/invitation-ars\//, /^\/public\//, /^\/dev\/courriels$/, /^\/(mentions-legales|donnees-personnelles|accessibilite|plan-du-site)$/];
export const isPublicPath = (path: string) => PUBLIC_PATHS.some((p) => p.test(path));

/** Where the sign-in page sends back to: the page that asked for it. */
export const signInPath = (location: { pathname: string; search: string }) => `/connexion?retour=${encodeURIComponent(location.pathname + location.search)}`;

/**
 * Every page but the public ones needs a session: without one, the sign-in page,
 * which brings the person back here afterwards. A session lost on the way (401) does the same.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    whenSignedOut(() => {
      if (isPublicPath(window.location.pathname)) return;
      queryClient.clear();
      navigate(signInPath(window.location), { replace: true });
    });
  }, [navigate, queryClient]);
  if (isPublicPath(location.pathname)) return children;
  if (session.isPending) return <Loading label="Vérification de la session…" />;
  if (session.error) return <ErrorMessage error={session.error} title="Le serveur ne répond pas" />;
  if (!session.data.user) return <Navigate to={signInPath(location)} replace />;
  return children;
}

/** After a sign-in or sign-out: forget everything cached for the previous person. */
export async function resetSession(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== accountKeys.session[0] });
  await queryClient.invalidateQueries({ queryKey: accountKeys.session });
}
