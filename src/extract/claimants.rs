//! Who makes a claim, where the sentence says so plainly: `Cantor Fitzgerald argues…`,
//! `analysts at Raymond James said`, `according to Raymond James`, `said Jensen Huang`,
//! `analistas da Raymond James expressam preocupação`, `segundo a Cantor`, `a XP avalia`.
//!
//! A claimant is a run of capitalised words (with `&`, `of`, `de`, `da`… inside it) right before
//! a reporting verb, after `according to` / `segundo` / `de acordo com`, or after `analysts at` /
//! `analistas da`. Pronouns and sentence openers (`The`, `It`, `Analysts`) are never claimants.

use std::ops::Range;

use super::holder_names::continues_name;
use super::known_brokers::brokers_in;
use super::tokens::Token;

/// A claimant found in text: the span of the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClaimantMatch {
    pub span: Range<usize>,
}

/// The longest name taken, in words.
const MAX_NAME: usize = 5;

/// Finds claimants in one sentence's tokens.
pub(crate) fn claimants(text: &str, tokens: &[Token]) -> Vec<ClaimantMatch> {
    let mut found: Vec<ClaimantMatch> = Vec::new();
    let mut push = |span: Range<usize>| {
        // Names are pushed nearly in order: checking the last few is enough to avoid doubles.
        if !found.iter().rev().take(4).any(|f| f.span.start < span.end && span.start < f.span.end) {
            found.push(ClaimantMatch { span });
        }
    };
    for i in 0..tokens.len() {
        let t = &tokens[i];
        // ("prompting RBC to downgrade its rating": an infinitive's subject; not the noun, `Lehman's
        // upgrade`.)
        // (Only after a verb causing the act: not `Analysts expect Apple to upgrade the iPhone`.)
        let infinitive = matches!(&*t.key, "downgrade" | "upgrade" | "reiterate")
            && i >= 3
            && tokens[i - 1].key == "to"
            && tokens[i.saturating_sub(CAUSE_REACH)..i - 2].iter().any(|w| is_causative(&w.key));
        if (is_reporting_verb(&t.key) || infinitive) && !t.capitalized {
            let mut end = i;
            // "Apple Inc. reported": a legal suffix and its full stop before the verb.
            if end >= 2
                && matches!(&*tokens[end - 1].key, "inc" | "corp" | "co" | "ltd" | "plc")
                && matches!(&text[tokens[end - 1].end..t.start], ". " | " ")
            {
                end -= 1;
            }
            // "O Itaú BBA agora espera", "Citi also expects": an adverb between the name and the verb.
            if end >= 2
                && !tokens[end - 1].capitalized
                && matches!(&*tokens[end - 1].key, "agora" | "ainda" | "tambem" | "now" | "also" | "still")
            {
                end -= 1;
            }
            if infinitive {
                end -= 1;
            }
            // "Bernstein analyst Stacy Rasgon said", "Cantor analysts say"
            // (Not `the widely followed Internet analyst wrote`: a sector's analyst, no firm.)
            let sector = |name: &Range<usize>| name.len() == 1 && is_sector_word(&tokens[name.start].key);
            if let Some(name) = name_before(tokens, end).filter(|n| !sector(n)) {
                let first = name.start;
                let before_role = first.checked_sub(1).filter(|&r| is_role(&tokens[r].key));
                match before_role.and_then(|r| name_before(tokens, r)) {
                    Some(house) => push(span(&tokens[house])),
                    None => push(broker_before_person(&tokens[name.clone()]).unwrap_or_else(|| span(&tokens[name]))),
                }
                continue;
            }
            if end > 0 && is_role(&tokens[end - 1].key) {
                end -= 1;
                if let Some(house) = name_before(tokens, end).filter(|n| !sector(n)) {
                    push(span(&tokens[house]));
                    continue;
                }
            }
            // "ASML booked €7.1bn of orders and said…", "A Gerdau embarcou… e anunciou": the subject
            // that opens the sentence.
            if i > 0 && matches!(&*tokens[i - 1].key, "and" | "e") && tokens[i].joins_previous {
                let first = tokens.iter().take(3).take_while(|t| is_opener(t)).count();
                if let Some(name) = name_after(tokens, first).filter(|n| n.end < i - 1) {
                    push(span(&tokens[name]));
                    continue;
                }
            }
            // ", said Jensen Huang", ", estima a AMD"
            // (Not `Deutsche Bank, meanwhile, downgraded Intel`: a rating act's object.)
            let acts = matches!(
                &*t.key,
                "upgraded"
                    | "downgraded"
                    | "reiterated"
                    | "reiterates"
                    | "maintains"
                    | "maintained"
                    | "keeps"
                    | "kept"
                    | "rebaixou"
                    | "elevou"
                    | "reiterou"
                    | "reitera"
                    | "mantem"
                    | "manteve"
                    | "rebaixar"
                    | "elevar"
            );
            let after_comma = (!t.joins_previous && !acts) || matches!(&*t.key, "said" | "says");
            let mut at = i + 1;
            if tokens.get(at).is_some_and(|a| matches!(&*a.key, "a" | "o") && !a.upper) {
                at += 1;
            }
            // Not `But UBS, which is pessimistic about Tesla, expects Tesla’s share price to
            // fall`: a possessive after the verb is its object.
            let possessive = |name: &Range<usize>| {
                let end = tokens[name.end - 1].end;
                text[end..].starts_with(['\'', '’']) && tokens.get(name.end).is_some_and(|n| n.key == "s")
            };
            if after_comma && let Some(name) = name_after(tokens, at).filter(|n| !possessive(n)) {
                push(span(&tokens[name]));
            }
            continue;
        }
        // `Perhaps most bullish was Broadpoint AmTech analyst Dinesh Moorjani`: a firm and its
        // analyst's full name, wherever the sentence has them.
        let person = |k: usize| tokens.get(k).is_some_and(|n| n.capitalized && !n.upper && n.joins_previous);
        // (A known broker only: not `Tesla analyst Gary Black`, `Wall Street analyst Dan Ives`.)
        if matches!(&*t.key, "analyst" | "analista") && !t.capitalized && person(i + 1) && person(i + 2) {
            let known = |name: &Range<usize>| {
                brokers_in(&tokens[name.clone()]).first().is_some_and(|b| b.start == tokens[name.start].start)
            };
            if let Some(house) = name_before(tokens, i).filter(known) {
                push(span(&tokens[house]));
                continue;
            }
        }
        // "according to X", "segundo (a) X", "de acordo com X", "conforme X", "analysts at X"
        let after = match &*t.key {
            "according" if tokens.get(i + 1).is_some_and(|n| n.key == "to") => Some(i + 2),
            "segundo" | "conforme"
                if !t.capitalized || i == 0 || text[..t.start].trim_end().ends_with(['.', '\n', '!', '?']) =>
            {
                Some(i + 1)
            }
            // "Para o BTG Pactual, …": a view, when the name is followed by a comma.
            // `Para o Credit Suisse, a Hypera é…` opening any sentence.
            "para" if i == 0 || (t.capitalized && text[..t.start].trim_end().ends_with(['.', '\n', '!', '?'])) => {
                Some(i + 1).filter(|_| comma_after_name(text, tokens, i + 1))
            }
            // "Na gestora Perfin, a Equatorial é a principal aposta": a kind of firm and its name,
            // then a comma, opening a sentence.
            "na" | "no"
                if (i == 0 || (t.capitalized && text[..t.start].trim_end().ends_with(['.', '\n', '!', '?'])))
                    && tokens.get(i + 1).is_some_and(|k| !k.capitalized && is_firm_kind(&k.key))
                    && comma_after_name(text, tokens, i + 2) =>
            {
                Some(i + 1)
            }
            // "na visão do Itaú BBA", "na avaliação da XP", "in the view of Bernstein"
            "visao" | "avaliacao" | "opiniao" | "view"
                if tokens.get(i + 1).is_some_and(|n| matches!(&*n.key, "do" | "da" | "de" | "of")) =>
            {
                Some(i + 2)
            }
            "de" if tokens.get(i + 1).is_some_and(|n| n.key == "acordo")
                && tokens.get(i + 2).is_some_and(|n| n.key == "com") =>
            {
                Some(i + 3)
            }
            key if is_role(key) => tokens
                .get(i + 1)
                .filter(|n| matches!(&*n.key, "at" | "from" | "of" | "da" | "do" | "de"))
                .map(|_| i + 2),
            _ => None,
        };
        if let Some(mut at) = after {
            if tokens.get(at).is_some_and(|a| matches!(&*a.key, "a" | "o" | "the") && !a.upper) {
                at += 1;
            }
            // `segundo a corretora Genial`, `according to the brokerage Needham`.
            if tokens.get(at).is_some_and(|k| !k.capitalized && is_firm_kind(&k.key)) {
                at += 1;
            }
            if let Some(name) = name_after(tokens, at) {
                push(span(&tokens[name]));
            }
        }
    }
    found.sort_by_key(|f| f.span.start);
    found
}

