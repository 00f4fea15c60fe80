import type { Rng } from '../random.js';

/** A selected-response ELA question: options with the index of the correct one. */
export type ElaQuestion = { stem: string; options: readonly string[]; key: number; standard: string };

const LITERARY = [
  'The Lighthouse Keeper’s Daughter',
  'Rain on the Mesa',
  'The Last Kite of Summer',
  'Grandfather’s Violin',
  'A Fox in the Orchard',
  'The Girl Who Counted Stars',
];
const INFORMATIONAL = [
  'How Bees Talk to Each Other',
  'The Story of the Golden Gate Bridge',
  'Why Coral Reefs Matter',
  'Saving California’s Condors',
  'The Science of Earthquakes',
  'Inside a Seed Bank',
];
const TOPICS = ['school gardens', 'later school start times', 'recycling programs', 'public libraries', 'ocean plastics', 'electric buses'];

const READING_QUESTIONS: readonly ((title: string) => Omit<ElaQuestion, 'standard'>)[] = [
  (t) => ({
    stem: `Read the passage “${t}.” Which sentence best states the central idea of the passage?`,
    options: [
      'Working together helps people overcome a difficult challenge.',
      'The weather changes quickly near the coast.',
      'Old objects are always more valuable than new ones.',
      'Everyone should learn to play a musical instrument.',
    ],
    key: 0,
  }),
  (t) => ({
    stem: `In “${t},” what does the word “reluctant” most likely mean as it is used in paragraph 3?`,
    options: ['eager', 'unwilling', 'confused', 'tired'],
    key: 1,
  }),
  (t) => ({
    stem: `Which detail from “${t}” best supports the idea that the main character has changed by the end of the passage?`,
    options: [
      'She describes the color of the sky in the morning.',
      'She remembers the name of her first teacher.',
      'She chooses to share what she learned with her younger brother.',
      'She walks the same path she always walks to school.',
    ],
    key: 2,
  }),
  (t) => ({
    stem: `How does the author of “${t}” organize the information in the passage?`,
    options: ['by comparing two places', 'in time order', 'as a list of problems and solutions', 'from least to most important'],
    key: 1,
  }),
  (t) => ({
    stem: `What is the most likely reason the author included the quotation in the last paragraph of “${t}”?`,
    options: [
      'to show an expert agrees with the main idea',
      'to introduce a new character',
      'to describe the setting',
      'to explain the meaning of a word',
    ],
    key: 0,
  }),
];

const WRITING_QUESTIONS: readonly ((topic: string) => Omit<ElaQuestion, 'standard'>)[] = [
  (topic) => ({
    stem: `A student is writing an opinion paragraph about ${topic}. Which sentence would best introduce the student’s opinion?`,
    options: [
      `Many people have different ideas about ${topic}.`,
      `Our community should support ${topic} because they help everyone.`,
      `I went to the store yesterday.`,
      `There are many kinds of weather.`,
    ],
    key: 1,
  }),
  () => ({
    stem: 'Which sentence uses correct punctuation?',
    options: [
      'After the game we went, home.',
      'After the game, we went home.',
      'After, the game we went home.',
      'After the game we went home,',
    ],
    key: 1,
  }),
  () => ({
    stem: 'Choose the word that best completes the sentence: “The scientist ______ the results before she shared them.”',
    options: ['verified', 'verifies', 'verifying', 'verify'],
    key: 0,
  }),
  (topic) => ({
    stem: `A student wrote a report about ${topic}. Which transition best connects the second and third sentences?`,
    options: ['However,', 'For example,', 'In conclusion,', 'Suddenly,'],
    key: 1,
  }),
];

const LISTENING_QUESTIONS: readonly ((topic: string) => Omit<ElaQuestion, 'standard'>)[] = [
  (topic) => ({
    stem: `Listen to the presentation about ${topic}. What is the speaker’s main purpose?`,
    options: [
      'to entertain with a funny story',
      'to inform listeners about a problem and a solution',
      'to describe a vacation',
      'to give directions to a place',
    ],
    key: 1,
  }),
  (topic) => ({
    stem: `Listen to the presentation about ${topic}. Which statement would the speaker most likely agree with?`,
    options: ['Small changes can make a big difference.', 'Nothing can be done.', 'Only adults can help.', 'The problem is not important.'],
    key: 0,
  }),
];

