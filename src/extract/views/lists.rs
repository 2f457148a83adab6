//! The companies of a sentence's views as lists: a name and the symbols bracketed after it are
//! one company (`Petrobras (PETR3; PETR4)`), and companies joined by commas and `e`/`and` share
//! the view of the first (`rebaixaram as ações do Assaí e do Carrefour Brasil`).

use std::ops::Range;

use super::nouns::set_beside;
use crate::extract::known_brokers::brokers_in;
use crate::extract::mentions::{Mention, is_broker};
use crate::extract::tokens::Token;
use crate::extract::unlisted::is_b3_form;
use crate::model::Symbol;

/// Between two companies of one list: commas, `and`/`e`/`or`/`ou` and articles only.
/// A bracketed aside is skipped (`Fleury (FLRY3 -0,13%, R$ 15,90) e Odontoprev`, where the
/// company's span may end inside the bracket).
pub(super) fn is_list_gap(gap: &str) -> bool {
    let mut plain = String::with_capacity(gap.len());
    let mut depth = usize::from(gap.find(')').is_some_and(|close| gap.find('(').is_none_or(|open| open > close)));
    for (at, c) in gap.char_indices() {
        match c {
            // `Americanas (AMER3), Grupo Soma (SOMA3) e MRV (MRVE3)`: a name the finder does not
            // know, before its own bracketed code, is a company of the list.
            '(' if depth == 0 && bracketed_code(&gap[at + 1..]) => {
                depth = 1;
                while let Some(name) = plain.trim_end().rsplit(' ').next().filter(|w| w.starts_with(char::is_uppercase))
                {
                    let keep = plain.trim_end().len() - name.len();
                    plain.truncate(keep);
                }
            }
            // (`BorgWarner (BWA) [Read more] and Magna (MGA)`: a link's words in square brackets.)
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut words: Vec<&str> =
        // (`Corp., `: the full stop of a name's suffix, after its mention ends.)
        plain.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';')).filter(|w| !w.trim_matches('.').is_empty()).collect();
    // `Magazine Luiza (MGLU3) e Pague Menos (PGMN3)`: a name the finder does not know, right
    // before its bracketed symbol, is the next company's.
    if gap.trim_end().ends_with('(') {
        while words.last().is_some_and(|w| w.starts_with(char::is_uppercase)) {
            words.pop();
        }
    }
    // `reduziu o preço-alvo de BHIA3 para R$ 2,50 e de MGLU3 para R$ 5,50`, `cut its targets on A
    // to $5 and on B to $7`: each company's new value, a target moved for each of the list.
    let mut skip = 0;
    if words.first().is_some_and(|w| matches!(*w, "para" | "to")) {
        let value = |w: &&&str| w.contains(|c: char| c.is_ascii_digit()) || matches!(**w, "R$" | "US$" | "$" | "€");
        let n = words[1..].iter().take_while(value).count();
        if n > 0 && words.get(1 + n).is_some_and(|w| matches!(*w, "e" | "and")) {
            skip = 1 + n;
        }
    }
    let on = if skip > 0 { "on" } else { "of" };
    // `Barrick Gold Corp., Goldcorp Inc., Kinross Gold Corp.`: legal suffixes, and a company the
    // finder does not know between two it does, named with its own suffix.
    let code = |w: &str| (2..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    let legal = |w: &str| matches!(w.trim_end_matches('.'), "Inc" | "Corp" | "Co" | "Ltd" | "plc" | "SA" | "S.A");
    let words = &words[skip..];
    // `JPMorgan (JPM), Wachovia, Wells Fargo (WFC)`: one name the finder does not know (a company
    // gone since), between commas.
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    // (Commas outside brackets: not a decimal comma in `(VALE3 -1,2%, R$ 60,5)`.)
    let unknown_name =
        plain.matches(',').count() >= 2 && (1..=2).contains(&words.iter().filter(|w| capital(w)).count());
    (0..words.len()).all(|k| {
        let w = words[k];
        // (`O Credit Suisse e o Itaú BBA`: Portuguese articles too.)
        matches!(
            w,
            "and"
                | "e"
                | "or"
                | "ou"
                | "&"
                | "do"
                | "da"
                | "de"
                | "dos"
                | "das"
                | "of"
                | "the"
                | "o"
                | "a"
                | "os"
                | "as"
        ) || w == on
            || legal(w)
            || (w.starts_with(char::is_uppercase) && words.get(k + 1).is_some_and(|n| legal(n)))
            // `downgrades WMT, ARO, ZLC, DLTR`: symbols the finder does not know, listed by commas.
            || (code(w) && gap.contains(','))
            || (unknown_name && capital(&w))
    })
}

/// Whether `after` (what follows an opening bracket) is a code and its closing bracket: a B3 code
/// or one to five capitals (`SOMA3)`, `XYZ)`).
fn bracketed_code(after: &str) -> bool {
    after.split_once(')').is_some_and(|(inside, _)| {
        // (`MB Financial (MBFI +1.6% )`: the code and its move.)
        let (code, moved) = inside.split_once(' ').unwrap_or((inside, ""));
        let moved = moved.trim();
        (moved.is_empty() || moved.starts_with(['+', '-', '−']) && moved.ends_with('%'))
            && (is_b3_form(code) || (1..=5).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_uppercase()))
    })
}

