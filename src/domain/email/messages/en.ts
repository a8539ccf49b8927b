import type { CoreMessages, Vars } from '../template-types.js';

// English e-mails, plain text. The link carries a single-use token; nothing else is secret.

const dear = (v: Vars) => (v.name ? `Dear ${v.name},` : 'Hello,');

export const EN: CoreMessages = {
  verify_email: (v) => ({
    subject: 'Confirm your Orbitshare e-mail address',
    body: `Hello,\n\nPlease confirm your e-mail address to activate your Orbitshare account:\n\n${v.link}\n\nThe link works once and for ${v.hours} hours. If you did not sign up, ignore this message.\n`,
  }),
  reset_password: (v) => ({
    subject: 'Reset your Orbitshare password',
    body: `${dear(v)}\n\nSomeone asked to reset the password of your Orbitshare account. To choose a new one:\n\n${v.link}\n\nThe link works once and for ${v.hours} hours. If it was not you, ignore this message: your password is unchanged.\n`,
  }),
  invitation: (v) => ({
    subject: 'You are invited to Orbitshare',
    body: `Dear ${v.name},\n\nYou have been invited to Orbitshare. Choose your password to activate your account:\n\n${v.link}\n\nThe link works once and for ${v.hours} hours.\n`,
  }),
  signup_exists: (v) => ({
    subject: 'Sign-up attempt on Orbitshare',
    body: `${dear(v)}\n\nSomeone tried to sign up to Orbitshare with this e-mail address, which already has an account. If you forgot your password, reset it here:\n\n${v.link}\n`,
  }),
  reset_no_account: () => ({
    subject: 'Password reset request on Orbitshare',
    body: `Hello,\n\nSomeone asked to reset the password of an Orbitshare account with this e-mail address, but no active account uses it. If it was you, you may have signed up with another address. If it was not you, ignore this message.\n`,
  }),
  password_changed: (v) => ({
    subject: 'Your Orbitshare password was changed',
    body: `${dear(v)}\n\nThe password of your Orbitshare account was changed with a reset link. Every session was signed out and your API tokens were revoked (${v.tokensRevoked ?? 0} revoked); create new ones on your account page. If it was not you, reset your password again now:\n\n${v.link}\n`,
  }),
  submission_receipt: (v) => ({
    subject: `Orbitshare: your application to "${v.callTitle}" was received`,
    body: `Dear ${v.name},\n\nWe received your application to the call "${v.callTitle}" (version ${v.version}) on ${v.at}.\n\nYou may amend it until the deadline; each submission is kept as a new version. See it here:\n\n${v.link}\n`,
  }),
};
