import type { Audience } from '@answergate/completion';
import type { UserLocationDto } from './dto/user-location.dto';

/** The main language of a country, for the search locale when no language_preference is given. */
const COUNTRY_LANGUAGE: Record<string, string> = {
  AE: 'ar',
  AR: 'es',
  AT: 'de',
  AU: 'en',
  BE: 'fr',
  BR: 'pt',
  CA: 'en',
  CH: 'de',
  CL: 'es',
  CN: 'zh',
  CO: 'es',
  CZ: 'cs',
  DE: 'de',
  DK: 'da',
  EG: 'ar',
  ES: 'es',
  FI: 'fi',
  FR: 'fr',
  GB: 'en',
  GR: 'el',
  HU: 'hu',
  ID: 'id',
  IE: 'en',
  IL: 'he',
  IN: 'en',
  IT: 'it',
  JP: 'ja',
  KR: 'ko',
  MX: 'es',
  NL: 'nl',
  NO: 'nb',
  NZ: 'en',
  PE: 'es',
  PL: 'pl',
  PT: 'pt',
  RO: 'ro',
  RU: 'ru',
  SA: 'ar',
  SE: 'sv',
  TH: 'th',
  TR: 'tr',
  TW: 'zh',
  UA: 'uk',
  US: 'en',
  VN: 'vi',
  ZA: 'en',
};

/** `user_location.country`'s language, when the table knows it. */
export function countryLanguage(country: string | undefined): string | undefined {
  return country ? COUNTRY_LANGUAGE[country.toUpperCase()] : undefined;
}

/** `language_preference` and `user_location` as the answer prompt states them. */
export function toAudience(
  language: string | undefined,
  location: UserLocationDto | undefined,
): Audience {
  const place = [location?.city, location?.region, location?.country?.toUpperCase()]
    .filter(Boolean)
    .join(', ');
  const coordinates =
    location?.latitude !== undefined && location.longitude !== undefined
      ? `latitude ${location.latitude}, longitude ${location.longitude}`
      : '';
  const where = place && coordinates ? `${place} (${coordinates})` : place || coordinates;
  return {
    ...(language ? { language } : {}),
    ...(where ? { location: where } : {}),
  };
}