/// The longest gap between two names of one list, in bytes (`, `, ` e `, `) e `).
const MAX_LIST_GAP: usize = 40;

/// `Depois do JPMorgan, foi a vez do Goldman Sachs elevar…`, `Depois da BTG Pactual, Bradesco BBI,
/// Ágora e Genial Investimentos cortar o preço-alvo…, chegou a vez do Itaú BBA`, `After Citi, UBS
/// also cut…`: the brokers named after the sentence's opening `depois de` / `after` did the same
/// before, and hold the same view, when the sentence says the turn has come to another (`a vez`,
/// `também`, `also`).
/// They join `holders` (kept sorted).
pub(super) fn join_the_lead(own: &[Token], holders: &mut Vec<Range<usize>>) {
    if !own.first().is_some_and(|w| matches!(&*w.key, "depois" | "apos" | "after")) {
        return;
    }
    let turn = own.windows(2).any(|p| p[0].key == "a" && p[1].key == "vez")
        || own.iter().any(|w| matches!(&*w.key, "tambem" | "also"));
    if !turn {
        return;
    }
    let from = if own.get(1).is_some_and(|w| matches!(&*w.key, "de" | "do" | "da" | "dos" | "das" | "o" | "a" | "the"))
    {
        2
    } else {
        1
    };
    // The names up to the first word in lower case that joins none (`foi`, `cortar`).
    let upto = own
        .iter()
        .skip(from)
        .position(|w| !w.capitalized && !w.upper && !matches!(&*w.key, "e" | "and" | "de" | "do" | "da"))
        .map_or(own.len(), |k| k + from);
    for lead in brokers_in(&own[from.min(upto)..upto]) {
        if !holders.iter().any(|h| h.start < lead.end && lead.start < h.end) {
            holders.push(lead);
        }
    }
    holders.sort_by_key(|h| h.start);
}

