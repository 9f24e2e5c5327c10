use super::*;
use dossier_doc::Article;

fn claims(paragraphs: &[&str]) -> (Doc, Vec<Claim>) {
    let mut doc = Doc::new(Article::from_paragraphs(paragraphs.iter().map(|p| p.to_string()).collect()));
    dossier_text::annotate(&mut doc);
    doc.entities = dossier_entities::annotate(&doc);
    doc.times = dossier_times::annotate(&doc, None);
    doc.quantities = dossier_figures::annotate(&doc);
    let found = annotate(&doc);
    (doc, found)
}

/// (source text, cue text, content text) of every attributed claim.
fn triples(paragraphs: &[&str]) -> Vec<(String, String, String)> {
    let (doc, found) = claims(paragraphs);
    found
        .iter()
        .filter(|c| c.cue.is_some())
        .map(|c| {
            (
                c.source.as_ref().map_or(String::new(), |s| doc.slice(s.span).to_string()),
                doc.slice(c.cue.unwrap()).to_string(),
                doc.slice(c.content).to_string(),
            )
        })
        .collect()
}

fn t(s: &str, c: &str, x: &str) -> (String, String, String) {
    (s.into(), c.into(), x.into())
}

#[test]
fn verb_cues_with_that_and_relative_subjects() {
    assert_eq!(triples(&["The Times reported that six ships sank."]), [t("The Times", "reported", "six ships sank")]);
    assert_eq!(
        triples(&["It followed a report in the Kyiv Post on Friday, which revealed that six officers died."]),
        [t("the Kyiv Post", "revealed", "six officers died")]
    );
}

#[test]
fn according_to_in_three_positions() {
    assert_eq!(
        triples(&["According to Reuters, most of the shells are faulty, but they still work."]),
        [t("Reuters", "According to", "most of the shells are faulty")]
    );
    assert_eq!(triples(&["The shells are faulty, according to officials."]), [t("officials", "according to", "The shells are faulty")]);
    assert_eq!(
        triples(&["The officers, who, according to the Kyiv Post’s source, had travelled far, are believed to be dead."]),
        [
            t("the Kyiv Post’s source", "according to", "had travelled far"),
            t("the Kyiv Post’s source", "believed", "are believed to be dead"),
        ]
    );
    // The sentence goes on after the source: what came before is what the source said.
    let found = triples(&["The relatives watched the videos on Thursday, according to their lawyers, and asked for more."]);
    assert_eq!(found[0], t("their lawyers", "according to", "The relatives watched the videos on Thursday"), "{found:?}");
}

#[test]
fn according_to_stands_beside_a_claim_inside_its_content() {
    let found = triples(&["According to police, officers saw Scott get out of a car with a handgun, and they ordered him to drop the weapon."]);
    assert!(found.contains(&t("police", "According to", "officers saw Scott get out of a car with a handgun, and they ordered him to drop the weapon")), "{found:?}");
    assert!(found.iter().any(|(_, cue, _)| cue == "ordered"), "{found:?}");
}

#[test]
fn a_closing_according_to_is_no_part_of_what_was_said() {
    let found = triples(&["The rabbis have said that they plan to attend the protest, according to an organizer."]);
    assert_eq!(found, [t("The rabbis", "said", "they plan to attend the protest")]);
}

#[test]
fn according_to_a_source_that_cites_another_relays_through_both() {
    let (doc, found) = claims(&["According to Reuters, which cited two security sources, the strike hit a grain terminal."]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(doc.slice(found[0].content), "the strike hit a grain terminal");
    assert_eq!(found[0].relay, ["Reuters", "two security sources"]);
}

#[test]
fn a_source_cited_between_the_source_and_its_cue_relays_too() {
    let (doc, found) = claims(&["Bloomberg, citing unnamed officials, reported that the layoffs could reach 5,000."]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(doc.slice(found[0].content), "the layoffs could reach 5,000");
    assert_eq!(found[0].relay, ["Bloomberg", "unnamed officials"]);
}

#[test]
fn quotes_inversions_and_denials() {
    let (doc, found) = claims(&["“We will not retreat,” the defence minister said.", "The Kremlin denied that its troops crossed the border."]);
    assert_eq!(doc.slice(found[0].content), "We will not retreat");
    assert!(found[0].quoted);
    assert_eq!(doc.slice(found[0].source.as_ref().unwrap().span), "the defence minister");
    assert_eq!(found[1].polarity, Polarity::Negative);
    assert_eq!(doc.entities[found[1].source.as_ref().unwrap().entity.unwrap()].name, "Russia");
    assert_eq!(
        triples(&["“The talks failed,” said Antonio Guterres."]),
        [t("Antonio Guterres", "said", "The talks failed")]
    );
    // The reporting clause goes on after the quote: the quote is still what was said.
    let found = triples(&["“We do not see a link to terrorism,” the mayor said, adding that it would take more hours."]);
    assert_eq!(found[0], t("the mayor", "said", "We do not see a link to terrorism"), "{found:?}");
    assert_eq!(found[1].1, "adding", "{found:?}");
}

#[test]
fn evidentials_carry_the_previous_source() {
    let (doc, found) = claims(&["Ukraine’s military said six were killed. Another three were reportedly injured.", "Two were reportedly missing."]);
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].relay, ["Ukraine’s military"]);
    assert_eq!(doc.entities[found[0].source.as_ref().unwrap().entity.unwrap()].name, "Ukraine");
    assert_eq!(found[1].relay, found[0].relay);
    assert_eq!(doc.slice(found[1].content), "Another three were reportedly injured");
    // A new paragraph does not inherit.
    assert!(found[2].source.is_none());
    assert_eq!(doc.slice(found[2].hedges[0]), "reportedly");
}

