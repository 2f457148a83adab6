//! Cues about the banks and brokers of a sentence, and the companies quoted as a source, for
//! attribution: a bank reporting its own results is their subject; one revising its forecasts
//! comments on the company it covers; one written with its symbol is reported on as a stock; a
//! data provider quoted for a consensus is no subject; analysts' expectations are the market's
//! consensus, not a call; one whose own move or forecast results a clause tells, or one only
//! referred to, is reported on.

use std::cell::OnceCell;
use std::ops::Range;

use super::claimants::is_calendar;
use super::company_context::is_move_verb;
use super::mentions::{is_call_word, is_results_word, is_work_of_analysts};
use super::stance_words::time_phrase_len;
use super::tokens::Token;
use super::words::{is_share_word, past_possessive};
pub(crate) use named_companies::{is_rated_list_item, is_referred_to};

/// How many words after a bank's name its results may be named.
const RESULTS_REACH: usize = 8;

/// How many bytes of a bracket may hold a code (`NYSE: GS`).
const CODE_BYTES: usize = 17;

/// How long an apposition after a bank's name may be (`, the country’s third biggest bank,`).
const APPOSITION_BYTES: usize = 60;

/// Whether a bank named at `span` reports its own results in its sentence (`words`): a word of
/// results follows it in its clause (`O Itaú Unibanco divulgou seu lucro recorrente`, `JPMorgan
/// reported record revenue`), past an apposition (`Wells Fargo, the country’s third biggest bank,
/// reported…`), and no word of analysts' calls or work is in the sentence other than the market's
/// consensus (`surpassing analysts' expectations`).
/// `at_work` caches, per sentence, whether analysts' calls or work are named in it (a long
/// sentence names many banks: it is read once).
pub(super) fn reports_results(text: &str, words: &[Token], span: &Range<usize>, at_work: &OnceCell<bool>) -> bool {
    // `Wells Fargo, the country’s third biggest bank, reported net income`: past an apposition.
    let end = text[span.end..]
        .strip_prefix(", ")
        .and_then(|rest| prefix_within(rest, APPOSITION_BYTES).find(", "))
        .map_or(span.end, |at| span.end + 2 + at + 1);
    // (`a Citigroup Inc. divulgou seus resultados`: past the legal suffix's full stop.)
    let suffix = text[..end]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .is_some_and(|w| matches!(w, "Inc" | "Corp" | "Co" | "Ltd"));
    let end = end + usize::from(suffix && text[end..].starts_with('.'));
    let after = &words[words.partition_point(|w| w.start < end)..];
    let mut previous_end = end;
    let mut follows = false;
    for (k, w) in after.iter().take(RESULTS_REACH).enumerate() {
        if text[previous_end..w.start].contains(['.', ';']) {
            break;
        }
        previous_end = w.end;
        // (`o Santander Brasil fechou o trimestre passado com aumento na provisão`: a quarter closed.)
        let closed = k > 0
            && matches!(&*w.key, "trimestre" | "quarter")
            && after[..k].iter().rev().take(2).any(|v| matches!(&*v.key, "fechou" | "encerrou" | "closed" | "ended"));
        if is_results_word(&w.key) || closed {
            // (Not `O BTG Pactual definiu o balanço da Localiza`: another company's results.)
            let of_another = matches!(after.get(k + 1..k + 3), Some([of, name])
                if matches!(&*of.key, "da" | "do" | "of") && name.capitalized && !is_period_word(&name.key));
            follows = !of_another;
            break;
        }
    }
    // (`segundo` is also `second`, as in `no segundo trimestre`.)
    follows
        && !*at_work.get_or_init(|| {
            (0..words.len()).any(|k| {
                let key = &*words[k].key;
                (is_call_word(key) || (is_work_of_analysts(key) && key != "segundo")) && !in_consensus(words, k)
            })
        })
}

