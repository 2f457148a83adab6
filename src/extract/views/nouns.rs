//! The words a view's sentence points with: nouns standing for the company talked about (`the
//! company`, `a empresa`), for its shares (`papéis do Bradesco`) or for a firm named before (`o
//! banco`), and the measure of a comparison (`pior que a do Bradesco`), which is not rated.

use std::ops::Range;

use crate::extract::clauses::is_trade_leg;
use crate::extract::firms::firm_key;
use crate::extract::holders::is_analyst_word;
use crate::extract::mentions::Mention;
use crate::extract::stance_words::is_rating_or_target_noun;
use crate::extract::tokens::Token;
use crate::model::Symbol;

/// `…o que deixaria a rentabilidade pior que a do Bradesco`, `a better margin than Intel's`:
/// a company named as the measure of a comparison is not what the view is about.
pub(super) fn compared(own: &[Token], m: &Mention) -> bool {
    let k = own.partition_point(|w| w.start < m.span.start);
    // `loses market share to rivals Apple Inc, Google Inc and Samsung`: a list of rivals (past the
    // names and joiners before it, a few words at most).
    let from = k.saturating_sub(LIST_REACH);
    let list = own[from..k]
        .iter()
        .rposition(|w| !(w.capitalized || w.upper || matches!(&*w.key, "and" | "e" | "or" | "ou" | "&")))
        .map(|j| from + j);
    // (`competition from Amazon Prime Video, Hulu…`: the rivals named after `from`.)
    let competition = |j: usize| {
        own[j].key == "from" && j > 0 && matches!(&*own[j - 1].key, "competition" | "rivalry" | "concorrencia")
    };
    // (`compared to rivals such as TJX`, `rivals like Burlington`: past `such as` or `like`.)
    let past_such_as = |j: usize| match &*own[j].key {
        "as" if j >= 2 && own[j - 1].key == "such" => j - 2,
        "like" | "como" if j >= 1 => j - 1,
        _ => j,
    };
    if list.is_some_and(|j| is_rivals_word(&own[past_such_as(j)].key) || competition(j)) {
        return true;
    }
    // `a recomendação da gestora do Bradesco (SA:BBDC4) para os papéis`: the owner of the firm
    // rating, not what it rates.
    if k >= 2
        && matches!(&*own[k - 1].key, "do" | "da" | "of")
        && matches!(&*own[k - 2].key, "gestora" | "corretora" | "braco" | "arm" | "unit")
    {
        return true;
    }
    // `downgraded one of NVIDIA’s largest rivals in AMD`: the company whose rivals are named.
    // (`its rating for AstraZeneca's pharma peer GlaxoSmithKline`: or its one rival.)
    let after = &own[own.partition_point(|w| w.start < m.span.end)..];
    if after.first().is_some_and(|w| w.key == "s")
        && (after.iter().skip(1).take(3).any(|w| is_rivals_word(&w.key) || matches!(&*w.key, "peers" | "pares"))
            // (The one rival right after the possessive or one word: not `Nvidia's shares over rival AMD`.)
            || after.iter().skip(1).take(2).any(|w| matches!(&*w.key, "peer" | "rival" | "competitor")))
    {
        return true;
    }
    let before = &own[k.saturating_sub(4)..k];
    // `a Vivo assumiu o posto da TIM Brasil como a ação preferida`, `in place of Apple`, `replacing
    // Apple`: the company replaced.
    let of = |j: usize| before.get(j + 1).is_some_and(|n| matches!(&*n.key, "da" | "de" | "do" | "of"));
    before.iter().enumerate().any(|(j, w)| {
        w.key == "than"
            || (matches!(&*w.key, "posto" | "lugar" | "place" | "instead" | "vez" | "inves") && of(j))
            || matches!(&*w.key, "replacing" | "substituindo")
            || (w.key == "que"
                && j > 0
                && matches!(
                    &*before[j - 1].key,
                    "pior" | "melhor" | "maior" | "menor" | "mais" | "menos" | "superior" | "inferior"
                ))
            // (`um desempenho 12 pontos percentuais inferior ao da TIM`.)
            || (matches!(&*w.key, "ao" | "a" | "aos" | "as")
                && j > 0
                && matches!(&*before[j - 1].key, "superior" | "inferior"))
    })
}