#[test]
fn pronouns_resolve_to_the_nearest_fitting_entity() {
    let (doc, found) = claims(&["Vladimir Putin met the envoy. He said the war would end."]);
    let source = found.iter().find(|c| c.cue.is_some()).unwrap().source.as_ref().unwrap();
    assert_eq!(doc.entities[source.entity.unwrap()].name, "Vladimir Putin");
}

#[test]
fn own_voice_sentences_with_figures_or_dates() {
    let (_, found) = claims(&["Russia invaded Ukraine in February 2022.", "Nothing else here today or ever."]);
    assert!(found[0].source.is_none() && found[0].cue.is_none());
}

#[test]
fn a_figure_stated_as_a_verbs_object_is_the_outlets_own_claim() {
    // "recorded" is a cue the detector may learn ("the poll recorded that …"); with a figure
    // as its object it records a fact.
    let (doc, found) = claims(&["Romania recorded about 2,000 cases."]);
    assert!(found[0].source.is_none() && found[0].cue.is_none(), "{:?}", found.iter().map(|c| doc.slice(c.content)).collect::<Vec<_>>());
    // An "about" that hedges a figure is not the cue's particle.
    assert_eq!(triples(&["Officials said about 30 people had died."]), [t("Officials", "said", "about 30 people had died")]);
}

#[test]
fn a_participle_closing_an_appositive_is_its_subjects_verb() {
    assert_eq!(
        triples(&["Keron Blair, executive director of AROS, called for more school investment."]),
        [t("Keron Blair, executive director of AROS", "called for", "more school investment")]
    );
}

#[test]
fn passive_participles_are_not_cues() {
    let (_, found) = claims(&["Cases rose, with 58,114 infections reported in 41 countries."]);
    assert!(found.iter().all(|c| c.cue.is_none()), "{found:#?}");
}

#[test]
fn the_ministry_is_the_ministry_named_before() {
    let (doc, found) = claims(&[
        "The World Health Organization warned of outbreaks. The South Korean Defence Ministry then met. The ministry said 20 ships left.",
    ]);
    let source = found.iter().find(|c| c.cue.is_some_and(|cue| doc.slice(cue) == "said")).unwrap().source.as_ref().unwrap();
    assert_eq!(doc.entities[source.entity.unwrap()].name, "South Korean Defence Ministry");
}

#[test]
fn the_venue_of_a_report_is_not_what_is_said() {
    assert_eq!(
        triples(&["Sanders said during an interview on CNN's State of the Union that the numbers do not add up."]),
        [t("Sanders", "said", "the numbers do not add up")]
    );
    assert_eq!(triples(&["Donald Trump said on NBC's Meet the Press that he would win the state."]), [t("Donald Trump", "said", "he would win the state")]);
    // Only where it was said: no claim.
    assert_eq!(triples(&["Marco Rubio spoke and said on CNN's State of the Union."]), []);
    // A preposition opening what is said is kept.
    assert_eq!(triples(&["The ministry said at least 20 soldiers died."]), [t("The ministry", "said", "at least 20 soldiers died")]);
}

#[test]
fn a_colon_closing_its_paragraph_introduces_the_next_quote() {
    let (doc, found) = claims(&["The minister spoke to reporters on Monday.", "He said:", "“We will not resign. We have done nothing wrong.”", "The vote is on Friday."]);
    let quoted: Vec<&str> = found.iter().filter(|c| c.cue.is_some()).map(|c| doc.slice(c.content)).collect();
    assert_eq!(quoted, ["We will not resign. We have done nothing wrong"]);
}

#[test]
fn a_quote_signed_with_a_dash_and_a_name() {
    assert_eq!(
        triples(&["We asked readers what they thought.", "“He represents our greatest shame. He is wrong.” ― Sonya Herridge “During the debate Trump said Hispanics live in hell.” ― Pamela Padilla"]),
        [
            t("Sonya Herridge", "―", "He represents our greatest shame. He is wrong"),
            t("Pamela Padilla", "―", "During the debate Trump said Hispanics live in hell"),
            // Said inside the quote: it ends where the quote does.
            t("Trump", "said", "Hispanics live in hell"),
        ]
    );
}

#[test]
fn a_signed_quote_whose_paragraph_opens_with_a_closing_mark() {
    assert_eq!(triples(&["Readers wrote in.", "”Fear. I am truly afraid that he will win.” ― Edwin G. Monroy"]), [t("Edwin G. Monroy", "―", "Fear. I am truly afraid that he will win")]);
}

#[test]
fn a_name_and_a_colon_opening_a_sentence_speak_what_follows() {
    assert_eq!(
        triples(&["Pat Caddell: Democrat Voters Worried About the Debate.", "Two questions: why now, and why here?"]),
        [t("Pat Caddell", ":", "Democrat Voters Worried About the Debate")]
    );
    // A transcript's turn runs to the end of its paragraph.
    assert_eq!(
        triples(&["\"PENCE: Well, look, we will win. The polls are moving."]),
        [t("PENCE", ":", "Well, look, we will win. The polls are moving")]
    );
    // Inverted: "Said Ellis:" — the verb is the cue.
    assert_eq!(triples(&["Said Ellis: The tax plan is a mess."]), [t("Ellis", "Said", "The tax plan is a mess")]);
}

#[test]
fn a_title_case_headline_ends_with_its_cue() {
    assert_eq!(
        triples(&["Trump Could Embrace Clean Energy, Lindsey Graham Says."]),
        [t("Lindsey Graham", "Says", "Trump Could Embrace Clean Energy")]
    );
    // Capitalised in running text, a cue word is a name ("the United States Says program").
    assert!(triples(&["He joined Simon Says."]).is_empty());
}

