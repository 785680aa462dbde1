/**
 * The age rating questions of `ageRatingDeclarations`, as Apple's spec 4.4.1 gives them
 * (AgeRatingDeclarationUpdateRequest): frequency levels, yes/no answers (the 2025 questions
 * among them: advertising, ageAssurance, healthOrWellnessTopics, messagingAndChat,
 * parentalControls, userGeneratedContent …), the overrides and a URL. Every answer may be null
 * (unset). Also deliver's old iTunes Connect keys and 0/1/2 values, mapped as spaceship maps
 * them (connect_api/models/age_rating_declaration.rb: LEGACY_AGE_RATING_ITC_MAP,
 * LEGACY_RATING_VALUE_ITC_MAP, map_deprecation_if_possible).
 */

export type AgeRatingAnswer = string | boolean | null;

export type AgeRatingKind = { type: 'enum'; values: readonly string[] } | { type: 'boolean' } | { type: 'url' };

const LEVEL: AgeRatingKind = {
  type: 'enum',
  values: ['NONE', 'INFREQUENT_OR_MILD', 'FREQUENT_OR_INTENSE', 'INFREQUENT', 'FREQUENT'],
};
const YES_NO: AgeRatingKind = { type: 'boolean' };

export const AGE_RATING_QUESTIONS: Readonly<Record<string, AgeRatingKind>> = {
  advertising: YES_NO,
  ageAssurance: YES_NO,
  alcoholTobaccoOrDrugUseOrReferences: LEVEL,
  contests: LEVEL,
  gambling: YES_NO,
  gamblingSimulated: LEVEL,
  gunsOrOtherWeapons: LEVEL,
  healthOrWellnessTopics: YES_NO,
  horrorOrFearThemes: LEVEL,
  kidsAgeBand: { type: 'enum', values: ['FIVE_AND_UNDER', 'SIX_TO_EIGHT', 'NINE_TO_ELEVEN'] },
  lootBox: YES_NO,
  matureOrSuggestiveThemes: LEVEL,
  medicalOrTreatmentInformation: LEVEL,
  messagingAndChat: YES_NO,
  parentalControls: YES_NO,
  profanityOrCrudeHumor: LEVEL,
  sexualContentGraphicAndNudity: LEVEL,
  sexualContentOrNudity: LEVEL,
  socialMedia: YES_NO,
  socialMediaAgeRestricted: YES_NO,
  unrestrictedWebAccess: YES_NO,
  userGeneratedContent: YES_NO,
  violenceCartoonOrFantasy: LEVEL,
  violenceRealistic: LEVEL,
  violenceRealisticProlongedGraphicOrSadistic: LEVEL,
  ageRatingOverride: {
    type: 'enum',
    values: ['NONE', 'NINE_PLUS', 'THIRTEEN_PLUS', 'SIXTEEN_PLUS', 'SEVENTEEN_PLUS', 'UNRATED'],
  },
  ageRatingOverrideV2: {
    type: 'enum',
    values: ['NONE', 'NINE_PLUS', 'THIRTEEN_PLUS', 'SIXTEEN_PLUS', 'EIGHTEEN_PLUS', 'UNRATED'],
  },
  koreaAgeRatingOverride: { type: 'enum', values: ['NONE', 'FIFTEEN_PLUS', 'NINETEEN_PLUS'] },
  developerAgeRatingInfoUrl: { type: 'url' },
};

/** The spec marks it deprecated in favour of ageRatingOverrideV2. */
export const DEPRECATED_QUESTIONS: Readonly<Record<string, string>> = { ageRatingOverride: 'ageRatingOverrideV2' };

/** deliver's iTunes Connect keys (values 0, 1, 2). */
export const LEGACY_KEYS: Readonly<Record<string, string>> = {
  CARTOON_FANTASY_VIOLENCE: 'violenceCartoonOrFantasy',
  REALISTIC_VIOLENCE: 'violenceRealistic',
  PROLONGED_GRAPHIC_SADISTIC_REALISTIC_VIOLENCE: 'violenceRealisticProlongedGraphicOrSadistic',
  PROFANITY_CRUDE_HUMOR: 'profanityOrCrudeHumor',
  MATURE_SUGGESTIVE: 'matureOrSuggestiveThemes',
  HORROR: 'horrorOrFearThemes',
  MEDICAL_TREATMENT_INFO: 'medicalOrTreatmentInformation',
  ALCOHOL_TOBACCO_DRUGS: 'alcoholTobaccoOrDrugUseOrReferences',
  GAMBLING: 'gamblingSimulated',
  SEXUAL_CONTENT_NUDITY: 'sexualContentOrNudity',
  GRAPHIC_SEXUAL_CONTENT_NUDITY: 'sexualContentGraphicAndNudity',
  UNRESTRICTED_WEB_ACCESS: 'unrestrictedWebAccess',
  GAMBLING_CONTESTS: 'gamblingAndContests',
};

export const LEGACY_LEVELS: readonly string[] = ['NONE', 'INFREQUENT_OR_MILD', 'FREQUENT_OR_INTENSE'];