/// How many words back a list of rivals is read.
const LIST_REACH: usize = 10;

/// Words naming a company's rivals, plural (`rivals`, `competitors`, `concorrentes`; not `rival
/// General Motors caught an upgrade`, a subject).
fn is_rivals_word(key: &str) -> bool {
    matches!(key, "rivals" | "competitors" | "concorrentes" | "rivais")
}

/// `Os papéis do Bradesco…, (BOV:BBDC3) +1,62%`, `J.P. Morgan Chase & Co. (NYSE: JPM)`: shares of a
/// company, or a symbol in brackets, are talked about (a bank so named rates nothing).
pub(super) fn talked_about(text: &str, own: &[Token], m: &Mention) -> bool {
    let k = own.partition_point(|w| w.start < m.span.start);
    let bracketed =
        text[..m.span.start].trim_end_matches(|c: char| c.is_ascii_uppercase() || c == ':' || c == ' ').ends_with('(');
    // `rebaixou a sua recomendação das ações BBDC4`: a symbol right after a share noun.
    let symbol = text[m.span.clone()].chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    bracketed
        || (k >= 2 && matches!(&*own[k - 1].key, "de" | "do" | "da" | "of") && is_share_noun(&own[k - 2].key))
        || (k >= 1 && symbol && is_share_noun(&own[k - 1].key))
}

/// Whether one of `holders` is the firm `h` (not `Segundo o Itaú BBA, as recomendações…` after the
/// BTG's list: another firm's ratings).
pub(super) fn held_by(text: &str, holders: &[Range<usize>], h: &Range<usize>) -> bool {
    holders.iter().any(|x| firm_key(&text[x.clone()]) == firm_key(&text[h.clone()]))
}

/// `As recomendações continuam em compra`, `The ratings remain Buy`: ratings in the plural, named
/// at or just before the stance word at byte `at`, restate the calls on several companies.
pub(super) fn plural_ratings(own: &[Token], at: usize) -> bool {
    let k = own.partition_point(|w| w.start <= at);
    // (`As indicações foram mantidas em compra`, `Todas com recomendação de compra`: all of them.)
    own[k.saturating_sub(5)..k]
        .iter()
        .any(|w| matches!(&*w.key, "recomendacoes" | "ratings" | "recommendations" | "indicacoes" | "todas" | "todos"))
}

/// `reiterando as recomendações de compra para os papéis`, `for both stocks`: the words right
/// after a stance word (`next`) name ratings in the plural, then point back to several companies.
pub(super) fn plural_back(next: &[Token]) -> bool {
    let plural = next.iter().take(2).any(|w| matches!(&*w.key, "recomendacoes" | "ratings" | "recommendations"));
    plural
        && next.windows(3).take(6).any(|w| {
            matches!(&*w[0].key, "para" | "for" | "on" | "nos" | "das" | "dos")
                && matches!(&*w[1].key, "os" | "as" | "both" | "ambos" | "ambas" | "the")
                && matches!(&*w[2].key, "papeis" | "acoes" | "stocks" | "shares" | "companhias" | "empresas")
        })
}

/// Words between a rating act and the company it acts on: articles, possessives, `de`/`para`/`of`
/// and the rating's noun (`rebaixou a recomendação de`, `o rebaixamento de recomendação para`, `cut
/// its rating on the shares of`).
#[rustfmt::skip]
pub(super) fn joins_an_act_to_its_object(key: &str) -> bool {
    matches!(key,
        "a" | "o" | "as" | "os" | "the" | "its" | "sua" | "seu" | "de" | "da" | "do" | "das" | "dos" | "para" | "on"
            | "of" | "for" | "recomendacao" | "rating" | "preco-alvo" | "target" | "acoes" | "shares"
    )
}

