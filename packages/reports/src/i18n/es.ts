import type { ReportStrings } from './strings.js';

const TYPE_TITLES = {
  sum: 'Evaluación sumativa',
  ica: 'Evaluación interina integral',
  iab: 'Bloques de evaluación interina',
  fiab: 'Bloques de evaluación interina enfocados',
  ia: 'Evaluaciones interinas',
} as const;

function gradeLabelEs(code: string): string {
  if (code === 'KG') return 'Kínder';
  if (code === 'TK') return 'Kínder de transición';
  return /^\d{2}$/.test(code) ? `Grado ${Number(code)}` : code;
}

/** Spanish report text (report language chosen per report). */
export const ES: ReportStrings = {
  locale: 'es-US',
  reportTitle: 'Informe individual del estudiante',
  header: {
    student: 'Estudiante',
    ssid: 'SSID',
    grade: 'Grado',
    school: 'Escuela',
    district: 'Distrito',
    schoolYear: 'Año escolar',
    testDate: 'Fecha de la prueba',
    assessment: 'Evaluación',
  },
  gradeLabel: gradeLabelEs,
  subjects: {
    ELA: 'Artes del lenguaje y alfabetización en inglés',
    Math: 'Matemáticas',
    Science: 'Ciencias',
    Spanish: 'Español',
    ELPAC: 'Dominio del idioma inglés',
  },
  assessmentTitle: ({ family, type, subject, gradeLabel: grade }) => {
    switch (family) {
      case 'SBAC':
        return `${grade}: ${subject} — Smarter Balanced, ${TYPE_TITLES[type]}`;
      case 'CAST':
        return type === 'sum' ? `${grade}: Prueba de Ciencias de California (CAST)` : `${grade}: CAST, ${TYPE_TITLES[type]}`;
      case 'CAA':
        return `${grade}: Evaluación Alternativa de California (CAA) de ${subject}`;
      case 'CSA':
        return `${grade}: Evaluación de Español de California (CSA)`;
      case 'ELPAC':
        return type === 'sum'
          ? `${grade}: Evaluaciones sumativas del dominio del idioma inglés de California (ELPAC)`
          : `${grade}: ELPAC, ${TYPE_TITLES[type]}`;
      case 'AELPAC':
        return `${grade}: Evaluaciones sumativas alternativas del dominio del idioma inglés de California (ELPAC alternativas)`;
      case 'OTHER':
        return `${grade}: ${subject}, ${TYPE_TITLES[type]}`;
      default: {
        const never: never = family;
        return never;
      }
    }
  },
  overall: {
    heading: 'Logro general',
    elpacHeading: 'Desempeño general',
    scaleScore: 'Puntuación en escala',
    errorBand: 'Banda de error',
    bandText: (sem) => `± ${sem}`,
    rangeText: (low, high) => `Rango de puntuación ${low}–${high}`,
    level: 'Nivel de logro',
    elpacLevel: 'Nivel de desempeño',
    noScore: 'No se informó una puntuación para esta prueba.',
    scaleAlt: ({ min, max, cuts, score, low, high, level }) =>
      `Escala de ${min} a ${max} con límites de nivel en ${cuts}. La puntuación en escala del estudiante es ${score} (${level}); la banda de error va de ${low} a ${high}.`,
    yourScore: 'Puntuación del estudiante',
  },
  levelNames: {
    'Standard Not Met': 'Norma no alcanzada',
    'Standard Nearly Met': 'Norma casi alcanzada',
    'Standard Met': 'Norma alcanzada',
    'Standard Exceeded': 'Norma superada',
    'Not Met': 'No alcanzada',
    'Nearly Met': 'Casi alcanzada',
    Met: 'Alcanzada',
    Exceeded: 'Superada',
    'Below Standard': 'Por debajo de la norma',
    'Near Standard': 'Cerca de la norma',
    'At or Near Standard': 'En o cerca de la norma',
    'Above Standard': 'Por encima de la norma',
    Below: 'Por debajo',
    Near: 'Cerca',
    Above: 'Por encima',
    'Limited Understanding': 'Comprensión limitada',
    'Foundational Understanding': 'Comprensión fundamental',
    Understanding: 'Comprensión',
    'Level 1 (limited Spanish literacy)': 'Nivel 1 (alfabetización limitada en español)',
    'Level 2 (moderate Spanish literacy)': 'Nivel 2 (alfabetización moderada en español)',
    'Level 3 (high Spanish literacy)': 'Nivel 3 (alfabetización alta en español)',
    'Level 1': 'Nivel 1',
    'Level 2': 'Nivel 2',
    'Level 3': 'Nivel 3',
    'Level 4': 'Nivel 4',
    Beginning: 'Inicial',
    Progressing: 'En progreso',
    'Minimally Developed': 'Mínimamente desarrollado',
    'Somewhat Developed': 'Algo desarrollado',
    'Moderately Developed': 'Moderadamente desarrollado',
    'Well Developed': 'Bien desarrollado',
    'Beginning to Develop': 'Comenzando a desarrollarse',
    'Somewhat/Moderately Developed': 'Algo/moderadamente desarrollado',
    'Somewhat to Moderately Developed': 'Algo a moderadamente desarrollado',
    'Novice English Learner': 'Estudiante de inglés principiante',
    'Intermediate English Learner': 'Estudiante de inglés intermedio',
    'Fluent English Proficient': 'Con dominio fluido del inglés',
  },
  levelDescriptions: {
    SB4: [
      'El estudiante no ha alcanzado la norma de logro y necesita mejorar considerablemente para demostrar los conocimientos y las habilidades en {subject} necesarios para tener éxito en cursos futuros.',
      'El estudiante casi ha alcanzado la norma de logro y puede necesitar más desarrollo para demostrar los conocimientos y las habilidades en {subject} necesarios para tener éxito en cursos futuros.',
      'El estudiante ha alcanzado la norma de logro y demuestra progreso hacia el dominio de los conocimientos y las habilidades en {subject} necesarios para tener éxito en cursos futuros.',
      'El estudiante ha superado la norma de logro y demuestra un progreso avanzado hacia el dominio de los conocimientos y las habilidades en {subject} necesarios para tener éxito en cursos futuros.',
    ],
    THREE: [
      'Por debajo de la norma: el estudiante necesita mejorar considerablemente para demostrar los conocimientos y las habilidades que mide este bloque.',
      'Cerca de la norma: el estudiante puede necesitar más desarrollo para demostrar los conocimientos y las habilidades que mide este bloque.',
      'Por encima de la norma: el estudiante demuestra los conocimientos y las habilidades que mide este bloque, y más.',
    ],
    CAA3: [
      'El estudiante demuestra una comprensión limitada de los conocimientos y las habilidades en {subject} asociados con las normas de logro alternativas, y de su aplicación.',
      'El estudiante demuestra una comprensión fundamental de los conocimientos y las habilidades en {subject} asociados con las normas de logro alternativas, y de su aplicación.',
      'El estudiante demuestra comprensión de los conocimientos y las habilidades en {subject} asociados con las normas de logro alternativas, y de su aplicación.',
    ],
    CSA3: [
      'El estudiante demuestra un grado limitado de alfabetización en español: la lectura, la escritura y la comprensión auditiva en español aún están en desarrollo.',
      'El estudiante demuestra un grado moderado de alfabetización en español: lee, escribe y escucha en español con una comprensión creciente.',
      'El estudiante demuestra un alto grado de alfabetización en español: lee, escribe y escucha en español con una comprensión completa.',
    ],
    ELPAC4: [
      'Las habilidades en el idioma inglés están mínimamente desarrolladas. El estudiante puede usar algunas palabras y frases en inglés para comunicarse y necesita mucho apoyo.',
      'Las habilidades en el idioma inglés están algo desarrolladas. El estudiante puede usar el inglés para satisfacer necesidades inmediatas de comunicación, pero a menudo necesita apoyo.',
      'Las habilidades en el idioma inglés están moderadamente desarrolladas. El estudiante puede usar el inglés para aprender y comunicarse de manera significativa con algo de apoyo.',
      'Las habilidades en el idioma inglés están bien desarrolladas. El estudiante puede usar el inglés para aprender cosas nuevas y comunicarse, con apoyo ocasional.',
    ],
    AELPAC3: [
      'Estudiante de inglés principiante: el estudiante comienza a usar palabras, gestos o símbolos en inglés para comunicarse.',
      'Estudiante de inglés intermedio: el estudiante usa el inglés para comunicarse sobre temas conocidos con apoyo.',
      'Con dominio fluido del inglés: el estudiante usa el inglés para comunicarse sobre diversos temas con poco apoyo.',
    ],
    ELPAC_DOMAIN3: [
      'Comenzando a desarrollarse: el estudiante empieza a desarrollar habilidades en esta área.',
      'Algo/moderadamente desarrollado: el estudiante demuestra algunas de las habilidades de esta área y sigue avanzando.',
      'Bien desarrollado: el estudiante demuestra las habilidades esperadas en esta área.',
    ],
    CSA_DOMAIN3: [
      'Inicial: el estudiante empieza a desarrollar habilidades en esta área.',
      'En progreso: el estudiante demuestra algunas de las habilidades de esta área y sigue avanzando.',
      'Bien desarrollado: el estudiante demuestra las habilidades esperadas en esta área.',
    ],
  },
  subScores: {
    headings: {
      claim: 'Logro del estudiante por área',
      composite: 'Logro del estudiante por área compuesta',
      domain: 'Logro del estudiante por dominio',
      alt: 'Puntuaciones compuestas',
    },
    intro: {
      claim:
        'Cada área se informa como por debajo, cerca o por encima del nivel de norma alcanzada, teniendo en cuenta el error de la puntuación.',
      composite:
        'Cada área compuesta combina dos o más áreas y se informa como por debajo, cerca o por encima del nivel de norma alcanzada.',
      domain: 'Cada dominio muestra el desempeño del estudiante en una parte de la prueba.',
      alt: 'Las puntuaciones compuestas combinan partes relacionadas de la prueba.',
    },
    area: 'Área',
    result: 'Resultado',
    scaleScore: 'Puntuación en escala',
    notScored: 'Sin puntuación',
    names: {
      Reading: 'Lectura',
      Writing: 'Escritura',
      Listening: 'Comprensión auditiva',
      Speaking: 'Expresión oral',
      'Research/Inquiry': 'Investigación',
      'Concepts and Procedures': 'Conceptos y procedimientos',
      'Problem Solving and Modeling & Data Analysis': 'Resolución de problemas y modelado y análisis de datos',
      'Communicating Reasoning': 'Comunicación del razonamiento',
      'Reading and Listening': 'Lectura y comprensión auditiva',
      'Writing and Research': 'Escritura e investigación',
      'Problem Solving, Communicating Reasoning, and Modeling and Data Analysis':
        'Resolución de problemas, comunicación del razonamiento y modelado y análisis de datos',
      'Oral Language': 'Lenguaje oral',
      'Written Language': 'Lenguaje escrito',
      'Life Sciences': 'Ciencias de la vida',
      'Physical Sciences': 'Ciencias físicas',
      'Earth and Space Sciences': 'Ciencias de la Tierra y del espacio',
      'Oral Literacy': 'Alfabetización oral',
      'Written Literacy': 'Alfabetización escrita',
    },
  },
  traits: {
    heading: 'Puntuaciones de los rasgos de escritura',
    intro: 'El ensayo de redacción completa se califica en tres rasgos.',
    purpose: 'Propósito de la escritura',
    trait: 'Rasgo',
    points: 'Puntos',
    purposes: { ARGU: 'Argumentativo', EXPL: 'Explicativo', INFO: 'Informativo', NARR: 'Narrativo', OPIN: 'De opinión' },
    categories: { ORG: 'Organización/propósito', EVI: 'Evidencia/elaboración', CON: 'Convenciones' },
    ofMax: (points, max) => `${points} de ${max}`,
    conditionIntro: 'Por qué un rasgo no tiene puntos:',
    conditionCodes: {
      B: 'En blanco: no se dio ninguna respuesta.',
      I: 'Insuficiente: la respuesta no tenía suficiente escritura propia del estudiante para calificarla.',
      L: 'Idioma no calificable: la respuesta no se escribió en inglés.',
      T: 'Fuera de tema: la respuesta no trató la consigna.',
      M: 'Fuera de propósito: la respuesta se escribió con un propósito distinto al de la consigna; las convenciones se califican de todos modos.',
    },
  },
  measure: {
    lexileHeading: 'Medida Lexile',
    quantileHeading: 'Medida Quantile',
    lexileIntro: 'La medida Lexile describe la habilidad de lectura del estudiante y ayuda a elegir textos de la dificultad adecuada.',
    quantileIntro: 'La medida Quantile describe la preparación del estudiante para las habilidades y los conceptos de matemáticas.',
    range: (low, high) => `Rango: de ${low} a ${high}`,
    lexileBand: (grade, low, high) =>
      `Como referencia, el rango de lectura para la preparación universitaria y profesional en ${grade} es de ${low} a ${high}.`,
  },
  blocks: {
    heading: 'Resultados de las evaluaciones interinas',
    intro: 'Cada bloque se informa como por debajo, cerca o por encima de la norma.',
    block: 'Evaluación',
    date: 'Fecha',
    category: 'Categoría de informe',
    scaleScore: 'Puntuación en escala',
    current: 'Resultados actuales',
    previous: 'Resultados anteriores',
    note: 'Las evaluaciones interinas se califican en parte por educadores locales y pueden administrarse más de una vez; sirven para orientar la enseñanza y no se usan para la rendición de cuentas.',
  },
  accommodations: {
    heading: 'Adaptaciones',
    intro: 'Se pusieron a disposición las siguientes adaptaciones:',
    none: 'No se registraron adaptaciones.',
  },
  history: {
    heading: 'Resultados anteriores',
    intro: 'Resultados de la misma prueba en años escolares anteriores.',
    schoolYear: 'Año escolar',
    grade: 'Grado',
    scaleScore: 'Puntuación en escala',
    level: 'Nivel de logro',
    testDate: 'Fecha de la prueba',
  },
  notes: {
    heading: 'Acerca de este informe',
    errorBand:
      'Toda puntuación tiene cierta incertidumbre. La banda de error muestra el rango en el que probablemente estaría la puntuación del estudiante si tomara la prueba muchas veces.',
    interim: 'Los resultados interinos ayudan a los maestros a planificar la enseñanza durante el año.',
    summative:
      'Los resultados de las pruebas son una medida de lo que el estudiante sabe y puede hacer; hable con el maestro del estudiante sobre el trabajo en clase y otras medidas también.',
    confidentiality: 'Este informe contiene información confidencial del estudiante.',
  },
  pageTemplate: 'Página {page} de {pages}',
  dash: '—',
};