/// `rebaixaram a recomendação: Bradesco BBI, Genial, BTG Pactual e XP`: the known brokers of a
/// sentence (`own`, its words; `sentence`, its bytes) listed with its holders join them, where a
/// holder is listed (a comma, `e` or `and` right next to it). `holders` ends sorted.
pub(super) fn join_listed_brokers(text: &str, own: &[Token], sentence: &Range<usize>, holders: &mut Vec<Range<usize>>) {
    // `Macquarie Bank Ltd. and Piper Jaffray Cos. cut their ratings`: a holder's name that is a
    // list of known brokers is each of them.
    let mut split: Vec<Range<usize>> = Vec::with_capacity(holders.len());
    for h in holders.drain(..) {
        let inside = &own[own.partition_point(|w| w.start < h.start)..own.partition_point(|w| w.start < h.end)];
        let listed = brokers_in(inside);
        let is_list = listed.len() >= 2
            && listed[0].start == h.start
            && listed
                .windows(2)
                .all(|p| is_list_gap(&text[p[0].end..p[1].start]) && p[1].start - p[0].end <= MAX_LIST_GAP);
        if is_list { split.extend(listed) } else { split.push(h) }
    }
    *holders = split;
    // Only the holders next to a broker can be joined to it (one pass, in order).
    holders.sort_by_key(|h| h.start);
    let in_list = |h: &Range<usize>| {
        // (A holder the claimant finder read across the sentence's end reads as ending there.)
        let before = text.get(sentence.start..h.start).unwrap_or("");
        // (`do Credit Suisse e do Goldman Sachs`: past the article of the name.)
        let before = ["do ", "da ", "dos ", "das ", "o ", "a ", "the "]
            .iter()
            .find_map(|a| before.strip_suffix(a).filter(|b| b.ends_with(' ')))
            .unwrap_or(before);
        let after = text.get(h.end..sentence.end).unwrap_or("");
        after.starts_with([',', ';'])
            || after.starts_with(" e ")
            || after.starts_with(" and ")
            || before.ends_with(", ")
            || before.ends_with(" e ")
            || before.ends_with(" and ")
    };
    if !holders.iter().any(in_list) {
        return;
    }
    // The holders and the other known brokers in text order; runs of them joined by list gaps
    // are lists. A run holding a holder and joined by `e`/`and` somewhere (`Deutsche Bank,
    // Macquarie and Piper Jaffray cut…`; not `Besides Susquehanna, BMO increased…`) adds its
    // brokers; so does a broker between two holders.
    let mut items: Vec<(Range<usize>, bool)> = holders.iter().map(|h| (h.clone(), true)).collect();
    let held = covered_by(holders);
    items.extend(brokers_in(own).into_iter().filter(|b| !held(b)).map(|b| (b, false)));
    items.sort_by_key(|(r, _)| r.start);
    let gap_of = |a: &Range<usize>, b: &Range<usize>| past_name_tail(text.get(a.end..b.start).unwrap_or(";"));
    let listed = |gap: &str| gap.len() <= MAX_LIST_GAP && is_list_gap(gap) && !gap.trim().is_empty();
    let with_and = |gap: &str| gap.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "e" | "and"));
    let mut added: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    while start < items.len() {
        let mut end = start + 1;
        while end < items.len() && listed(gap_of(&items[end - 1].0, &items[end].0)) {
            end += 1;
        }
        let run = &items[start..end];
        // (`Morgan Stanley Dean Witter, Lehman Brothers and CreditSuisse First Boston cutting…`: the
        // list goes on with a name the finder does not know.)
        let and_after = |r: &Range<usize>| {
            let rest = text[r.end..sentence.end.max(r.end)].trim_start_matches([',', ' ']);
            ["and ", "e "].iter().any(|a| rest.strip_prefix(a).is_some_and(|n| n.starts_with(char::is_uppercase)))
        };
        let anded = run.windows(2).any(|p| with_and(gap_of(&p[0].0, &p[1].0)))
            || run.len() >= 2 && run.last().is_some_and(|(r, _)| and_after(r));
        if run.iter().any(|(_, holder)| *holder) {
            for (k, (b, holder)) in run.iter().enumerate() {
                let between = k > 0 && k + 1 < run.len() && run[k - 1].1 && run[k + 1].1;
                // (`Besides Susquehanna, BMO and Stifel raised…`: one set beside the list.)
                if !holder && !set_beside(own, b.start) && (anded || between) {
                    added.push(b.clone());
                }
            }
        }
        start = end;
    }
    holders.extend(added);
    holders.sort_by_key(|h| h.start);
}

