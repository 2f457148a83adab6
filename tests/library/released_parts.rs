//! The held-out splits of attribution and views released for tuning once they had been read a
//! few times with totals only, and the fifth training part: each is a training part now, with a
//! floor per kind, and its differences are printed (see `extract_quality`, and
//! `docs/extraction.md` for the rounds that released them).

use serde_json::Value;

use crate::extract_quality::{attribution_accuracy, measure, print_links, with_id};

/// The thirty-fourth held-out split, released for tuning at the start of the thirty-third round
/// (8 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the thirty-first and thirty-second rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V34: &str = include_str!("../data/extract/links_released_v34.json");
/// Its floors: attribution 0.863 (1,083 of 1,255 figures found, 1,403 labels) and view F1 0.696
/// (125 right of 166 found, 193 labels) when it was released, after the thirty-second round.
const LINKS_RELEASED_V34_FLOORS: (f64, f64) = (0.83, 0.66);

/// The thirty-third held-out split, released for tuning at the start of the thirty-second round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the thirtieth and thirty-first rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V33: &str = include_str!("../data/extract/links_released_v33.json");
/// Its floors: attribution 0.845 (1,244 of 1,472 figures found, 1,551 labels) and view F1 0.667
/// (155 right of 209 found, 256 labels) when it was released, after the thirty-first round.
const LINKS_RELEASED_V33_FLOORS: (f64, f64) = (0.82, 0.64);

/// The thirty-second held-out split, released for tuning at the start of the thirty-first round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the twenty-ninth and thirtieth rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V32: &str = include_str!("../data/extract/links_released_v32.json");
/// Its floors: attribution 0.843 (1,097 of 1,302 figures found, 1,433 labels) and view F1 0.756
/// (141 right of 194 found, 179 labels) when it was released, after the thirtieth round; after
/// the thirty-first round, tuned on it: 0.882 (1,149 of 1,302) and 0.784 (145 right of 191 found).
const LINKS_RELEASED_V32_FLOORS: (f64, f64) = (0.87, 0.77);

/// The thirty-first held-out split, released for tuning at the start of the thirtieth round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the twenty-eighth and twenty-ninth rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V31: &str = include_str!("../data/extract/links_released_v31.json");
/// Its floors: attribution 0.852 (1,189 of 1,396 figures found, 1,518 labels) and view F1 0.696
/// (134 right of 179 found, 206 labels) when it was released, after the twenty-ninth round; after
/// the thirtieth round, tuned on it: 0.870 (1,215 of 1,396) and 0.722 (140 right of 182 found).
const LINKS_RELEASED_V31_FLOORS: (f64, f64) = (0.86, 0.71);

/// The thirtieth held-out split, released for tuning at the start of the twenty-ninth round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the twenty-seventh and twenty-eighth rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V30: &str = include_str!("../data/extract/links_released_v30.json");
/// Its floors: attribution 0.851 (1,229 of 1,445 figures found, 1,544 labels) and view F1 0.719
/// (152 right of 190 found, 233 labels) when it was released, after the twenty-eighth round; after
/// the twenty-ninth round, tuned on it: 0.874 (1,263 of 1,445) and 0.773 (169 right of 204 found).
const LINKS_RELEASED_V30_FLOORS: (f64, f64) = (0.86, 0.75);

/// The twenty-ninth held-out split, released for tuning at the start of the twenty-eighth round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the twenty-sixth and twenty-seventh rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V29: &str = include_str!("../data/extract/links_released_v29.json");
/// Its floors: attribution 0.844 (1,041 of 1,233 figures found, 1,327 labels) and view F1 0.607
/// (132 right of 174 found, 261 labels) when it was released, after the twenty-seventh round; after
/// the twenty-eighth round, tuned on it: 0.883 (1,089 of 1,233) and 0.720 (166 right of 200 found).
const LINKS_RELEASED_V29_FLOORS: (f64, f64) = (0.87, 0.70);