#[test]
fn whom_a_remark_is_about_is_not_what_is_said() {
    assert_eq!(
        triples(&["The senator says of Clinton, “If she gets the chance, she will sell the office.”"]),
        [t("The senator", "says", "If she gets the chance, she will sell the office")]
    );
}

#[test]
fn a_determined_noun_phrase_speaks_when_what_it_says_follows() {
    assert_eq!(
        triples(&["Another slide shows that eight of 10 avocados eaten in the country are grown abroad."]),
        [t("Another slide", "shows", "eight of 10 avocados eaten in the country are grown abroad")]
    );
}

#[test]
fn a_source_keeps_its_appositive_and_bracket() {
    assert_eq!(
        triples(&["Brian Fallon, the campaign’s press secretary, said the report was false."]),
        [t("Brian Fallon, the campaign’s press secretary", "said", "the report was false")]
    );
    assert_eq!(triples(&["Sen. Lindsey Graham (R-S.C.) said the deal was dead."]), [t("Sen. Lindsey Graham (R-S.C.)", "said", "the deal was dead")]);
    // Nor is a participle or a place and time: "Trump, speaking to veterans,".
    assert_eq!(
        triples(&["Donald Trump, speaking to a veterans group in Virginia, said the system was rigged."]),
        [t("Donald Trump", "said", "the system was rigged")]
    );
    // Titles and coordinated speakers belong to the source.
    assert_eq!(triples(&["Mr. Grassley and Mr. Leahy said the program was abused."]), [t("Mr. Grassley and Mr. Leahy", "said", "the program was abused")]);
    // A title and a capitalised word name someone the name finder does not know.
    assert_eq!(triples(&["Mr. King and Mr. Schultz said the program was abused."])[0].0, "Mr. King and Mr. Schultz");
    // A quantifier floating after who speaks is skipped ("… all suggested").
    assert_eq!(
        triples(&["Mr. Grassley and Mr. Leahy all suggested that the claims were grounds for action."]),
        [t("Mr. Grassley and Mr. Leahy", "suggested", "the claims were grounds for action")]
    );
    // A predeterminer counts the group, after an opening phrase too.
    assert_eq!(
        triples(&["In Mrs. Clinton's favor, all the experts I interviewed said her proposals were more detailed."]),
        [t("all the experts I interviewed", "said", "her proposals were more detailed")]
    );
    // A share of those polled speaks, with its hedge or limit.
    assert_eq!(triples(&["Nearly eight of 10 voters said the economy mattered most."])[0].0, "Nearly eight of 10 voters");
    assert_eq!(triples(&["Only 52 percent of registered voters said they trusted her."])[0].0, "Only 52 percent of registered voters");
    // A relative clause describes the source as an appositive does (the name stays its entity).
    assert_eq!(
        triples(&["Jochen Hanebeck, who took over last year, said the plant would close."]),
        [t("Jochen Hanebeck, who took over last year", "said", "the plant would close")]
    );
    // A party, and a name the name finder does not know, opening the sentence.
    assert_eq!(
        triples(&["Senator Dianne Feinstein, Democrat of California, said the program sent a terrible message."]),
        [t("Senator Dianne Feinstein, Democrat of California", "said", "the program sent a terrible message")]
    );
    assert_eq!(
        triples(&["Rendell, a Clinton surrogate, said he had battled pneumonia."]),
        [t("Rendell, a Clinton surrogate", "said", "he had battled pneumonia")]
    );
}

#[test]
fn a_perfect_is_not_a_passive() {
    assert_eq!(
        triples(&["The senator has called for an investigation into the contracts."]),
        [t("The senator", "called for", "an investigation into the contracts")]
    );
    // With no one before it to speak, a participle and a place are a passive.
    assert!(triples(&["In all, 58,114 infections were reported in 41 countries."]).is_empty());
}

