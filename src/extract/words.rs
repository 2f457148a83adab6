//! Words that must not become tickers: everyday English and Portuguese words (`Target`, `Block`,
//! `Vale`, `NOW`, `ALL`) and the acronyms of research notes (`AI`, `IA`, `CEO`, `GPU`, `EUA`).
//!
//! A company whose matchable name is one everyday word is found only through a curated alias
//! (which may require a capital letter); an all-caps word that is also a symbol is a ticker only
//! in an explicit context (`(NYSE: ON)`, `$ALL`).

use std::sync::OnceLock;

use super::fx_hash::FxHashSet;

/// Everyday words, folded (lower case, no accents).
const COMMON: &str = "
a able about above across act action actions active add after again against age agent ago agree ahead aim air
alive all allow almost alone along already also alter always am among amount an and angel animal annual another
answer any apart apple apply arc arch are area arena argo arm armor army around arrow art as ascent ask asset at
atlas atom aura auto avid avenue away axis baby back bad balance ball band bank bar barrel base basic basin
batch be bear beat beauty bed bee before begin being bell belt best beta better between beyond big bill bio bird
bit black blade blank blend block blue board boat body bold bond book boost boot born boss both bottom bound box
brand brave bread break bridge bright bring broad brown build bull burst bus business busy but buy by cable call
calm camp can cap capital car card care cargo carry case cash cast cat catch cause cell center central chain
chair chance change charge chart cheap check chef chess chief child choice circle citizen city civil claim class
clean clear clever click client climb clock close cloud club coast code coin cold color come comfort common
community company compass complete core corn cost could count country courage course cover craft crane crash
create credit crest crew cross crown crystal cube cure current curve custom cut cycle daily dare dark dash data
date dawn day deal dear deep delta design desk detail diamond digital direct dish do dog dollar domain door dot
double down draft dragon dream dress drive drop dry due duke dune during each eagle early earn earth ease east
eastern easy echo edge edit effect eight either elastic elite else embark ember end energy engine enjoy enough enter
entire envoy equal equity era even event ever every evolve exact exit expert express extra eye face fact fair
faith fall false fame family fan far farm fast fate father fear feat feed feel fever few field fig fight figure
file fill film final find fine fire firm first fish fit five fix flag flame flash fleet flex flight float flow
fly focus fold follow food foot for force ford forge form fort forward found four fox frame free fresh friend
from front frontier fruit fuel full fun fund future gain game gap garden gate gather gear gem general genius
gentle get giant gift give glad glass global globe glory go goal gold golden golf good grace grand grant graph
grass gray great green grid ground group grow growth guard guide gulf half hall hand happy harbor hard harmony
harvest has have he head health heart heat heavy help her here hero high hill him his history hold home honest
honey hood hope horizon horse host hot hour house how hub huge human hunt ice idea ideal if image impact in
income index inner input insight inspire into iron is island it item its jet job join joy judge jump just keen
keep key kid kind king kit kite knight know lab labor lake land lane large last late launch law layer lead leaf
lean learn least left legacy legend lend less let level liberty life lift light like lime line link lion list
little live local lock logic long look loop lord lose lot love low loyal luck lumen lunar machine made magic
magnet main major make mall man manage many map marble march margin marine mark market mass master match matrix
may me mean medal media medical meet member menu merit mesh metal meta method micro middle might mile mind mine
mint minute mirror mission mode model modern moment money month moon more morning most mother motion motor mount
move much music must my name nation native natural nature near neat need net never new news next nice night nine
no noble none north northern not note novel now number oak object ocean odd of off offer office oil old on once one only
open option or oracle orbit order origin other our out outlook over own owner pace pack page paint pair palm
panel paper park part partner party pass past patch path peak pen people pepper per perfect person phase pick
piece pilot pine pink pioneer pipe pivot place plain plan planet plant play plaza plus point polar pole pool
pop port post pound power present press price pride prime print prize pro profit program progress project proof
proper prospect proud public pulse pure purpose push quality quantum quest quick quiet rain range rapid rare rate
raw reach read ready real realm reason red reef relay rely remote rent rest return rich ride right ring rise
risk river road rock role roof room root rose round route royal rule run rush safe safety sage sail salt same
sand save say scale scan scene school science scope score screen sea seal season seat second secure see seed
select self sell send sense serve service set seven shadow shape share sharp shell shield shift shine ship shop
short should show side sight sign signal silver simple since single site six size skill sky sleep slice smart
smile snap snow so social soft solar solid solo some son sonic sound source south space spark speak special
speed sphere spin spirit split spot spring square stable stage stand star start state station stay steady steel
step stone stop store storm story strategy stream street strike strong style sugar summit sun super supply sure
surge swift switch system table tail take talent talk tank target task taste team tech tell ten term test than
that the their them then theory there these they thing think this those three thrive tide tiger time tiny title
to today together token tomorrow tone too tool top total touch tour tower town track trade trail train trans
transfer travel treasure tree trend trial tribe trip true trust truth try turn twin two type ultra under union
unit unity up upon urban us use valley value vector venture verse very view vision visit vista vital voice
volt wage wait walk wall want war warm wash watch water wave way we wealth wear web week weight well west western what
wheel when where which while white who whole why wide wild will win wind window wing winner wise with wolf
woman wonder wood word work world worth would write yard year yes yet yield you young your zero zone zoom
tesla intel micron visa shell block target square snap match unity gap sea chewy lumen zoom vertex nu nasdaq dow
nova novo ibovespa bovespa selic copom
california texas florida nevada oregon ohio georgia virginia carolina michigan arizona colorado alabama indiana
kentucky louisiana maryland massachusetts minnesota missouri montana nebraska oklahoma pennsylvania tennessee utah
wisconsin iowa kansas idaho vermont delaware connecticut hawaii alaska mississippi arkansas wyoming dakota
southern progressive booking american united principal popular universal republic icon coastal structure array
gravity catalyst premier inter alarm interface extreme opera hello stellar mercury orion trinity columbia graham
cooper kirby rogers guess deluxe employers customers merchants beam eve chime toast lear mosaic align ally maze cool
amber tango guild noah hippo cars figs proto rocket carrier travelers williams everest magna jackson ensign life
silicon minerals banner heritage crawford marcus ennis matthews patrick dana gogo spire enact essent stride toro
thor dole peoples citizens edison dover lennox cincinnati webster ferguson viking fortis markel apollo insight
evolve chemical energy pacific atlantic frontier summit pinnacle liberty freedom patriot eagle falcon phoenix
monday tuesday wednesday thursday friday saturday sunday january february april june july august september october
november december segunda terca quarta quinta sexta sabado domingo janeiro fevereiro marco abril maio junho julho
agosto setembro outubro novembro dezembro
abre acao acoes acordo agora ainda alta alto alvo ano anos ao apos aqui area as assim ate atual azul baixa base
bem boa bolsa bom cada caixa cada campo capital carro casa caso cenario centro cerca certo ceu chave cidade
cinco claro cliente com como conta contra custo dado dados de dia dias diz do dois dono dos duas e ela ele em
energia enquanto entao entrada entre era essa esse esta estado este eu faixa fato fim fonte forca forte foi frente
fundo ganho gente gol grande grupo guia hoje hora ideia impacto isso ja junto lado lar lei leve linha lista
livre logo loja lucro luz mais maior mal mar marca mas massa media meio melhor menor menos mercado mes mesa
mesmo meta metade mil minas modo momento mundo muito nada nao nave neste nivel no nome nos nossa nosso nova novo
nunca o obra oferta oi onde ontem ordem os ou ouro outro pais papel para parte passo paz pela pelo pena perda
peso plano pode ponto por porque porto pouco praia prazo preco primeiro pro qual quando que rede regra renda
rio risco rota rumo saida saude se segunda sem ser serie seu sinal sistema sob sobre sol sua tambem tarde taxa tempo
ter terra teto tim tipo toda todo total tres trilha um uma uns vale valor vela venda verde vez via vida vila
visao vista vivo voce volta
";

