/**
 * A sign-in vouched for by someone else (ProConnect): better-auth opens the session exactly
 * as for a password — its session row, its signed cookie — for an account Clés has already
 * found and checked. Server-only: Clés never exposes better-auth's HTTP handler.
 */
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { z } from "zod";

export const externalSignIn = () =>
  ({
    id: "cles-external-sign-in",
    endpoints: {
      signInExternal: createAuthEndpoint(
        "/cles/sign-in-external",
        { method: "POST", body: z.object({ userId: z.string().min(1) }), metadata: { SERVER_ONLY: true } },
        async (ctx) => {
          const user = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
          if (!user) throw new APIError("UNAUTHORIZED");
          const session = await ctx.context.internalAdapter.createSession(user.id);
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ user });
        },
      ),
    },
  }) satisfies BetterAuthPlugin;