/// Whether a range overlaps one of `spans`, read by bisection: the spans by start, with the
/// furthest end so far (a list may name thousands of firms).
pub(super) fn covered_by(spans: &[Range<usize>]) -> impl Fn(&Range<usize>) -> bool + use<> {
    let mut sorted = spans.to_vec();
    sorted.sort_by_key(|h| h.start);
    let reach: Vec<usize> = sorted
        .iter()
        .scan(0, |end, h| {
            *end = (*end).max(h.end);
            Some(*end)
        })
        .collect();
    move |r: &Range<usize>| {
        let after = sorted.partition_point(|h| h.start < r.end);
        after > 0 && reach[after - 1] > r.start
    }
}

/// A gap after a broker's name without the words that go on with the name (`Securities Inc., `,
/// `Bank Ltd. and ` → `, `, ` and `).
fn past_name_tail(gap: &str) -> &str {
    let mut rest = gap;
    loop {
        let word_start = rest.len() - rest.trim_start().len();
        let word: String = rest[word_start..].chars().take_while(|c| c.is_alphabetic()).collect();
        let tail = matches!(
            word.as_str(),
            "Securities"
                | "Inc"
                | "Ltd"
                | "Cos"
                | "Co"
                | "Corp"
                | "LLC"
                | "Bank"
                | "Capital"
                | "Markets"
                | "Group"
                | "Research"
                | "Company"
                | "AG"
                | "plc"
                | "SA"
        );
        if !tail {
            return rest;
        }
        rest = rest[word_start + word.len()..].trim_start_matches('.');
    }
}

/// `- Tesla: Downgraded to Equal-weight…`, `• Upgrades…`: a sentence that is an item of a bulleted
/// list (the firm whose calls it lists may be named well before the list).
pub(super) fn bulleted(text: &str, sentence: &Range<usize>) -> bool {
    let opening = text[sentence.clone()].trim_start();
    let before = text[..sentence.start].trim_end_matches([' ', '\t']);
    let bullet = |s: &str| s.starts_with(['-', '•', '*', '–']);
    (bullet(opening) && (before.is_empty() || before.ends_with('\n')))
        || (before.ends_with(['-', '•', '*', '–'])
            && before.trim_end_matches(['-', '•', '*', '–', ' ']).ends_with('\n'))
}

/// Where the bulleted item holding byte `at` starts, looked for from byte `from` (`from` when
/// none does): each bullet of a roundup opens a company of its own. Not a bullet whose line ends a
/// sentence with a blank line after it (`• a performance… não se justifica;` then `Logo após o
/// balanço, o Bradesco BBI manteve…`): the list of reasons has ended.
pub(super) fn item_start(text: &str, from: usize, at: usize) -> usize {
    text[from..at].rfind('•').map_or(from, |b| {
        let line_end = text[from + b..at].find('\n').map_or(at, |e| from + b + e);
        let ended = text[from + b..line_end].trim_end().ends_with(['.', ';'])
            && text[line_end..at].trim_start_matches([' ', '\t', '\r']).starts_with("\n\n");
        if ended { from } else { from + b }
    })
}

/// Whether a sentence opens a line of the text (after a line break and any bullet marks).
pub(super) fn opens_a_line(text: &str, sentence: &Range<usize>) -> bool {
    let before = text[..sentence.start].trim_end_matches([' ', '\t', '*', '-', '•', '–']);
    before.is_empty() || before.ends_with('\n')
}

/// `BRF — O Santander elevou a recomendação…`, `Natura&Co — O Citi manteve…`: a line of a list
/// of notes headed by the company it is about, before a dash. The head's span, when a company (no
/// broker) is named in it.
pub(super) fn note_head(text: &str, sentence: &Range<usize>, mentions: &[Mention]) -> Option<Range<usize>> {
    let before = text[..sentence.start].trim_end_matches([' ', '\t']);
    if !(before.is_empty() || before.ends_with('\n')) {
        return None;
    }
    let dash = [" — ", " – ", " - "].iter().filter_map(|d| text[sentence.clone()].find(d)).min()?;
    let head = sentence.start..sentence.start + dash;
    // Only a name (`Natura&Co`, `Banco do Brasil (BBAS3)`), not a sentence (`Bank of America
    // upgraded shares of Petróleo Brasileiro S.A. – Petrobras`).
    let a_name = text[head.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| !w.starts_with(char::is_lowercase) || matches!(w, "de" | "da" | "do" | "dos" | "das" | "e" | "of"));
    let company =
        mentions.iter().any(|m| head.start <= m.span.start && m.span.end <= head.end && !is_broker(&m.symbol));
    (dash <= 60 && a_name && company).then_some(head)
}