/// Acronyms and abbreviations common in research notes, upper case.
const ACRONYMS: &str = "
A AI IA US USA EUA UK EU UE UN ONU CEO CFO CTO COO CIO CMO VP SVP EVP GPU GPUS CPU CPUS TPU NPU DPU LPU LLM LLMS
R1 V3 V2 O1 O3 IT TI ON ALL IPO ETF ETFS ESG EPS PE ROE ROI ROA ROIC NII NIM EBIT EBITDA FCF DCF NAV AUM YTD YOY QOQ MOM
TAM SAM ARR MRR NRR SBC CAGR GAAP IFRS SEC CVM FED FOMC ECB BCE BCB IMF FMI GDP PIB CPI PPI IPCA IGPM PMI ISM
COPOM SELIC CDI API APIS SDK SAAS PAAS IAAS HBM DRAM NAND SSD HDD ASIC ASICS FPGA SOC EUV DUV OEM ODM PPA MOU NDA
SLA HPC RAG AGI ASI MOE RLHF SFT PPO GRPO MLA MTP FP8 FP16 FP32 BF16 INT8 INT4 CUDA ROCM DGX HGX NVL PCIE TCO
TDP OPEX CAPEX SPAC ADR ADRS BDR BDRS FII FIIS REIT REITS NYSE NASDAQ OTC LSE TSX HKEX SSE SZSE USD BRL EUR GBP
JPY CNY RMB CHF CAD AUD HKD TWD INR MXN KRW Q1 Q2 Q3 Q4 H1 H2 FY YE TTM LTM NTM EV EVS BEV PHEV ICE AV ADAS IOT
5G 4G LTE AR VR XR MR OS IOS PC PCS TV UI UX HR PR IR RI QA PD OK NO YES NOT AND OR THE FOR BUY SELL HOLD NEW
BIG TOP NOW KEY HOT ICMS IOF PIS COFINS CSLL JCP DY LPA PL VPA BNDES ANP ANEEL ANATEL CADE STF STJ TCU PT PSDB
MDB PIX TED DOC CNPJ CPF LTDA SA AG NV SE PLC INC CO CORP LLC LP LLP GMBH SPA SAB CV DE DA DO EM UM OI NA AO
CAT NASA NATO OPEC WTO OMC WHO OMS FDA EPA FTC DOJ FCC IRS NBER BLS BEA CBO OECD OCDE BIS FSB BRICS G7 G20 MSCI
SP DJIA NDX SPX VIX INDU COMPQ IBOV IBOVESPA SMLL IFIX PN PNA PNB CEF GP LP MD PHD MBA CPA CFA IQ ID URL PDF HTML CSS SQL IP TCP HTTP
AWS GCP MSFT365 AIPC PHY NIC DPUS SERDES CXL UALINK NVLINK SXM OAM HBM3 HBM3E HBM4 GDDR GDDR6 GDDR7 LPDDR DDR5
DDR4 TSV COWOS SOIC INFO FOPLP GAA FINFET CMOS ARM X86 RISC RISCV MAC IMAC IPAD IPHONE AIR PRO MAX MINI PLUS
ULTRA LITE GO ONE SO AM BE BY IF IN IS IT MY OF ON OR TO UP WE HE ME US AS AT NO GET HAS HAD HIS HER ITS OUR
CAN MAY WAS ARE BUT ANY OUT OFF OWN PUT SET RUN SAY SEE USE WAY DAY END FEW LOW OLD TWO AGO ADD AGE AIM ALSO
BOTH EACH EVEN FROM HAVE JUST LIKE MAKE MORE MOST MUCH MUST NEXT ONLY OVER SAID SOME SUCH THAN THAT THEM THEN
THEY THIS VERY WELL WHAT WHEN WILL WITH YEAR AINDA ALTA BAIXA COMPRA VENDA NOTA DEPOIS ANTES MAIS MENOS COM SEM
PARA POR QUE NAO SIM DOS DAS NOS NAS UMA UNS
";