/// Whether a bank that speaks at `span` speaks of its own results: right after its verb
/// (`JP Morgan reported revenues of $26.4bn`) or as `its` results (`JPMorgan Chase said Friday that
/// its profits dropped`), not another's (`O Citi espera que o lucro do Banco do Brasil…`).
pub(super) fn speaks_of_own_results(
    text: &str,
    words: &[Token],
    span: &Range<usize>,
    at_work: &OnceCell<bool>,
) -> bool {
    let after = &words[words.partition_point(|w| w.start < span.end)..];
    let Some(k) = after.iter().take(RESULTS_REACH).position(|w| is_results_word(&w.key)) else { return false };
    // (`Bank of America said it earned $3.1 billion`: its own too.)
    let owned = k > 0 && matches!(&*after[k - 1].key, "its" | "their" | "seu" | "sua" | "seus" | "suas")
        || k == 2 && matches!(&*after[0].key, "said" | "says") && after[1].key == "it";
    let of_another = after.get(k + 1).is_some_and(|w| matches!(&*w.key, "do" | "da" | "de" | "of"))
        && after.get(k + 2).is_some_and(|w| w.capitalized || w.upper);
    // (Not `o Citi projeta lucro líquido de R$ 29,3 bilhões`: a forecast.)
    // (`Wells Fargo reported a net income of $5.8bn`: an article and a word or two between.)
    // (`O Itaú Unibanco informou nesta terça-feira, 4, lucro líquido de…`: past a time phrase.)
    let gap = &after[1..k.max(1)];
    let between = &gap[time_phrase_len(gap)..];
    let reported = k >= 1
        && between.len() <= 2
        && between.iter().all(|w| !w.capitalized && !w.upper && !w.has_digit())
        && (is_reporting(&after[0].key) || after[0].key == "announced");
    (owned || reported) && !of_another && reports_results(text, words, span, at_work)
}

/// `Bank of America said on Monday that it was writing down another $10 billion`, `Earlier, Citi
/// said it would take the remaining $17.4 billion…`: a bank that says what it does itself (`it`
/// right after its verb of saying, past a day and `that`) speaks of its own figures.
pub(super) fn speaks_of_itself(words: &[Token], span: &Range<usize>) -> bool {
    let after = &words[words.partition_point(|w| w.start < span.end)..];
    let Some(say) = after.iter().take(2).position(|w| matches!(&*w.key, "said" | "says" | "announced")) else {
        return false;
    };
    after[say + 1..]
        .iter()
        .take(5)
        .find(|w| {
            !(is_calendar(&w.key) || matches!(&*w.key, "on" | "that" | "today" | "yesterday" | "earlier" | "late"))
        })
        .is_some_and(|w| w.key == "it")
}

/// Verbs of a company reporting its own figures (`reported`, `divulgou`).
fn is_reporting(key: &str) -> bool {
    matches!(
        key,
        "reported"
            | "reports"
            | "posted"
            | "posts"
            | "divulgou"
            | "registrou"
            | "reportou"
            | "apresentou"
            | "teve"
            | "informou"
    )
}

/// Whether the broker named at `span` is revising its forecasts in its clause (`O Citi, por
/// exemplo, reduziu as estimativas de lucro`, `Citi took estimates down`, `JPMorgan também revisou
/// para baixo suas projeções`): the figures that follow are its estimates of the company covered,
/// not its own. Not past a verb of reporting (`JPMorgan reported earnings above estimates`).
pub(super) fn revises_forecasts(text: &str, words: &[Token], span: &Range<usize>) -> bool {
    // (Not `R$ 26,5 bilhões para o Itaú (10% acima da estimativa original)`: the object of a
    // preposition is no one revising.)
    let k = words.partition_point(|w| w.start < span.start);
    let k = if k > 0 && matches!(&*words[k - 1].key, "o" | "a" | "the") { k - 1 } else { k };
    if k > 0
        && matches!(
            &*words[k - 1].key,
            "para" | "do" | "da" | "de" | "of" | "for" | "on" | "no" | "na" | "sobre" | "about"
        )
    {
        return false;
    }
    let after = &words[words.partition_point(|w| w.start < span.end)..];
    let mut previous_end = span.end;
    for w in after.iter().take(RESULTS_REACH) {
        if text[previous_end..w.start].contains(['.', ';', ':', '(']) {
            return false;
        }
        previous_end = w.end;
        if is_reporting(&w.key) || matches!(&*w.key, "beat" | "topped" | "missed" | "superou") {
            return false;
        }
        if matches!(
            &*w.key,
            "estimativas"
                | "estimativa"
                | "projecoes"
                | "projecao"
                | "previsoes"
                | "previsao"
                | "estimates"
                | "estimate"
                | "forecast"
                | "forecasts"
                | "projections"
                | "expectations"
                | "expectativas"
                | "expectativa"
                | "expectation"
        ) {
            return true;
        }
    }
    false
}