/// The companies `ambas`/`both` stand for in a sentence's words (`own`): `O Barclays rebaixou as
/// ações de ambas` is about the companies of the sentence before (`previous`); `CSN (CSNA3) e
/// Usiminas (USIM5) … a recomendação de ambas` about those named before it in the sentence
/// (`about`). A count and its noun stand for as many companies (`reduziu a recomendação das três
/// construtoras` after `As ações da MRV, Direcional e da Tenda…`; `the two lenders`). Empty when
/// there is no such word, or not as many companies; not `upgraded both Qualcomm and Skyworks`,
/// where `both` opens the list it is about. `these stocks` (`essas ações`) with no company in
/// its sentence stands for the companies of the two sentences before (`two_before`), and a count
/// with none in the sentence before for as many named further back (`further`).
pub(super) fn both_companies(
    own: &[Token],
    about: &[&Mention],
    previous: &[Mention],
    two_before: &[Mention],
    further: &[Mention],
) -> Vec<Symbol> {
    let opens_list = |k: usize| own.get(k + 1).is_some_and(|n| about.iter().any(|m| m.span.start == n.start));
    // `reiterated his “buy” rating on these stocks`: the companies of the two sentences before.
    let demonstrative = own.windows(2).any(|p| {
        matches!(&*p[0].key, "these" | "those" | "essas" | "estas" | "esses" | "estes") && is_company_noun(&p[1].key)
    });
    let previous = if demonstrative && about.is_empty() { two_before } else { previous };
    // The word and how many companies it stands for (none: two or more).
    let found = own.iter().enumerate().find_map(|(k, w)| match &*w.key {
        // `both stocks`, `ambas as companhias`: two companies.
        "ambas" | "ambos" | "both" => {
            let noun = own[k + 1..].iter().take(2).position(|n| is_company_noun(&n.key));
            let article = || own.get(k + 1).is_some_and(|a| matches!(&*a.key, "as" | "os" | "the"));
            Some((k, (noun == Some(0) || (noun == Some(1) && article())).then_some(2)))
        }
        "these" | "those" | "essas" | "estas" | "esses" | "estes"
            if own.get(k + 1).is_some_and(|n| is_company_noun(&n.key)) =>
        {
            Some((k, None))
        }
        // (Not `the differences between the two companies`: a comparison.)
        key => counted(key)
            .filter(|_| own.get(k + 1).is_some_and(|n| is_company_noun(&n.key)))
            .filter(|_| !own[..k].iter().rev().take(2).any(|b| matches!(&*b.key, "between" | "entre")))
            .map(|n| (k, Some(n))),
    });
    let Some((at, wanted)) = found.filter(|&(k, _)| !opens_list(k)).map(|(k, n)| (own[k].start, n)) else {
        return Vec::new();
    };
    let enough = |all: &[Symbol]| match wanted {
        Some(n) => all.len() == n,
        None => all.len() >= 2,
    };
    let distinct = |list: &mut dyn Iterator<Item = &Mention>| {
        let mut all: Vec<Symbol> = Vec::new();
        for m in list {
            if !all.contains(&m.symbol) {
                all.push(m.symbol.clone());
            }
        }
        all
    };
    // `reiterou recomendação de compra para as duas empresas, elevando o preço-alvo da Equatorial…
    // e da Energisa`: as many companies named in the sentence after the count are the ones.
    let all_here = distinct(&mut about.iter().copied());
    if wanted.is_some() && enough(&all_here) {
        return all_here;
    }
    let here = distinct(&mut about.iter().copied().filter(|m| m.span.start < at));
    // `cut their price targets … -- both still in record-high territory`: with fewer than two
    // companies before, `both` is about something else (with more, each of them).
    let both = own.get(found.map_or(0, |(k, _)| k)).is_some_and(|w| matches!(&*w.key, "ambas" | "ambos" | "both"));
    if enough(&here) || (both && here.len() > 2) {
        return here;
    }
    // `Intel dipped…, while Broadcom slid…, after both stocks were downgraded`: the clause before
    // names the other.
    if both && wanted == Some(2) && here.len() == 1 {
        let mut two = distinct(&mut previous.iter().filter(|m| !m.rates && !m.speaks && !is_broker(&m.symbol)));
        two.retain(|s| !here.contains(s));
        if two.len() == 1 {
            two.extend(here);
            return two;
        }
    }
    if !about.is_empty() {
        return Vec::new();
    }
    let all = distinct(&mut previous.iter().filter(|m| !m.rates && !m.speaks));
    // (`o recado do Bank of America… sobre ações do Magazine Luiza e da Casas Bahia`: a bank one too
    // many is the one speaking.)
    let companies = || distinct(&mut previous.iter().filter(|m| !m.rates && !m.speaks && !is_broker(&m.symbol)));
    // `Os papéis da TIM caíram… As ações da Vivo… A Oi… recomenda a compra das três empresas`: a
    // count of companies named over the sentences before (`further`), exactly.
    let named_further = || distinct(&mut further.iter().filter(|m| !m.rates && !m.speaks && !is_broker(&m.symbol)));
    if enough(&all) {
        all
    } else if let Some(c) = Some(companies()).filter(|c| enough(c)) {
        c
    } else {
        Some(named_further()).filter(|c| wanted.is_some() && enough(c)).unwrap_or_default()
    }
}