/// `Raymond James David Long downgraded`: a known broker and then two words of a person's name (no
/// words of a firm's arm: not `Morgan Stanley Wealth Management`), the broker's span.
fn broker_before_person(name: &[Token]) -> Option<Range<usize>> {
    // (A broker's one word at least and the person's two: shorter names are read as they are.)
    if name.len() < 3 {
        return None;
    }
    let broker = brokers_in(name).into_iter().next().filter(|b| b.start == name[0].start)?;
    let person = &name[name.partition_point(|t| t.start < broker.end)..];
    let arm = |t: &Token| {
        matches!(
            &*t.key,
            "capital"
                | "securities"
                | "management"
                | "research"
                | "markets"
                | "group"
                | "asset"
                | "wealth"
                | "partners"
                | "advisors"
                | "financial"
                | "investimentos"
                | "bank"
                | "global"
                | "equity"
                | "equities"
                | "investment"
                | "investments"
                | "international"
                | "america"
                | "brasil"
                | "brazil"
                | "canada"
        )
    };
    (person.len() == 2 && person.iter().all(|t| t.capitalized && !t.upper && !arm(t))).then_some(broker)
}

/// Kinds of firm written before a firm's name (`a corretora Genial`, `the brokerage Needham`).
pub(super) fn is_firm_kind(key: &str) -> bool {
    matches!(key, "corretora" | "banco" | "casa" | "gestora" | "consultoria" | "broker" | "brokerage" | "bank" | "firm")
}