/// Nouns for a company's shares (`papéis do Bradesco`, `shares of Citi`).
pub(super) fn is_share_noun(key: &str) -> bool {
    matches!(key, "papeis" | "papel" | "acoes" | "acao" | "shares" | "stock" | "units" | "ativos")
}

/// Words that stand for the company a text is about (`the company`, `a empresa`, `o papel`,
/// `the tech giant`, `the restaurant operator`).
pub(super) fn is_company_noun(key: &str) -> bool {
    matches!(
        key,
        "company"
            | "stock"
            | "stocks"
            | "shares"
            | "empresa"
            | "companhia"
            | "papel"
            | "acao"
            | "acoes"
            | "giant"
            | "operator"
            | "maker"
            | "retailer"
            | "lender"
            | "gigante"
    )
}

/// Words that stand for a firm named before (`o banco`, `the brokerage`).
pub(super) fn is_firm_noun(key: &str) -> bool {
    matches!(key, "banco" | "instituicao" | "corretora" | "bank" | "firm" | "broker" | "brokerage")
}

/// `In raising the shares to buy from hold`: the company's noun (then `to`) right before the
/// rating word (or its `to`). `before` are the sentence's words before it.
pub(super) fn points_back_before(before: &[Token]) -> bool {
    let before = match before {
        [rest @ .., to] if matches!(&*to.key, "to" | "para") => rest,
        _ => before,
    };
    matches!(before, [.., article, noun]
        if matches!(&*article.key, "the" | "its" | "a" | "o") && is_company_noun(&noun.key))
}

/// Whether the words right after a stance word point back to the company talked about: `the
/// company`, `Citi downgraded the tech giant…` (a sector word may come before the noun), and
/// since the seventh round a rating or target of it (`elevou a recomendação da empresa`, `cut its
/// price target on the stock`); not `the company of…`, which names another.
pub(super) fn points_back(next: &[Token]) -> bool {
    let of = |w: &Token| matches!(&*w.key, "of" | "de" | "da" | "do" | "das" | "dos");
    let article = |w: &Token| matches!(&*w.key, "the" | "a" | "o" | "its" | "seu" | "sua" | "his" | "her" | "their");
    let noun_at = |k: usize| {
        let noun = (k + 1..next.len().min(k + 3)).find(|&n| is_company_noun(&next[n].key));
        article(&next[k])
            && noun.is_some_and(|n| next[k + 1..n].iter().all(|w| !w.capitalized))
            && !noun.and_then(|n| next.get(n + 1)).is_some_and(of)
    };
    if (0..next.len().min(2)).any(|k| matches!(&*next[k].key, "the" | "a" | "o" | "its") && noun_at(k)) {
        return true;
    }
    // `Wolfe Research rates it at Outperform`, `upgraded it to Buy`: the pronoun right after.
    if next.first().is_some_and(|w| w.key == "it") {
        return true;
    }
    // `a recomendação da empresa`, `its price target on the stock`: the rating's noun, then `of`
    // (or `on`/`for`) and the company's noun, right after the stance word.
    let Some(r) = (0..next.len().min(4)).find(|&k| is_rating_or_target_noun(&next[k].key)) else {
        return false;
    };
    let rest = &next[r + 1..next.len().min(r + 5)];
    let joined = |w: &Token| of(w) || matches!(&*w.key, "on" | "for" | "para");
    match rest {
        [j, noun, ..] if matches!(&*j.key, "da" | "do") && is_company_noun(&noun.key) => !rest.get(2).is_some_and(of),
        [j, a, noun, ..] if joined(j) && article(a) && is_company_noun(&noun.key) => !rest.get(3).is_some_and(of),
        _ => false,
    }
}

