/**
 * Assessment targets used by the sandbox (SB ELA claims 1-4 and Math claim 1), taken from the
 * California subject definitions published with Smarter Balanced's RDW (ELA_subject.CA.xml,
 * Math_subject.CA.xml; ECL-2.0). Natural ids follow formats.md §5.1/§5.2: ELA `<target>-<grade>`,
 * Math `<domain>|<letter>[-<grade>]`. Generated once from those files; kept as data.
 */
export type TargetSeed = { claim: string; id: string; name: string; description: string };
export const ELA_TARGETS: Record<number, readonly TargetSeed[]> = {
  '11': [
    {
      claim: '1-IT',
      id: '10-11',
      name: 'Word Meanings',
      description:
        'Determine intended or precise meanings of words, including domain-specific/technical (tier 3) terms, distinguishing connotation-denotation, and words with multiple meanings (academic/tier 2 words), based on context, word patterns, relationships, etymology, or use of specialized resources (e.g., dictionary, glossary, digital tools)',
    },
    {
      claim: '1-IT',
      id: '11-11',
      name: 'Reasoning & Evaluation',
      description:
        'Apply reasoning and a range of textual evidence to or justify analyses of author’s presentation of information (author’s line of reasoning, point of view/purpose; relevance of evidence or elaboration to support claims; development or connections among complex concepts ideas)',
    },
    {
      claim: '1-IT',
      id: '12-11',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze texts to determine how connections are made in development of complex ideas or events; or in development of topics, themes, rhetorical features',
    },
    {
      claim: '1-IT',
      id: '13-11',
      name: 'Text Structures/Features',
      description:
        'Relate knowledge of text structures or formats, or genre features (e.g., graphic/visual information) to integrate information or analyze the impact on meaning or presentation',
    },
    {
      claim: '1-IT',
      id: '14-11',
      name: 'Language Use',
      description:
        'Analyze the figurative (e.g., euphemism, oxymoron, hyperbole, paradox) or connotative meanings of words and phrases used in context and the impact of these word choices on meaning and tone',
    },
    {
      claim: '1-IT',
      id: '8-11',
      name: 'Key Details',
      description: 'Cite explicit text evidence to support inferences made or conclusions drawn about texts',
    },
    {
      claim: '1-IT',
      id: '9-11',
      name: 'Central Ideas',
      description: 'Summarize central ideas, topics/subtopics, key events, or procedures using supporting ideas and relevant details',
    },
    {
      claim: '1-LT',
      id: '1-11',
      name: 'Key Details',
      description: 'Cite explicit textual evidence to support inferences made or conclusions drawn about texts',
    },
    {
      claim: '1-LT',
      id: '2-11',
      name: 'Central Ideas',
      description: 'Summarize central ideas/key events using key relevant details)',
    },
    {
      claim: '1-LT',
      id: '3-11',
      name: 'Word Meanings',
      description:
        'Determine intended, precise, or nuanced meanings of words, including distinguishing connotation-denotation and words with multiple meanings (academic/tier 2 words), based on context, word patterns, word relationships, etymology, or use of specialized resources (e.g., dictionary, thesaurus, digital tools',
    },
    {
      claim: '1-LT',
      id: '4-11',
      name: 'Reasoning & Evaluation',
      description:
        'Apply reasoning and a range of textual evidence to justify inferences or judgments made (development of universal themes, characters; impact of point of view or discourse style (e.g., dramatic irony, humor, satire, understatement) on plot/subplot development',
    },
    {
      claim: '1-LT',
      id: '5-11',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze interrelationships among literary elements within a text, or how different texts address topics, themes, or use of source material',
    },
    {
      claim: '1-LT',
      id: '6-11',
      name: 'Text Structures/Features',
      description:
        'Analyze text structures, genre-specific features, or formats (visual/graphic/auditory effects) of texts and the impact of those choices on meaning or presentation)',
    },
    {
      claim: '1-LT',
      id: '7-11',
      name: 'Language Use',
      description:
        'Determine or analyze the figurative (e.g., euphemism, oxymoron, hyperbole, paradox), or connotative meanings of words and phrases used in context and the impact of those word choices on meaning and tone',
    },
    {
      claim: '2-W',
      id: '1-11',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply narrative strategies (e.g., dialogue, description) and appropriate text structures and transitions when writing or revising one or more paragraphs of narrative text (e.g., introduce narrator point of view, use dialogue to advance the action)',
    },
    {
      claim: '2-W',
      id: '10-11',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts',
    },
    {
      claim: '2-W',
      id: '2-11',
      name: 'Compose Full Texts',
      description:
        'The CC places low instructional emphasis (20%) on narrative writing at high school. Developing full narrative compositions will not be required in the SBAC summative assessment; however the use of narrative strategies may be included as a scoring criterion when evaluating writing for other purposes in high school.',
    },
    {
      claim: '2-W',
      id: '3-11',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of informational texts: organizing ideas by stating a thesis and maintaining a focus, developing a complex topic/subtopics, including relevant supporting evidence (from texts when appropriate) and elaboration, or providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '4-11',
      name: 'Compose Full Texts',
      description:
        'Write full informational/ explanatory texts, attending to purpose and audience: organizing ideas by stating a thesis and maintaining a focus, developing a complex topic/subtopics, including relevant supporting evidence (from texts when appropriate) and elaboration with appropriate transitions for coherence, and providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '5-11',
      name: 'Use Text Features',
      description: 'Employ text features and visual components appropriate to purpose and style',
    },
    {
      claim: '2-W',
      id: '6-11',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of text that express arguments about topics or texts: establishing a precise claim, organizing and citing supporting evidence (from texts when appropriate) and counter claims using credible sources, or providing a conclusion (e.g., articulating implications or stating significance of the problem) appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '7-11',
      name: 'Compose Full Texts',
      description:
        'Write full persuasive pieces/arguments about topics or texts, attending to purpose and audience: establishing and supporting a claim, organizing and citing supporting evidence (from texts when appropriate) from credible sources, and providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '8-11',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic and domain-specific vocabulary and figurative language) and style appropriate to the purpose and audience when revising or composing texts',
    },
    {
      claim: '2-W',
      id: '9-11',
      name: 'Edit/Clarify',
      description:
        'Apply or edit grade-appropriate grammar usage and mechanics to clarify a message and edit narrative, informational, and persuasive/argument texts',
    },
    {
      claim: '3-L',
      id: '4-11',
      name: 'Listen/Interpret',
      description: 'Analyze, interpret, and use information delivered orally or visually',
    },
    {
      claim: '4-CR',
      id: '1-11',
      name: 'Plan/Research',
      description:
        'Devise an approach and conduct short focused research projects to explore a topic, issue or problem, analyzing interrelationships among concepts or perspectives',
    },
    {
      claim: '4-CR',
      id: '2-11',
      name: 'Analyze/Integrate Information',
      description: 'Gather, analyze, and integrate multiple sources of information/evidence to support a presentation on a topic',
    },
    {
      claim: '4-CR',
      id: '3-11',
      name: 'Evaluate Information/Sources',
      description: 'Evaluate relevancy, accuracy, and completeness of information from multiple sources',
    },
    {
      claim: '4-CR',
      id: '4-11',
      name: 'Use Evidence',
      description: 'Cite evidence to support arguments or conjectures',
    },
    {
      claim: '4-CR',
      id: '5-11',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic and domain-specific vocabulary), figurative language, and syntax appropriate to the purpose and audience',
    },
    {
      claim: '4-CR',
      id: '6-11',
      name: 'Edit/Clarify',
      description:
        'Apply grade-appropriate grammar usage and mechanics to clarify a message (narrative, informational, and persuasive texts)',
    },
    {
      claim: '4-CR',
      id: '7-11',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts/presentations',
    },
  ],
  '3': [
    {
      claim: '1-IT',
      id: '10-3',
      name: 'Word Meanings',
      description:
        'Determine intended meanings of words, including domain-specific (tier 3) words and academic (tier 2) words with multiple meanings, based on context, word relationships, word structure (e.g., common roots, affixes), or use of resources (e.g., beginning dictionary, glossary)',
    },
    {
      claim: '1-IT',
      id: '11-3',
      name: 'Reasoning & Evidence',
      description:
        'Use supporting evidence to interpret and explain how information is presented or connected within or across texts (author’s point of view, ideas and supporting details, relationships)',
    },
    {
      claim: '1-IT',
      id: '12-3',
      name: 'Analysis Within Or Across Texts',
      description: 'Specify, integrate, or compare information within or across texts (e.g., cause effect, integrate information)',
    },
    {
      claim: '1-IT',
      id: '13-3',
      name: 'Text Structures/Features',
      description:
        'Relate knowledge of text structures or text features (e.g., graphics, bold text, headings) to obtain, interpret, or explain information',
    },
    {
      claim: '1-IT',
      id: '14-3',
      name: 'Language Use',
      description: 'Interpret use of language by distinguishing literal from nonliteral meanings of words and phrases used in context',
    },
    {
      claim: '1-IT',
      id: '8-3',
      name: 'Key Details',
      description:
        'Use explicit details and implicit information from the text to support answers or inferences about information presented.',
    },
    {
      claim: '1-IT',
      id: '9-3',
      name: 'Central Ideas',
      description: 'Identify or summarize central ideas/ key events, or procedures and details that support them.',
    },
    {
      claim: '1-LT',
      id: '1-3',
      name: 'Key Details',
      description: 'Use explicit details and information from the text to support answers or basic inferences',
    },
    {
      claim: '1-LT',
      id: '2-3',
      name: 'Central Ideas',
      description: 'Identify or summarize central ideas, key events, or the sequence of events presented in a text',
    },
    {
      claim: '1-LT',
      id: '3-3',
      name: 'Word Meanings',
      description:
        'Determine intended meanings of words, including words with multiple meanings (academic/tier 2 words), based on context, word relationships, word structure (e.g., common roots, affixes), or use of resources (e.g., beginning dictionary)',
    },
    {
      claim: '1-LT',
      id: '4-3',
      name: 'Reasoning & Evidence',
      description:
        'Use supporting evidence to interpret and explain inferences about character traits, motivations, feelings; point of view, author’s lesson or message',
    },
    {
      claim: '1-LT',
      id: '5-3',
      name: 'Analysis Within Or Across Texts',
      description: 'Specify or compare relationships across texts (e.g., literary elements, problem solution, theme)',
    },
    {
      claim: '1-LT',
      id: '6-3',
      name: 'Text Structures & Features',
      description:
        'Relate knowledge of text structures or text features (e.g., illustrations) to gain, interpret, explain, or connect information',
    },
    {
      claim: '1-LT',
      id: '7-3',
      name: 'Language Use',
      description: 'Interpret use of language by distinguishing literal from non-literal meanings of words and phrases used in context',
    },
    {
      claim: '2-W',
      id: '1-3',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating specific narrative strategies (use of dialogue, sensory or concrete details, description), chronology, or authors’ craft appropriate to purpose (detailing characters, plot, setting, or an event)',
    },
    {
      claim: '2-W',
      id: '10-3',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts',
    },
    {
      claim: '2-W',
      id: '2-3',
      name: 'Compose Full Texts',
      description:
        'Write full compositions demonstrating narrative strategies (dialogue, sensory or concrete details, description), structures, and authors’ craft appropriate to purpose (detailing characters, plot, and setting)',
    },
    {
      claim: '2-W',
      id: '3-3',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating ability to organize ideas by stating a focus, including supporting evidence and elaboration, or writing body paragraphs or a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '4-3',
      name: 'Compose Full Texts',
      description:
        'Write full informational/explanatory texts on a topic, attending to purpose and audience: organize ideas by stating a focus, include supporting evidence (from text when appropriate to prompt) and elaboration, and provide a conclusion',
    },
    {
      claim: '2-W',
      id: '5-3',
      name: 'Use Text Features',
      description: 'Use text features (headings, bold text, captions, etc.) in informational texts to enhance meaning',
    },
    {
      claim: '2-W',
      id: '6-3',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating ability to provide support for opinions about topics or texts: organize ideas by stating a context and focus, or develop supporting evidence /reasons and elaboration, or develop a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '7-3',
      name: 'Compose Full Texts',
      description:
        'Write full persuasive/opinion pieces about topics or texts, attending to purpose and audience: organize ideas by stating a context and focus, develop supporting evidence /reasons (from text when appropriate to prompt) and elaboration, and develop a conclusion',
    },
    {
      claim: '2-W',
      id: '8-3',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use language and vocabulary (including academic or domain-specific vocabulary) appropriate to the purpose and audience when revising or composing texts',
    },
    {
      claim: '2-W',
      id: '9-3',
      name: 'Edit/Clarify',
      description:
        'Apply or edit grade-appropriate grammar usage and mechanics to clarify a message and edit narrative, informational, and persuasive/opinion texts',
    },
    {
      claim: '3-L',
      id: '4-3',
      name: 'Listen/Interpret',
      description: 'Interpret and use information delivered orally or visually',
    },
    {
      claim: '4-CR',
      id: '1-3',
      name: 'Plan/Research',
      description:
        'Conduct short research projects to answer a multi-step question or to investigate different aspects (subtopics) of a broader topic or concept',
    },
    {
      claim: '4-CR',
      id: '2-3',
      name: 'Interpret & Integrate Information',
      description:
        'Locate information to support central ideas and subtopics; Select and integrate information from data or print and non-print text sources',
    },
    {
      claim: '4-CR',
      id: '3-3',
      name: 'Evaluate Information/Sources',
      description: 'Distinguish relevant-irrelevant information (e.g., fact/opinion)',
    },
    {
      claim: '4-CR',
      id: '4-3',
      name: 'Use Evidence',
      description:
        'Generate conjectures or opinions and cite evidence to support them based on prior knowledge and evidence collected and analyzed',
    },
    {
      claim: '4-CR',
      id: '5-3',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use language, vocabulary (including academic and domain-specific vocabulary), and syntax appropriate to the purpose and audience',
    },
    {
      claim: '4-CR',
      id: '6-3',
      name: 'Edit/Clarify',
      description: 'Apply grade-appropriate grammar usage and mechanics to clarify a message',
    },
    {
      claim: '4-CR',
      id: '7-3',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts/presentations',
    },
  ],
  '4': [
    {
      claim: '1-IT',
      id: '10-4',
      name: 'Word Meanings',
      description:
        'Determine intended meanings of words, including domain-specific (tier 3) words and academic (tier 2) words with multiple meanings, based on context, word relationships (e.g., synonyms), word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, glossary)',
    },
    {
      claim: '1-IT',
      id: '11-4',
      name: 'Reasoning & Evaluation',
      description:
        'Use supporting evidence to justify or interpret how information is presented or integrated (author’s reasoning, type of account, visual/graphic information, concepts, ideas)',
    },
    {
      claim: '1-IT',
      id: '12-4',
      name: 'Analysis Within Or Across Texts',
      description:
        'Interpret, explain, or connect information presented within or across texts (e.g., compare-contrast, show cause-effect, integrate information)',
    },
    {
      claim: '1-IT',
      id: '13-4',
      name: 'Text Structures/Features',
      description:
        'Relate knowledge of text structures and text features (e.g., graphs, charts, timelines) to obtain, interpret, explain, or integrate information',
    },
    {
      claim: '1-IT',
      id: '14-4',
      name: 'Language Use',
      description:
        'Determine or interpret figurative language/literary devices or connotative meanings of words and phrases used in context and the impact of those word choices on meaning and tone',
    },
    {
      claim: '1-IT',
      id: '8-4',
      name: 'Key Details',
      description:
        'Use explicit details and implicit information from the text to support answers or basic inferences about information presented',
    },
    {
      claim: '1-IT',
      id: '9-4',
      name: 'Central Ideas',
      description: 'Identify or summarize central ideas, key events, or procedures',
    },
    {
      claim: '1-LT',
      id: '1-4',
      name: 'Key Details',
      description: 'Use explicit details and implicit information from the text to support answers or basic inferences',
    },
    {
      claim: '1-LT',
      id: '2-4',
      name: 'Central Ideas',
      description: 'Identify or summarize central ideas/ key events',
    },
    {
      claim: '1-LT',
      id: '3-4',
      name: 'Word Meanings',
      description:
        'Determine intended meanings of words, including words with multiple meanings (academic/tier 2 words), based on context, word relationships (e.g., synonyms), word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, thesaurus)',
    },
    {
      claim: '1-LT',
      id: '4-4',
      name: 'Reasoning & Evaluation',
      description:
        'Use supporting evidence to justify/ explain inferences (character development/actions/traits; first or third person point of view; theme; author’s message)',
    },
    {
      claim: '1-LT',
      id: '5-4',
      name: 'Analysis Within Or Across Texts',
      description:
        'Interpret, specify, or compare how information is presented across texts (first-third person point of view, visual/oral formats, topics, themes, patterns of events)',
    },
    {
      claim: '1-LT',
      id: '6-4',
      name: 'Text Structures & Features',
      description:
        'Relate knowledge of structural elements of texts or text features to obtain, interpret, explain, or connect information within texts',
    },
    {
      claim: '1-LT',
      id: '7-4',
      name: 'Language Use',
      description:
        'Determine or interpret figurative language, literary devices, or connotative meanings of words and phrases used in context and the impact of those word choices on meaning and tone',
    },
    {
      claim: '2-W',
      id: '1-4',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating specific narrative strategies (use of dialogue, sensory or concrete details, description), chronology, or authors’ craft appropriate to purpose (detailing characters, plot, setting, or an event)',
    },
    {
      claim: '2-W',
      id: '10-4',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts',
    },
    {
      claim: '2-W',
      id: '2-4',
      name: 'Compose Full Texts',
      description:
        'Write full compositions demonstrating narrative strategies (dialogue, sensory or concrete details, description), structures, and authors’ craft appropriate to purpose (detailing characters, plot, and setting)',
    },
    {
      claim: '2-W',
      id: '3-4',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating ability to organize ideas by stating a focus, including supporting evidence and elaboration, or writing body paragraphs or a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '4-4',
      name: 'Compose Full Texts',
      description:
        'Write full informational/explanatory texts on a topic, attending to purpose and audience: organize ideas by stating a focus, include supporting evidence (from text when appropriate to prompt) and elaboration, and provide a conclusion',
    },
    {
      claim: '2-W',
      id: '5-4',
      name: 'Use Text Features',
      description: 'Use text features (headings, bold text, captions, etc.) in informational texts to enhance meaning',
    },
    {
      claim: '2-W',
      id: '6-4',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating ability to provide support for opinions about topics or texts: organize ideas by stating a context and focus, or develop supporting evidence /reasons and elaboration, or develop a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '7-4',
      name: 'Compose Full Texts',
      description:
        'Write full persuasive/opinion pieces about topics or texts, attending to purpose and audience: organize ideas by stating a context and focus, develop supporting evidence /reasons (from text when appropriate to prompt) and elaboration, and develop a conclusion',
    },
    {
      claim: '2-W',
      id: '8-4',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use language and vocabulary (including academic or domain-specific vocabulary) appropriate to the purpose and audience when revising or composing texts',
    },
    {
      claim: '2-W',
      id: '9-4',
      name: 'Edit/Clarify',
      description:
        'Apply or edit grade-appropriate grammar usage and mechanics to clarify a message and edit narrative, informational, and persuasive/opinion texts',
    },
    {
      claim: '3-L',
      id: '4-4',
      name: 'Listen/Interpret',
      description: 'Interpret and use information delivered orally or visually',
    },
    {
      claim: '4-CR',
      id: '1-4',
      name: 'Plan/Research',
      description:
        'Conduct short research projects to answer a multi-step question or to investigate different aspects (subtopics) of a broader topic or concept',
    },
    {
      claim: '4-CR',
      id: '2-4',
      name: 'Interpret & Integrate Information',
      description:
        'Locate information to support central ideas and subtopics; Select and integrate information from data or print and non-print text sources',
    },
    {
      claim: '4-CR',
      id: '3-4',
      name: 'Evaluate Information/Sources',
      description: 'Distinguish relevant-irrelevant information (e.g., fact/opinion)',
    },
    {
      claim: '4-CR',
      id: '4-4',
      name: 'Use Evidence',
      description:
        'Generate conjectures or opinions and cite evidence to support them based on prior knowledge and evidence collected and analyzed',
    },
    {
      claim: '4-CR',
      id: '5-4',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use language, vocabulary (including academic and domain-specific vocabulary), and syntax appropriate to the purpose and audience',
    },
    {
      claim: '4-CR',
      id: '6-4',
      name: 'Edit/Clarify',
      description: 'Apply grade-appropriate grammar usage and mechanics to clarify a message',
    },
    {
      claim: '4-CR',
      id: '7-4',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts/presentations',
    },
  ],
  '5': [
    {
      claim: '1-IT',
      id: '10-5',
      name: 'Word Meanings',
      description:
        'Determine intended or precise meanings of words, including domain-specific (tier 3) words and words with multiple meanings (academic/tier 2 words), based on context, word relationships (e.g., antonyms, homographs), word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, glossary)',
    },
    {
      claim: '1-IT',
      id: '11-5',
      name: 'Reasoning & Evidence',
      description:
        'Use supporting evidence to justify interpretations of information presented or how it is integrated (author’s reasoning; interactions between events, concepts, or ideas)',
    },
    {
      claim: '1-IT',
      id: '12-5',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze or compare how information is presented within or across texts showing relationships among targeted aspects (point of view, genre features, topic)',
    },
    {
      claim: '1-IT',
      id: '13-5',
      name: 'Text Structures & Features',
      description: 'Relate knowledge of text structures to compare or connect information across texts',
    },
    {
      claim: '1-IT',
      id: '14-5',
      name: 'Language Use',
      description:
        'Identify or interpret figurative language (e.g., metaphors, similes, idioms) use of literary devices or connotative meanings of words and phrases used in context',
    },
    {
      claim: '1-IT',
      id: '8-5',
      name: 'Key Details',
      description: 'Use explicit details and implicit information from texts to support answers or inferences about information presented',
    },
    {
      claim: '1-IT',
      id: '9-5',
      name: 'Central Ideas',
      description: 'Summarize central ideas, key events, procedures, or topics and subtopics',
    },
    {
      claim: '1-LT',
      id: '1-5',
      name: 'Key Details',
      description: 'Use explicit details and implicit information from the text to support answers or inferences about information',
    },
    {
      claim: '1-LT',
      id: '2-5',
      name: 'Central Ideas',
      description: 'Identify or summarize central ideas/ key events',
    },
    {
      claim: '1-LT',
      id: '3-5',
      name: 'Word Meanings',
      description:
        'Determine intended or precise meanings of words, including words with multiple meanings (academic/tier 2 words), based on context, word relationships (e.g., antonyms, homographs), word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, thesaurus)',
    },
    {
      claim: '1-LT',
      id: '4-5',
      name: 'Reasoning & Evidence',
      description:
        'Use supporting evidence to justify interpretations (theme, events, conflicts/challenges, setting, character development/ interactions, point of view)',
    },
    {
      claim: '1-LT',
      id: '5-5',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze or compare how information is presented within or across texts showing relationships among the targeted aspects (the influence of point of view, genre-specific features, theme, topic, plot/events)',
    },
    {
      claim: '1-LT',
      id: '6-5',
      name: 'Text Structures & Features',
      description:
        'Relate knowledge of text structures or text features (e.g., visual or graphic elements) to analyze interpret, or connect information within a text',
    },
    {
      claim: '1-LT',
      id: '7-5',
      name: 'Language Use',
      description:
        'Identify or interpret figurative language (e.g., metaphors, similes, idioms), literary devices, or connotative meanings of words and phrases used in context',
    },
    {
      claim: '2-W',
      id: '1-5',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating specific narrative strategies (use of dialogue, sensory or concrete details, description), chronology, or authors’ craft appropriate to purpose (detailing characters, plot, setting, or an event)',
    },
    {
      claim: '2-W',
      id: '10-5',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts',
    },
    {
      claim: '2-W',
      id: '2-5',
      name: 'Compose Full Texts',
      description:
        'Write full compositions demonstrating narrative strategies (dialogue, sensory or concrete details, description), structures, and authors’ craft appropriate to purpose (detailing characters, plot, and setting)',
    },
    {
      claim: '2-W',
      id: '3-5',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating ability to organize ideas by stating a focus, including supporting evidence and elaboration, or writing body paragraphs or a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '4-5',
      name: 'Compose Full Texts',
      description:
        'Write full informational/explanatory texts on a topic, attending to purpose and audience: organize ideas by stating a focus, include supporting evidence (from text when appropriate to prompt) and elaboration, and provide a conclusion',
    },
    {
      claim: '2-W',
      id: '5-5',
      name: 'Use Text Features',
      description: 'Use text features (headings, bold text, captions, etc.) in informational texts to enhance meaning',
    },
    {
      claim: '2-W',
      id: '6-5',
      name: 'Write/Revise Brief Texts',
      description:
        'Write or revise one or more paragraphs demonstrating ability to provide support for opinions about topics or texts: organize ideas by stating a context and focus, or develop supporting evidence /reasons and elaboration, or develop a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '7-5',
      name: 'Compose Full Texts',
      description:
        'Write full persuasive/opinion pieces about topics or texts, attending to purpose and audience: organize ideas by stating a context and focus, develop supporting evidence /reasons (from text when appropriate to prompt) and elaboration, and develop a conclusion',
    },
    {
      claim: '2-W',
      id: '8-5',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use language and vocabulary (including academic or domain-specific vocabulary) appropriate to the purpose and audience when revising or composing texts',
    },
    {
      claim: '2-W',
      id: '9-5',
      name: 'Edit/Clarify',
      description:
        'Apply or edit grade-appropriate grammar usage and mechanics to clarify a message and edit narrative, informational, and persuasive/opinion texts',
    },
    {
      claim: '3-L',
      id: '4-5',
      name: 'Listen/Interpret',
      description: 'Interpret and use information delivered orally or visually',
    },
    {
      claim: '4-CR',
      id: '1-5',
      name: 'Plan/Research',
      description:
        'Conduct short research projects to answer a multi-step question or to investigate different aspects (subtopics) of a broader topic or concept',
    },
    {
      claim: '4-CR',
      id: '2-5',
      name: 'Interpret & Integrate Information',
      description:
        'Locate information to support central ideas and subtopics; Select and integrate information from data or print and non-print text sources',
    },
    {
      claim: '4-CR',
      id: '3-5',
      name: 'Evaluate Information/Sources',
      description: 'Distinguish relevant-irrelevant information (e.g., fact/opinion)',
    },
    {
      claim: '4-CR',
      id: '4-5',
      name: 'Use Evidence',
      description:
        'Generate conjectures or opinions and cite evidence to support them based on prior knowledge and evidence collected and analyzed',
    },
    {
      claim: '4-CR',
      id: '5-5',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use language, vocabulary (including academic and domain-specific vocabulary), and syntax appropriate to the purpose and audience',
    },
    {
      claim: '4-CR',
      id: '6-5',
      name: 'Edit/Clarify',
      description: 'Apply grade-appropriate grammar usage and mechanics to clarify a message',
    },
    {
      claim: '4-CR',
      id: '7-5',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts/presentations',
    },
  ],
  '6': [
    {
      claim: '1-IT',
      id: '10-6',
      name: 'Word Meanings',
      description:
        'Determine intended or precise meanings of words, including domain-specific (tier 3) words and words with multiple meanings (academic/tier 2 words), based on context, word relationships (e.g., antonyms, homographs), word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, glossary, digital tools)',
    },
    {
      claim: '1-IT',
      id: '11-6',
      name: 'Reasoning & Evidence',
      description:
        'Use supporting evidence to justify interpretations or analyses of information presented or how information is integrated within a text (point of view; interactions among events, concepts, people, or ideas; author’s reasoning and evidence)',
    },
    {
      claim: '1-IT',
      id: '12-6',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze or compare how information is presented in one or more texts (events, people, ideas, topics); or how conflicting information across texts reveals author interpretation of the topic or potential bias',
    },
    {
      claim: '1-IT',
      id: '13-6',
      name: 'Text Structures & Features',
      description: 'Relate knowledge of text structures or genre-specific features to analyze or integrate information',
    },
    {
      claim: '1-IT',
      id: '14-6',
      name: 'Language Use',
      description:
        'Interpret intent or impact of figurative language (e.g., hyperbole, personification, analogies), use of literary devices, or connotative meanings of words and phrases used in context',
    },
    {
      claim: '1-IT',
      id: '8-6',
      name: 'Key Details',
      description:
        'Use explicit details and implicit information from texts to support inferences or analyses of the information presented',
    },
    {
      claim: '1-IT',
      id: '9-6',
      name: 'Central Ideas',
      description: 'Summarize central ideas, key events, procedures, or topics and subtopics',
    },
    {
      claim: '1-LT',
      id: '1-6',
      name: 'Key Details',
      description:
        'Use explicit details and implicit information from the text to support inferences or analyses of the information presented',
    },
    {
      claim: '1-LT',
      id: '2-6',
      name: 'Central Ideas',
      description: 'Summarize central ideas/ key events',
    },
    {
      claim: '1-LT',
      id: '3-6',
      name: 'Word Meanings',
      description:
        'Determine intended, precise, or nuanced meanings of words, including words with multiple meanings (academic/tier 2 words), based on context, word patterns, parts of speech, or use of resources (e.g., dictionary, thesaurus, digital tools)',
    },
    {
      claim: '1-LT',
      id: '4-6',
      name: 'Reasoning & Evidence',
      description:
        'Apply reasoning and a range of textual evidence (e.g., quotes, examples, details) to justify analyses or judgments made about intended effects (techniques used to advance action or create an effect; points of view; development of theme, characters, setting, plot)',
    },
    {
      claim: '1-LT',
      id: '5-6',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze how information is presented within or across texts showing relationships among the targeted aspects (the influence of differing points of view, various formats/media, use of source material)',
    },
    {
      claim: '1-LT',
      id: '6-6',
      name: 'Text Structures & Features',
      description:
        'Relate knowledge of text structures or text features (e.g., layout; visual or auditory elements – lighting, camera effects, music; symbolic or graphic representations) to analyze impact on meaning, style, or presentation',
    },
    {
      claim: '1-LT',
      id: '7-6',
      name: 'Language Use',
      description:
        'Interpret figurative language use (e.g., personification, metaphor), literary devices, or connotative meanings of words and phrases used in context and their impact on reader interpretation',
    },
    {
      claim: '2-W',
      id: '1-6',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply narrative strategies (e.g., dialogue, description) and appropriate text structures and transitions when writing or revising one or more paragraphs of narrative text (e.g., introduce narrator or use dialogue when describing an event)',
    },
    {
      claim: '2-W',
      id: '10-6',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts',
    },
    {
      claim: '2-W',
      id: '2-6',
      name: 'Compose Full Texts',
      description:
        'Write longer narrative texts demonstrating narrative strategies, structures, transitions, and authors’ craft appropriate to purpose (writing a speech, developing point of view, style in short story)',
    },
    {
      claim: '2-W',
      id: '3-6',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of informational text: organizing ideas by stating and maintaining a focus/tone, developing a topic including relevant supporting evidence/ vocabulary and elaboration, or providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '4-6',
      name: 'Compose Full Texts',
      description:
        'Write full informational/ explanatory texts, attending to purpose and audience: organize ideas by stating and maintaining a focus, develop a topic including citing relevant supporting evidence (from text when appropriate) and elaboration, with appropriate transitions for coherence, and providing a conclusion',
    },
    {
      claim: '2-W',
      id: '5-6',
      name: 'Use Text Features',
      description: 'Employ text features and visual components appropriate to purpose and style',
    },
    {
      claim: '2-W',
      id: '6-6',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of text that express arguments about topics or texts: establishing and supporting a claim, organizing and citing supporting evidence using credible sources, appropriate vocabulary, or providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '7-6',
      name: 'Compose Full Texts',
      description:
        'Write full arguments about topics or texts, attending to purpose and audience: establish and support a claim, organize and cite supporting (text) evidence from credible sources, and provide a conclusion',
    },
    {
      claim: '2-W',
      id: '8-6',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic words and domain-specific vocabulary figurative language,) and style appropriate to the purpose and audience when revising or composing texts',
    },
    {
      claim: '2-W',
      id: '9-6',
      name: 'Edit/Clarify',
      description:
        'Apply or edit grade-appropriate grammar usage and mechanics to clarify a message and edit narrative, informational, and persuasive texts',
    },
    {
      claim: '3-L',
      id: '4-6',
      name: 'Listen/Interpret',
      description: 'Analyze, interpret, and use information delivered orally or visually',
    },
    {
      claim: '4-CR',
      id: '1-6',
      name: 'Plan/Research',
      description:
        'Conduct short research projects to explore a topic, issue or problem, analyzing interrelationships among concepts or perspectives',
    },
    {
      claim: '4-CR',
      id: '2-6',
      name: 'Analyze/Integrate Information',
      description:
        'Analyze information within and among sources of information (print and non-print texts, data sets, conducting procedures, etc.)',
    },
    {
      claim: '4-CR',
      id: '3-6',
      name: 'Evaluate Information/Sources',
      description:
        'Use reasoning, planning, and evidence to gather and select information to support inferences, interpretations, and analyses',
    },
    {
      claim: '4-CR',
      id: '4-6',
      name: 'Use Evidence',
      description: 'Cite evidence to support analyses, arguments, or critiques',
    },
    {
      claim: '4-CR',
      id: '5-6',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic and domain-specific vocabulary), figurative language, and syntax appropriate to the purpose and audience',
    },
    {
      claim: '4-CR',
      id: '6-6',
      name: 'Edit/Clarify',
      description: 'Apply grade-appropriate grammar usage and mechanics to clarify a message',
    },
    {
      claim: '4-CR',
      id: '7-6',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts/presentations',
    },
  ],
  '7': [
    {
      claim: '1-IT',
      id: '10-7',
      name: 'Word Meanings',
      description:
        'Determine intended or precise meanings of words, including domainspecific (tier 3) words and words with multiple meanings (academic/tier 2 words), based on context, word relationships (e.g., antonyms, homographs), word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, glossary, inset text)',
    },
    {
      claim: '1-IT',
      id: '11-7',
      name: 'Reasoning & Evidence',
      description:
        'Use supporting evidence to justify interpretations of information presented or how it is integrated (author’s reasoning; interactions among events, concepts, people, or development of ideas)',
    },
    {
      claim: '1-IT',
      id: '12-7',
      name: 'Analysis Within Or Across Texts',
      description: 'Analyze and compare relationships within or across texts (point of view, genre features, topic)',
    },
    {
      claim: '1-IT',
      id: '13-7',
      name: 'Text Structures & Features',
      description:
        'Relate knowledge of text structures and genre-specific features to compare or analyze the impact of those choices on meaning or presentation',
    },
    {
      claim: '1-IT',
      id: '14-7',
      name: 'Language Use',
      description:
        'Interpret intent of figurative language (e.g., clichés, puns, hyperbole) use of literary devices, or connotative meanings of words and phrases used in context',
    },
    {
      claim: '1-IT',
      id: '8-7',
      name: 'Key Details',
      description:
        'Use explicit details and implicit information from texts to support inferences or analyses of the information presented',
    },
    {
      claim: '1-IT',
      id: '9-7',
      name: 'Central Ideas',
      description: 'Summarize central ideas, key events, procedures, or topics and subtopics',
    },
    {
      claim: '1-LT',
      id: '1-7',
      name: 'Key Details',
      description: 'Identify explicit textual evidence to support inferences made or conclusions drawn',
    },
    {
      claim: '1-LT',
      id: '2-7',
      name: 'Central Ideas',
      description: 'Summarize central ideas/key events using key details from the text',
    },
    {
      claim: '1-LT',
      id: '3-7',
      name: 'Word Meanings',
      description:
        'Determine intended, precise, or nuanced meanings of words, including words with multiple meanings (academic/tier 2 words), based on context, word relationships, word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, thesaurus, digital tools)',
    },
    {
      claim: '1-LT',
      id: '4-7',
      name: 'Reasoning & Evidence',
      description:
        'Apply reasoning and a range of textual evidence (e.g., quotes, examples, details) to justify analyses or judgments made',
    },
    {
      claim: '1-LT',
      id: '5-7',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze how information is presented showing relationships among literary elements within or across texts (dialogue, advancing action, character actions/interactions) or use of source material to develop literary elements',
    },
    {
      claim: '1-LT',
      id: '6-7',
      name: 'Text Structures & Features',
      description:
        'Relate knowledge of text structures or genrespecific features (visual/graphic/auditory effects) to analyze the impact of those choices on meaning or presentation (e.g., layout; visual or auditory elements – lighting, camera effects, music; symbolic or graphic representations)',
    },
    {
      claim: '1-LT',
      id: '7-7',
      name: 'Language Use',
      description:
        'Interpret impact or intent of figurative language use (e.g., alliteration, onomatopoeia, imagery), literary devices (e.g., flashback, forshadowing), or connotative meanings of words and phrases used in context and their impact on reader interpretation',
    },
    {
      claim: '2-W',
      id: '1-7',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply narrative strategies (e.g., dialogue, description) and appropriate text structures and transitions when writing or revising one or more paragraphs of narrative text (e.g., introduce narrator or use dialogue when describing an event)',
    },
    {
      claim: '2-W',
      id: '10-7',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts',
    },
    {
      claim: '2-W',
      id: '2-7',
      name: 'Compose Full Texts',
      description:
        'Write longer narrative texts demonstrating narrative strategies, structures, transitions, and authors’ craft appropriate to purpose (writing a speech, developing point of view, style in short story)',
    },
    {
      claim: '2-W',
      id: '3-7',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of informational text: organizing ideas by stating and maintaining a focus/tone, developing a topic including relevant supporting evidence/ vocabulary and elaboration, or providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '4-7',
      name: 'Compose Full Texts',
      description:
        'Write full informational/ explanatory texts, attending to purpose and audience: organize ideas by stating and maintaining a focus, develop a topic including citing relevant supporting evidence (from text when appropriate) and elaboration, with appropriate transitions for coherence, and providing a conclusion',
    },
    {
      claim: '2-W',
      id: '5-7',
      name: 'Use Text Features',
      description: 'Employ text features and visual components appropriate to purpose and style',
    },
    {
      claim: '2-W',
      id: '6-7',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of text that express arguments about topics or texts: establishing and supporting a claim, organizing and citing supporting evidence using credible sources, appropriate vocabulary, or providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '7-7',
      name: 'Compose Full Texts',
      description:
        'Write full arguments about topics or texts, attending to purpose and audience: establish and support a claim, organize and cite supporting (text) evidence from credible sources, and provide a conclusion',
    },
    {
      claim: '2-W',
      id: '8-7',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic words and domain-specific vocabulary figurative language,) and style appropriate to the purpose and audience when revising or composing texts',
    },
    {
      claim: '2-W',
      id: '9-7',
      name: 'Edit/Clarify',
      description:
        'Apply or edit grade-appropriate grammar usage and mechanics to clarify a message and edit narrative, informational, and persuasive texts',
    },
    {
      claim: '3-L',
      id: '4-7',
      name: 'Listen/Interpret',
      description: 'Analyze, interpret, and use information delivered orally or visually',
    },
    {
      claim: '4-CR',
      id: '1-7',
      name: 'Plan/Research',
      description:
        'Conduct short research projects to explore a topic, issue or problem, analyzing interrelationships among concepts or perspectives',
    },
    {
      claim: '4-CR',
      id: '2-7',
      name: 'Analyze/Integrate Information',
      description:
        'Analyze information within and among sources of information (print and non-print texts, data sets, conducting procedures, etc.)',
    },
    {
      claim: '4-CR',
      id: '3-7',
      name: 'Evaluate Information/Sources',
      description:
        'Use reasoning, planning, and evidence to gather and select information to support inferences, interpretations, and analyses',
    },
    {
      claim: '4-CR',
      id: '4-7',
      name: 'Use Evidence',
      description: 'Cite evidence to support analyses, arguments, or critiques',
    },
    {
      claim: '4-CR',
      id: '5-7',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic and domain-specific vocabulary), figurative language, and syntax appropriate to the purpose and audience',
    },
    {
      claim: '4-CR',
      id: '6-7',
      name: 'Edit/Clarify',
      description: 'Apply grade-appropriate grammar usage and mechanics to clarify a message',
    },
    {
      claim: '4-CR',
      id: '7-7',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts/presentations',
    },
  ],
  '8': [
    {
      claim: '1-IT',
      id: '10-8',
      name: 'Word Meanings',
      description:
        'Determine intended or precise meanings of words, including domain-specific (tier 3) words and words with multiple meanings (academic/tier 2 words), based on context, word relationships, word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, glossary)',
    },
    {
      claim: '1-IT',
      id: '11-8',
      name: 'Reasoning & Evaluation',
      description:
        'Apply reasoning and a range of textual evidence to justify inferences or interpret author’s presentation of information (author’s line of reasoning, point of view/purpose support claims, concepts, ideas; relevance of evidence or elaboration to support claims)',
    },
    {
      claim: '1-IT',
      id: '12-8',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze one or more texts to determine how connections are made among topics/ information presented; or how conflicting information or presentation format reveals author interpretation of the topic',
    },
    {
      claim: '1-IT',
      id: '13-8',
      name: 'Text Structures/Features',
      description:
        'Relate knowledge of text structures, formats, or genre-specific features (visual/graphic elements) to analyze the impact (advantagesdisadvantages) on meaning or presentation',
    },
    {
      claim: '1-IT',
      id: '14-8',
      name: 'Language Use',
      description:
        'Interpret impact or intent of figurative language/literary devices or connotative meanings of words and phrases used in context',
    },
    {
      claim: '1-IT',
      id: '8-8',
      name: 'Key Details',
      description: 'Identify explicit text evidence to support inferences made or conclusions drawn about texts',
    },
    {
      claim: '1-IT',
      id: '9-8',
      name: 'Central Ideas',
      description: 'Summarize central ideas, topics/subtopics, key events, or procedures using supporting ideas and details',
    },
    {
      claim: '1-LT',
      id: '1-8',
      name: 'Key Details',
      description: 'Identify explicit textual evidence to support inferences made or conclusions drawn',
    },
    {
      claim: '1-LT',
      id: '2-8',
      name: 'Central Ideas',
      description: 'Summarize central ideas/key events using key details from the text',
    },
    {
      claim: '1-LT',
      id: '3-8',
      name: 'Word Meanings',
      description:
        'Determine intended, precise, or nuanced meanings of words, including words with multiple meanings (academic/tier 2 words), based on context, word patterns, word relationships, word structure (e.g., common Greek or Latin roots, affixes), or use of resources (e.g., dictionary, thesaurus, digital tools)',
    },
    {
      claim: '1-LT',
      id: '4-8',
      name: 'Reasoning & Evaluation',
      description:
        'Apply reasoning and a range of textual evidence to justify inferences or judgments made (development of characters/setting/plot, point of view, theme, use of dialogue)',
    },
    {
      claim: '1-LT',
      id: '5-8',
      name: 'Analysis Within Or Across Texts',
      description:
        'Analyze relationships among literary elements within or across texts (dialogue, advancing action, character actions/interactions) or use of source material to develop literary elements',
    },
    {
      claim: '1-LT',
      id: '6-8',
      name: 'Text Structures/Features',
      description:
        'Relate knowledge of text structures or genre features (visual/graphic/auditory effects) to analyze the impact of those choices on meaning or presentation',
    },
    {
      claim: '1-LT',
      id: '7-8',
      name: 'Language Use',
      description:
        'Determine or interpret impact or intent of figurative language/literary devices or connotative meanings of words and phrases used in context and the impact of those word choices on meaning and tone',
    },
    {
      claim: '2-W',
      id: '1-8',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply narrative strategies (e.g., dialogue, description) and appropriate text structures and transitions when writing or revising one or more paragraphs of narrative text (e.g., introduce narrator or use dialogue when describing an event)',
    },
    {
      claim: '2-W',
      id: '10-8',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts',
    },
    {
      claim: '2-W',
      id: '2-8',
      name: 'Compose Full Texts',
      description:
        'Write longer narrative texts demonstrating narrative strategies, structures, transitions, and authors’ craft appropriate to purpose (writing a speech, developing point of view, style in short story)',
    },
    {
      claim: '2-W',
      id: '3-8',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of informational text: organizing ideas by stating and maintaining a focus/tone, developing a topic including relevant supporting evidence/ vocabulary and elaboration, or providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '4-8',
      name: 'Compose Full Texts',
      description:
        'Write full informational/ explanatory texts, attending to purpose and audience: organize ideas by stating and maintaining a focus, develop a topic including citing relevant supporting evidence (from text when appropriate) and elaboration, with appropriate transitions for coherence, and providing a conclusion',
    },
    {
      claim: '2-W',
      id: '5-8',
      name: 'Use Text Features',
      description: 'Employ text features and visual components appropriate to purpose and style',
    },
    {
      claim: '2-W',
      id: '6-8',
      name: 'Write/Revise Brief Texts',
      description:
        'Apply a variety of strategies when writing or revising one or more paragraphs of text that express arguments about topics or texts: establishing and supporting a claim, organizing and citing supporting evidence using credible sources, appropriate vocabulary, or providing a conclusion appropriate to purpose and audience',
    },
    {
      claim: '2-W',
      id: '7-8',
      name: 'Compose Full Texts',
      description:
        'Write full arguments about topics or texts, attending to purpose and audience: establish and support a claim, organize and cite supporting (text) evidence from credible sources, and provide a conclusion',
    },
    {
      claim: '2-W',
      id: '8-8',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic words and domain-specific vocabulary figurative language,) and style appropriate to the purpose and audience when revising or composing texts',
    },
    {
      claim: '2-W',
      id: '9-8',
      name: 'Edit/Clarify',
      description:
        'Apply or edit grade-appropriate grammar usage and mechanics to clarify a message and edit narrative, informational, and persuasive texts',
    },
    {
      claim: '3-L',
      id: '4-8',
      name: 'Listen/Interpret',
      description: 'Analyze, interpret, and use information delivered orally or visually',
    },
    {
      claim: '4-CR',
      id: '1-8',
      name: 'Plan/Research',
      description:
        'Conduct short research projects to explore a topic, issue or problem, analyzing interrelationships among concepts or perspectives',
    },
    {
      claim: '4-CR',
      id: '2-8',
      name: 'Analyze/Integrate Information',
      description:
        'Analyze information within and among sources of information (print and non-print texts, data sets, conducting procedures, etc.)',
    },
    {
      claim: '4-CR',
      id: '3-8',
      name: 'Evaluate Information/Sources',
      description:
        'Use reasoning, planning, and evidence to gather and select information to support inferences, interpretations, and analyses',
    },
    {
      claim: '4-CR',
      id: '4-8',
      name: 'Use Evidence',
      description: 'Cite evidence to support analyses, arguments, or critiques',
    },
    {
      claim: '4-CR',
      id: '5-8',
      name: 'Language & Vocabulary Use',
      description:
        'Strategically use precise language and vocabulary (including academic and domain-specific vocabulary), figurative language, and syntax appropriate to the purpose and audience',
    },
    {
      claim: '4-CR',
      id: '6-8',
      name: 'Edit/Clarify',
      description: 'Apply grade-appropriate grammar usage and mechanics to clarify a message',
    },
    {
      claim: '4-CR',
      id: '7-8',
      name: 'Technology',
      description: 'Use tools of technology to gather information, make revisions, or to produce texts/presentations',
    },
  ],
};
export const MATH_TARGETS: Record<number, readonly TargetSeed[]> = {
  '11': [
    {
      claim: '1',
      id: 'N-RN|A',
      name: 'Target A (Number and Quantities)',
      description: 'Extend the properties of exponents to rational exponents.',
    },
    {
      claim: '1',
      id: 'N-RN|B',
      name: 'Target B (Number and Quantities)',
      description: 'Use properties of rational and irrational numbers.',
    },
    {
      claim: '1',
      id: 'N-Q|C',
      name: 'Target C (Number and Quantities)',
      description: 'Reason quantitatively and use units to solve problems.',
    },
    {
      claim: '1',
      id: 'A-SSE|D',
      name: 'Target D (Algebra)',
      description: 'Interpret the structure of expressions.',
    },
    {
      claim: '1',
      id: 'A-SSE|E',
      name: 'Target E (Algebra)',
      description: 'Write expressions in equivalent forms to solve problems.',
    },
    {
      claim: '1',
      id: 'A-APR|F',
      name: 'Target F (Algebra)',
      description: 'Perform arithmetic operations on polynomials.',
    },
    {
      claim: '1',
      id: 'A-CED|G',
      name: 'Target G (Algebra)',
      description: 'Create equations that describe numbers or relationships',
    },
    {
      claim: '1',
      id: 'A-REI|H',
      name: 'Target H (Algebra)',
      description: 'Understand solving equations as a process of reasoning and explain the reasoning.',
    },
    {
      claim: '1',
      id: 'A-REI|I',
      name: 'Target I (Algebra)',
      description: 'Solve equations and inequalities in one variable.',
    },
    {
      claim: '1',
      id: 'A-REI|J',
      name: 'Target J (Algebra)',
      description: 'Represent and solve equations and inequalities graphically.',
    },
    {
      claim: '1',
      id: 'F-IF|K',
      name: 'Target K (Functions)',
      description: 'Understand the concept of a function and use function notation.',
    },
    {
      claim: '1',
      id: 'F-IF|L',
      name: 'Target L (Functions)',
      description: 'Interpret functions that arise in applications in terms of the context.',
    },
    {
      claim: '1',
      id: 'F-IF|M',
      name: 'Target M (Functions)',
      description: 'Analyze functions using different representations.',
    },
    {
      claim: '1',
      id: 'F-BF|N',
      name: 'Target N (Functions)',
      description: 'Build a function that models a relationship between two quantities.',
    },
    {
      claim: '1',
      id: 'G-CO|O',
      name: 'Target O (Geometry)',
      description: 'Prove geometric theorems.',
    },
    {
      claim: '1',
      id: 'G-SRT|O',
      name: 'Target O (Geometry)',
      description: 'Define trigonometric ratios and solve problems involving right triangles.',
    },
    {
      claim: '1',
      id: 'S-ID|P',
      name: 'Target P (Statistics and Probability)',
      description: 'Summarize, represent, and interpret data on a single count or measurement variable.',
    },
    {
      claim: '1',
      id: 'A-APR|X',
      name: 'Target X (Algebra)',
      description: 'Understand the relationship between zeros and factors of polynomials.',
    },
    {
      claim: '1',
      id: 'A-REI|X',
      name: 'Target X (Algebra)',
      description: 'Solve systems of equations.',
    },
    {
      claim: '1',
      id: 'F-BF|X',
      name: 'Target X (Functions)',
      description: 'Build new functions from existing functions.',
    },
    {
      claim: '1',
      id: 'F-LE|X',
      name: 'Target X (Functions)',
      description: 'Construct and compare linear and exponential models and solve problems.',
    },
    {
      claim: '1',
      id: 'F-TF|X',
      name: 'Target X (Functions)',
      description: 'Extend the domain of trigonometric functions using the unit circle.',
    },
    {
      claim: '1',
      id: 'G-C|X',
      name: 'Target X (Geometry)',
      description: 'Understand and apply theorems about circles.',
    },
    {
      claim: '1',
      id: 'G-CO|X',
      name: 'Target X (Geometry)',
      description: 'Experiment with transformations in the place.',
    },
    {
      claim: '1',
      id: 'G-GMD|X',
      name: 'Target X (Geometry)',
      description: 'Explain volume formulas and use them to solve problems.',
    },
    {
      claim: '1',
      id: 'G-GPE|X',
      name: 'Target X (Geometry)',
      description: 'Translate between the geometric description and the equation for a conic section.',
    },
    {
      claim: '1',
      id: 'G-MG|X',
      name: 'Target X (Geometry)',
      description: 'Apply geometric concepts in modeling situations.',
    },
    {
      claim: '1',
      id: 'G-SRT|X',
      name: 'Target X (Geometry)',
      description: 'Understand similarity in terms of similarity transformations.',
    },
    {
      claim: '1',
      id: 'N-CN|X',
      name: 'Target X (Number and Quantities)',
      description: 'Perform arithmetic operations with complex numbers.',
    },
    {
      claim: '1',
      id: 'N-VM|X',
      name: 'Target X (Number and Quantities)',
      description: 'Represent and model with vector quantities.',
    },
    {
      claim: '1',
      id: 'S-CP|X',
      name: 'Target X (Statistics and Probability)',
      description: 'Understand independence and conditional probability and use them to interpret data.',
    },
    {
      claim: '1',
      id: 'S-IC|X',
      name: 'Target X (Statistics and Probability)',
      description: 'Understand and evaluate random processes underlying statistical experiments.',
    },
    {
      claim: '1',
      id: 'S-ID|X',
      name: 'Target X (Statistics and Probability)',
      description: 'Summarize, represent, and interpret data on two categorical and quantitative variables.',
    },
    {
      claim: '1',
      id: 'S-MD|X',
      name: 'Target X (Statistics and Probability)',
      description: 'Calculate expected values and use them to solve problems.',
    },
  ],
  '3': [
    {
      claim: '1',
      id: 'OA|A-3',
      name: 'Target A',
      description: 'Represent and solve problems involving multiplication and division.',
    },
    {
      claim: '1',
      id: 'OA|B-3',
      name: 'Target B',
      description: 'Understand properties of multiplication and the relationship between multiplication and division.',
    },
    {
      claim: '1',
      id: 'OA|C-3',
      name: 'Target C',
      description: 'Multiply and divide within 100.',
    },
    {
      claim: '1',
      id: 'OA|D-3',
      name: 'Target D',
      description: 'Solve problems involving the four operations, and identify and explain patterns in arithmetic.',
    },
    {
      claim: '1',
      id: 'NBT|E-3',
      name: 'Target E',
      description: 'Use place value understanding and properties of operations to perform multi-digit arithmetic.',
    },
    {
      claim: '1',
      id: 'NF|F-3',
      name: 'Target F',
      description: 'Develop understanding of fractions as numbers.',
    },
    {
      claim: '1',
      id: 'MD|G-3',
      name: 'Target G',
      description: 'Solve problems involving measurement and estimation of intervals of time, liquid volumes, and masses of objects.',
    },
    {
      claim: '1',
      id: 'MD|H-3',
      name: 'Target H',
      description: 'Represent and interpret data.',
    },
    {
      claim: '1',
      id: 'MD|I-3',
      name: 'Target I',
      description: 'Geometric measurement: understand concepts of area and relate area to multiplication and to addition.',
    },
    {
      claim: '1',
      id: 'MD|J-3',
      name: 'Target J',
      description:
        'Geometric measurement: recognize perimeter as an attribute of plane figures and distinguish between linear and area measures.',
    },
    {
      claim: '1',
      id: 'G|K-3',
      name: 'Target K',
      description: 'Reason with shapes and their attributes.',
    },
  ],
  '4': [
    {
      claim: '1',
      id: 'OA|A-4',
      name: 'Target A',
      description: 'Use the four operations with whole numbers to solve problems.',
    },
    {
      claim: '1',
      id: 'OA|B-4',
      name: 'Target B',
      description: 'Get familiarity with factors and multiples.',
    },
    {
      claim: '1',
      id: 'OA|C-4',
      name: 'Target C',
      description: 'Generate and analyze patterns.',
    },
    {
      claim: '1',
      id: 'NBT|D-4',
      name: 'Target D',
      description: 'Generalize place value understanding for multi-digit whole numbers.',
    },
    {
      claim: '1',
      id: 'NBT|E-4',
      name: 'Target E',
      description: 'Use place value understanding and properties of operations to perform multi-digit arithmetic.',
    },
    {
      claim: '1',
      id: 'NF|F-4',
      name: 'Target F',
      description: 'Extend understanding of fractions equivalence and ordering.',
    },
    {
      claim: '1',
      id: 'NF|G-4',
      name: 'Target G',
      description: 'Build fractions from unit fractions by applying and extending previous understandings of operations on whole numbers.',
    },
    {
      claim: '1',
      id: 'NF|H-4',
      name: 'Target H',
      description: 'Understand decimal notation for fractions, and compare decimal fractions.',
    },
    {
      claim: '1',
      id: 'MD|I-4',
      name: 'Target I',
      description: 'Solve problems involving measurement and conversion of measurement from a larger unit to a smaller unit.',
    },
    {
      claim: '1',
      id: 'MD|J-4',
      name: 'Target J',
      description: 'Represent and interpret data.',
    },
    {
      claim: '1',
      id: 'MD|K-4',
      name: 'Target K',
      description: 'Geometric measurement: understand concepts of angle and measure angles.',
    },
    {
      claim: '1',
      id: 'G|L-4',
      name: 'Target L',
      description: 'Draw and identify lines and angles, and classify shapes by properties of their lines and angles.',
    },
  ],
  '5': [
    {
      claim: '1',
      id: 'OA|A-5',
      name: 'Target A',
      description: 'Write and interpret numerical expressions.',
    },
    {
      claim: '1',
      id: 'OA|B-5',
      name: 'Target B',
      description: 'Analyze patterns and relationships.',
    },
    {
      claim: '1',
      id: 'NBT|C-5',
      name: 'Target C',
      description: 'Understand the place value system.',
    },
    {
      claim: '1',
      id: 'NBT|D-5',
      name: 'Target D',
      description: 'Perform operations with multi-digit whole numbers and with decimals to hundredths.',
    },
    {
      claim: '1',
      id: 'NF|E-5',
      name: 'Target E',
      description: 'Use equivalent fractions as a strategy to add and subtract fractions.',
    },
    {
      claim: '1',
      id: 'NF|F-5',
      name: 'Target F',
      description: 'Apply and extend previous understandings of multiplication and division to multiply and divide fractions.',
    },
    {
      claim: '1',
      id: 'MD|G-5',
      name: 'Target G',
      description: 'Convert like measurement units within a given measurement system.',
    },
    {
      claim: '1',
      id: 'MD|H-5',
      name: 'Target H',
      description: 'Represent and interpret data.',
    },
    {
      claim: '1',
      id: 'MD|I-5',
      name: 'Target I',
      description: 'Geometric measurement: understand concepts of volume and relate volume to multiplication and to addition.',
    },
    {
      claim: '1',
      id: 'G|J-5',
      name: 'Target J',
      description: 'Graph points on the coordinate plane to solve real-world and mathematical problems.',
    },
    {
      claim: '1',
      id: 'G|K-5',
      name: 'Target K',
      description: 'Classify two-dimensional figures into categories based on their properties.',
    },
  ],
  '6': [
    {
      claim: '1',
      id: 'RP|A-6',
      name: 'Target A',
      description: 'Understand ration concepts and use ratio reasoning to solve problems.',
    },
    {
      claim: '1',
      id: 'NS|B-6',
      name: 'Target B',
      description: 'Apply and extend previous understandings of multiplication and division to divide fractions by fractions.',
    },
    {
      claim: '1',
      id: 'NS|C-6',
      name: 'Target C',
      description: 'Compute fluently with muti-digit numbers and find common factors and multiples.',
    },
    {
      claim: '1',
      id: 'NS|D-6',
      name: 'Target D',
      description: 'Apply and extend previous understandings of numbers to the system of rational numbers.',
    },
    {
      claim: '1',
      id: 'EE|E-6',
      name: 'Target E',
      description: 'Apply and extend previous understandings of arithmetic to algebraic expressions.',
    },
    {
      claim: '1',
      id: 'EE|F-6',
      name: 'Target F',
      description: 'Reason about and solve one-variable equations and inequalities.',
    },
    {
      claim: '1',
      id: 'EE|G-6',
      name: 'Target G',
      description: 'Represent and analyze quantitative relationships between dependent and independent variables.',
    },
    {
      claim: '1',
      id: 'G|H-6',
      name: 'Target H',
      description: 'Solve real-world and mathematical problems involving area, surface area, and volume.',
    },
    {
      claim: '1',
      id: 'SP|I-6',
      name: 'Target I',
      description: 'Develop understanding of statistical variability.',
    },
    {
      claim: '1',
      id: 'SP|J-6',
      name: 'Target J',
      description: 'Summarize and describe distributions.',
    },
  ],
  '7': [
    {
      claim: '1',
      id: 'RP|A-7',
      name: 'Target A',
      description: 'Analyze proportional relationships and use them to solve real-world and mathematical problems.',
    },
    {
      claim: '1',
      id: 'NS|B-7',
      name: 'Target B',
      description:
        'Apply and extend previous understandings of operations with fractions to add, subtract, multiply, and divide rational numbers.',
    },
    {
      claim: '1',
      id: 'EE|C-7',
      name: 'Target C',
      description: 'Use properties of operations to generate equivalent expressions.',
    },
    {
      claim: '1',
      id: 'EE|D-7',
      name: 'Target D',
      description: 'Solve real-life and mathematical problems using numerical and algebraic expressions and equations.',
    },
    {
      claim: '1',
      id: 'G|E-7',
      name: 'Target E',
      description: 'Draw, construct, and describe geometrical figures and describe the relationship between them.',
    },
    {
      claim: '1',
      id: 'G|F-7',
      name: 'Target F',
      description: 'Solve real-life and mathematical problems involving angle measure, area, surface area, and volume.',
    },
    {
      claim: '1',
      id: 'SP|G-7',
      name: 'Target G',
      description: 'Use random sampling to draw inferences about a population.',
    },
    {
      claim: '1',
      id: 'SP|H-7',
      name: 'Target H',
      description: 'Draw informal comparative inferences about two populations',
    },
    {
      claim: '1',
      id: 'SP|I-7',
      name: 'Target I',
      description: 'Investigate chance processes and develop, use, and evaluate probability models.',
    },
  ],
  '8': [
    {
      claim: '1',
      id: 'NS|A-8',
      name: 'Target A',
      description: 'Know that there are numbers that are not rational, and approximate them by rational numbers.',
    },
    {
      claim: '1',
      id: 'EE|B-8',
      name: 'Target B',
      description: 'Work with radicals and integer exponents.',
    },
    {
      claim: '1',
      id: 'EE|C-8',
      name: 'Target C',
      description: 'Understand the connections between proportional relationships, lines, and linear equations.',
    },
    {
      claim: '1',
      id: 'EE|D-8',
      name: 'Target D',
      description: 'Analyze and solve linear equations and pairs of simultaneous linear equations.',
    },
    {
      claim: '1',
      id: 'F|E-8',
      name: 'Target E',
      description: 'Define, evaluate, and compare functions.',
    },
    {
      claim: '1',
      id: 'F|F-8',
      name: 'Target F',
      description: 'Use functions to model relationships between quantities.',
    },
    {
      claim: '1',
      id: 'G|G-8',
      name: 'Target G',
      description: 'Understand congruence and similarity using physical models, transparencies, or geometry software.',
    },
    {
      claim: '1',
      id: 'G|H-8',
      name: 'Target H',
      description: 'Understand and apply the Pythagorean Theorem.',
    },
    {
      claim: '1',
      id: 'G|I-8',
      name: 'Target I',
      description: 'Solve real-world and mathematical problems involving volume of cylinders, cones, and spheres.',
    },
    {
      claim: '1',
      id: 'SP|J-8',
      name: 'Target J',
      description: 'Investigate patterns of association in bivariate data.',
    },
  ],
};