#[test]
fn the_learned_detector_finds_cues_beyond_the_lexicon() {
    // "fear" is in no list: the detector takes it for a cue from its context.
    assert!(!is_verb_cue("fear"));
    assert_eq!(
        triples(&["Republicans fear that the nominee will lose the state."]),
        [t("Republicans", "fear", "the nominee will lose the state")]
    );
    // "citing X" stays a link in the relay, not a claim of its own.
    let found = triples(&["Meridian Wire reported that 40 ships are stuck, citing the port authority."]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_noun_of_saying_attributes_its_that_clause_to_its_owner() {
    assert_eq!(
        triples(&["Politifact examined Donald Trump’s claim that thousands of shootings happened in Chicago."]),
        [t("Donald Trump", "claim", "thousands of shootings happened in Chicago")]
    );
    let (doc, found) = claims(&["Angela Merkel spoke on Monday. She repeated her warning that the union would split."]);
    let warning = found.iter().find(|c| c.cue.is_some_and(|cue| doc.slice(cue) == "warning")).expect("the warning is a claim");
    assert_eq!(doc.entities[warning.source.as_ref().unwrap().entity.unwrap()].name, "Angela Merkel");
    // No owner, no source: "the claim that …" alone is not attributed here.
    assert!(triples(&["The claim that the vote was rigged spread quickly."]).is_empty());
}

#[test]
fn a_long_determined_subject_speaks() {
    assert_eq!(
        triples(&["A new analysis of campaign filings from the last two years shows that Democratic groups are outspending their rivals."]),
        [t("A new analysis of campaign filings from the last two years", "shows", "Democratic groups are outspending their rivals")]
    );
}

#[test]
fn a_speaker_quoted_on_their_own_words_reports_nothing() {
    let found = triples(&["“You say you accept responsibility for the fraud,” Merkley said."]);
    assert_eq!(found, [t("Merkley", "said", "You say you accept responsibility for the fraud")]);
}

#[test]
fn a_quoted_question_then_its_speaker() {
    let (doc, found) = claims(&["“How many times do we have to see this in our country?” Clinton said. “In Tulsa, an unarmed man was shot.”"]);
    let said: Vec<(&str, &str)> = found.iter().map(|c| (doc.slice(c.source.as_ref().unwrap().span), doc.slice(c.content))).collect();
    assert_eq!(said, [("Clinton", "How many times do we have to see this in our country"), ("Clinton", "In Tulsa, an unarmed man was shot")]);
}

#[test]
fn a_label_before_a_colon_is_nobody_speaking() {
    assert!(triples(&["Correction: An earlier version of this article misstated the date of the vote."]).is_empty());
    assert!(triples(&["The Latest: Voters head to the polls in Ohio."]).is_empty());
    assert_eq!(triples(&["PENCE: Well, look, we are going to win this state."]), [t("PENCE", ":", "Well, look, we are going to win this state")]);
    // A headline's lone source noun speaks; a colon inside a word introduces nothing.
    assert_eq!(triples(&["Poll: Clinton and Trump in dead heat heading into first debate"]), [t("Poll", ":", "Clinton and Trump in dead heat heading into first debate")]);
    assert!(triples(&["Expert:innen empfehlen Vielfahrenden Vorräte."]).is_empty());
}

#[test]
fn according_to_closing_a_sentence_needs_no_comma() {
    assert_eq!(
        triples(&["The economy grew 2 percent last year according to official figures."]),
        [t("official figures", "according to", "The economy grew 2 percent last year")]
    );
    assert_eq!(
        triples(&["Half of his advice is unsubstantiated — or flat out wrong — according to the journal."]),
        [t("the journal", "according to", "Half of his advice is unsubstantiated — or flat out wrong")]
    );
}

#[test]
fn a_preposition_that_opens_what_is_said_joins_the_cue() {
    assert_eq!(triples(&["Warren warned against a rush to cut taxes for the rich."]), [t("Warren", "warned against", "a rush to cut taxes for the rich")]);
    assert_eq!(triples(&["The ministry warned of a shortage of shells."]), [t("The ministry", "warned of", "a shortage of shells")]);
}

#[test]
fn a_name_set_off_in_commas_keeps_the_phrase_saying_who_they_are() {
    assert_eq!(
        triples(&["The state's campaign chairman, Phil Lovas, said the count would take a week."]),
        [t("The state's campaign chairman, Phil Lovas", "said", "the count would take a week")]
    );
    assert_eq!(triples(&["In Tulsa, Justin Bamberg, said the family wanted answers."]), [t("Justin Bamberg", "said", "the family wanted answers")]);
}

#[test]
fn words_modifying_a_role_noun_belong_to_the_source() {
    assert_eq!(triples(&["City officials said the water was safe."]), [t("City officials", "said", "the water was safe")]);
    assert_eq!(
        triples(&["Connecticut's tax commissioner said the rule would stand."]),
        [t("Connecticut's tax commissioner", "said", "the rule would stand")]
    );
    assert_eq!(
        triples(&["One of the governor's climate advisers said the plan was dead."]),
        [t("One of the governor's climate advisers", "said", "the plan was dead")]
    );
}

#[test]
fn an_age_or_an_owner_in_commas_describes_the_source() {
    assert_eq!(triples(&["Mr. King, 82, said he would retire."]), [t("Mr. King, 82", "said", "he would retire")]);
    // (The stance inside what China said, "it opposed", may be a claim of its own.)
    assert_eq!(
        triples(&["China, Pyongyang's only ally, said it opposed the test."])[0],
        t("China, Pyongyang's only ally", "said", "it opposed the test")
    );
}

#[test]
fn a_source_noun_speaks_through_a_verb_that_is_also_a_noun() {
    assert_eq!(triples(&["The survey finds most voters want change."]), [t("The survey", "finds", "most voters want change")]);
    // After a noun that is no source, "shows" is a noun.
    assert!(triples(&["The TV shows ran late."]).is_empty());
}

#[test]
fn a_quote_goes_on_after_its_reporting_clause() {
    let quotes = |p: &str| {
        let (doc, found) = claims(&[p]);
        found.iter().map(|c| (c.source.as_ref().map(|s| doc.slice(s.span).to_string()), c.cue.is_some(), doc.slice(c.content).to_string())).collect::<Vec<_>>()
    };
    let smith = Some("John Smith".to_string());
    assert_eq!(
        quotes("“The economy is strong,” said John Smith, “and it will get stronger.”"),
        [(smith.clone(), true, "The economy is strong".into()), (smith, false, "and it will get stronger".into())]
    );
    // Unquoted words resumed after the reporting clause, but not a new clause or cue.
    assert_eq!(
        quotes("Climate change, Mr. Obama often says, is the greatest threat."),
        [(Some("Mr. Obama".into()), true, "Climate change".into()), (Some("Mr. Obama".into()), false, "is the greatest threat".into())]
    );
    assert_eq!(quotes("Prices rose, the bureau said, and wages fell.").len(), 1);
    // Nothing after the clause's comma (a page cut short; found by fuzzing).
    assert_eq!(quotes("“We will win,” the mayor said,").len(), 1);
    assert_eq!(quotes("Prices rose, the bureau said,").len(), 1);
    // A quote of several sentences closed by its reporting clause is said whole.
    assert_eq!(
        quotes("“It doesn’t make any sense. The insurance model doesn’t work here,” he said."),
        [(Some("he".into()), true, "It doesn’t make any sense. The insurance model doesn’t work here".into())]
    );
    // Into the next sentences, and in typewriter quotation marks.
    let found = quotes("''This isn't reform,'' Smith said. ''It's more tinkering. It adds complexity.''");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1], (Some("Smith".into()), false, "It's more tinkering. It adds complexity".into()));
    // Resumed in lower case past a participial phrase, which says only what it says.
    let found = quotes("“Every time you say that,” Tester said, referring to the excuse, “you give ammunition to the banks.”");
    assert_eq!(found[1], (Some("Tester".into()), false, "you give ammunition to the banks".into()), "{found:?}");
    assert_eq!(found[2].2, "the excuse", "{found:?}");
    // A new quote after the phrase is the phrase's ("suggesting questions, including, “Mr. …”").
    let found = quotes("“They do not agree with him,” Sanders said, suggesting questions, including, “Mr. Trump, do you need a tax break?”");
    assert!(found.iter().all(|c| c.1), "{found:?}");
    // A quote going on in the next sentence holds the claims inside it, relayed by its speaker.
    let (doc, found) = claims(&["“The impact is small,” wrote Cameron Easley. “Just 9 percent of voters said it changed their minds, while about eight out of 10 said it would not matter.”"]);
    let said: Vec<_> = found.iter().map(|c| (c.source.as_ref().map(|s| doc.slice(s.span)), c.relay.clone())).collect();
    assert_eq!(found.len(), 4, "{said:?}");
    assert_eq!(doc.slice(found[1].content), "Just 9 percent of voters said it changed their minds, while about eight out of 10 said it would not matter");
    assert_eq!(said[2], (Some("Just 9 percent of voters"), vec!["Cameron Easley".to_string(), "Just 9 percent of voters".to_string()]));
    assert_eq!(said[3].0, Some("about eight out of 10"));
    // Resumed after a reporting clause with its venue ("Kenansville, N.C."), and on past
    // the sentence's end to the closing mark.
    let found = quotes("“I think Holt will be fair,” Trump said during a rally in Kenansville, N.C., “but people are watching. They know why.”");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1], (Some("Trump".into()), false, "but people are watching. They know why".into()));
}