/// A count of two to five, in words (`three`, `três`, `duas`).
fn counted(key: &str) -> Option<usize> {
    match key {
        "two" | "dois" | "duas" => Some(2),
        "three" | "tres" => Some(3),
        "four" | "quatro" => Some(4),
        "five" | "cinco" => Some(5),
        _ => None,
    }
}

/// A plural noun a count of companies goes with (`construtoras`, `lenders`, `stocks`).
#[rustfmt::skip]
fn is_company_noun(key: &str) -> bool {
    matches!(key,
        "companies" | "stocks" | "names" | "banks" | "lenders" | "retailers" | "carriers" | "airlines" | "miners"
            | "automakers" | "chipmakers" | "insurers" | "utilities" | "empresas" | "companhias" | "acoes"
            | "papeis" | "bancos" | "construtoras" | "varejistas" | "siderurgicas" | "mineradoras" | "eletricas" | "frigorificos" | "operadoras" | "incorporadoras" | "petroleiras" | "aereas"
    )
}

/// `Equatorial segue entre as preferidas do banco, junto a Eletrobras, Sabesp e Copel`: a list
/// after the stance word joined to the subject (`junto a`, `along with`) is about the subject too.
/// `groups` are the sentence's companies, `g` the list's first, `at` the stance word's byte.
pub(super) fn joined_subject(text: &str, groups: &[(Range<usize>, Symbol)], g: usize, at: usize) -> Option<Symbol> {
    // (Only the last words before the list are read: the text before it may be long.)
    let before = text[..groups[g].0.start].trim_end();
    let from = before.floor_char_boundary(before.len().saturating_sub(24));
    let before = before[from..].to_lowercase();
    let joined = ["junto a", "junto com", "juntamente com", "ao lado de", "along with", "together with"]
        .iter()
        .any(|j| before.ends_with(j));
    let subject = groups[..g].iter().rfind(|(span, _)| span.start < at)?;
    joined.then(|| subject.1.clone())
}