/// The twenty-eighth held-out split, released for tuning at the start of the twenty-seventh round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the twenty-fifth and twenty-sixth rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V28: &str = include_str!("../data/extract/links_released_v28.json");
/// Its floors: attribution 0.828 (1,052 of 1,270 figures found, 1,392 labels) and view F1 0.685
/// (140 right of 204 found, 205 labels) when it was released, after the twenty-sixth round; after
/// the twenty-seventh round, tuned on it: 0.867 (1,101 of 1,270) and 0.828 (169 right of 203 found).
const LINKS_RELEASED_V28_FLOORS: (f64, f64) = (0.85, 0.80);

/// The twenty-seventh held-out split, released for tuning at the start of the twenty-sixth round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the twenty-fourth and twenty-fifth rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V27: &str = include_str!("../data/extract/links_released_v27.json");
/// Its floors: attribution 0.844 (1,053 of 1,248 figures found, 1,370 labels) and view F1 0.717
/// (109 right of 148 found, 156 labels) when it was released, after the twenty-fifth round; after
/// the twenty-sixth round, tuned on it: 0.863 (1,077 of 1,248) and 0.808 (118 right of 136 found).
const LINKS_RELEASED_V27_FLOORS: (f64, f64) = (0.85, 0.79);

/// The twenty-sixth held-out split, released for tuning at the start of the twenty-fifth round
/// (7 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the twenty-third and twenty-fourth rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V26: &str = include_str!("../data/extract/links_released_v26.json");
/// Its floors: attribution 0.868 (1,053 of 1,213 figures found, 1,294 labels) and view F1 0.679
/// (127 right of 173 found, 201 labels) when it was released, after the twenty-fourth round; after
/// the twenty-fifth round, tuned on it: 0.884 (1,072 of 1,213) and 0.770 (146 right of 178 found).
const LINKS_RELEASED_V26_FLOORS: (f64, f64) = (0.87, 0.75);

/// The twenty-fifth held-out split, released for tuning at the start of the twenty-fourth round
/// (7 December): 150 real passages (64 English, 86 Portuguese) labelled from the text alone, read
/// with the twenty-second and twenty-third rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V25: &str = include_str!("../data/extract/links_released_v25.json");
/// Its floors: attribution 0.885 (1,079 of 1,219 figures found, 1,305 labels) and view F1 0.667
/// (119 right of 165 found, 192 labels) when it was released, after the twenty-third round; after
/// the twenty-fourth round, tuned on it: 0.888 (1,083 of 1,219) and 0.784 (147 right of 183 found).
const LINKS_RELEASED_V25_FLOORS: (f64, f64) = (0.87, 0.76);

/// The twenty-fourth held-out split, released for tuning at the start of the twenty-third round
/// (6 December): 147 real passages (64 English, 83 Portuguese) labelled from the text alone, read
/// with the twenty-first and twenty-second rounds' rules (totals only) and never tuned on before
/// then. A training part since.
const LINKS_RELEASED_V24: &str = include_str!("../data/extract/links_released_v24.json");
/// Its floors: attribution 0.836 (1,089 of 1,302 figures found, 1,383 labels) and view F1 0.683
/// (113 right of 160 found, 171 labels) when it was released, after the twenty-second round; after
/// the twenty-third round, tuned on it: 0.878 (1,143 of 1,302) and 0.769 (128 right of 162 found).
const LINKS_RELEASED_V24_FLOORS: (f64, f64) = (0.86, 0.75);

/// The twenty-third held-out split, released for tuning at the start of the twenty-second round
/// (6 December): 151 real passages (64 English, 87 Portuguese) labelled from the text alone, read
/// with the twentieth and twenty-first rounds' rules (totals only) and never tuned on before then.
/// A training part since.
const LINKS_RELEASED_V23: &str = include_str!("../data/extract/links_released_v23.json");
/// Its floors: attribution 0.871 (1,056 of 1,212 figures found, 1,309 labels) and view F1 0.688
/// (120 right of 160 found, 189 labels) when it was released, after the twenty-first round; after
/// the twenty-second round, tuned on it: 0.877 (1,063 of 1,212) and 0.778 (140 right of 171 found).
const LINKS_RELEASED_V23_FLOORS: (f64, f64) = (0.87, 0.76);