/// `downgrades the sector to Cautious`, `rebaixou o setor`, `cut the group to underweight`: a
/// stance on a whole sector (the words right after the stance word) is no view of a company.
/// (Not `downgraded the sector and individual stocks including Intel`: the companies named.)
/// (`rated the retail industry “underweight”`: a word of the sector's own before its noun.)
pub(super) fn rates_a_sector(text: &str, next: &[Token]) -> bool {
    let article = |a: &Token| matches!(&*a.key, "the" | "o" | "its" | "seu");
    let sector =
        |n: &Token| matches!(&*n.key, "sector" | "setor" | "industry" | "group" | "segmento" | "segment" | "industria");
    let retail_industry = || matches!(next, [a, kind, noun, ..] if article(a) && !kind.capitalized && sector(noun));
    // `price targets on key stocks within the UK metals and miners sector`.
    let within = || {
        let first = &next[..next.len().min(20)];
        // (Not `raised its target on Vale, the cheapest of the stocks in the mining sector`: a
        // company named before.)
        first.windows(2).enumerate().any(|(k, p)| {
            !first[..k].iter().any(|w| w.capitalized || w.upper)
                && matches!(&*p[0].key, "stocks" | "names" | "companies")
                && matches!(&*p[1].key, "in" | "within" | "across")
                && first[k + 2..].iter().take(7).any(sector)
        })
    };
    // `lowered its ratings on a slew of semiconductor stocks`: many of a kind's stocks, unnamed.
    let slew = || {
        let first = &next[..next.len().min(10)];
        first.windows(2).enumerate().any(|(k, p)| {
            !first[..k].iter().any(|w| w.capitalized || w.upper)
                && matches!(&*p[0].key, "slew" | "number" | "handful" | "host" | "raft")
                && p[1].key == "of"
                && first[k + 2..].iter().take(3).any(|w| matches!(&*w.key, "stocks" | "names" | "companies"))
        })
    };
    (matches!(next, [a, noun, ..] if article(a) && sector(noun)) || retail_industry() || within() || slew())
        && !includes_stocks(text, next)
}

/// `the sector and individual stocks including Intel`: `including` within a few words of the
/// sector, in its clause (no comma before it: not `to underweight, including Vale among its few
/// exceptions`).
fn includes_stocks(text: &str, next: &[Token]) -> bool {
    let Some(k) = next.iter().take(12).position(|w| matches!(&*w.key, "including" | "incluindo")) else {
        return false;
    };
    k > 0 && !text[next[0].start..next[k].start].contains([',', ';'])
}

/// `o JPMorgan elevou para "overweight" a recomendação para as ações brasileiras`, `upgraded
/// Brazilian equities`, `Citi Downgrades U.S. Equities`: a call on a whole market (in the words
/// after the stance word), no company's.
pub(super) fn rates_a_market(next: &[Token]) -> bool {
    // (The object of the act: within its first words and with no name before it, not `upgraded
    // Apple to buy, saying U.S. stocks remain attractive`.)
    next.windows(2).take(8).enumerate().any(|(k, p)| {
        !next[..k].iter().any(|w| (w.capitalized || w.upper) && w.text.chars().count() > 1)
            && matches!(
                (&*p[0].key, &*p[1].key),
                (
                    "acoes" | "bolsa" | "mercado",
                    "brasileiras" | "brasileira" | "brasileiro" | "americanas" | "americana"
                ) | ("brazilian" | "brazil" | "s" | "european" | "japanese" | "chinese", "stocks" | "equities")
                    | ("emerging" | "mercados", "markets" | "emergentes")
            )
    }) || economy_forecast(next)
}

/// `downgraded its China GDP forecast`, `cortou a projeção do PIB`: a forecast of an economy
/// (its first words after the act), no company's.
fn economy_forecast(next: &[Token]) -> bool {
    next.iter().take(5).any(|w| matches!(&*w.key, "gdp" | "pib"))
}

