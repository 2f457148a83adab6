//! Views: who holds which stance on which ticker, sentence by sentence. The holders are the
//! sentence's claimants (`Cantor Fitzgerald defende…`, `analistas da Raymond James expressam…`),
//! brokers changing a rating or a target (`Goldman Sachs boosted its rating`), and otherwise the
//! names listed at its start before a verb of holding (`Citi e Bernstein adotaram…`). The stance
//! is read by [`read_stance`]; `a similar stance` with no stance word of its own takes the one
//! of the view before. The ticker is the company the stance word points to in the sentence (the
//! first named after it, else the nearest before), else the one the views or sentences just
//! before were about. A sentence with no holder, no stance or no ticker gives no view.

use std::ops::Range;

use super::bank_cues::opens_an_item;
use super::clauses::opens_on_a_bare_act;
use super::company_context::is_dateline_place;
use super::holder_names::{FirmNames, trimmed};
use super::holders::{Holder, counts_holders, firm_of, is_analyst_word, name_of};
use super::known_brokers::brokers_in;
use super::listed_holders::{listed_holders, surname_holders};
use super::mentions::{Mention, is_broker};
use super::non_holders::{is_news_source, is_talked_about};
use super::passive_ratings::{agent, is_passive};
use super::stance_words::read_stance;
use super::tokens::Token;
use crate::model::{Stance, Symbol, fold};
use cards::card_company;
use ellipsis::{further_holders, further_objects};
use found::Found;
use lists::{both_companies, companies, is_list_gap, join_listed_brokers, join_the_lead};
use lists::{bulleted, covered_by, done_likewise, item_start, joined_subject, note_head, opens_a_line, same_issuer};
use nouns::{
    added_to, behind_of, compared, counted_analysts, held_by, is_firm_noun, is_first_person, names_a_pick,
    opens_on_a_pronoun, opens_on_an_act, opens_on_the_analyst, other_leg, picked_as, plural_back, plural_ratings,
    points_back, points_back_before, rated_in_a_list, rates_a_market, rates_a_sector, restates_an_act, speaks_aside,
    talked_about, the_latter,
};
use ranks::stated_rank;
use sectors::on_a_sector;
use subjects::{
    clause_end, continues, earlier_subject, first_named_after, initials_by_symbol, named_by_initials,
    next_clause_holder, next_clause_object, next_line_object, one_company_before, opening_aside, opening_unlisted,
    the_only_firm, topic_past_a_list, unlisted_right_after, unlisted_since, word_range,
};

/// How many sentences back a view's ticker or a `similar` stance may come from.
const LOOK_BACK: usize = 3;
/// The most companies one act's list gives its view to: a pasted list of thousands of symbols
/// after a rating verb stays linear (each firm of the sentence holds a view of each company).
const MAX_LISTED: usize = 50;
/// How far back a rating stated with no holder (`ambas com recomendação overweight`) finds its broker.
const RATING_BACK: usize = 8;
/// How many sentences back the companies a count names (`as três empresas`) may be named.
const COUNTED_BACK: usize = 4;
/// How many sentences back the company a text is about is looked for.
const TOPIC_BACK: usize = 20;

/// A view found: byte ranges of the holder's name and of the sentence quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ViewMatch {
    pub claimant: Range<usize>,
    pub ticker: Symbol,
    pub stance: Stance,
    pub quote: Range<usize>,
}