#[test]
fn a_name_after_a_preposition_inside_the_subject_does_not_speak() {
    let found = triples(&["Moscow's efforts to build ties with global pariah North Korea appeared to pay off, as The Times reported that half of the shells came from Pyongyang."]);
    assert!(found.iter().all(|(source, _, _)| source != "North Korea"), "{found:?}");
    assert!(found.contains(&t("The Times", "reported", "half of the shells came from Pyongyang")), "{found:?}");
    // The antecedent of "who" may follow a preposition.
    let found = triples(&["Five died, according to regional president Michele de Pascale, who said the damage could exceed €1 billion."]);
    assert!(found.contains(&t("regional president Michele de Pascale", "said", "the damage could exceed €1 billion")), "{found:?}");
}

#[test]
fn a_determined_noun_phrase_opening_the_sentence_is_its_subject() {
    assert_eq!(
        triples(&["The New York state attorney general is confirming that the foundation is not registered."]),
        [t("The New York state attorney general", "confirming", "the foundation is not registered")]
    );
}

#[test]
fn a_plural_noun_that_is_also_a_cue_needs_a_speaker() {
    assert!(triples(&["Hackers targeted systems in at least two states, Illinois and Arizona."]).is_empty());
    assert!(triples(&["It should target voters in battleground states to win."]).is_empty());
    assert_eq!(triples(&["The ministry states that the rule stands."]), [t("The ministry", "states", "the rule stands")]);
}

#[test]
fn the_writer_and_a_determined_speaker_after_a_quote() {
    assert_eq!(triples(&["I believe that the plan will fail."]), [t("I", "believe", "the plan will fail")]);
    assert_eq!(triples(&["“We live in hard times,” my father often said."]), [t("my father", "said", "We live in hard times")]);
    assert_eq!(
        triples(&["“We need change,” the New York businessman said."]),
        [t("the New York businessman", "said", "We need change")]
    );
}

#[test]
fn a_one_word_quote_and_a_dated_poll() {
    let (doc, found) = claims(&["“Hopefully,” the president said, “this museum can help us talk to each other.”"]);
    let contents: Vec<&str> = found.iter().map(|c| doc.slice(c.content)).collect();
    assert_eq!(contents, ["Hopefully", "this museum can help us talk to each other"]);
    let found = triples(&["The latest opinion poll released Friday shows that Clinton leads by five points."]);
    assert_eq!(found, [t("The latest opinion poll", "shows", "Clinton leads by five points")]);
}

#[test]
fn an_aside_in_dashes_describes_the_name_before_it() {
    assert_eq!(
        triples(&["Rick Tyler — a former aide to Ted Cruz — said the debate was over."]),
        [t("Rick Tyler — a former aide to Ted Cruz", "said", "the debate was over")]
    );
}

#[test]
fn a_long_appositive_and_no_clause_taken_for_an_inverted_source() {
    assert_eq!(
        triples(&["Lily Batchelder, an outside adviser to the campaign and an associate professor at New York University School of Law, said that the campaign was taking a close look."]),
        [t(
            "Lily Batchelder, an outside adviser to the campaign and an associate professor at New York University School of Law",
            "said",
            "the campaign was taking a close look"
        )]
    );
}

#[test]
fn groups_speak_and_a_duration_after_the_cue_is_no_content() {
    assert_eq!(triples(&["Aid groups said the camps were full."]), [t("Aid groups", "said", "the camps were full")]);
    assert_eq!(
        triples(&["Environmental groups have said for years that the rivers need wider flood plains."]),
        [t("Environmental groups", "said", "the rivers need wider flood plains")]
    );
}

#[test]
fn an_unanswered_request_for_comment_is_no_claim() {
    assert!(triples(&["The Kremlin did not immediately respond to a request for comment."]).is_empty());
    assert_eq!(
        triples(&["The White House responded to the criticism by saying that the plan was legal."]),
        [t("The White House", "saying", "the plan was legal")]
    );
}