/// Data providers quoted for figures (lower case, as parts of a name).
const DATA_PROVIDERS: &[&str] =
    &["thomson", "reuters", "refinitiv", "factset", "bloomberg", "zacks", "lseg", "morningstar", "economatica"];

/// Whether the words `before` a name starting at byte `at` cite it as a source, right before it
/// and with no punctuation between: `according to`, `gathered by`, `data from`, `de acordo com a`,
/// `segundo dados da`, `levantamento da`, `consultados pela` (not `According to the company,
/// FactSet's revenue…`).
fn cited_by(text: &str, before: &[Token], at: usize) -> bool {
    let mut k = before.len();
    let mut next_start = at;
    let mut step = |k: &mut usize| -> Option<&str> {
        let w = before.get(k.checked_sub(1)?)?;
        if text[w.end..next_start].trim() != "" {
            return None;
        }
        next_start = w.start;
        *k -= 1;
        Some(&*w.key)
    };
    let mut word = step(&mut k);
    // (Past an article or contraction: `according to the`, `segundo dados da`.)
    while let Some(key) = word
        && matches!(key, "the" | "a" | "o" | "da" | "do" | "das" | "dos" | "de")
    {
        word = step(&mut k);
    }
    let previous = |k: usize| k.checked_sub(1).map(|j| &*before[j].key);
    match word {
        Some("to") => previous(k) == Some("according"),
        Some("by") => {
            matches!(previous(k), Some("compiled" | "gathered" | "polled" | "surveyed" | "conducted" | "tracked"))
        }
        // (`data from`, `The consensus estimates from Thomson Reuters`, `a poll from`.)
        Some("from") => matches!(
            previous(k),
            Some("data" | "estimates" | "estimate" | "consensus" | "forecasts" | "poll" | "survey" | "figures")
        ),
        Some("com") => previous(k) == Some("acordo"),
        // (`Analistas consultados pela FactSet esperavam`, `compilados pela Refinitiv`.)
        Some("pela" | "pelo") => matches!(
            previous(k),
            Some(
                "consultados"
                    | "consultadas"
                    | "ouvidos"
                    | "ouvidas"
                    | "compilados"
                    | "compiladas"
                    | "compilado"
                    | "compilada"
                    | "coletados"
                    | "reunidos"
                    | "elaborado"
                    | "elaborada"
            )
        ),
        Some("dados" | "levantamento" | "segundo" | "conforme") => true,
        _ => false,
    }
}