/// The twenty-second held-out split, released for tuning at the start of the twenty-first round
/// (6 December): 148 real passages (64 English, 84 Portuguese) labelled from the text alone, read
/// with the nineteenth and twentieth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V22: &str = include_str!("../data/extract/links_released_v22.json");
/// Its floors: attribution 0.865 (1,190 of 1,375 figures found, 1,445 labels) and view F1 0.743
/// (124 right of 166 found, 168 labels) when it was released, after the twentieth round; after the
/// twenty-first round, tuned on it: 0.892 (1,227 of 1,375) and 0.810 (136 right of 168 found).
const LINKS_RELEASED_V22_FLOORS: (f64, f64) = (0.88, 0.79);

/// The twenty-first held-out split, released for tuning at the start of the twentieth round (6
/// December): 127 real passages (64 English, 63 Portuguese) labelled from the text alone, read with
/// the eighteenth and nineteenth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V21: &str = include_str!("../data/extract/links_released_v21.json");
/// Its floors: attribution 0.839 (1,014 of 1,209 figures found, 1,254 labels) and view F1 0.650 (91
/// right of 129 found, 151 labels) when it was released, after the nineteenth round; after the
/// twentieth round, tuned on it: 0.866 (1,047 of 1,209) and 0.804 (123 right of 155 found).
const LINKS_RELEASED_V21_FLOORS: (f64, f64) = (0.85, 0.78);

/// The twentieth held-out split, released for tuning at the start of the nineteenth round (6
/// December): 127 real passages (64 English, 63 Portuguese) labelled from the text alone, read with
/// the seventeenth and eighteenth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V20: &str = include_str!("../data/extract/links_released_v20.json");
/// Its floors: attribution 0.867 (903 of 1,042 figures found, 1,124 labels) and view F1 0.718 (102
/// right of 143 found, 141 labels) when it was released, after the eighteenth round; after the
/// nineteenth round, tuned on it: 0.893 (930 of 1,042) and 0.815 (117 right of 146 found).
const LINKS_RELEASED_V20_FLOORS: (f64, f64) = (0.88, 0.80);

/// The nineteenth held-out split, released for tuning at the start of the eighteenth round (6
/// December): 128 real passages (62 English, 66 Portuguese) labelled from the text alone, read with
/// the sixteenth and seventeenth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V19: &str = include_str!("../data/extract/links_released_v19.json");
/// Its floors: attribution 0.818 (949 of 1,160 figures found, 1,237 labels) and view F1 0.743 (94
/// right of 112 found, 141 labels) when it was released, after the seventeenth round; after the
/// eighteenth round, tuned on it: 0.869 (1,008 of 1,160) and 0.876 (124 right of 142 found).
const LINKS_RELEASED_V19_FLOORS: (f64, f64) = (0.86, 0.85);

/// The eighteenth held-out split, released for tuning at the start of the seventeenth round (6
/// December): 129 real passages (63 English, 66 Portuguese) labelled from the text alone, read with
/// the fifteenth and sixteenth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V18: &str = include_str!("../data/extract/links_released_v18.json");
/// Its floors: attribution 0.857 (1,005 of 1,173 figures found, 1,229 labels) and view F1 0.610 (83
/// right of 137 found, 135 labels) when it was released, after the sixteenth round; after the
/// seventeenth round, tuned on it: 0.899 (1,055 of 1,173) and 0.744 (103 right of 142 found).
const LINKS_RELEASED_V18_FLOORS: (f64, f64) = (0.88, 0.72);