#[test]
fn a_wire_dateline_is_not_what_was_said() {
    assert_eq!(triples(&["KYIV, Ukraine (AP) — Six ships sank, officials said."]), [t("officials", "said", "Six ships sank")]);
    let (doc, found) = claims(&["ROME, Oct 18 (Wire) - Floods killed 3 people on Friday."]);
    assert_eq!(doc.slice(found[0].content), "Floods killed 3 people on Friday");
    // Capitals that run on into the story are no dateline.
    let (doc, found) = claims(&["NEW YORK has 8 million people - more than London in 2020."]);
    assert_eq!(doc.slice(found[0].content), "NEW YORK has 8 million people - more than London in 2020");
}

#[test]
fn a_record_speaks_for_its_maker_and_the_company_is_no_outlet() {
    let (doc, found) = claims(&["Vantor Systems will cut jobs. A Reuters report said Vantor had held talks with buyers. The company said the talks had ended."]);
    let report = found.iter().find(|c| doc.slice(c.content) == "Vantor had held talks with buyers").expect("the report's claim");
    assert_eq!(report.relay, ["Reuters"]);
    assert_eq!(report.source.as_ref().and_then(|s| s.entity).map(|e| doc.entities[e].name.as_str()), Some("Reuters"));
    let company = found.iter().find(|c| doc.slice(c.content) == "the talks had ended").expect("the company's claim");
    assert_eq!(company.source.as_ref().and_then(|s| s.entity).map(|e| doc.entities[e].name.as_str()), Some("Vantor Systems"));
}

#[test]
fn an_evidential_keeps_a_subject_set_off_by_its_appositive() {
    let (doc, found) = claims(&["The largest shareholder, the pension fund Nordkap, is reportedly pushing for a sale."]);
    assert_eq!(doc.slice(found[0].content), "The largest shareholder, the pension fund Nordkap, is reportedly pushing for a sale");
}

#[test]
fn a_role_set_off_by_a_participle_still_speaks() {
    assert_eq!(
        triples(&["Russian officials, speaking on condition of anonymity, said more strikes were planned."]),
        [t("Russian officials", "said", "more strikes were planned")]
    );
}

#[test]
fn the_reporters_remark_after_a_claim_is_not_in_it() {
    let found = triples(&["Moscow said Kyiv was trying to sabotage the talks, without providing evidence."]);
    assert_eq!(found, [t("Moscow", "said", "Kyiv was trying to sabotage the talks")]);
}

#[test]
fn a_pronoun_after_an_unnamed_speaker_is_that_speaker() {
    let (doc, found) = claims(&[
        "Governor Vitaliy Kim said the port was hit.",
        "“We will hit back,” one official said.",
        "“Russia must understand that,” he added.",
    ]);
    let added = found.iter().find(|c| doc.slice(c.content) == "Russia must understand that").expect("the added claim");
    assert_eq!(added.relay, ["one official"]);
    assert!(added.source.as_ref().is_some_and(|s| s.entity.is_none()));
}

#[test]
fn citing_a_reason_is_a_claim_and_citing_a_source_a_relay() {
    assert_eq!(
        triples(&["The court blocked the sale of the plant, citing a threat to public health."]),
        [t("The court", "citing", "a threat to public health")]
    );
    for text in ["Meridian Wire reported, citing the port authority, that 40 ships are stuck.", "Meridian Wire reported that 40 ships are stuck, citing the port authority."] {
        let (_, found) = claims(&[text]);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].relay, ["Meridian Wire", "the port authority"], "{text}");
    }
}

#[test]
fn saying_after_a_preposition_reports_for_the_subject() {
    assert_eq!(
        triples(&["Howard Dean began by saying he would never diagnose anyone on television."]),
        [t("Howard Dean", "saying", "he would never diagnose anyone on television")]
    );
}

#[test]
fn a_report_published_on_a_day_is_where_it_was_said() {
    assert_eq!(
        triples(&["The grid operator estimated in a report published on Friday that peak demand could reach 27 gigawatts."]),
        [t("The grid operator", "estimated", "peak demand could reach 27 gigawatts")]
    );
}

#[test]
fn a_quote_runs_over_paragraphs_when_the_next_one_opens_with_a_quotation_mark() {
    let (doc, found) = claims(&[
        "“We have built up reserves,” she told parliament. “There will be no blackouts.",
        "“But we need households to play their part.”",
    ]);
    let contents: Vec<&str> = found.iter().map(|c| doc.slice(c.content)).collect();
    assert_eq!(contents, ["We have built up reserves", "There will be no blackouts", "But we need households to play their part"]);
    assert!(found.iter().all(|c| c.quoted && c.source.is_some()), "{found:?}");
}

#[test]
fn a_quote_open_at_its_sentence_end_runs_on_to_its_closing_mark() {
    assert_eq!(triples(&["He said, “I wonder why it was bad. Think of that.”"]), [t("He", "said", "I wonder why it was bad. Think of that")]);
    assert_eq!(
        triples(&["Trump said the plan was “what we are fighting for. Denying us justice is wrong.”"]),
        [t("Trump", "said", "the plan was “what we are fighting for. Denying us justice is wrong")]
    );
    // The last word before the closing mark stays, with no punctuation between them.
    assert_eq!(triples(&["He said, “I wonder why it was bad. Think of that” and left."])[0].2, "I wonder why it was bad. Think of that");
    // A quote closed in its sentence, or never closed in the paragraph, runs on no further.
    assert_eq!(triples(&["He said, “It was bad.” Then he left."]), [t("He", "said", "It was bad")]);
    assert_eq!(triples(&["He said, “It was bad. Then he left."])[0].2, "It was bad");
}

