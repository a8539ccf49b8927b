import { scriptLang } from '../format.js';

/** An English name with its native-script name beside it, when that differs. */
export function Name({ name, nativeName }: { name: string; nativeName?: string | null }) {
  return (
    <>
      {name}
      {nativeName && nativeName !== name ? (
        <>
          {' '}
          <span className="native" lang={scriptLang(nativeName)} data-testid="native-name">
            {nativeName}
          </span>
        </>
      ) : null}
    </>
  );
}