/// The seventeenth held-out split, released for tuning at the start of the sixteenth round (6
/// December): 130 real passages (63 English, 67 Portuguese) labelled from the text alone, read with
/// the fourteenth and fifteenth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V17: &str = include_str!("../data/extract/links_released_v17.json");
/// Its floors: attribution 0.873 (1,055 of 1,208 figures found, 1,281 labels) and view F1 0.694 (77
/// right of 100 found, 122 labels) when it was released, after the fifteenth round; after the
/// sixteenth round, tuned on it: 0.901 (1,089 of 1,208) and 0.798 (89 right of 101 found).
const LINKS_RELEASED_V17_FLOORS: (f64, f64) = (0.89, 0.78);

/// The sixteenth held-out split, released for tuning at the start of the fifteenth round (6
/// December): 132 real passages (68 English, 64 Portuguese) labelled from the text alone, read with
/// the thirteenth and fourteenth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V16: &str = include_str!("../data/extract/links_released_v16.json");
/// Its floors: attribution 0.853 (1,096 of 1,285 figures found, 1,341 labels) and view F1 0.634 (85
/// right of 129 found, 139 labels) when it was released, after the fourteenth round; after the
/// fifteenth round, tuned on it: 0.872 (1,120 of 1,285) and 0.751 (104 right of 138 found).
const LINKS_RELEASED_V16_FLOORS: (f64, f64) = (0.86, 0.73);

/// The fifteenth held-out split, released for tuning at the start of the fourteenth round (5
/// December): 127 real passages (63 English, 64 Portuguese) labelled from the text alone, read with
/// the twelfth and thirteenth rounds' rules (totals only) and never tuned on before then. A
/// training part since.
const LINKS_RELEASED_V15: &str = include_str!("../data/extract/links_released_v15.json");
/// Its floors: attribution 0.840 (901 of 1,072 figures found, 1,127 labels) and view F1 0.634 (92
/// right of 135 found, 155 labels) when it was released, after the thirteenth round; after the
/// fourteenth round, tuned on it: 0.868 (931 of 1,072) and 0.725 (103 right of 129 found).
const LINKS_RELEASED_V15_FLOORS: (f64, f64) = (0.86, 0.71);

/// The fourteenth held-out split, released for tuning at the start of the thirteenth round (5
/// December): 125 real passages (62 English, 63 Portuguese) labelled from the text alone, read with
/// the eleventh and twelfth rounds' rules (totals only) and never tuned on before then. A training
/// part since.
const LINKS_RELEASED_V14: &str = include_str!("../data/extract/links_released_v14.json");
/// Its floors: attribution 0.819 (908 of 1,108 figures found, 1,154 labels) and view F1 0.659 (87
/// right of 127 found, 137 labels) when it was released, after the twelfth round; after the
/// thirteenth round, tuned on it: 0.875 (970 of 1,108) and 0.743 (100 right of 132 found).
const LINKS_RELEASED_V14_FLOORS: (f64, f64) = (0.86, 0.72);

/// The thirteenth held-out split, released for tuning at the start of the twelfth round (5
/// December): 125 real passages (62 English, 63 Portuguese) labelled from the text alone, read with
/// the tenth and eleventh rounds' rules (totals only) and never tuned on before then. A training
/// part since.
const LINKS_RELEASED_V13: &str = include_str!("../data/extract/links_released_v13.json");
/// Its floors: attribution 0.817 (892 of 1,092 figures found, 1,161 labels) and view F1 0.729 (101
/// right of 131 found, 146 labels) when it was released, after the eleventh round; after the
/// twelfth round, tuned on it: 0.863 (942 of 1,092) and 0.736 (102 right of 131 found).
const LINKS_RELEASED_V13_FLOORS: (f64, f64) = (0.85, 0.72);

