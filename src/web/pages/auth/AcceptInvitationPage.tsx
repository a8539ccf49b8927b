import { authApi } from '../../api.js';
import { useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';
import { NewPasswordForm } from './NewPasswordForm.js';

export function AcceptInvitationPage() {
  useTitle('Accept your invitation');
  const token = useSearch().get('token');
  if (!token) {
    return (
      <Done title="This link is incomplete" tone="error" testId="invitation-incomplete">
        <p>Open the link from the invitation e-mail exactly as it was sent.</p>
      </Done>
    );
  }
  return (
    <section className="auth" data-testid="accept-invitation-page">
      <h1>Welcome to Orbitshare</h1>
      <p className="lead">You were invited to take part. Choose a password to activate your account.</p>
      <NewPasswordForm token={token} submit={authApi.acceptInvitation} button="Activate my account" testId="invitation-form" />
    </section>
  );
}