const RESEARCH_QUESTIONS: readonly ((topic: string) => Omit<ElaQuestion, 'standard'>)[] = [
  (topic) => ({
    stem: `A student is researching ${topic}. Which source would most likely have the most reliable information?`,
    options: [
      'a blog post by an anonymous writer',
      'a government report published this year',
      'an advertisement',
      'a social media comment',
    ],
    key: 1,
  }),
  (topic) => ({
    stem: `Which sentence from the student’s notes about ${topic} is an opinion rather than a fact?`,
    options: [
      'The program started in 2019.',
      'It is the best idea our town has ever had.',
      'Three schools take part.',
      'The city paid for the supplies.',
    ],
    key: 1,
  }),
];

const STANDARD_PREFIX: Record<string, string> = { '1-LT': 'RL', '1-IT': 'RI', '2-W': 'W', '3-L': 'SL', '4-CR': 'W' };

export function elaQuestion(claim: string, rng: Rng, grade: number): ElaQuestion {
  const topic = rng.pick(TOPICS);
  let q: Omit<ElaQuestion, 'standard'>;
  if (claim === '1-LT') q = rng.pick(READING_QUESTIONS)(rng.pick(LITERARY));
  else if (claim === '1-IT') q = rng.pick(READING_QUESTIONS)(rng.pick(INFORMATIONAL));
  else if (claim === '3-L') q = rng.pick(LISTENING_QUESTIONS)(topic);
  else if (claim === '4-CR') q = rng.pick(RESEARCH_QUESTIONS)(topic);
  else q = rng.pick(WRITING_QUESTIONS)(topic);
  const g = grade >= 9 ? '11-12' : String(grade);
  return { ...q, standard: `${STANDARD_PREFIX[claim] ?? 'L'}.${g}.${rng.int(1, 9)}` };
}

export function topicFor(rng: Rng): string {
  return rng.pick(TOPICS);
}

/** Writing purposes by grade band (opinion in the elementary grades, argument later). */
export function writingPurposes(grade: number): readonly ('ARGU' | 'EXPL' | 'INFO' | 'NARR' | 'OPIN')[] {
  return grade <= 5 ? ['OPIN', 'NARR', 'INFO'] : ['ARGU', 'EXPL', 'NARR'];
}

const ESSAY_OPENINGS = [
  'I believe that our school should start a community garden.',
  'There are many reasons why students should have more time for recess.',
  'When the storm knocked out the power, Maya had to find another way home.',
  'Coral reefs are some of the most important places in the ocean.',
  'Libraries are more important today than ever before.',
];
const ESSAY_BODIES = [
  'First, it would help students learn where food comes from. In the article, the author explains that students who garden eat more vegetables.',
  'One reason is that exercise helps people focus. The second source says that students who move during the day do better in class.',
  'She looked at the dark street and remembered the path her grandmother had shown her. Each step felt louder than the last.',
  'Reefs protect coastlines from waves, and thousands of kinds of fish live there. Scientists in the third source warn that warmer water is harming them.',
  'They give everyone free access to books, computers and quiet places to study. Many families depend on them.',
];
const ESSAY_ENDINGS = [
  'For these reasons, I think the plan would make our school a better place.',
  'In conclusion, this change would help every student.',
  'When she finally saw the porch light, she knew she had been braver than she thought.',
  'If we act now, reefs can be healthy for a long time.',
  'That is why our town should keep its libraries open.',
];

/** A student essay whose length and polish follow the points it earned (0–6). */
export function essayResponse(rng: Rng, points: number): string {
  if (points <= 0) return rng.pick(['i dont know', '', 'It is good.']);
  const i = rng.int(0, ESSAY_OPENINGS.length - 1);
  const parts = [ESSAY_OPENINGS[i], ESSAY_BODIES[i]];
  if (points >= 3) parts.push(ESSAY_BODIES[(i + 1) % ESSAY_BODIES.length]);
  if (points >= 2) parts.push(ESSAY_ENDINGS[i]);
  const text = parts.join(' ');
  return points <= 2 ? text.toLowerCase().replace(/,/g, '') : text;
}

export function shortAnswer(rng: Rng, points: number): string {
  if (points >= 2)
    return rng.pick([
      'The author shows that the character changed because she decided to help her brother, which proves she learned to be patient.',
      'The text says bees dance to tell other bees where food is, so they can work together to find flowers.',
    ]);
  if (points === 1) return rng.pick(['She helped her brother.', 'Bees dance to talk.']);
  return rng.pick(['idk', 'Because.', '']);
}