/// Whether the company named at `span` is quoted as the source of a consensus (`Thomson Reuters
/// has consensus earnings estimates of $0.21`, `the Thomson Reuters consensus was $1.21`): a data
/// provider, not what the figure is about.
pub(super) fn gives_consensus(text: &str, words: &[Token], span: &Range<usize>) -> bool {
    // `consensus from Thomson Reuters was $2.35`, `abaixo do consenso da Bloomberg`.
    let k = words.partition_point(|w| w.start < span.start);
    if k >= 2
        && matches!(&*words[k - 1].key, "from" | "of" | "da" | "do" | "de")
        && matches!(&*words[k - 2].key, "consensus" | "consenso")
    {
        return true;
    }
    // `in a FactSet survey of analysts`, `gathered by Thomson Reuters`, `segundo dados da
    // Refinitiv`: a data provider quoted as a source.
    let is_provider = || {
        let name = text[span.clone()].to_lowercase();
        DATA_PROVIDERS.iter().any(|p| name.contains(p))
    };
    let sourced_before = cited_by(text, &words[..k], span.start);
    let end = words.partition_point(|w| w.start < span.end);
    let sourced_after = words.get(end).is_some_and(|w| {
        text[span.end..w.start] == *" "
            && matches!(&*w.key, "survey" | "data" | "poll" | "estimates" | "dados" | "levantamento" | "estimativas")
    });
    if (sourced_before || sourced_after) && is_provider() {
        return true;
    }
    let mut previous_end = span.end;
    for w in words[end..].iter().take(3) {
        if text[previous_end..w.start].contains(['.', ';', ',', '(']) {
            return false;
        }
        previous_end = w.end;
        match &*w.key {
            // (After the name, only a data provider's: not `Apple has consensus estimates of…`.)
            "consensus" | "consenso" => {
                return is_provider();
            }
            // (Not `Kite Realty Group Trust beat their consensus`: only a verb of having between.)
            "has" | "had" | "have" | "a" | "the" | "s" => {}
            _ => return false,
        }
    }
    false
}

/// Whether a mention is written with its symbol in brackets (`Bradesco (BBDC4)`, `Goldman Sachs
/// Group Inc. (NYSE: GS)`, or the symbol itself in them): a company reported on as a stock, also
/// when it is a bank.
pub(super) fn with_its_symbol(text: &str, span: &Range<usize>) -> bool {
    // (Not `Bank of America Merrill Lynch (BofA)`: a short name in brackets.)
    // (Only the first bytes after a bracket are read: a code is short.)
    let head = |b| prefix_within(b, CODE_BYTES).split([')', ';']).next().unwrap_or("");
    let is_code = |code: &str| {
        // (`Truist Financial Corp (Symbol: TFC)`.)
        let code = code.strip_prefix("Symbol:").map_or(code, str::trim_start);
        code.len() <= 16
            && code.starts_with(|c: char| c.is_ascii_uppercase())
            && code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, ':' | ' ' | '.' | '-'))
    };
    let name = &text[span.clone()];
    let inside = text[..span.start].trim_end_matches(|c: char| c.is_ascii_uppercase() || c == ':' || c == ' ');
    // (`Wells Fargo's (WFC) rating was cut`: past a possessive.)
    let after = text[span.end..].trim_start_matches([' ', '.', ',']);
    let after = past_possessive(after).unwrap_or(after).trim_start();
    let after = after.strip_prefix("Inc").or_else(|| after.strip_prefix("Corp")).unwrap_or(after);
    let after = after.trim_start_matches(['.', ' ']);
    name.split_once('(').is_some_and(|(_, code)| is_code(code.trim_end_matches(')')))
        || (inside.ends_with('(') && is_code(name))
        || after.strip_prefix('(').is_some_and(|b| is_code(head(b)))
        || opens_an_item(text, span)
        || with_its_class(&text[span.end..])
}

/// `ITAÚ UNIBANCO PN cedeu 0,92%`, `Bradesco ON`: a name followed by its share class, as a market
/// wrap writes a stock.
fn with_its_class(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let class = rest.split([' ', ',', '.', ';', ')', '\n']).next().unwrap_or_default();
    matches!(class, "PN" | "ON" | "UNIT" | "PNA" | "PNB" | "units")
}

