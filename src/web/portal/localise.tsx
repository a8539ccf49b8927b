import type { TFunction } from 'i18next';
import { Chip } from '../components/Chip.js';
import { label, scriptLang } from '../format.js';
import { currentLanguage, currentLocale, useT } from '../i18n/index.js';

// The portal's words, numbers and names in the reader's language. Values stored as integers (g,
// mg, mW) become text only here; names come from the registry: the English name, and the name in
// its own script (nativeName), which for Chinese institutions and programs is the Chinese name.

/** The portal's messages, e.g. `const { t } = usePortalT()`. */
export const usePortalT = () => useT('portal');

/** A stored vocabulary value ("in_development") in the reader's language. */
export const valueLabel = (t: TFunction, value: string) => t(`value.${value}`, { defaultValue: label(value) });

/** A status or kind pill, in the reader's language. */
export function ValueChip({ value, tone }: { value: string; tone?: string }) {
  const { t } = usePortalT();
  return <Chip value={value} tone={tone} text={valueLabel(t, value)} />;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 3 }).format(n);
}

export function grams(t: TFunction, g: number | null): string | null {
  if (g == null) return null;
  return g >= 1000 ? t('unit.kg', { value: formatNumber(g / 1000) }) : t('unit.g', { value: formatNumber(g) });
}

export function milligrams(t: TFunction, mg: number): string {
  return mg >= 1000 ? t('unit.g', { value: formatNumber(mg / 1000) }) : t('unit.mg', { value: formatNumber(mg) });
}

export function milliwatts(t: TFunction, mw: number | null): string | null {
  if (mw == null) return null;
  return mw >= 1000 ? t('unit.w', { value: formatNumber(mw / 1000) }) : t('unit.mw', { value: formatNumber(mw) });
}

/** "10 projects" / "10 个项目", with the number formatted for the reader. */
export const counted = (t: TFunction, noun: string, count: number) => t(`count.${noun}`, { count });

/** The counts as the agency reports them: "10 projects · 11 countries and regions · 1 international organisation". */
export function reportedCounts(t: TFunction, c: { projects: number; countriesAndRegions: number; organisations: number }) {
  const parts = [counted(t, 'project', c.projects), counted(t, 'countryOrRegion', c.countriesAndRegions)];
  if (c.organisations > 0) parts.push(counted(t, 'organisation', c.organisations));
  return parts.join(' · ');
}

/** A calendar day (YYYY-MM-DD) in the reader's language; a bare year stays as it is. */
export function formatDay(day: string | number | null | undefined): string | null {
  if (day == null) return null;
  if (typeof day === 'number' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return String(day);
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

const hasHan = (text: string | null | undefined): text is string => !!text && scriptLang(text) === 'zh';

/**
 * A record's name for the reader: in Chinese, the Chinese name when the registry has one, with the
 * English name beside it; in English, the English name with the name in its own script beside it.
 */
export function Name({ name, nativeName }: { name: string; nativeName?: string | null }) {
  usePortalT(); // re-render on a language change
  const chinese = currentLanguage() === 'zh' && hasHan(nativeName);
  const [primary, secondary] = chinese ? [nativeName, name] : [name, nativeName];
  return (
    <>
      {primary}
      {secondary && secondary !== primary ? (
        <>
          {' '}
          <span className="native" lang={chinese ? 'en' : scriptLang(secondary)} data-testid="native-name">
            {secondary}
          </span>
        </>
      ) : null}
    </>
  );
}

/** A plain-text name (titles, labels): the Chinese name in Chinese when there is one. */
export function plainName(r: { name: string; nativeName?: string | null }): string {
  return currentLanguage() === 'zh' && hasHan(r.nativeName) ? r.nativeName : r.name;
}

/**
 * A country's or region's name: its Chinese name in Chinese (the registry's, else the one the browser
 * knows for the ISO code), its English name in English.
 */
export function countryName(c: { code: string; name: string; nativeName?: string | null }): {
  name: string;
  nativeName: string | null;
} {
  if (currentLanguage() !== 'zh') return { name: c.name, nativeName: c.nativeName ?? null };
  if (hasHan(c.nativeName)) return { name: c.nativeName, nativeName: null };
  let known: string | undefined;
  try {
    known = new Intl.DisplayNames([currentLocale()], { type: 'region' }).of(c.code.toUpperCase());
  } catch {
    known = undefined;
  }
  return { name: known && known !== c.code.toUpperCase() ? known : c.name, nativeName: null };
}