/// `In addition to DUK, Goldman has Buy ratings on…`, `Besides Susquehanna, BMO…`, `Além do
/// Itaú, o BTG…`: a name after a phrase of addition is set beside the sentence's subject, not
/// holding its view.
pub(super) fn added_to(own: &[Token], m: &Mention) -> bool {
    set_beside(own, m.span.start)
}

/// Whether the name starting at byte `at` follows a phrase of addition or contrast (`besides`,
/// `apart from`, `unlike`, `além do`) among the sentence's words `own`.
pub(super) fn set_beside(own: &[Token], at: usize) -> bool {
    let k = own.partition_point(|w| w.start < at);
    let before: Vec<&str> = own[k.saturating_sub(2)..k].iter().map(|w| &*w.key).collect();
    matches!(
        before[..],
        [.., "addition", "to"]
            | [.., "besides"]
            | [.., "unlike"]
            | [.., "alem", "de" | "da" | "do" | "das" | "dos"]
            | [.., "apart", "from"]
    )
}

/// The firm speaking in the first person: `we`, `our`, `nossa`, and Portuguese verbs in the
/// first person plural, whose pronoun is left out (`“Estamos otimistas para o Itaú”, dizem`).
#[rustfmt::skip]
pub(super) fn is_first_person(key: &str) -> bool {
    matches!(key,
        "we" | "our" | "nossa" | "nosso" | "nossas" | "nossos" | "estamos" | "vemos" | "acreditamos" | "mantemos"
            | "recomendamos" | "esperamos" | "preferimos" | "temos" | "seguimos" | "reiteramos" | "elevamos"
            | "rebaixamos" | "reduzimos" | "cortamos" | "gostamos" | "avaliamos" | "projetamos" | "estimamos"
            | "continuamos" | "enxergamos" | "achamos" | "consideramos"
    )
}

/// A noun a business is described by (`private equity firm`, `cement maker`, `British utility`).
pub(super) fn is_business_noun(key: &str) -> bool {
    // (`glassmaker`, `carmaker`, `chipmaker`; not a lawmaker or a policymaker.)
    let maker = key.len() > 5
        && key.ends_with("maker")
        && !matches!(key, "lawmaker" | "policymaker" | "filmmaker" | "dealmaker" | "peacemaker" | "rainmaker");
    maker
        || matches!(
            key,
            "firm"
                | "company"
                | "group"
                | "maker"
                | "miner"
                | "utility"
                | "owner"
                | "retailer"
                | "lender"
                | "insurer"
                | "chain"
                | "operator"
                | "producer"
                | "manufacturer"
                | "developer"
                | "builder"
                | "supplier"
                | "provider"
                | "carrier"
                | "airline"
                | "brewer"
                | "conglomerate"
                | "housebuilder"
                | "grocer"
                | "distributor"
                | "engineer"
                | "specialist"
                | "bookseller"
                | "stationer"
                | "rival"
                | "bank"
        )
}

/// `He cut his target…` after `Citigroup analyst Itay Michaeli`: a pronoun opening the sentence
/// (`own`) is the analyst or firm just named.
/// (`For instance, he raised…`: after an opening phrase too, within its first words.)
pub(super) fn opens_on_a_pronoun(own: &[Token]) -> bool {
    let pronoun = own.iter().take(4).enumerate().any(|(k, w)| {
        (matches!(&*w.key, "he" | "she" | "they" | "ele" | "ela" | "eles") && (k == 0 || !w.capitalized))
            // `It also downgraded Applied Materials`: the firm, opening the sentence.
            || (k == 0 && w.key == "it")
    });
    // `Em relatório, citou a expectativa positiva…`, `In a note, …`: the report of the firm before.
    let report = own.first().is_some_and(|w| matches!(&*w.key, "em" | "in"))
        && own.iter().skip(1).take(2).any(|w| matches!(&*w.key, "relatorio" | "nota" | "report" | "note"));
    pronoun || report
}