/// `• C -- which is down 7.5%…`: a bank's bare symbol opening a bulleted line of a roundup and a
/// dash, as a stock; `- Citigroup Inc C, target reiterated at $100`: a bank's name and symbol
/// opening a line of a list of targets, as the company whose target it is.
pub(super) fn opens_an_item(text: &str, span: &Range<usize>) -> bool {
    let name = &text[span.clone()];
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let bullet = before.strip_suffix(['•', '*', '-']).map(|b| b.trim_end_matches([' ', '\t']));
    let after = &text[span.end..];
    // (The symbol after the name, or read into the mention with it.)
    let is_code = |code: &str| (1..=5).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase());
    if !bullet.is_some_and(|b| b.is_empty() || b.ends_with('\n')) {
        return false;
    }
    // (Only the word after the name is read, not the rest of the text.)
    let code_len = |a: &str| a.bytes().take(6).take_while(u8::is_ascii_uppercase).count();
    let symbol_then_comma = after
        .strip_prefix(' ')
        .is_some_and(|a| a.as_bytes().get(code_len(a)) == Some(&b',') && is_code(&a[..code_len(a)]))
        || (after.starts_with(',') && name.rsplit(' ').next().is_some_and(is_code) && name.contains(' '));
    let bare_then_dash = name.len() <= 5
        && name.bytes().all(|b| b.is_ascii_uppercase())
        && (after.starts_with(" -- ") || after.starts_with(" — "));
    bare_then_dash || symbol_then_comma
}

/// Whether a sentence (`words`) names analysts' calls, other than the market's consensus
/// (`surpassing analysts' expectations`, `acima das estimativas dos analistas`).
pub(crate) fn names_a_call(words: &[Token]) -> bool {
    (0..words.len()).any(|k| is_call_word(&words[k].key) && !in_consensus(words, k))
}

/// Whether word `k` is part of a phrase for the market's consensus: analysts and their
/// expectations together (`analysts' estimates`, `analysts expected`, `expectativas dos
/// analistas`).
fn in_consensus(words: &[Token], k: usize) -> bool {
    let analyst =
        |i: usize| words.get(i).is_some_and(|w| matches!(&*w.key, "analysts" | "analyst" | "analistas" | "analista"));
    let expected = |i: usize| {
        words.get(i).is_some_and(|w| {
            matches!(
                &*w.key,
                "expectations"
                    | "estimates"
                    | "estimate"
                    | "forecasts"
                    | "expected"
                    | "consensus"
                    | "expectativas"
                    | "expectativa"
                    | "estimativas"
                    | "estimativa"
                    | "projecoes"
                    | "consenso"
            )
        })
    };
    let of = |i: usize| words.get(i).is_some_and(|w| matches!(&*w.key, "dos" | "de" | "das" | "of"));
    (analyst(k) && (expected(k + 1) || (k >= 2 && of(k - 1) && expected(k - 2))))
        || (expected(k) && ((k >= 1 && analyst(k - 1)) || (of(k + 1) && analyst(k + 2))))
}

/// `A projeção do banco americano é de um lucro 13% menor`, `The estimate of Citi`: a bank named as
/// the owner of a forecast that opens its sentence (`words`), or of one for something named after
/// it (`a estimativa elevada do Citi para o lucro por ação`), comments on the company it covers
/// (not `cortou em 6% a expectativa do Bradesco`, the forecast for the bank).
pub(super) fn owns_a_forecast(words: &[Token], span: &Range<usize>) -> bool {
    let k = words.partition_point(|w| w.start < span.start);
    let opens = k == 2 || (k == 3 && matches!(&*words[0].key, "a" | "o" | "as" | "os" | "the"));
    if k < 2 || !matches!(&*words[k - 1].key, "do" | "da" | "of") {
        return false;
    }
    // `sobre a estimativa elevada do Citi para o lucro por ação`: anywhere in the sentence, a
    // forecast (maybe past one adjective) the bank holds for something named after it.
    // (Not a forecast another firm moved: `O Goldman elevou a estimativa do Itaú para o lucro`.)
    let end = words.partition_point(|w| w.start < span.end);
    let for_after = words.get(end).is_some_and(|w| matches!(&*w.key, "para" | "for"));
    let noun = if is_forecast_noun(&words[k - 2].key) {
        Some(k - 2)
    } else {
        (k >= 3 && is_forecast_noun(&words[k - 3].key)).then(|| k - 3)
    };
    let moved = |n: usize| words[n.saturating_sub(3)..n].iter().any(|w| is_forecast_move(&w.key));
    (opens && noun == Some(k - 2)) || (for_after && noun.is_some_and(|n| !moved(n)))
}

