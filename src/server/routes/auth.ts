import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as c from '../../contracts/accounts.js';
import { Problem } from '../../contracts/common.js';
import { getMe } from '../../services/accounts/get-me.js';
import { requestPasswordReset } from '../../services/accounts/request-password-reset.js';
import { resetPassword } from '../../services/accounts/reset-password.js';
import { signIn } from '../../services/accounts/sign-in.js';
import { signOut } from '../../services/accounts/sign-out.js';
import { signUp } from '../../services/accounts/sign-up.js';
import { verifyEmail } from '../../services/accounts/verify-email.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth.js';
import { type AppContext, actorOf } from '../context.js';

const tags = ['accounts'];
const errors = { 400: Problem, 401: Problem, 403: Problem, 429: Problem };
const CHECK_MAIL = 'If the address can receive mail, a message with a link is on its way.';

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx.database;
  // Read at each use: the server learns its public URL once listening when PORT=0.
  const links = {
    get base() {
      return ctx.publicUrl ?? 'http://localhost:3000';
    },
  };
  const session = { action: 'auth.session' as const };

  api.get(
    '/api/auth/me',
    { config: { action: 'system.health' }, schema: { tags, summary: 'Who is signed in', response: { 200: c.Me } } },
    async (request) => getMe(db, actorOf(request), request.cookies[SESSION_COOKIE]),
  );

  api.post(
    '/api/auth/sign-up',
    {
      config: session,
      schema: {
        tags,
        summary: 'Sign up as an applicant (sends a verification e-mail)',
        body: c.SignUpBody,
        response: { 202: c.Accepted, ...errors },
      },
    },
    async (request, reply) => {
      await signUp(db, actorOf(request), request.body, links);
      ctx.onOutboxChanged?.();
      return reply.status(202).send({ message: CHECK_MAIL });
    },
  );

  api.post(
    '/api/auth/verify-email',
    {
      config: session,
      schema: {
        tags,
        summary: 'Confirm an e-mail address from the link',
        body: c.TokenBody,
        response: { 200: c.Accepted, ...errors },
      },
    },
    async (request) => {
      await verifyEmail(db, actorOf(request), request.body.token);
      return { message: 'Your address is confirmed. You can sign in.' };
    },
  );

  api.post(
    '/api/auth/sign-in',
    {
      config: session,
      schema: { tags, summary: 'Sign in; sets the session cookie', body: c.SignInBody, response: { 200: c.SignedIn, ...errors } },
    },
    async (request, reply) => {
      const result = await signIn(db, actorOf(request), {
        ...request.body,
        previousSessionToken: request.cookies[SESSION_COOKIE],
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(request, reply, result.session.token, result.session.expiresAt);
      return { account: result.account, csrfToken: result.session.csrfToken };
    },
  );

  api.post(
    '/api/auth/sign-out',
    {
      config: session, // open to all: signing out with an expired session still clears the cookie
      schema: { tags, summary: 'Sign out; ends the session', response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await signOut(db, actorOf(request), request.cookies[SESSION_COOKIE]);
      clearSessionCookie(request, reply);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/password-reset',
    {
      config: session,
      schema: { tags, summary: 'Ask for a password reset link', body: c.EmailBody, response: { 202: c.Accepted, ...errors } },
    },
    async (request, reply) => {
      await requestPasswordReset(db, actorOf(request), request.body.email, links);
      ctx.onOutboxChanged?.();
      return reply.status(202).send({ message: CHECK_MAIL });
    },
  );

  api.post(
    '/api/auth/password-reset/confirm',
    {
      config: session,
      schema: {
        tags,
        summary: 'Set a new password from a reset link',
        body: c.NewPasswordBody,
        response: { 200: c.Accepted, ...errors },
      },
    },
    async (request) => {
      await resetPassword(db, actorOf(request), { ...request.body, purpose: 'reset_password' }, links);
      ctx.onOutboxChanged?.();
      return {
        message: 'Your password is changed, every session signed out and every API token revoked. Sign in with the new one.',
      };
    },
  );

  api.post(
    '/api/auth/accept-invitation',
    {
      config: session,
      schema: {
        tags,
        summary: 'Choose a password from an invitation link',
        body: c.NewPasswordBody,
        response: { 200: c.Accepted, ...errors },
      },
    },
    async (request) => {
      await resetPassword(db, actorOf(request), { ...request.body, purpose: 'invitation' }, links);
      return { message: 'Your account is active. Sign in.' };
    },
  );
}