/// `…as ordinárias da CSN (6,26%). Esta última teve sua recomendação elevada`, `The latter was
/// upgraded`: a sentence (`own`) opening on the company named last `before` it.
pub(super) fn the_latter(own: &[Token], before: &[Mention]) -> Option<Symbol> {
    let latter = matches!(
        own,
        [first, second, ..] if matches!((&*first.key, &*second.key),
            ("esta" | "este" | "a" | "o", "ultima" | "ultimo") | ("the", "latter"))
    );
    latter.then(|| before.iter().rfind(|m| !m.rates).map(|m| m.symbol.clone())).flatten()
}

/// `…a preferida é a Gerdau (GGBR4)` after `O JP Morgan revisou…`: a pick stated with no firm
/// named is the firm's just before.
pub(super) fn names_a_pick(own: &[Token]) -> bool {
    own.iter().any(|w| {
        matches!(
            &*w.key,
            "preferida"
                | "preferido"
                | "preferidas"
                | "preferidos"
                | "favorita"
                | "favorito"
                | "favoritas"
                | "favoritos"
                | "pick"
                | "picks"
                | "escolha"
        )
    })
}

/// `Wells Fargo and Morgan Stanley were highlighted as top stock picks`: companies picked in a
/// passive before the stance word at byte `at` (so their names are the rated, not the holders).
pub(super) fn picked_as(own: &[Token], at: usize) -> bool {
    let before = &own[..own.partition_point(|w| w.start < at)];
    before.windows(3).any(|w| {
        matches!(&*w[0].key, "were" | "was" | "are" | "is" | "foram" | "foi")
            && matches!(
                &*w[1].key,
                "highlighted"
                    | "named"
                    | "chosen"
                    | "selected"
                    | "picked"
                    | "identified"
                    | "tapped"
                    | "singled"
                    | "eleitas"
                    | "eleitos"
                    | "eleita"
                    | "eleito"
                    | "escolhidas"
                    | "escolhidos"
                    | "escolhida"
                    | "escolhido"
            )
            && matches!(&*w[2].key, "as" | "como" | "out")
    })
}

/// `The analyst named AbbVie… as the top picks`, `Os analistas mantêm…`: a sentence opening on the
/// firm's analyst named before, as the subject; `Em relatório, os analistas também elegeram…`:
/// after an opening phrase and its comma too.
pub(super) fn opens_on_the_analyst(text: &str, own: &[Token]) -> bool {
    own.windows(2).take(5).enumerate().any(|(k, p)| {
        let opens = (k < 3 && p[0].capitalized) || (k > 0 && text[own[k - 1].end..p[0].start].contains(','));
        matches!(&*p[0].key, "the" | "o" | "os" | "a" | "as") && opens && is_analyst_word(&p[1].key)
    })
}

/// `…has been downgraded since Jan 3., including Coca-Cola, Procter & Gamble, Goldman Sachs…`: in
/// a passive, names listed after `including` (from the stance word at byte `at` to the name at
/// `start`) were rated, not rating.
pub(super) fn rated_in_a_list(own: &[Token], at: usize, start: usize) -> bool {
    own[own.partition_point(|w| w.start <= at)..own.partition_point(|w| w.start < start)]
        .iter()
        .any(|w| matches!(&*w.key, "including" | "incluindo"))
}

/// `** Upgrades Bristol-Myers Squibb BMY.N to "buy"`, `- Maintains "buy" for Eli Lilly`: opening on
/// the act with no subject, as a line of a firm's list of calls does (the caller checks that the
/// sentence opens a line; the firm is the one named before).
/// `…ao sugerir comprar Alupar (ALUP11) e vender Taesa (TAEE11)`: a clause opening on `e`/`and` and
/// a trade's other leg, held by the firm of the clause before.
pub(super) fn other_leg(own: &[Token]) -> bool {
    matches!(own, [and, leg, ..] if matches!(&*and.key, "e" | "and") && is_trade_leg(&leg.key))
}