/// Verbs that move a forecast (folded): `elevou a estimativa`, `cut its estimate`.
fn is_forecast_move(key: &str) -> bool {
    matches!(
        key,
        "elevou" | "cortou" | "reduziu" | "revisou" | "aumentou" | "raised" | "cut" | "lowered" | "boosted" | "trimmed"
    )
}

/// Nouns of a forecast (folded).
fn is_forecast_noun(key: &str) -> bool {
    matches!(
        key,
        "projecao"
            | "projecoes"
            | "estimativa"
            | "estimativas"
            | "calculo"
            | "previsao"
            | "previsoes"
            | "expectativa"
            | "projection"
            | "projections"
            | "estimate"
            | "estimates"
            | "forecast"
            | "forecasts"
            | "modelo"
            | "model"
    )
}

/// `Citigroup added $1.36, or 3.1 percent`, `o Itaú subiu 2%`: a bank whose shares moved, by a
/// verb of moving and a figure right after its name, is reported on.
pub(super) fn moved_by(text: &str, words: &[Token], span: &Range<usize>) -> bool {
    let k = words.partition_point(|w| w.start < span.end);
    words.get(k).is_some_and(|verb| {
        (is_move_verb(&verb.key) || matches!(&*verb.key, "added" | "lost" | "shed" | "ganhou" | "perdeu")) && {
            let rest = text[verb.end..].trim_start();
            rest.starts_with(|c: char| c.is_ascii_digit() || c == '$')
                || rest.starts_with("R$")
                || rest.starts_with("US$")
        }
    })
}

/// The first `bytes` of `text` at most, cut between characters.
fn prefix_within(text: &str, bytes: usize) -> &str {
    &text[..text.floor_char_boundary(bytes)]
}

/// How many words an aside between a bank and its move may hold.
const APPOSITIVE_WORDS: usize = 12;

/// `Bank of America, whose shares fell 14%`, `Morgan Stanley, which slipped 5.7% Monday`: a bank
/// whose own move a relative clause (or the verb of a list it closes) right after it tells is
/// reported on, not rating. `after` are the words from the end of its name.
pub(crate) fn own_move_follows(text: &str, after: &[Token]) -> bool {
    // (`Bank of America and JPMorgan Chase, rose by 3.1 per cent and 2.0 per cent`: past the
    // name listed with it.)
    let listed = match after.first() {
        Some(w) if matches!(&*w.key, "and" | "e") => {
            1 + after[1..].iter().take(4).take_while(|w| w.capitalized && !text[..w.start].ends_with(", ")).count()
        }
        _ => 0,
    };
    let after = &after[listed..];
    // `Barclays was the standout gainer after HSBC upgraded…`: the day's mover, by a noun.
    // (The definite article only, the noun within two words: not `was a big gainer in the
    // rankings after it upgraded…`.)
    if let [verb, the, rest @ ..] = after
        && matches!(&*verb.key, "was" | "is" | "were")
        && the.key == "the"
        && rest.iter().take(2).any(|w| {
            matches!(&*w.key, "gainer" | "gainers" | "loser" | "losers" | "faller" | "fallers" | "riser" | "risers")
        })
    {
        return true;
    }
    // `ITAÚ UNIBANCO PN cedeu 0,92%`: a move verb and its percentage right after the name (not
    // `dropped 2 names from its list`).
    if let [verb, figure, rest @ ..] = after
        && is_move_verb(&verb.key)
        && text[..verb.start].ends_with(' ')
        && figure.text.starts_with(|c: char| c.is_ascii_digit())
    {
        let written = text[figure.start..].split_whitespace().next().unwrap_or_default();
        let percent = written.contains('%')
            || rest.first().is_some_and(|w| matches!(&*w.key, "percent" | "por" | "pct" | "pontos" | "points"));
        if percent {
            return true;
        }
    }
    let Some(opener) = after.first().filter(|w| text[..w.start].ends_with(", ")) else { return false };
    // (A move of its own, not `Citi, which dropped their PT`: a verb with an object.)
    let moved_at = |k: usize| {
        after.get(k).is_some_and(|w| is_move_verb(&w.key))
            && !after.get(k + 1).is_some_and(|o| {
                // (`which declined to comment`, `dropped Intel to sell`, `dropped coverage`.)
                o.capitalized
                    || matches!(
                        &*o.key,
                        "their" | "its" | "his" | "her" | "the" | "a" | "seu" | "sua" | "o" | "to" | "coverage"
                    )
            })
    };
    match (&*opener.key, after.get(1)) {
        ("whose" | "cujas", Some(noun)) => is_share_word(&noun.key),
        ("which" | "que", Some(helper)) => {
            moved_at(1) || (matches!(&*helper.key, "has" | "had" | "have" | "tem" | "ja") && moved_at(2))
        }
        // `JPMorgan Chase, the largest U.S. bank by assets, climbed 3.7%`: past an aside.
        _ => {
            moved_at(0)
                || (1..after.len().min(APPOSITIVE_WORDS))
                    .find(|&k| text[..after[k].start].ends_with(", "))
                    .is_some_and(moved_at)
        }
    }
}

