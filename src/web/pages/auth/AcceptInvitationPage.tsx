import { authApi } from '../../api.js';
import { useT } from '../../i18n/index.js';
import { useSearch } from '../../router.js';
import { useTitle } from '../../use-title.js';
import { Done } from './Done.js';
import { NewPasswordForm } from './NewPasswordForm.js';

export function AcceptInvitationPage() {
  const { t } = useT('accounts');
  useTitle(t('auth.invitationTitle'));
  const token = useSearch().get('token');
  if (!token) {
    return (
      <Done title={t('auth.incompleteTitle')} tone="error" testId="invitation-incomplete">
        <p>{t('auth.incompleteInvitation')}</p>
      </Done>
    );
  }
  return (
    <section className="auth" data-testid="accept-invitation-page">
      <h1>{t('auth.welcome')}</h1>
      <p className="lead">{t('auth.invitedLead')}</p>
      <NewPasswordForm token={token} submit={authApi.acceptInvitation} button={t('auth.activate')} testId="invitation-form" />
    </section>
  );
}
