/**
 * Student languages: ISO 639-2 code (lower case) with the CALPADS two-digit code (formats.md §2;
 * RDW's language table: a few codes are unofficial, marked). A TRT LanguageCode matches either.
 */
export type LanguageDef = { code: string; altCode: string; name: string };

export const LANGUAGES: readonly LanguageDef[] = [
  { code: 'eng', altCode: '00', name: 'English' },
  { code: 'spa', altCode: '01', name: 'Spanish' },
  { code: 'vie', altCode: '02', name: 'Vietnamese' },
  { code: 'chi', altCode: '03', name: 'Chinese; Cantonese' },
  { code: 'kor', altCode: '04', name: 'Korean' },
  { code: 'fil', altCode: '05', name: 'Filipino; Pilipino' },
  { code: 'por', altCode: '06', name: 'Portuguese' },
  { code: 'mnd', altCode: '07', name: 'Mandarin' }, // unofficial code
  { code: 'jpn', altCode: '08', name: 'Japanese' },
  { code: 'mkh', altCode: '09', name: 'Mon-Khmer languages' },
  { code: 'lao', altCode: '10', name: 'Lao' },
  { code: 'ara', altCode: '11', name: 'Arabic' },
  { code: 'arm', altCode: '12', name: 'Armenian' },
  { code: 'bur', altCode: '13', name: 'Burmese' },
  { code: 'dut', altCode: '15', name: 'Dutch' },
  { code: 'per', altCode: '16', name: 'Persian; Farsi' },
  { code: 'fre', altCode: '17', name: 'French' },
  { code: 'ger', altCode: '18', name: 'German' },
  { code: 'gre', altCode: '19', name: 'Greek' },
  { code: 'cha', altCode: '20', name: 'Chamorro' },
  { code: 'heb', altCode: '21', name: 'Hebrew' },
  { code: 'hin', altCode: '22', name: 'Hindi' },
  { code: 'hmn', altCode: '23', name: 'Hmong; Mong' },
  { code: 'hun', altCode: '24', name: 'Hungarian' },
  { code: 'ilo', altCode: '25', name: 'Iloko; Ilocano' },
  { code: 'ind', altCode: '26', name: 'Indonesian' },
  { code: 'ita', altCode: '27', name: 'Italian' },
  { code: 'pan', altCode: '28', name: 'Panjabi; Punjabi' },
  { code: 'rus', altCode: '29', name: 'Russian' },
  { code: 'smo', altCode: '30', name: 'Samoan' },
  { code: 'tha', altCode: '32', name: 'Thai' },
  { code: 'tur', altCode: '33', name: 'Turkish' },
  { code: 'ton', altCode: '34', name: 'Tongan' },
  { code: 'urd', altCode: '35', name: 'Urdu' },
  { code: 'ceb', altCode: '36', name: 'Cebuano; Visayan' },
  { code: 'sgn', altCode: '37', name: 'Sign Languages' },
  { code: 'ukr', altCode: '38', name: 'Ukrainian' },
  { code: 'chz', altCode: '39', name: 'Chaozhou; Chiuchow; Teochew' }, // unofficial code
  { code: 'pus', altCode: '40', name: 'Pushto; Pashto' },
  { code: 'pol', altCode: '41', name: 'Polish' },
  { code: 'syr', altCode: '42', name: 'Syriac; Assyrian' },
  { code: 'guj', altCode: '43', name: 'Gujarati' },
  { code: 'yao', altCode: '44', name: 'Yao; Mien' },
  { code: 'rum', altCode: '45', name: 'Romanian; Moldavian; Moldovan' },
  { code: 'taw', altCode: '46', name: 'Taiwanese' }, // unofficial code
  { code: 'lau', altCode: '47', name: 'Lahu' }, // unofficial code
  { code: 'mah', altCode: '48', name: 'Marshallese' },
  { code: 'oto', altCode: '49', name: 'Otomian languages; Mixteco' },
  { code: 'map', altCode: '50', name: 'Austronesian languages; Khmu' },
  { code: 'kur', altCode: '51', name: 'Kurdish' },
  { code: 'bat', altCode: '52', name: 'Baltic languages' },
  { code: 'toi', altCode: '53', name: 'Toishanese' }, // unofficial code
  { code: 'afa', altCode: '54', name: 'Afro-Asiatic languages; Chaldean' },
  { code: 'alb', altCode: '56', name: 'Albanian' },
  { code: 'tir', altCode: '57', name: 'Tigrinya' },
  { code: 'som', altCode: '60', name: 'Somali' },
  { code: 'ben', altCode: '61', name: 'Bengali' },
  { code: 'tel', altCode: '62', name: 'Telugu' },
  { code: 'tam', altCode: '63', name: 'Tamil' },
  { code: 'mar', altCode: '64', name: 'Marathi' },
  { code: 'kan', altCode: '65', name: 'Kannada' },
  { code: 'amh', altCode: '66', name: 'Amharic' },
  { code: 'bul', altCode: '67', name: 'Bulgarian' },
  { code: 'kik', altCode: '68', name: 'Kikuyu; Gikuyu' },
  { code: 'kas', altCode: '69', name: 'Kashmiri' },
  { code: 'swe', altCode: '70', name: 'Swedish' },
  { code: 'zap', altCode: '71', name: 'Zapotec' },
  { code: 'uzb', altCode: '72', name: 'Uzbek' },
  { code: 'mis', altCode: '99', name: 'Uncoded languages' },
  { code: 'und', altCode: 'UU', name: 'Undetermined' },
];

const BY_CODE = new Map(LANGUAGES.map((l) => [l.code, l]));
const BY_ALT = new Map(LANGUAGES.map((l) => [l.altCode, l]));

/** `code = lower(v) or altcode = v` (formats.md §2). */
export function findLanguage(value: string): LanguageDef | undefined {
  const v = value.trim();
  return BY_CODE.get(v.toLowerCase()) ?? BY_ALT.get(v);
}