#[test]
fn a_participial_phrase_after_the_content_is_what_the_subject_did() {
    assert_eq!(
        triples(&["Trump said the vote would be rigged, encouraging his supporters to watch the polls."]),
        [t("Trump", "said", "the vote would be rigged")]
    );
    // A list of nouns, and a condition, stay in the content.
    assert_eq!(triples(&["The mayor said the plan covers taxes, spending and debt."])[0].2, "the plan covers taxes, spending and debt");
    assert_eq!(
        triples(&["The analyst said there will be four services, depending on whether subscribers stay."])[0].2,
        "there will be four services, depending on whether subscribers stay"
    );
}

#[test]
fn an_adverb_after_the_cue_belongs_to_the_reporting_clause() {
    assert_eq!(triples(&["\"God forbid we ask the FBI anything,\" Gowdy said sarcastically."]), [t("Gowdy", "said", "God forbid we ask the FBI anything")]);
    assert_eq!(triples(&["The ministry said repeatedly that six ships sank."]), [t("The ministry", "said", "six ships sank")]);
    // A noun in "-ly" is what is said of, not how.
    assert!(triples(&["The minister said family members were safe."]).iter().all(|(_, _, content)| content.starts_with("family")));
}

#[test]
fn a_name_and_a_determined_noun_phrase_coordinated_speak_together() {
    assert_eq!(triples(&["Microsoft and its partners said that the deal was fair."]), [t("Microsoft and its partners", "said", "the deal was fair")]);
}

#[test]
fn a_telling_withheld_claims_nothing() {
    // Negated, refused, or the refusal itself: nothing is claimed, so nothing may
    // corroborate what the content leaves open.
    for text in [
        "Officials did not say that the plan failed.",
        "The minister would not say whether the plan failed.",
        "The White House declined to say whether the president had been briefed.",
        "A spokeswoman for the ministry declined to comment on the report.",
        "The ministry refused to confirm that the shells came from North Korea.",
        "The researchers don’t know how many people have been infected.",
    ] {
        assert!(triples(&[text]).is_empty(), "{text}: {:?}", triples(&[text]));
    }
    // A negated stance holds the content not so.
    let (_, found) = claims(&["He does not believe the plan will work."]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].polarity, Polarity::Negative);
    assert_eq!(triples(&["He does not believe the plan will work."]), [t("He", "believe", "the plan will work")]);
    // "did not deny" is no denial.
    let (_, found) = claims(&["The ministry did not deny that the shells came from North Korea."]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].polarity, Polarity::Positive);
}

#[test]
fn quantifiers_and_a_capitalised_first_word_speak() {
    assert_eq!(triples(&["Some believe the plan is a sign of panic."]), [t("Some", "believe", "the plan is a sign of panic")]);
    assert_eq!(triples(&["To varying degrees, all agreed that the proposal would raise taxes."]), [t("all", "agreed", "the proposal would raise taxes")]);
    assert_eq!(triples(&["Then someone asked how the campaign could win."]), [t("someone", "asked", "how the campaign could win")]);
    assert_eq!(triples(&["Wines believes that the campaign took black voters for granted."]), [t("Wines", "believes", "the campaign took black voters for granted")]);
    // Opening the sentence with no "that" after its cue, a capitalised word is not taken alone.
    assert!(triples(&["Yesterday showed the limits of the plan."]).is_empty());
}

#[test]
fn a_reporting_clause_set_off_by_commas_or_coordinated_keeps_its_source() {
    assert_eq!(
        triples(&["\"We need change,\" the businessman said, adding that he will bring a new approach."]),
        [t("the businessman", "said", "We need change"), t("the businessman", "adding", "he will bring a new approach")]
    );
    assert_eq!(
        triples(&["Schiff, 56, who has served on the committee for a decade, said that Russia is behind the hacks."]),
        [t("Schiff", "said", "Russia is behind the hacks")]
    );
    assert_eq!(
        triples(&["Demonstrators said they want justice, but pledged to remain civil."]),
        [t("Demonstrators", "said", "they want justice"), t("Demonstrators", "pledged", "to remain civil")]
    );
    assert_eq!(
        triples(&["\"It doesn't make our problems worse,\" said Mr. Kamin, who emphasized that her proposals would simplify returns."]),
        [t("Mr. Kamin", "said", "It doesn't make our problems worse"), t("Mr. Kamin", "emphasized", "her proposals would simplify returns")]
    );
    // A coordinated verb's subject is the whole noun phrase, titles and name together.
    assert_eq!(
        triples(&["British Prime Minister Theresa May said this week that the country would leave and suggested that it would quit the market."]),
        [t("British Prime Minister Theresa May", "said", "the country would leave"), t("British Prime Minister Theresa May", "suggested", "it would quit the market")]
    );
    assert_eq!(
        triples(&["Democratic presidential nominee Hillary Clinton visited the city on Tuesday and said the police must release the video."])[0].0,
        "Democratic presidential nominee Hillary Clinton"
    );
    assert_eq!(
        triples(&["Dean, a former party chairman, visited the city on Tuesday and said the police must release the video."])[0].0,
        "Dean, a former party chairman"
    );
    // Two descriptions in a row, the second a relative clause or an appositive of the first.
    assert_eq!(
        triples(&["Mary Walsh, president of the teachers union, which represents city educators, said the strike would go on."]),
        [t("Mary Walsh, president of the teachers union, which represents city educators", "said", "the strike would go on")]
    );
    assert_eq!(
        triples(&["“It is an invasion,” John Carter, the attorney general of Oklahoma, one of the states suing the agency, said."]),
        [t("John Carter, the attorney general of Oklahoma, one of the states suing the agency", "said", "It is an invasion")]
    );
    // Only a person's description: not back past a time ("In 2010, the laboratory of …").
    assert_eq!(
        triples(&["But in 2010, the laboratory of Mary Walsh, who was then at the university, reported that the cells respond."])[0].0,
        "Mary Walsh, who was then at the university"
    );
}