/// The twelfth held-out split, released for tuning at the start of the eleventh round (5
/// December): 131 real passages (63 English, 68 Portuguese) labelled from the text alone, read with
/// the ninth and tenth rounds' rules (totals only) and never tuned on before then. A training part
/// since.
const LINKS_RELEASED_V12: &str = include_str!("../data/extract/links_released_v12.json");
/// Its floors: attribution 0.838 (973 of 1,161 figures found, 1,225 labels) and view F1 0.678 (82
/// right of 104 found, 138 labels) when it was released, after the tenth round; after the eleventh
/// round, tuned on it: 0.879 (1,020 of 1,161) and 0.827 (110 right of 128 found).
const LINKS_RELEASED_V12_FLOORS: (f64, f64) = (0.87, 0.82);

/// The eleventh held-out split, released for tuning at the start of the eleventh round (5
/// December): 130 real passages (63 English, 67 Portuguese) labelled from the text alone, read with
/// the ninth and tenth rounds' rules (totals only) and never tuned on before then. A training part
/// since.
const LINKS_RELEASED_V11: &str = include_str!("../data/extract/links_released_v11.json");
/// Its floors: attribution 0.830 (1,008 of 1,214 figures found, 1,270 labels) and view F1 0.615 (95
/// right of 155 found, 154 labels) when it was released, after the tenth round; after the eleventh
/// round, tuned on it: 0.864 (1,049 of 1,214) and 0.696 (104 right of 145 found).
const LINKS_RELEASED_V11_FLOORS: (f64, f64) = (0.86, 0.69);

/// The tenth held-out split, released for tuning in the middle of the tenth round (5 December):
/// 126 real passages (64 English, 62 Portuguese) labelled from the text alone, read with the
/// seventh to tenth rounds' rules (totals only) and never tuned on before then. A training part
/// since.
const LINKS_RELEASED_V10: &str = include_str!("../data/extract/links_released_v10.json");
/// Its floors: attribution 0.771 (857 of 1,111 figures found, 1,146 labels) and view F1 0.545
/// (69 right of 117 found, 136 labels, claimants matched by firm) when it was released; after the
/// tenth round's second half, tuned on it: attribution 0.822 (913 of 1,111), views 0.711 (91 right
/// of 120 found).
const LINKS_RELEASED_V10_FLOORS: (f64, f64) = (0.82, 0.70);

/// The ninth held-out split, released for tuning at the start of the tenth round (5 December):
/// 68 real passages (34 English, 34 Portuguese) labelled from the text alone, read with the
/// seventh, eighth and ninth rounds' rules (totals only) and never tuned on before then. A training
/// part since.
const LINKS_RELEASED_V9: &str = include_str!("../data/extract/links_released_v9.json");
/// Its floors: attribution 0.812 (496 of 611 figures found, 642 labels) and view F1 0.628 (43
/// right of 62 found, 75 labels, claimants matched by firm) when it was released, after the ninth
/// round; 0.599 with claimants matched by name. After the tenth round's first half, tuned on it:
/// attribution 0.828 (506 of 611), views 0.806 (54 right of 59 found); after its second half, 0.854
/// (522 of 611) and 0.824 (56 right of 61 found).
const LINKS_RELEASED_V9_FLOORS: (f64, f64) = (0.85, 0.82);

/// The eighth held-out split, released for tuning at the start of the ninth round (5 December):
/// 68 real passages (34 English, 34 Portuguese) labelled from the text alone, read eight times
/// with totals only and never tuned on before then. A training part since.
const LINKS_RELEASED_V8: &str = include_str!("../data/extract/links_released_v8.json");
/// Its floors: attribution 0.859 (512 of 596 figures found, 613 labels) and view F1 0.630 (46
/// right of 68 found, 78 labels) when it was released, after the eighth round; 0.815 and 0.630
/// with the rules of the round before. After the ninth round, tuned on it: attribution 0.886 (528
/// of 596), views 0.680 (50 right of 69 found); 0.776 with claimants matched by firm (57 right of 70
/// found) after the tenth round's first half; 0.896 (534 of 596) and 0.784 (58 right of 70) after it.
const LINKS_RELEASED_V8_FLOORS: (f64, f64) = (0.89, 0.78);