/// `Citigroup is forecast to earn $1.69`, `analysts expect JPMorgan Chase to earn $2.26`: a bank
/// whose results are forecast (its words from `first` to `next`) is reported on.
pub(crate) fn forecast_for(words: &[Token], first: usize, next: usize) -> bool {
    let forecast = |w: &Token| matches!(&*w.key, "expected" | "forecast" | "projected" | "estimated" | "seen");
    let passive = match words.get(next..next + 3) {
        Some([be, verb, to]) => matches!(&*be.key, "is" | "was" | "are" | "were") && forecast(verb) && to.key == "to",
        _ => false,
    };
    let object = first > 0
        && matches!(&*words[first - 1].key, "expect" | "expects" | "see" | "sees" | "forecast" | "forecasts")
        && words.get(next).is_some_and(|w| w.key == "to");
    passive || object
}

/// `Os preços-alvo ficaram em US$ 15 (JPMorgan), US$ 19 (Citi)`: a name alone in brackets after an
/// amount owns that target (for a bank, no company).
pub(super) fn owns_an_amount(text: &str, span: &Range<usize>) -> bool {
    text[span.end..].starts_with(')')
        && text[..span.start].strip_suffix('(').is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit()))
}

/// `units do Santander (+2,57%)`: a bank whose shares moved, in brackets after its name, is
/// reported on, not rating.
pub(super) fn moved_in_brackets(text: &str, span: &Range<usize>) -> bool {
    text[span.end..].trim_start().strip_prefix('(').is_some_and(|b| {
        let head: String = b.chars().take(16).collect();
        head.trim_start_matches(['+', '-', '−', ' ']).starts_with(|c: char| c.is_ascii_digit())
            && head.split(')').next().is_some_and(|b| b.contains('%'))
    })
}

/// `notable increases came from BMO (to $128 from $107)`: a broker's target move in brackets.
pub(super) fn target_in_brackets(text: &str, span: &Range<usize>) -> bool {
    text[span.end..].trim_start().strip_prefix('(').is_some_and(|b| {
        let b = b.trim_start();
        b.starts_with("to ") || b.starts_with("para ") || b.starts_with("from ") || b.starts_with("de R$")
    })
}

mod named_companies;

/// Words of a period written in capitals after `do`/`of` (`o balanço do Quarto Trimestre`): no
/// company.
fn is_period_word(key: &str) -> bool {
    matches!(
        key,
        "primeiro"
            | "segundo"
            | "terceiro"
            | "quarto"
            | "trimestre"
            | "ano"
            | "semestre"
            | "exercicio"
            | "first"
            | "second"
            | "third"
            | "fourth"
            | "quarter"
            | "year"
    )
}