#[test]
fn a_record_shows_a_name_and_a_colon_closing_its_paragraph_opens_a_block_quote() {
    assert_eq!(triples(&["Video of the incident shows him with his hands in the air."]), [t("Video of the incident", "shows", "him with his hands in the air")]);
    assert!(triples(&["The late-night shows him as a clown."]).is_empty(), "a noun 'shows' after a determiner");
    assert_eq!(
        triples(&["The governor added:", "It is typical of her. She knows nothing."]),
        [t("The governor", "added", "It is typical of her. She knows nothing")]
    );
}

#[test]
fn a_quote_sentence_goes_on_from_a_partial_quote() {
    let (doc, found) = claims(&["The summit accomplished \"too little,\" Merkel said. \"Without changing policies, Europe risks a lot.\""]);
    let texts: Vec<(String, Option<String>)> = found.iter().map(|c| (doc.slice(c.content).to_string(), c.source.as_ref().map(|s| doc.slice(s.span).to_string()))).collect();
    assert_eq!(
        texts,
        [("The summit accomplished \"too little".to_string(), Some("Merkel".to_string())), ("Without changing policies, Europe risks a lot".to_string(), Some("Merkel".to_string()))]
    );
}

#[test]
fn an_appositive_opening_on_a_character_of_several_bytes_is_read_safely() {
    // The party check reads the appositive's first word by bytes ("R-Ky."): "”" is three.
    let (_, found) = claims(&["Smith, ” the mayor ”, said the plan failed."]);
    assert!(found.iter().all(|c| c.cue.is_none() || c.source.is_some()));
}

#[test]
fn the_progressive_of_a_cue_is_a_cue() {
    assert_eq!(
        triples(&["Donald Trump is demanding that Barack Obama make a pledge."]),
        [t("Donald Trump", "demanding", "Barack Obama make a pledge")]
    );
    assert_eq!(
        triples(&["Donald Trump spoke on Friday. He’s claiming that voting fraud is a big problem."]),
        [t("He", "claiming", "voting fraud is a big problem")]
    );
    // An act, or a passive after a contraction, is no cue.
    assert!(triples(&["The mayor is responding to the fire."]).is_empty());
    assert!(triples(&["Donald Trump spoke on Friday. He’s called the Donald by his friends."]).is_empty());
}

#[test]
fn states_as_polities_are_no_cue() {
    assert!(triples(&["The alliance may set up bases in its eastern member states to counter Russia."]).is_empty());
    assert!(triples(&["He is hoping that states, led by West Virginia, will allow it."]).iter().all(|(_, cue, _)| cue != "states"));
    assert_eq!(triples(&["The report states that the plant will close."]), [t("The report", "states", "the plant will close")]);
}

#[test]
fn a_preposition_after_the_cue_opens_no_source() {
    assert!(triples(&["\"We will win,\" said to the crowd."]).iter().all(|(source, _, _)| source != "to the crowd"));
}

#[test]
fn a_first_word_before_a_cue_and_its_particle_and_a_long_record_speak() {
    assert_eq!(triples(&["Palmieri called on Trump to stop attacking Machado."]), [t("Palmieri", "called on", "Trump to stop attacking Machado")]);
    assert_eq!(
        triples(&["The average of polls taken over the past two weeks shows Clinton leading Trump."]),
        [t("The average of polls taken over the past two weeks", "shows", "Clinton leading Trump")]
    );
}

#[test]
fn the_addressee_of_told_is_not_what_was_told() {
    assert_eq!(triples(&["Mary Smith told CNN she would run again."]), [t("Mary Smith", "told", "she would run again")]);
    // A known addressee, then a clause: the clause is what was told.
    assert_eq!(triples(&["She told reporters Trump would lose."]), [t("She", "told", "Trump would lose")]);
    assert_eq!(triples(&["She told CNN reporters Trump would lose."]), [t("She", "told", "Trump would lose")]);
    // An outlet's role noun and a role noun's name run on in the addressee.
    assert_eq!(
        triples(&["Mary Smith told Breitbart News host Alex Marlow on Thursday how surprised she was."]),
        [t("Mary Smith", "told", "how surprised she was")]
    );
    assert_eq!(triples(&["Mary Smith told reporters the plan was dead."]), [t("Mary Smith", "told", "the plan was dead")]);
    assert_eq!(
        triples(&["\"I cannot be part of it,\" Ms. Wahl told the RT America audience."]),
        [t("Ms. Wahl", "told", "I cannot be part of it")]
    );
    assert_eq!(triples(&["Dion told the world the real reason for her appearance."]), [t("Dion", "told", "the real reason for her appearance")]);
    // "to" and a verb after the addressee is no venue ("said to the crowd at a rally" is).
    assert_eq!(
        triples(&["Mr. Obama told his advisers to figure out how to cut emissions without Congress."]).len(),
        1
    );
}


#[test]
fn called_says_only_what_something_is_called() {
    assert_eq!(triples(&["The White House called the impeachment process a sham."]), [t("The White House", "called", "the impeachment process a sham")]);
    assert_eq!(triples(&["The Trump campaign called the charges unsubstantiated."]).len(), 1);
    assert_eq!(triples(&["Former aides called it not a car crash."]).len(), 1);
    // Naming and phoning say nothing.
    for text in ["They called an ambulance.", "She called her up on Friday.", "A family of proteins called GPCRs sits in the membrane.", "The book, called The Dragon Waiting, was written by Ford."] {
        assert!(triples(&[text]).is_empty(), "{text}: {:?}", triples(&[text]));
    }
}