/// Two B3 share classes of one issuer (`GOAU3`, `GOAU4`): the same four letters.
pub(super) fn same_issuer(a: &str, b: &str) -> bool {
    a.len() >= 5 && b.len() >= 5 && a.get(..4) == b.get(..4) && a.chars().take(4).all(|c| c.is_ascii_uppercase())
}

/// The companies of a sentence's mentions, in order: a name and the symbols bracketed after it
/// are one (`Petrobras (PETR3; PETR4)`: Petrobras; `Metalúrgica Gerdau (BOV:GOAU4)`: the one
/// symbol bracketed, GOAU4). Each with the span from its name to its last symbol.
pub(super) fn companies(text: &str, about: &[&Mention]) -> Vec<(Range<usize>, Symbol)> {
    let mut out: Vec<(Range<usize>, Symbol)> = Vec::new();
    // Symbols bracketed after the current company's name so far, while its bracket is open.
    let mut open: Option<Vec<Symbol>> = None;
    for (k, m) in about.iter().enumerate() {
        // (Overlapping mentions, as a user's alias over a known name makes, are two companies.)
        let gap = if k > 0 { text.get(about[k - 1].span.end..m.span.start).unwrap_or(")") } else { "" };
        let own = k > 0 && (open.is_some() && !gap.contains(')') || gap.contains('(') && !gap.contains(')'));
        match out.last_mut() {
            Some(last) if own => {
                last.0.end = m.span.end;
                open.get_or_insert_with(Vec::new).push(m.symbol.clone());
            }
            _ => {
                out.push((m.span.clone(), m.symbol.clone()));
                open = None;
            }
        }
        let closes =
            about.get(k + 1).is_none_or(|n| text.get(m.span.end..n.span.start).is_none_or(|g| g.contains(')')));
        if closes && let Some(symbols) = open.take() {
            // One share class bracketed (`Metalúrgica Gerdau (GOAU4)`, found as GOAU3) stands for
            // the name; several are its listings, and an ADR (`Petrobras (NYSE:PBR)`) is not it.
            if let ([only], Some(last)) = (&symbols[..], out.last_mut())
                && same_issuer(only.as_str(), last.1.as_str())
            {
                last.1 = only.clone();
            }
        }
    }
    out
}

/// `Dhanda downgraded Intel from a buy to a neutral rating, as he did with Texas Instruments,
/// Analog Devices and Semtech`, `assim como fez com a Vale`: the companies the same act was done
/// to, named after `did with`/`fez com` (of `about`, the sentence's companies).
pub(super) fn done_likewise(own: &[Token], about: &[&Mention]) -> Vec<Symbol> {
    let Some(k) = own.windows(2).position(|p| {
        matches!((&*p[0].key, &*p[1].key), ("did", "with" | "for") | ("fez" | "fizeram", "com" | "para"))
    }) else {
        return Vec::new();
    };
    let from = own[k].start;
    let mut out: Vec<Symbol> = Vec::new();
    for m in about.iter().filter(|m| m.span.start > from) {
        if !out.contains(&m.symbol) {
            out.push(m.symbol.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_list_gap;

    #[test]
    fn a_list_gap_may_hold_each_companys_new_value() {
        assert!(is_list_gap(" e do "));
        assert!(is_list_gap("), Grupo Soma (SOMA3) e "), "a company the finder does not know, with its code");
        assert!(!is_list_gap("), Grupo Soma (em recuperação) e "), "a bracket that holds no code");
        assert!(is_list_gap(", ARO, ZLC, FDO, "), "symbols the finder does not know");
        assert!(!is_list_gap(" CEO "), "a word in capitals, not listed");
        assert!(is_list_gap(" para R$ 2,50 e de "), "a target for each");
        assert!(is_list_gap(" to $5 and on "));
        assert!(!is_list_gap(" para R$ 2,50, superior ao da "), "no second company's `e de`");
        assert!(!is_list_gap(" on "), "`on` only after a value");
    }
}