/// Whether the name starting at token `at` (after an optional article) is followed by a comma.
fn comma_after_name(text: &str, tokens: &[Token], mut at: usize) -> bool {
    if tokens.get(at).is_some_and(|a| matches!(&*a.key, "a" | "o") && !a.upper) {
        at += 1;
    }
    name_after(tokens, at).is_some_and(|name| text[tokens[name.end - 1].end..].trim_start().starts_with(','))
}

fn span(tokens: &[Token]) -> Range<usize> {
    tokens[0].start..tokens[tokens.len() - 1].end
}

/// The name that ends just before token `end`: capitalised words, with joiners inside.
fn name_before(tokens: &[Token], end: usize) -> Option<Range<usize>> {
    let mut start = end;
    while start > 0 && end - start < MAX_NAME {
        let t = &tokens[start - 1];
        if !continues_name(tokens, start) {
            break;
        }
        if is_name_word(t)
            || is_domain_end(tokens, start - 1)
            || (is_joiner(&t.key) && start < end && start >= 2 && is_name_word(&tokens[start - 2]))
        {
            start -= 1;
        } else {
            break;
        }
    }
    // `Keefe, Bruyette & Woods maintained…`: a known partners' name holds a comma (past a name
    // found after it, not `ratings for Bank of America, downgraded`).
    let partners = (start.saturating_sub(3)..start).filter(|_| start < end).find(|&j| {
        tokens[j].capitalized
            && brokers_in(&tokens[j..end])
                .first()
                .is_some_and(|b| b.start == tokens[j].start && b.end == tokens[end - 1].end)
    });
    trim_name(tokens, partners.unwrap_or(start)..end)
}

