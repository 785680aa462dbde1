/**
 * Category spellings: Apple's ids (`PRODUCTIVITY`, `GAMES_PUZZLE`) and fastlane's old iTunes
 * Connect names (`MZGenre.Productivity`, `MZGenre.Apps.Shopping`, `MZGenre.Games.Puzzle`), as
 * spaceship maps them. Which ids exist is asked of the API (`GET /v1/appCategories`) when a
 * category changes, so a category Apple adds is never refused by a stale list here.
 */

const LEGACY_CATEGORIES: Readonly<Record<string, string>> = {
  'Apps.Food_Drink': 'FOOD_AND_DRINK',
  Business: 'BUSINESS',
  Education: 'EDUCATION',
  SocialNetworking: 'SOCIAL_NETWORKING',
  Book: 'BOOKS',
  Sports: 'SPORTS',
  Finance: 'FINANCE',
  Reference: 'REFERENCE',
  'Apps.GraphicsDesign': 'GRAPHICS_AND_DESIGN',
  'Apps.DeveloperTools': 'DEVELOPER_TOOLS',
  Healthcare_Fitness: 'HEALTH_AND_FITNESS',
  Music: 'MUSIC',
  Weather: 'WEATHER',
  Travel: 'TRAVEL',
  Entertainment: 'ENTERTAINMENT',
  Stickers: 'STICKERS',
  Games: 'GAMES',
  Lifestyle: 'LIFESTYLE',
  Medical: 'MEDICAL',
  'Apps.Newsstand': 'MAGAZINES_AND_NEWSPAPERS',
  Utilities: 'UTILITIES',
  'Apps.Shopping': 'SHOPPING',
  Productivity: 'PRODUCTIVITY',
  News: 'NEWS',
  Photography: 'PHOTO_AND_VIDEO',
  Navigation: 'NAVIGATION',
};

const LEGACY_SUBCATEGORIES: Readonly<Record<string, string>> = {
  'Apps.Stickers.Places': 'STICKERS_PLACES_AND_OBJECTS',
  'Apps.Stickers.Emotions': 'STICKERS_EMOJI_AND_EXPRESSIONS',
  'Apps.Stickers.BirthdaysAndCelebrations': 'STICKERS_CELEBRATIONS',
  'Apps.Stickers.Celebrities': 'STICKERS_CELEBRITIES',
  'Apps.Stickers.MoviesAndTV': 'STICKERS_MOVIES_AND_TV',
  'Apps.Stickers.Sports': 'STICKERS_SPORTS_AND_ACTIVITIES',
  'Apps.Stickers.FoodAndDrink': 'STICKERS_EATING_AND_DRINKING',
  'Apps.Stickers.Characters': 'STICKERS_CHARACTERS',
  'Apps.Stickers.Animals': 'STICKERS_ANIMALS',
  'Apps.Stickers.Fashion': 'STICKERS_FASHION',
  'Apps.Stickers.Art': 'STICKERS_ART',
  'Apps.Stickers.Games': 'STICKERS_GAMING',
  'Apps.Stickers.KidsAndFamily': 'STICKERS_KIDS_AND_FAMILY',
  'Apps.Stickers.People': 'STICKERS_PEOPLE',
  'Apps.Stickers.Music': 'STICKERS_MUSIC',
  Sports: 'GAMES_SPORTS',
  Word: 'GAMES_WORD',
  Music: 'GAMES_MUSIC',
  Adventure: 'GAMES_ADVENTURE',
  Action: 'GAMES_ACTION',
  RolePlaying: 'GAMES_ROLE_PLAYING',
  Arcade: 'GAMES_CASUAL',
  Board: 'GAMES_BOARD',
  Trivia: 'GAMES_TRIVIA',
  Card: 'GAMES_CARD',
  Puzzle: 'GAMES_PUZZLE',
  Casino: 'GAMES_CASINO',
  Strategy: 'GAMES_STRATEGY',
  Simulation: 'GAMES_SIMULATION',
  Racing: 'GAMES_RACING',
  Family: 'GAMES_FAMILY',
};

export interface CanonicalCategory {
  /** Apple's id, or undefined when the spelling is not recognisable at all. */
  id?: string;
  /** The input used fastlane's old `MZGenre.*` spelling. */
  legacy: boolean;
}

/** `PRODUCTIVITY`, `productivity`, `MZGenre.Productivity` → PRODUCTIVITY. */
export function canonicalCategory(value: string, subcategory: boolean): CanonicalCategory {
  const text = value.trim();
  if (text.startsWith('MZGenre.')) {
    const name = text.slice('MZGenre.'.length);
    const table = subcategory ? LEGACY_SUBCATEGORIES : LEGACY_CATEGORIES;
    const id = table[name] ?? (subcategory ? table[name.replace(/^Games\./, '')] : undefined);
    return { id, legacy: true };
  }
  if (/^[A-Za-z]+(_[A-Za-z]+)*$/.test(text)) return { id: text.toUpperCase(), legacy: false };
  return { legacy: false };
}