/// The seventh held-out split, released for tuning at the start of the eighth round (5 December):
/// 69 real passages (34 English, 35 Portuguese) labelled from the text alone, read three times
/// with totals only and never tuned on before then. A training part since.
const LINKS_RELEASED_V7: &str = include_str!("../data/extract/links_released_v7.json");
/// Its floors: attribution 0.765 (423 of 553 figures found, 582 labels) and view F1 0.712 (52
/// right of 72 found, 74 labels) when it was released, after the seventh round; 0.763 and 0.712
/// with the rules of the round before. After the eighth round, tuned on it: attribution 0.904
/// (500 of 553), views 0.822 (60 right of 72 found); after the ninth, 0.904 and 0.830; after the
/// tenth, with claimants matched by firm, 0.904 and 0.857.
const LINKS_RELEASED_V7_FLOORS: (f64, f64) = (0.90, 0.85);

/// The sixth held-out split, released for tuning at the start of the seventh round (5 December):
/// 67 real passages (34 English, 33 Portuguese) labelled from the text alone, read four times with
/// totals only and never tuned on before then. A training part since.
const LINKS_RELEASED_V6: &str = include_str!("../data/extract/links_released_v6.json");
/// Its floors: attribution 0.827 (378 of 457 figures found) and view F1 0.671 (50 right of 73
/// found, 76 labels) when it was released, after the sixth round; 0.788 and 0.625 with the rules
/// of the round before. After the seventh round, tuned on it: attribution 0.939 (429 of 457), views
/// 0.912 (67 right of 71 found, 76 labels).
const LINKS_RELEASED_V6_FLOORS: (f64, f64) = (0.93, 0.90);

/// The fourth held-out split, released for tuning at the start of the sixth round (5 December):
/// 68 real passages (34 English, 34 Portuguese) labelled from the text alone, read five times with
/// totals only and never tuned on before then. A training part since.
const LINKS_RELEASED_V4: &str = include_str!("../data/extract/links_released_v4.json");
/// Its floors: attribution 0.758 (350 of 462 figures found) and view F1 0.468 (36 right of 65
/// found, 89 labels) when it was released, after the fifth round; 0.749 and 0.395 with the rules
/// of the round before. After the sixth round, tuned on it: attribution 0.909 (420 of 462),
/// views 0.855; after the seventh round: attribution 0.926 (428 of 462), views 0.898; after the
/// eighth: 0.931 (430 of 462), 0.886 (a bank's alias, `Citibank`, now found, names a holder the
/// label calls `Citi`).
const LINKS_RELEASED_V4_FLOORS: (f64, f64) = (0.92, 0.88);

/// A fifth training part: 36 real passages (18 English, 18 Portuguese) labelled from the text
/// alone at the end of the fifth round, for the next round to tune on. No rule had seen it when
/// it was first measured, so that first score was a second reading of unseen text.
const LINKS_TRAINING_V5: &str = include_str!("../data/extract/links_training_v5.json");
/// Its floors, a little below its scores: attribution 0.708 (160 of 226 figures found) and view F1
/// 0.613 (23 right of 34 found, 41 labels) before any rule was tuned on it; 0.765 and 0.640 after
/// the three rules written from it (`BB` in Portuguese, a bank's results as the subject, a broker
/// forecasting). After the sixth round, tuned on it: attribution 0.920 (208 of 226), views 0.864;
/// after the seventh round: attribution 0.934 (211 of 226), views 0.902; after the eighth: 0.942
/// (213 of 226), 0.902.
const LINKS_TRAINING_V5_FLOORS: (f64, f64) = (0.93, 0.89);

#[test]
fn released_thirty_fourth_split_meets_its_floors() {
    check_training_part("released thirty-fourth split", LINKS_RELEASED_V34, "lho34-", 146, LINKS_RELEASED_V34_FLOORS);
}

#[test]
fn released_thirty_third_split_meets_its_floors() {
    check_training_part("released thirty-third split", LINKS_RELEASED_V33, "lho33-", 146, LINKS_RELEASED_V33_FLOORS);
}