pub(super) fn opens_on_an_act(own: &[Token]) -> bool {
    own.first().is_some_and(|w| {
        w.capitalized
            && matches!(
                &*w.key,
                "upgrades"
                    | "downgrades"
                    | "maintains"
                    | "reiterates"
                    | "raises"
                    | "cuts"
                    | "lowers"
                    | "initiates"
                    | "keeps"
                    | "resumes"
                    | "reinstates"
                    | "remains"
                    | "trims"
                    | "boosts"
                    | "lifts"
            )
    })
}

/// `the upgrade also reflects…`: the rating act's noun (at byte `at`) after `the`/`this`/`o`
/// restates the change just reported, about the same company. Not `e o rebaixamento de CCR`: a
/// new act, of the company named right after it (one of `about`).
pub(super) fn restates_an_act(own: &[Token], at: usize, about: &[&Mention]) -> bool {
    let cue = own.partition_point(|w| w.start < at);
    // (`o rebaixamento de X`, `o rebaixamento de recomendação para Blau (BLAU3), Mater Dei…`: its
    // company named right after it, past a rating's noun.)
    let of_a_company = || {
        own.get(cue + 1).is_some_and(|w| matches!(&*w.key, "de" | "da" | "do" | "of" | "on"))
            && own[cue + 1..own.len().min(cue + 6)]
                .iter()
                .take_while(|w| joins_an_act_to_its_object(&w.key))
                .count()
                .checked_add(cue + 1)
                .and_then(|k| own.get(k))
                .is_some_and(|w| about.iter().any(|m| m.span.start == w.start))
    };
    cue > 0
        && matches!(&*own[cue - 1].key, "the" | "this" | "o" | "esse" | "este")
        && own.get(cue).is_some_and(|w| w.start == at)
        && !of_a_company()
}

/// `…downgraded Verizon's shares, with Goldman's Jason Armstrong saying that…`: a firm brought in
/// by `with` to speak (a verb of saying within a few words) comments on the act; it does not
/// hold it. `own` are the sentence's words, `span` the firm's.
pub(super) fn speaks_aside(text: &str, own: &[Token], span: &Range<usize>) -> bool {
    let k = own.partition_point(|w| w.start < span.start);
    let with =
        k > 0 && matches!(&*own[k - 1].key, "with" | "com") && text[..own[k - 1].start].trim_end().ends_with(',');
    with && own[k..].iter().take(6).any(|w| {
        matches!(
            &*w.key,
            "saying" | "noting" | "adding" | "arguing" | "writing" | "dizendo" | "afirmando" | "destacando"
        )
    })
}

/// Whether company `m` comes after the stance word at byte `at`, behind `de`/`of`/`on`/`para`
/// (`rebaixou a recomendação de Itaú`). `own` are the sentence's words.
pub(super) fn behind_of(own: &[Token], m: &Mention, at: usize) -> bool {
    let k = own.partition_point(|w| w.start < m.span.start);
    m.span.start > at && k > 0 && matches!(&*own[k - 1].key, "de" | "do" | "da" | "of" | "on" | "para" | "for")
}

/// `Meanwhile, 12 of the 22 covering analysts maintain "hold" or worse suggestions`, `most analysts
/// rate it a hold`: analysts counted, the market at large, not the firm of the view before.
pub(super) fn counted_analysts(own: &[Token]) -> bool {
    own.iter().enumerate().any(|(k, w)| {
        matches!(&*w.key, "analysts" | "analistas")
            && own[k.saturating_sub(3)..k].iter().any(|c| {
                c.is_digits()
                    || matches!(
                        &*c.key,
                        "most" | "many" | "several" | "some" | "other" | "covering" | "outros" | "demais" | "maioria"
                    )
            })
    })
}