/// Finds the views of a text. `sentence_words` are the token ranges of each sentence,
/// `claimants` the byte ranges of the claimants found, `mentions` the company mentions.
pub(crate) fn views<'a>(
    text: &str,
    words: &[Token],
    sentences: &[Range<usize>],
    sentence_words: &[Range<usize>],
    claimants: &[Range<usize>],
    mentions: &[Mention],
    unlisted_starts: &dyn Fn() -> &'a [usize],
) -> Vec<ViewMatch> {
    let read = before::Read { text, words, sentences, sentence_words, claimants, mentions };
    let mut found = Found::default();
    let mut last: Option<(usize, Stance, Symbol)> = None;
    // The companies the last view's sentence rated.
    let mut last_rated: Vec<Symbol> = Vec::new();
    // The sentence of the last view and (the name of) its first holder.
    let mut last_holder: Option<(usize, Range<usize>)> = None;
    let firms = FirmNames::new(text, words, mentions);
    // The initials of the text's names, read once when a holder is written as initials.
    let initials = std::cell::OnceCell::new();
    let mut neutral = neutral::Neutral::default();
    // The last sentence before this one stating a rating or target act, with or without a view.
    let mut last_act: Option<usize> = None;
    // Where the companies the lexicon does not know are named, found once when a view needs it.
    let unlisted_cell: std::cell::OnceCell<Vec<usize>> = std::cell::OnceCell::new();
    // The companies described and named by names the lexicon does not know, once a view acted on them.
    let mut unknown_names = unknown::UnknownNames::default();
    // Everything is in text order: each sentence's part of a list is found by bisection.
    let mentions_in = |r: &Range<usize>| read.mentions_in(r);
    for (i, (sentence, range)) in sentences.iter().zip(sentence_words).enumerate() {
        let own = &words[range.clone()];
        // `JetBlue currently carries a Zacks Rank #5 (Strong Sell)`: the service's own rank.
        if let Some((service, ticker, stance)) = stated_rank(text, own, mentions_in(sentence)) {
            found.push_once(
                text,
                ViewMatch { claimant: service, ticker: ticker.clone(), stance, quote: sentence.clone() },
                i,
            );
            last = Some((i, stance, ticker));
            continue;
        }
        let reading = read_stance(text, own);
        let card_company = card_company(text, sentences, i, &mentions_in);
        let act_before = last_act;
        if reading.rating {
            last_act = Some(i);
        }
        // `Já o HSBC elevou o preço-alvo… A recomendação, porém, foi mantida em neutra.`: a
        // neutral rating stated right after a target moved means no view.
        if reading.neutral {
            neutral.stated(text, own, i, mentions_in(sentence), last.as_ref().map(|(_, _, t)| t));
        }
        // `A visão do time da XP… é cautelosa. … “…Mantemos nossa recomendação Neutra”`: a worry explained
        // by a neutral rating further on; not another firm's (`Mizuho set…`), many's, or another company's.
        let another_firm = reading.neutral
            && (counted_analysts(own)
                || found.views().next_back().is_some_and(|v| {
                    neutral.by_another_firm(&text[v.claimant.clone()])
                        || neutral::on_another_company(text, own, mentions_in(sentence), &v.ticker)
                }));
        if reading.neutral
            && !another_firm
            && let Some((j, level)) = found.last_read()
            && (i - j <= 2 || (level == 4 && i - j <= LOOK_BACK))
            && level >= 2
        {
            found.drop_sentence(j);
            last = None;
            continue;
        }
        // `manteve sua recomendação neutra… a principal justificativa para a postura cautelosa`,
        // `…permanece em neutro. Eles diminuíram as projeções…`: plain words, targets and
        // estimates right after a neutral rating explain it.
        // Not `têm recomendação ‘neutra’, enquanto o JP Morgan deu o call de compra`: a contrast.
        // Not `"While we are incrementally more constructive…," Rolland wrote` after `stayed at a
        // neutral rating`: a contrast names another firm.
        let contrasted = own.first().is_some_and(|w| matches!(&*w.key, "while" | "whereas" | "enquanto"))
            && (mentions_in(sentence).iter().any(|m| m.rates || m.speaks) || !brokers_in(own).is_empty());
        // Not `BMO … with a “market perform” rating. FBR Capital Markets is among those placing
        // bearish bets…`: a sentence naming other firms than the neutral one's speaks for them.
        let others = || neutral.others(text, &brokers_in(own));
        if !reading.neutral && reading.level >= 2 && neutral.just_before(i) && !contrasted && !others() {
            continue;
        }
        let recent = last.clone().filter(|(j, _, _)| i - j <= LOOK_BACK);
        let stance = match (reading.stance, &recent) {
            (Some(s), _) => s,
            (None, Some((_, s, _))) if reading.similar => *s,
            _ => continue,
        };
        if mentions_in(sentence).is_empty() && on_a_sector(own, reading.at) {
            continue;
        }
        let named = claimants.partition_point(|c| c.start < sentence.start)
            ..claimants.partition_point(|c| c.start < sentence.end);
        let mut holders: Vec<Range<usize>> = claimants[named]
            .iter()
            .filter(|c| !is_news_source(&fold(&text[(*c).clone()]).replace(['.', '\'', '’'], " ")))
            // `Sometimes analysts reset targets`, `Echoing similar sentiments`: everyday words.
            .filter(|c| trimmed(text, words, (*c).clone()).is_some() && !is_talked_about(text, own, c))
            .cloned()
            .collect();
        let mut holding: Vec<&Symbol> = Vec::new();
        // `O UBS rebaixou a recomendação de Itaú`: a bank after the stance word, behind `de`/`of`,
        // with a firm named before it, is what was rated.
        let first_firm = mentions_in(sentence).iter().find(|m| m.rates || m.speaks).map(|m| m.span.start);
        let rated_object = |m: &Mention| first_firm.is_some_and(|f| f < reading.at) && behind_of(own, m, reading.at);
        let shares_of = |m: &Mention| talked_about(text, own, m);
        // (Nor a firm brought in to comment: `…, with Goldman's Jason Armstrong saying`.)
        let company = |m: &Mention| {
            shares_of(m) || added_to(own, m) || is_talked_about(text, own, &m.span) || speaks_aside(text, own, &m.span)
        };
        let acts = |m: &&Mention| (m.rates || m.speaks) && !rated_object(m) && !company(m);
        for m in mentions_in(sentence).iter().filter(acts) {
            // `Bank of America Merrill Lynch (BofA)`: one firm, named twice.
            if !holders.iter().any(|h| h.start < m.span.end && m.span.start < h.end) && !holding.contains(&&m.symbol) {
                holders.push(name_of(text, own, &m.span));
                holding.push(&m.symbol);
            }
        }
        // `rebaixaram a recomendação: Bradesco BBI, Genial, BTG Pactual e XP`: a known broker
        // listed with holders holds too, listed or not.
        join_listed_brokers(text, own, sentence, &mut holders);
        join_the_lead(own, &mut holders);
        // `In addition to JPMorgan and Bank of America, Wolfe Research also downgraded…`: the
        // companies of an opening aside hold nothing.
        if let Some(end) = opening_aside(text, own) {
            holders.retain(|h| h.start >= end);
        }
        let back = sentences[i.saturating_sub(2)].start..sentence.start;
        if reading.rating
            && let Some(two) = both::both_firms(text, own, &words[word_range(words, &back)], mentions_in(&back))
        {
            holders = two;
        }
        // `Jazz (NASDAQ:JAZZ) initiated with Buy rating by FBR`, `Citigroup (C) and U.S. Bancorp
        // (USB) were all downgraded`: in a passive the names before the stance word were rated,
        // and the firm rating is the one after `by`.
        // `A Energisa mantém recomendação de compra`, `A CPFL Energia recebe…`: a company (not a
        // broker) as the subject of a rating is the one rated, like a passive's subject.
        let company_holder = |h: &Range<usize>| {
            let inside = &own[own.partition_point(|w| w.start < h.start)..own.partition_point(|w| w.start < h.end)];
            mentions_in(h)
                .iter()
                .find(|m| !is_broker(&m.symbol))
                .filter(|_| brokers_in(inside).is_empty())
                .map(|m| &m.symbol)
        };
        // (`Para Cemig, o BofA reiterou a recomendação de compra`: not with a firm acting after it.)
        // `A Equatorial segue entre as preferidas do banco`: a company picked is picked by a firm.
        let rated_subject = (reading.rating || names_a_pick(own))
            && holders.iter().any(|h| h.start < reading.at && company_holder(h).is_some())
            && !holders.iter().any(|h| h.start < reading.at && company_holder(h).is_none());
        let passive =
            (reading.rating && is_passive(text, own, reading.at)) || rated_subject || picked_as(own, reading.at);
        if passive {
            holders.retain(|h| h.start > reading.at && !rated_in_a_list(own, reading.at, h.start));
            // `…rebaixados pela Standard & Poor's e pelo Bank of America`: every known agent.
            let agents: Vec<Range<usize>> =
                acting::acting_brokers(text, own, reading.at).into_iter().filter(|a| a.start > reading.at).collect();
            let agents = if agents.is_empty() { agent(own, reading.at).into_iter().collect() } else { agents };
            for a in agents {
                if !holders.iter().any(|h| h.start < a.end && a.start < h.end) {
                    holders.push(a);
                }
            }
        }
        // `While upgrading Occidental Petroleum, Bank of America also downgrades Chevron`: the next
        // clause's holder acts in this one (and the company acted on is no holder).
        if !passive && opens_on_a_bare_act(own) {
            holders.retain(|h| company_holder(h).is_none());
            // `Raymond James downgraded Wells Fargo…, while upgrading U.S. Bancorp`: a clause
            // closing a sentence acts for the holder of the clause before.
            let before = last_holder
                .clone()
                .filter(|(j, _)| *j + 1 == i && !own[0].capitalized && continues(text, &sentences[*j], sentence))
                .map(|(_, h)| h);
            if holders.is_empty() {
                holders.extend(before.or_else(|| next_clause_holder(&read, i)));
            }
        }
        if holders.is_empty() && !passive {
            // `Intel (NASDAQ:INTC) is down…`: a company listed at the start is the one talked about.
            let company = |h: &Range<usize>| {
                let inside = &own[own.partition_point(|w| w.start < h.start)..own.partition_point(|w| w.start < h.end)];
                mentions_in(h).iter().any(|m| !is_broker(&m.symbol) && !m.rates && !m.speaks)
                    && brokers_in(inside).is_empty()
            };
            holders = listed_holders(text, own)
                .into_iter()
                .filter(|h| !company(h) && !is_talked_about(text, words, h))
                .collect();
        }
        if holders.is_empty() && !passive {
            // `Echoing similar sentiments, Bansal increased…` after `Wells Fargo analyst Mohit
            // Bansal`: a surname acting stands for its firm.
            holders = surname_holders(text, words, own);
        }
        if holders.is_empty() && !passive {
            holders = acting::acting_brokers(text, own, reading.at);
        }
        // `os analistas João Pedro Soares e Felipe Reboredo rebaixaram…` after `o time do Citi`:
        // analysts named without their firm speak for the one just before.
        let counted = counts_holders(own);
        let analysts_alone = holders.is_empty()
            && reading.rating
            && !counted
            && own.windows(2).any(|p| is_analyst_word(&p[0].key) && p[1].capitalized);
        // `Eight analysts rate the shares a buy`: a sentence naming its own (uncounted) holders.
        // `com os analistas vendo espaço…`: the analysts of the firm before (a definite article).
        let rating_alone = reading.rating
            && !counted
            && !own.iter().enumerate().any(|(k, w)| {
                is_analyst_word(&w.key)
                    && !(k > 0 && matches!(&*own[k - 1].key, "the" | "os" | "as" | "its" | "seus" | "suas"))
            });
        let the_analyst = || opens_on_the_analyst(text, own);
        // `“…Bemobi (BMOB3) é nossa escolha”` after `dizem analistas do Citi`: the firm quoted.
        let we = || own.iter().any(|w| is_first_person(&w.key));
        if holders.is_empty()
            && (rating_alone
                || the_analyst()
                || we()
                || opens_on_a_pronoun(own)
                || other_leg(own)
                || names_a_pick(own)
                || own.iter().any(|w| is_firm_noun(&w.key)))
        {
            // `diz o relatório do banco`: the firm of the view or the broker before (however far).
            let wide = own.iter().any(|w| is_firm_noun(&w.key)) || bulleted(text, sentence) || card_company.is_some();
            let back = if wide {
                TOPIC_BACK
            } else if rating_alone {
                RATING_BACK
            } else {
                LOOK_BACK
            };
            // (Nor a bank named by a card's heading, the company rated.)
            let heading = card_company.as_ref().map(|(_, span)| span);
            holders.extend(before::holder_before(&read, i, back, heading, passive, last_holder.as_ref()));
        }
        // `They have a $65 price target`, `Analyst AJ Rice upgraded…` after `according to UBS`:
        // the firm of the view or the broker named just before.
        let firm_before = || before::firm_just_before(&read, i, last_holder.as_ref());
        if analysts_alone {
            let back = sentences[i.saturating_sub(TOPIC_BACK)].start..sentence.start;
            holders.extend(firm_before().or_else(|| the_only_firm(text, words, mentions_in(&back), back)));
        }
        // `** Maintains "buy" for Eli Lilly LLY.N; says "Lilly shares…"`: a line opening on the act.
        let act_line = opens_on_an_act(own) && opens_a_line(text, sentence);
        if act_line {
            holders = firm_before().into_iter().collect();
        }
        if !holders.is_empty() {
            further_holders(text, own, reading.at, &mut holders);
        }
        let head = note_head(text, sentence, mentions_in(sentence));
        holders.retain(|h| head.as_ref().is_none_or(|head| h.start >= head.end));
        // `They also benefitted from an upgrade, courtesy of Daiwa Securities`: a broker acting in
        // the sentence outranks a pronoun.
        let acting = acting::acting_brokers(text, own, reading.at);
        let holders: Vec<Range<usize>> = holders
            .into_iter()
            .flat_map(|h| match firm_of(text, words, h) {
                // `according to Barron's writer Eric Savitz`: an outlet's writer holds no view either.
                Some(Holder::Firm(r)) if is_news_source(&fold(&text[r.clone()]).replace(['.', '\'', '’'], " ")) => {
                    Vec::new()
                }
                Some(Holder::Firm(r)) if is_dateline_place(text, &r) || is_talked_about(text, words, &r) => Vec::new(),
                Some(Holder::Firm(r)) => vec![r],
                Some(Holder::Before) if !acting.is_empty() => acting.clone(),
                Some(Holder::Before) => firm_before().into_iter().collect(),
                None => Vec::new(),
            })
            .collect();
        // One firm, one name: trimmed to the firm, and the name it was first given.
        // Each holder: where the sentence names it, and the name it goes by.
        let named: Vec<(Range<usize>, Range<usize>)> = holders
            .into_iter()
            .filter_map(|h| trimmed(text, words, h))
            .map(|h| (h.clone(), firms.first_name(text, words, mentions, &h).unwrap_or(h)))
            // `o banco` not settled to a firm's name: no name.
            .filter(|(_, h)| text[h.clone()].chars().any(char::is_uppercase))
            .collect();
        let spans: Vec<Range<usize>> = named.iter().map(|(at, _)| at.clone()).collect();
        let mut holders: Vec<Range<usize>> = named.into_iter().map(|(_, name)| name).collect();
        holders.dedup_by(|a, b| text[a.clone()] == text[b.clone()]);
        if holders.is_empty() {
            continue;
        }
        let covered = covered_by(&spans);
        let held = |m: &&Mention| covered(&m.span);
        // `Daiwa Securities analyst Kazuki Watanabe`: a firm whose analyst speaks is no subject.
        // Not `Para a Americanas (AMER3), analistas do banco mantêm…`: a comma between.
        let firm_of_analyst = |m: &&Mention| {
            own.get(own.partition_point(|w| w.start < m.span.end))
                .is_some_and(|w| is_analyst_word(&w.key) && !text[m.span.end..w.start].contains([',', ';']))
        };
        // `Bank of America Merrill Lynch (BofA)`: the holder named again is no subject either.
        let holding: Vec<&Symbol> = mentions_in(sentence).iter().filter(held).map(|m| &m.symbol).collect();
        let about: Vec<&Mention> = mentions_in(sentence)
            .iter()
            .filter(|m| {
                let headed = head.as_ref().is_some_and(|h| m.span.end <= h.end);
                (!m.rates && !m.speaks)
                    || act_line
                    || rated_object(m)
                    || shares_of(m)
                    || (passive && m.span.start < reading.at)
                    || headed
            })
            .filter(|m| !held(m) && !firm_of_analyst(m) && !compared(own, m))
            .filter(|m| !holding.contains(&&m.symbol))
            .collect();
        // `Goldman Sachs downgraded the company due to … Disney`: the company under discussion.
        let at = own.partition_point(|w| w.start <= reading.at);
        let next = &own[at.min(own.len())..];
        let refers_back = points_back(next) || points_back_before(&own[..at.saturating_sub(1)]);
        if rates_a_sector(text, next) || rates_a_market(next) || unknown_names.rated(next, mentions_in(sentence)) {
            continue;
        }
        // `the upgrade also reflects…`: the change just reported, about the same company.
        let restated = restates_an_act(own, reading.at, &about);
        // `Xilinx… is surging after Bank of America raised the rating to Buy. The upgrade is
        // driven by…`: the act restated is the last one reported, which gave no view here (its
        // company is not listed), not an older view.
        // (Not when the sentence names its firm: `following this bullish outlook from Piper Sandler`.)
        if restated
            && act_before.is_some_and(|a| recent.as_ref().is_none_or(|(j, _, _)| a > *j))
            && brokers_in(own).is_empty()
        {
            continue;
        }
        let clause_end = clause_end(text, reading.at, sentence.end);
        // `Abbott (NYSE:ABT) price target raised to $60 by RBC citing Xyrem`: in a passive the
        // company rated is named before the stance word.
        let rated_before = passive && about.iter().any(|m| m.span.start < reading.at);
        let first_after = about
            .iter()
            .position(|m| m.span.start >= reading.at && m.span.start < clause_end && !refers_back)
            .filter(|_| !rated_before);
        // `Citi and Bernstein took a similar optimistic stance, while Raymond James worries…`: a
        // stance that is the view before's is about that view's company too.
        let carried = reading.stance.is_none() && reading.similar;
        // (The company named in the lines an act's line goes on to is the one rated, whatever
        // unknown company was named before.)
        let ahead = next_line_object(text, sentences, i, own, reading.at, &mentions_in);
        let ticker = if restated || carried { recent.as_ref().map(|(_, _, t)| t.clone()) } else { None }
            .or_else(|| first_after.map(|k| about[k].symbol.clone()))
            .or_else(|| the_latter(own, mentions_in(&(sentences[i.saturating_sub(1)].start..sentence.start))))
            .or_else(|| next_clause_object(text, sentences, i, own, reading.at, &mentions_in))
            .or_else(|| ahead.clone())
            // `Itaú Unibanco (ITUB4)` / `Recomendação: compra`: a card's line rates its heading's company.
            .or_else(|| card_company.as_ref().filter(|_| about.is_empty()).map(|(symbol, _)| symbol.clone()))
            .or_else(|| {
                let before = |m: &&&Mention| {
                    (m.span.start < reading.at || !(refers_back || rated_before)) && m.span.start < clause_end
                };
                // `Os papéis do Bradesco… (BOV:BBDC4) +1,76%; (BOV:BBDC3) +1,62%… após o Goldman
                // elevar`: one issuer's classes are the company, by the first named.
                let found = about.iter().rfind(before)?;
                let first = about.iter().find(|m| same_issuer(m.symbol.as_str(), found.symbol.as_str()));
                Some(first.unwrap_or(found).symbol.clone())
            })
            .or_else(|| {
                let back = sentences[i.saturating_sub(TOPIC_BACK)].start..sentence.start;
                // `Goldman Sachs downgraded the company… Goldman Sachs cut its rating on the stock`:
                // the company of the view just before, else the last named.
                let before = || topic_past_a_list(sentences, mentions_in(&back), &spans);
                // `…o banco reduziu o preço-alvo da TIM. Enquanto a TIM amargava…, a Cogna (COGN3)
                // respirou aliviada. O BTG elevou a recomendação da empresa…`: a company named
                // after the view before's sentence is the nearer one pointed back to.
                let newer = || {
                    let (j, _, _) = recent.as_ref()?;
                    earlier_subject(mentions_in(&(sentences[*j].end..sentence.start)), &spans, true)
                };
                refers_back
                    .then(|| newer().or_else(|| recent.as_ref().map(|(_, _, t)| t.clone())).or_else(before))
                    .flatten()
            })
            // `Goldman Sachs downgraded Netflix… Goldman Sachs cut its rating on the stock`: the
            // same firm again, on the company of its view in the sentence just before.
            .or_else(|| {
                let from = sentences[i.saturating_sub(1)].start;
                let same = |v: &ViewMatch| holders.iter().any(|h| text[h.clone()] == text[v.claimant.clone()]);
                found.views().rev().take_while(|v| v.quote.start >= from).find(|v| same(v)).map(|v| v.ticker.clone())
            })
            // `Outro caso é o da 3M. O JPMorgan rebaixou…`: a company just named outranks the
            // view before.
            // Not `MRV subia 5,7%; Even, 4,9%; Direcional, 2,7%. O Itaú disse que vê uma assimetria
            // positiva…`: of several companies just named, none is meant.
            .or_else(|| one_company_before(text, sentences, i, &mentions_in, &spans))
            .or_else(|| recent.as_ref().map(|(_, _, t)| t.clone()))
            .or_else(|| {
                // (In a bulleted roundup, within the item: each bullet opens a company of its own.)
                let from = sentences[i.saturating_sub(TOPIC_BACK)].start;
                let item = item_start(text, from, sentence.start);
                earlier_subject(mentions_in(&(item..sentence.start)), &spans, false)
            })
            // A text that has named no company yet rates the first named in the two sentences after.
            .or_else(|| first_named_after(words, sentences, i, mentions, &mentions_in));
        let previous = if i > 0 { mentions_in(&sentences[i - 1]) } else { &[] };
        let back = |n: usize| mentions_in(&(sentences[i.saturating_sub(n)].start..sentence.start));
        let earlier = both_companies(own, &about, previous, back(2), back(COUNTED_BACK));
        // A company the finder does not know is the one meant: `Mazor Robotics (NASDAQ:MZOR)
        // downgraded…`, `cut its rating on pubs firm Mitchells & Butlers` (see `unknown`); `JCP has
        // tacked on 14%… Wells Fargo upgraded the stock`, a company gone from the lists (or never on
        // them) named since the company pointed back to; or one named right after the stance word.
        let back = sentences[i.saturating_sub(TOPIC_BACK)].start;
        let mut unknown = |t: &Symbol| unknown_names.rated_instead(text, own, sentence, mentions, t, back);
        let unlisted = || unlisted_cell.get_or_init(|| opening_unlisted(text, words, sentences, unlisted_starts()));
        let ticker = ticker.filter(|t| {
            about.iter().any(|m| m.symbol == *t)
                || (!unknown(t)
                    && (ahead.as_ref() == Some(t)
                        || !unlisted_since(unlisted(), mentions, t, back..sentence.start, reading.at))
                    && !unlisted_right_after(text, unlisted_starts(), reading.at, clause_end))
        });
        let ticker = if earlier.is_empty() { ticker } else { None };
        let Some(ticker) = ticker.or_else(|| earlier.first().cloned()) else { continue };
        let mut tickers = if earlier.is_empty() { vec![ticker.clone()] } else { earlier };
        // `As recomendações continuam em compra` after a list of targets: each company of the list.
        let same = || last_holder.as_ref().is_some_and(|(_, h)| held_by(text, &holders, h));
        let plural =
            plural_ratings(own, reading.at) && last.as_ref().is_some_and(|(j, _, _)| i - j <= RATING_BACK) && same();
        if plural {
            tickers.extend(last_rated.iter().filter(|t| **t != ticker).cloned());
            // `…cortou os preços-alvos de Americanas… Para o Magazine Luiza corte foi de R$ 9 para
            // R$ 8… Todas com recomendação de compra`: so is each company named since its last act.
            let since = act_before.map_or(&[][..], |a| mentions_in(&(sentences[a].start..sentence.start)));
            for m in since.iter().filter(|m| !m.rates && !m.speaks && !is_broker(&m.symbol)) {
                if !tickers.contains(&m.symbol) {
                    tickers.push(m.symbol.clone());
                }
            }
        }
        // `Na Blau, a revisão foi de R$ 33 para R$ 30 e, na Oncoclinicas, de R$ 13 para R$ 10,
        // reiterando as recomendações de compra para os papéis`: each company named before.
        if plural_back(next) && tickers == [ticker.clone()] {
            for m in about.iter().filter(|m| m.span.start < reading.at) {
                if !tickers.contains(&m.symbol) {
                    tickers.push(m.symbol.clone());
                }
            }
        }
        // `rebaixaram as ações do Assaí e do Carrefour` (after the stance word), `Já a recomendação para
        // Gerdau e Metalúrgica Gerdau caiu…` (before it): every company listed.
        let groups = companies(text, &about);
        let listed = |g: usize| {
            let first = first_after.filter(|_| !restated).map(|k| &about[k]);
            let before = about.iter().rfind(|m| m.symbol == ticker && m.span.start < reading.at);
            first.or(before).is_some_and(|m| groups[g].0.start <= m.span.start && m.span.start < groups[g].0.end)
        };
        if tickers.len() == 1
            && let Some(g) = (0..groups.len()).find(|&g| listed(g))
        {
            tickers = vec![groups[g].1.clone()];
            let gap = |a: usize, b: usize| is_list_gap(&text[groups[a].0.end..groups[b].0.start]);
            let forward = first_after.is_some() && !restated;
            let mut k = g;
            while forward && k + 1 < groups.len() && k - g < MAX_LISTED && gap(k, k + 1) {
                k += 1;
                tickers.push(groups[k].1.clone());
            }
            tickers.extend(forward.then(|| joined_subject(text, &groups, g, reading.at)).flatten());
            let mut k = g;
            while !forward && k > 0 && g - k < MAX_LISTED && gap(k - 1, k) {
                k -= 1;
                tickers.insert(0, groups[k].1.clone());
            }
            tickers.dedup();
        }
        tickers.extend(done_likewise(own, &about).into_iter().filter(|t| !tickers.contains(t)).collect::<Vec<_>>());
        holders.sort_by_key(|h| h.start);
        // `- Wells Fargo & Co WFC, target raised…`: a bank heading an item of a list is rated.
        holders.retain(|h| !mentions_in(h).iter().any(|m| opens_an_item(text, &m.span)));
        // `downgrades Ameren (AEE) to Sell from Neutral…, and American Electric Power (AEP) to
        // Neutral from Buy`: further objects of the verb, each with its own change.
        let rating = (reading.level <= 1).then_some(stance);
        let further = further_objects(text, own, &about, reading.at, &tickers, rating);
        let each = tickers.iter().map(|t| (t, stance)).chain(further.iter().map(|(t, s)| (t, *s)));
        for (ticker, stance) in each {
            for h in &holders {
                // `…que a XP tem uma posição única`, `Separately, Hudbay Minerals announced a
                // "positive" assessment`: a firm holds no view of its own shares.
                // (`TI said it now expects…` after `Texas Instruments`: its initials too.)
                if mentions_in(h).iter().any(|m| m.symbol == *ticker)
                    || named_by_initials(text, initials.get_or_init(|| initials_by_symbol(text, mentions)), h, ticker)
                {
                    continue;
                }
                // `RBC` after `RBC Capital Markets`: the same firm, named shorter.
                let name = fold(&text[h.clone()]);
                let stronger = found.held(ticker, stance, &name, i, reading.level);
                // `…enquanto JPMorgan e Goldman Sachs mantiveram a neutra. … O Goldman manteve o
                // preço-alvo em R$ 2,20 (upside de 3,2%)`: a firm that stated a neutral rating holds
                // no target or plain-word view after it.
                let kept_neutral = reading.level >= 2 && neutral.kept_on(ticker, &name);
                if !stronger && !kept_neutral {
                    let back = if plural { TOPIC_BACK } else { LOOK_BACK };
                    found.overturn(ticker, stance, &name, i, reading.level, back);
                    let view =
                        ViewMatch { claimant: h.clone(), ticker: ticker.clone(), stance, quote: sentence.clone() };
                    found.push(view, i, reading.level, name);
                }
            }
        }
        last_rated = tickers.iter().chain(further.iter().map(|(t, _)| t)).cloned().collect();
        last = Some((i, stance, ticker));
        last_holder = holders.first().map(|h| (i, h.clone()));
    }
    found.into_views()
}

mod acting;
pub(crate) mod added;
mod before;
mod both;
mod cards;
pub(crate) mod day_trades;
mod ellipsis;
mod found;
mod lists;
mod neutral;
mod nouns;
pub(crate) mod picked;
mod ranks;
pub(crate) mod rated_rows;
mod sectors;
mod subjects;
pub(crate) mod tables;
#[cfg(test)]
mod tests;
mod unknown;
pub(crate) mod weights;