/// The name that starts at token `start`.
fn name_after(tokens: &[Token], start: usize) -> Option<Range<usize>> {
    let mut end = start;
    while end < tokens.len() && end - start < MAX_NAME {
        let t = &tokens[end];
        // `analysts at Robert W. Baird`: an initial's full stop goes on with the name.
        if end > start && !continues_name(tokens, end) {
            break;
        }
        let joiner_inside = end > start && is_joiner(&t.key) && tokens.get(end + 1).is_some_and(is_name_word);
        if is_name_word(t) || joiner_inside || (end > start && is_domain_end(tokens, end)) {
            end += 1;
        } else {
            break;
        }
    }
    trim_name(tokens, start..end)
}

/// Drops openers and joiners at the edges; `None` when nothing of a name is left.
fn trim_name(tokens: &[Token], mut range: Range<usize>) -> Option<Range<usize>> {
    while range.start < range.end && (is_opener(&tokens[range.start]) || is_joiner(&tokens[range.start].key)) {
        range.start += 1;
    }
    while range.end > range.start && is_joiner(&tokens[range.end - 1].key) {
        range.end -= 1;
    }
    (range.start < range.end).then_some(range)
}

/// Sectors an analyst may be named by (`Internet analyst`, `the tech analyst`), folded.
fn is_sector_word(key: &str) -> bool {
    matches!(
        key,
        "internet"
            | "technology"
            | "tech"
            | "software"
            | "semiconductor"
            | "chip"
            | "energy"
            | "oil"
            | "retail"
            | "banking"
            | "media"
            | "telecom"
            | "biotech"
            | "equity"
            | "equities"
            | "airline"
            | "auto"
            | "mining"
    )
}

fn is_name_word(t: &Token) -> bool {
    (t.capitalized || t.upper) && t.has_letter() && !is_opener(t) && !is_calendar(&t.key)
}

/// `StockNews.com`, `MarketBeat.com`: a web address's ending, right after a name's full stop,
/// goes on with the name.
fn is_domain_end(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    k > 0
        && matches!(&*t.key, "com" | "net" | "org" | "io")
        && !t.capitalized
        && t.joins_previous
        && tokens[k - 1].end + 1 == t.start
        && is_name_word(&tokens[k - 1])
}

fn is_joiner(key: &str) -> bool {
    matches!(key, "&" | "of" | "de" | "da" | "do" | "dos" | "das" | "von" | "van")
}

/// Capitalised words that begin sentences or stand for someone unnamed.
#[rustfmt::skip]
fn is_opener(t: &Token) -> bool {
    let lower_only = matches!(&*t.key,
        "the" | "this" | "that" | "these" | "those" | "it" | "its" | "he" | "she" | "they" | "we" | "i" | "you"
            | "a" | "an" | "o" | "os" | "as" | "ele" | "ela" | "eles" | "elas" | "isso" | "este" | "esta" | "esse"
            | "essa" | "mas" | "but" | "and" | "e" | "however" | "also" | "meanwhile" | "still" | "now" | "so"
            | "analysts" | "analistas" | "analyst" | "analista" | "investors" | "investidores" | "management"
            | "company" | "empresa" | "companhia" | "market" | "mercado" | "some" | "many" | "most" | "alguns"
            | "muitos" | "who" | "which" | "quem" | "nobody" | "everyone" | "ninguem" | "todos" | "ceo" | "cfo"
            | "report" | "relatorio" | "data" | "dados" | "in" | "on" | "at" | "em" | "no" | "na" | "yet" | "if"
            | "se" | "when" | "quando" | "why" | "what" | "how" | "there" | "here" | "then" | "ai" | "ia"
            | "specifically" | "separately" | "additionally" | "moreover" | "finally" | "elsewhere" | "similarly"
            | "likewise" | "notably" | "besides" | "alem" | "ainda" | "tambem" | "ja" | "especialistas"
            | "especialista" | "experts" | "expert" | "investor" | "investidor" | "economistas" | "economists"
            | "economista" | "economist" | "traders" | "gestores" | "strategists" | "estrategistas" | "ambos"
            | "ambas" | "both" | "such"
    );
    // (`RSI suggests the stock is approaching overbought territory`: a chart's indicator.)
    (lower_only && !t.upper)
        || matches!(&*t.key, "ceo" | "cfo" | "ai" | "ia" | "a" | "o" | "i" | "us" | "eua" | "uk" | "eu" | "ue" | "rsi" | "macd")
}

