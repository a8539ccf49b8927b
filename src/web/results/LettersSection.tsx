import { useT } from '../i18n/index.js';
import { useLoad } from '../use-load.js';
import { resultsApi } from './results-api.js';

/** On an application page: the decision letters, once the official has sent them. */
export function LettersSection({ applicationId }: { applicationId: string }) {
  const { t } = useT('results');
  const load = useLoad((signal) => resultsApi.applicationLetters(applicationId, signal), `letters-${applicationId}`);
  if (load.state !== 'ready' || load.data.length === 0) return null;
  const outcome = load.data[0]?.outcome;
  return (
    <section aria-labelledby="letters-heading" className="panel" data-testid="decision-letters">
      <h2 id="letters-heading">{t('letters.heading')}</h2>
      <p>
        {t('letters.intro')} {outcome ? <strong>{t(`outcome.${outcome}`)}</strong> : null}
      </p>
      <ul>
        {load.data.map((l) => (
          <li key={l.locale}>
            <a href={resultsApi.letterUrl(applicationId, l.locale)} download={l.filename} data-testid={`letter-${l.locale}`}>
              {l.locale === 'zh' ? t('letters.chinese') : t('letters.english')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