#[test]
fn released_thirty_second_split_meets_its_floors() {
    check_training_part("released thirty-second split", LINKS_RELEASED_V32, "lho32-", 146, LINKS_RELEASED_V32_FLOORS);
}

#[test]
fn released_thirty_first_split_meets_its_floors() {
    check_training_part("released thirty-first split", LINKS_RELEASED_V31, "lho31-", 146, LINKS_RELEASED_V31_FLOORS);
}

#[test]
fn released_thirtieth_split_meets_its_floors() {
    check_training_part("released thirtieth split", LINKS_RELEASED_V30, "lho30-", 146, LINKS_RELEASED_V30_FLOORS);
}

#[test]
fn released_twenty_ninth_split_meets_its_floors() {
    check_training_part("released twenty-ninth split", LINKS_RELEASED_V29, "lho29-", 146, LINKS_RELEASED_V29_FLOORS);
}

#[test]
fn released_twenty_eighth_split_meets_its_floors() {
    check_training_part("released twenty-eighth split", LINKS_RELEASED_V28, "lho28-", 146, LINKS_RELEASED_V28_FLOORS);
}

#[test]
fn released_twenty_seventh_split_meets_its_floors() {
    check_training_part("released twenty-seventh split", LINKS_RELEASED_V27, "lho27-", 146, LINKS_RELEASED_V27_FLOORS);
}

#[test]
fn released_twenty_sixth_split_meets_its_floors() {
    check_training_part("released twenty-sixth split", LINKS_RELEASED_V26, "lho26-", 146, LINKS_RELEASED_V26_FLOORS);
}

#[test]
fn released_twenty_fifth_split_meets_its_floors() {
    check_training_part("released twenty-fifth split", LINKS_RELEASED_V25, "lho25-", 148, LINKS_RELEASED_V25_FLOORS);
}

#[test]
fn released_twenty_fourth_split_meets_its_floors() {
    check_training_part("released twenty-fourth split", LINKS_RELEASED_V24, "lho24-", 145, LINKS_RELEASED_V24_FLOORS);
}

#[test]
fn released_twenty_third_split_meets_its_floors() {
    check_training_part("released twenty-third split", LINKS_RELEASED_V23, "lho23-", 150, LINKS_RELEASED_V23_FLOORS);
}

#[test]
fn released_twenty_second_split_meets_its_floors() {
    check_training_part("released twenty-second split", LINKS_RELEASED_V22, "lho22-", 145, LINKS_RELEASED_V22_FLOORS);
}

#[test]
fn released_twenty_first_split_meets_its_floors() {
    check_training_part("released twenty-first split", LINKS_RELEASED_V21, "lho21-", 125, LINKS_RELEASED_V21_FLOORS);
}

#[test]
fn released_twentieth_split_meets_its_floors() {
    check_training_part("released twentieth split", LINKS_RELEASED_V20, "lho20-", 125, LINKS_RELEASED_V20_FLOORS);
}

#[test]
fn released_nineteenth_split_meets_its_floors() {
    check_training_part("released nineteenth split", LINKS_RELEASED_V19, "lho19-", 125, LINKS_RELEASED_V19_FLOORS);
}

#[test]
fn released_eighteenth_split_meets_its_floors() {
    check_training_part("released eighteenth split", LINKS_RELEASED_V18, "lho18-", 125, LINKS_RELEASED_V18_FLOORS);
}

#[test]
fn released_seventeenth_split_meets_its_floors() {
    check_training_part("released seventeenth split", LINKS_RELEASED_V17, "lho17-", 125, LINKS_RELEASED_V17_FLOORS);
}

#[test]
fn released_sixteenth_split_meets_its_floors() {
    check_training_part("released sixteenth split", LINKS_RELEASED_V16, "lho16-", 125, LINKS_RELEASED_V16_FLOORS);
}