#[rustfmt::skip]
pub(crate) fn is_calendar(key: &str) -> bool {
    matches!(key,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january" | "february"
            | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november"
            | "december" | "janeiro" | "fevereiro" | "marco" | "abril" | "maio" | "junho" | "julho" | "agosto"
            | "setembro" | "outubro" | "novembro" | "dezembro"
    )
}

/// People and teams who speak for a firm: `analysts`, `analista`, `strategists`.
#[rustfmt::skip]
fn is_role(key: &str) -> bool {
    matches!(key,
        "analyst" | "analysts" | "analista" | "analistas" | "strategist" | "strategists" | "estrategista"
            | "estrategistas" | "economist" | "economists" | "economista" | "economistas" | "team" | "equipe"
            | "researchers" | "pesquisadores"
    )
}

/// How many words before a firm's infinitive act the verb causing it may be (`led Morgan Stanley
/// to slash its price target by $3 to $75, and Northland to downgrade the stock`).
const CAUSE_REACH: usize = 24;

/// Verbs that cause another's act (`prompting RBC to downgrade`), folded.
#[rustfmt::skip]
fn is_causative(key: &str) -> bool {
    matches!(key,
        "prompting" | "prompted" | "leading" | "led" | "causing" | "caused" | "pushing" | "pushed" | "forcing"
            | "forced" | "spurring" | "spurred"
    )
}