fn common() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON.split_whitespace().collect())
}

fn acronyms() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ACRONYMS.split_whitespace().collect())
}

/// The text after a name's possessive ending (`'s` or `’s`), if the text right after the name
/// opens on one (`Macy’s and…`, `Wells Fargo's (WFC) rating`).
pub(crate) fn past_possessive(after: &str) -> Option<&str> {
    after.strip_prefix("'s").or_else(|| after.strip_prefix("’s"))
}

/// An everyday English or Portuguese word (given folded: lower case, no accents).
pub(crate) fn is_common_word(key: &str) -> bool {
    common().contains(key)
}

/// A company's legal suffix after its name (`Inc`, `Corp.`, `Company`, `Ltd`, `AG`): `Southern
/// Company` and `Box Inc` are the names `Southern` and `Box` in company context.
pub(crate) fn is_company_suffix(key: &str) -> bool {
    matches!(
        key,
        "inc"
            | "corp"
            | "corporation"
            | "co"
            | "company"
            | "incorporated"
            | "ltd"
            | "limited"
            | "plc"
            | "ag"
            | "nv"
            | "se"
    )
}

/// Words for a company's shares (folded): `shares`, `stock`, `ações`, `papéis`, `units`. Each
/// reader adds its own neighbours (`ADRs`, `ticker`, `target`). (`unlisted` keeps a narrower list
/// of its own: `market share of China` is no shares there.)
pub(crate) fn is_share_word(key: &str) -> bool {
    matches!(key, "shares" | "share" | "stock" | "acoes" | "acao" | "papeis" | "papel" | "units")
}

/// An acronym or short word that is never a ticker on its own (given in upper case).
pub(crate) fn is_acronym(upper: &str) -> bool {
    acronyms().contains(upper)
}

/// Either of the above, for a word as written.
pub(crate) fn is_not_a_ticker(word: &str) -> bool {
    let upper = word.to_uppercase();
    is_acronym(&upper) || is_common_word(&crate::model::fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_and_acronyms_are_known() {
        for word in
            ["AI", "IA", "US", "EUA", "CEO", "GPU", "LLM", "R1", "IT", "ON", "ALL", "A", "NOW", "Target", "Vale"]
        {
            assert!(is_not_a_ticker(word), "{word}");
        }
        for word in ["NVDA", "MSFT", "PETR4", "Nvidia", "Petrobras"] {
            assert!(!is_not_a_ticker(word), "{word}");
        }
    }
}
