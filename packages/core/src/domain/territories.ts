/**
 * App Store territories (Apple's TerritoryCode, ISO 3166 alpha-3) and the language a reply to a
 * review from there is written in. The type below makes this table list every code of the spec
 * and nothing else: when Apple adds a territory, the generated types change and this stops
 * compiling until the territory is added.
 *
 * The language is the territory's main language. Reviews in multilingual territories (Canada,
 * Switzerland, Belgium, India …) can be in any of them; a rule answers those with a reply keyed
 * by the territory code (CAN, CHE …) when the main language is not the right guess.
 */
import type { TerritoryCode } from '../api/generated/schemas.js';

// prettier-ignore
export const TERRITORY_LANGUAGE: Readonly<Record<TerritoryCode, string>> = {
  ABW: 'nl', AFG: 'fa', AGO: 'pt', AIA: 'en', ALB: 'sq', AND: 'ca', ANT: 'nl', ARE: 'ar', ARG: 'es', ARM: 'hy',
  ASM: 'en', ATG: 'en', AUS: 'en', AUT: 'de', AZE: 'az', BDI: 'fr', BEL: 'nl', BEN: 'fr', BES: 'nl', BFA: 'fr',
  BGD: 'bn', BGR: 'bg', BHR: 'ar', BHS: 'en', BIH: 'bs', BLR: 'ru', BLZ: 'en', BMU: 'en', BOL: 'es', BRA: 'pt',
  BRB: 'en', BRN: 'ms', BTN: 'dz', BWA: 'en', CAF: 'fr', CAN: 'en', CHE: 'de', CHL: 'es', CHN: 'zh', CIV: 'fr',
  CMR: 'fr', COD: 'fr', COG: 'fr', COK: 'en', COL: 'es', COM: 'fr', CPV: 'pt', CRI: 'es', CUB: 'es', CUW: 'nl',
  CXR: 'en', CYM: 'en', CYP: 'el', CZE: 'cs', DEU: 'de', DJI: 'fr', DMA: 'en', DNK: 'da', DOM: 'es', DZA: 'ar',
  ECU: 'es', EGY: 'ar', ERI: 'ti', ESP: 'es', EST: 'et', ETH: 'am', FIN: 'fi', FJI: 'en', FLK: 'en', FRA: 'fr',
  FRO: 'fo', FSM: 'en', GAB: 'fr', GBR: 'en', GEO: 'ka', GGY: 'en', GHA: 'en', GIB: 'en', GIN: 'fr', GLP: 'fr',
  GMB: 'en', GNB: 'pt', GNQ: 'es', GRC: 'el', GRD: 'en', GRL: 'kl', GTM: 'es', GUF: 'fr', GUM: 'en', GUY: 'en',
  HKG: 'zh', HND: 'es', HRV: 'hr', HTI: 'fr', HUN: 'hu', IDN: 'id', IMN: 'en', IND: 'en', IRL: 'en', IRQ: 'ar',
  ISL: 'is', ISR: 'he', ITA: 'it', JAM: 'en', JEY: 'en', JOR: 'ar', JPN: 'ja', KAZ: 'kk', KEN: 'en', KGZ: 'ky',
  KHM: 'km', KIR: 'en', KNA: 'en', KOR: 'ko', KWT: 'ar', LAO: 'lo', LBN: 'ar', LBR: 'en', LBY: 'ar', LCA: 'en',
  LIE: 'de', LKA: 'si', LSO: 'en', LTU: 'lt', LUX: 'fr', LVA: 'lv', MAC: 'zh', MAR: 'ar', MCO: 'fr', MDA: 'ro',
  MDG: 'mg', MDV: 'dv', MEX: 'es', MHL: 'en', MKD: 'mk', MLI: 'fr', MLT: 'mt', MMR: 'my', MNE: 'sr', MNG: 'mn',
  MNP: 'en', MOZ: 'pt', MRT: 'ar', MSR: 'en', MTQ: 'fr', MUS: 'en', MWI: 'en', MYS: 'ms', MYT: 'fr', NAM: 'en',
  NCL: 'fr', NER: 'fr', NFK: 'en', NGA: 'en', NIC: 'es', NIU: 'en', NLD: 'nl', NOR: 'no', NPL: 'ne', NRU: 'en',
  NZL: 'en', OMN: 'ar', PAK: 'ur', PAN: 'es', PER: 'es', PHL: 'en', PLW: 'en', PNG: 'en', POL: 'pl', PRI: 'es',
  PRT: 'pt', PRY: 'es', PSE: 'ar', PYF: 'fr', QAT: 'ar', REU: 'fr', ROU: 'ro', RUS: 'ru', RWA: 'rw', SAU: 'ar',
  SEN: 'fr', SGP: 'en', SHN: 'en', SLB: 'en', SLE: 'en', SLV: 'es', SMR: 'it', SOM: 'so', SPM: 'fr', SRB: 'sr',
  SSD: 'en', STP: 'pt', SUR: 'nl', SVK: 'sk', SVN: 'sl', SWE: 'sv', SWZ: 'en', SXM: 'nl', SYC: 'en', TCA: 'en',
  TCD: 'fr', TGO: 'fr', THA: 'th', TJK: 'tg', TKM: 'tk', TLS: 'pt', TON: 'en', TTO: 'en', TUN: 'ar', TUR: 'tr',
  TUV: 'en', TWN: 'zh', TZA: 'sw', UGA: 'en', UKR: 'uk', UMI: 'en', URY: 'es', USA: 'en', UZB: 'uz', VAT: 'it',
  VCT: 'en', VEN: 'es', VGB: 'en', VIR: 'en', VNM: 'vi', VUT: 'en', WLF: 'fr', WSM: 'en', XKS: 'sq', YEM: 'ar',
  ZAF: 'en', ZMB: 'en', ZWE: 'en',
};

export const TERRITORIES: ReadonlySet<string> = new Set(Object.keys(TERRITORY_LANGUAGE));
export const LANGUAGES: ReadonlySet<string> = new Set(Object.values(TERRITORY_LANGUAGE));

export function isTerritory(code: string): code is TerritoryCode {
  return TERRITORIES.has(code);
}

/** The main language of a territory; undefined for a code Apple does not list. */
export function languageOf(territory: string): string | undefined {
  return isTerritory(territory) ? TERRITORY_LANGUAGE[territory] : undefined;
}

/** Upper-cased territory codes, or the list of the ones Apple does not know. */
export function checkTerritories(codes: readonly string[]): { codes: TerritoryCode[]; unknown: string[] } {
  const upper = codes.map((c) => c.trim().toUpperCase());
  return { codes: upper.filter(isTerritory), unknown: codes.filter((_, i) => !isTerritory(upper[i]!)) };
}

export const TERRITORY_HINT = 'App Store territory codes are ISO 3166 alpha-3, such as USA, GBR, DEU, JPN';