/// Verbs that introduce what someone claims, in English and Portuguese.
#[rustfmt::skip]
fn is_reporting_verb(key: &str) -> bool {
    matches!(key,
        "says" | "said" | "say" | "argues" | "argued" | "argue" | "believes" | "believe" | "believed" | "expects"
            | "expect" | "warns" | "warned" | "warn" | "notes" | "noted" | "note" | "estimates" | "estimated"
            | "estimate" | "thinks" | "think" | "wrote" | "writes" | "write" | "told" | "tells" | "predicts"
            | "predicted" | "predict" | "sees" | "see" | "reiterated" | "reiterates" | "maintains" | "maintained"
            | "upgraded" | "downgraded" | "recommends" | "recommended" | "recommend" | "claims" | "claimed"
            | "claim" | "reported" | "reports" | "stated" | "states" | "suggests" | "suggested" | "suggest"
            | "cautioned" | "cautions" | "caution" | "projects" | "projected" | "forecasts" | "forecast" | "added"
            | "adds" | "highlighted" | "highlights" | "reckons" | "contends" | "insists" | "insisted" | "calls"
            | "called" | "remains" | "remain" | "flagged" | "flags" | "pointed" | "points" | "announced"
            | "announces" | "disclosed" | "expressed" | "express" | "expresses" | "questioned" | "questions"
            | "afirma" | "afirmou" | "afirmam" | "afirmaram" | "diz" | "disse" | "dizem" | "disseram" | "avalia"
            | "avaliou" | "avaliam" | "avaliaram" | "argumenta" | "argumentou" | "argumentam" | "acredita"
            | "acreditam" | "acreditou" | "preve" | "previu" | "preveem" | "estima" | "estimou" | "estimam"
            | "alerta" | "alertou" | "alertam" | "recomenda" | "recomendou" | "recomendam" | "projeta" | "projetou"
            | "projetam" | "expressa" | "expressam" | "expressou" | "expressaram" | "ve" | "veem" | "aponta"
            | "apontou" | "apontam" | "destaca" | "destacou" | "destacam" | "observa" | "observou" | "observam"
            | "calcula" | "calculou" | "calculam" | "rebaixou" | "elevou" | "reiterou" | "reitera" | "mantem"
            | "manteve" | "defende" | "defendeu" | "defendem" | "sustenta" | "espera" | "esperam" | "escreveu"
            | "escrevem" | "escreve" | "informou" | "informa" | "anunciou" | "anuncia" | "comunicou" | "declarou"
            | "questiona" | "questionou" | "questionam" | "considera" | "consideram" | "reconhece" | "reconheceu"
            | "put" | "puts" | "pegged" | "pegs" | "gave" | "gives" | "assigned" | "assigns" | "reportou" | "reporta" | "keeps" | "kept" | "pontua" | "pontuou"
            | "pontuam" | "ressalta" | "ressaltou" | "ressaltam" | "comenta" | "comentou" | "explica" | "explicou"
            | "pondera" | "ponderou" | "ponderam" | "acrescenta" | "acrescentou" | "recomendar" | "rebaixar" | "elevar"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokens;

    #[test]
    fn a_broker_before_a_person_s_name_and_not_before_its_arm() {
        let text = "Raymond James David Long";
        assert_eq!(broker_before_person(&tokens(text)).map(|b| &text[b]), Some("Raymond James"));
        for text in ["Morgan Stanley Wealth Management", "Raymond James", "Raymond James David"] {
            assert_eq!(broker_before_person(&tokens(text)), None, "{text}");
        }
    }

    fn names(text: &str) -> Vec<&str> {
        claimants(text, &tokens(text)).into_iter().map(|c| &text[c.span]).collect()
    }

    #[test]
    fn claimants_named_plainly() {
        for (text, expected) in [
            ("Cantor Fitzgerald argues the sell-off is overdone.", &["Cantor Fitzgerald"][..]),
            ("Analysts at Raymond James said clusters may shrink.", &["Raymond James"]),
            ("analistas da Raymond James expressam preocupação", &["Raymond James"]),
            ("The drop is overdone, according to Raymond James.", &["Raymond James"]),
            ("Segundo a Cantor, a queda é exagerada.", &["Cantor"]),
            ("De acordo com o Goldman Sachs, a ação está barata.", &["Goldman Sachs"]),
            ("Bernstein analyst Stacy Rasgon said the math does not add up.", &["Bernstein"]),
            ("Raymond James David Long downgraded Wells Fargo.", &["Raymond James"]),
            ("Such upgrades provide a thesis.", &[]),
            ("Technical Picture: RSI suggests the stock is approaching overbought territory.", &[]),
            ("\"It is a buy,\" said Jensen Huang.", &["Jensen Huang"]),
            ("DeepSeek says it trained R1 for $5.6 million.", &["DeepSeek"]),
            ("A XP avalia que o dividendo é sustentável.", &["XP"]),
            ("Morgan Stanley analysts expect a rebound.", &["Morgan Stanley"]),
            ("Bank of America said margins held.", &["Bank of America"]),
            ("Similarly, analysts at Robert W. Baird downgraded Intel.", &["Robert W. Baird"]),
            ("A ação sobe. Para o Credit Suisse, a Hypera é defensiva.", &["Credit Suisse"]),
            ("As ações subiram depois do Itaú recomendar a compra de Cyrela.", &["Itaú"]),
            ("Não deve ser um problema, segundo a corretora Genial.", &["Genial"]),
            ("But UBS, which is bearish, expects Tesla’s price to fall.", &[]),
            // (A sector's analyst names no firm.)
            ("\"It is cheap,\" the widely followed Internet analyst wrote.", &[]),
        ] {
            assert_eq!(names(text), expected, "{text}");
        }
    }

    #[test]
    fn a_kind_of_firm_opening_a_sentence_names_a_claimant() {
        assert_eq!(names("Na gestora Perfin, a Equatorial é a principal aposta."), ["Perfin"]);
        assert_eq!(names("Na Petrobras, a produção caiu."), Vec::<&str>::new(), "no kind of firm");
    }

    #[test]
    fn a_firm_a_cause_leads_to_act_is_a_claimant() {
        assert_eq!(names("Weak results, prompting RBC to downgrade its rating."), ["RBC"]);
    }

    #[test]
    fn pronouns_and_openers_are_not_claimants() {
        for text in [
            "The company said margins held.",
            "It says nothing.",
            "Analysts expect a rebound.",
            "They said so.",
            "On Monday, investors said nothing.",
            "Analysts expect Apple to upgrade the iPhone camera.",
        ] {
            assert_eq!(names(text), Vec::<&str>::new(), "{text}");
        }
    }
}