#[test]
fn released_fifteenth_split_meets_its_floors() {
    check_training_part("released fifteenth split", LINKS_RELEASED_V15, "lho15-", 120, LINKS_RELEASED_V15_FLOORS);
}

#[test]
fn released_fourteenth_split_meets_its_floors() {
    check_training_part("released fourteenth split", LINKS_RELEASED_V14, "lho14-", 120, LINKS_RELEASED_V14_FLOORS);
}

#[test]
fn released_thirteenth_split_meets_its_floors() {
    check_training_part("released thirteenth split", LINKS_RELEASED_V13, "lho13-", 120, LINKS_RELEASED_V13_FLOORS);
}

#[test]
fn released_twelfth_split_meets_its_floors() {
    check_training_part("released twelfth split", LINKS_RELEASED_V12, "lho12-", 120, LINKS_RELEASED_V12_FLOORS);
}

#[test]
fn released_eleventh_split_meets_its_floors() {
    check_training_part("released eleventh split", LINKS_RELEASED_V11, "lho11-", 120, LINKS_RELEASED_V11_FLOORS);
}

#[test]
fn released_tenth_split_meets_its_floors() {
    check_training_part("released tenth split", LINKS_RELEASED_V10, "lho10-", 120, LINKS_RELEASED_V10_FLOORS);
}

#[test]
fn released_ninth_split_meets_its_floors() {
    check_training_part("released ninth split", LINKS_RELEASED_V9, "lho9-", 60, LINKS_RELEASED_V9_FLOORS);
}

#[test]
fn released_eighth_split_meets_its_floors() {
    check_training_part("released eighth split", LINKS_RELEASED_V8, "lho8-", 60, LINKS_RELEASED_V8_FLOORS);
}

#[test]
fn released_seventh_split_meets_its_floors() {
    check_training_part("released seventh split", LINKS_RELEASED_V7, "lho7-", 60, LINKS_RELEASED_V7_FLOORS);
}

#[test]
fn released_sixth_split_meets_its_floors() {
    check_training_part("released sixth split", LINKS_RELEASED_V6, "lho6-", 60, LINKS_RELEASED_V6_FLOORS);
}

#[test]
fn released_fourth_split_meets_its_floors() {
    check_training_part("released fourth split", LINKS_RELEASED_V4, "lho4-", 60, LINKS_RELEASED_V4_FLOORS);
}

#[test]
fn fifth_training_part_meets_its_floors() {
    check_training_part("fifth training part", LINKS_TRAINING_V5, "ltr5-", 30, LINKS_TRAINING_V5_FLOORS);
}

/// Prints a training part's attribution and views per language, then its differences, and fails
/// below its floors.
fn check_training_part(name: &str, json: &str, prefix: &str, at_least: usize, floors: (f64, f64)) {
    let data: Value = serde_json::from_str(json).expect("the training part is JSON");
    assert_eq!(data["heldout"], Value::Bool(false), "the file says it is for tuning");
    let passages = data["passages"].as_array().expect("a list of passages");
    assert!(passages.len() >= at_least, "at least {at_least} passages, found {}", passages.len());
    for (language, code) in [("English", "en-"), ("Portuguese", "pt-")] {
        let language_prefix = format!("{prefix}{code}");
        let subset = with_id(passages, |id| id.starts_with(&language_prefix));
        println!("\n{name}, {language} only, {} passages", subset.len());
        print_links(&measure(&serde_json::json!({ "passages": subset })));
    }
    let measured = measure(&data);
    println!("\n{name} (tuned against), {} passages", measured.passages);
    print_links(&measured);
    for miss in measured.misses.iter().filter(|m| m.contains("attribution") || m.contains("views")) {
        println!("  {miss}");
    }
    let (attribution, views) = (attribution_accuracy(&measured), measured.views.f1());
    assert!(attribution >= floors.0, "{name}: attribution {attribution:.3} is below {}", floors.0);
    assert!(views >= floors.1, "{name}: view F1 {views:.3} is below {}", floors.1);
}
