//! Figures: number parsing on real phrasings, labels, roles, qualifiers, negatives, and the
//! sample reports (Changning 2025, national 2022 → 2023).
//!
//! Every phrasing in the tables below was copied from the corpus (`../shared/corpus/zh/*.txt`,
//! `en/*.txt`) or the samples; the expected values were worked out by hand.

use std::path::Path;

use yoydiff::CompareOptions;
use yoydiff::OutlineOptions;
use yoydiff::Source;
use yoydiff::compare;
use yoydiff::internals::extract;
use yoydiff::internals::match_figures;
use yoydiff::internals::normalize;
use yoydiff::internals::parse;
use yoydiff::internals::parse_quantity;
use yoydiff::internals::promises;
use yoydiff::model::Document;
use yoydiff::model::Figure;
use yoydiff::model::FigurePair;
use yoydiff::model::FigureStatus;
use yoydiff::model::Promise;
use yoydiff::model::Qualifier;
use yoydiff::model::Role;
use yoydiff::model::Verdict;
use yoydiff::render::TermOptions;
use yoydiff::render::term::write_figure_pairs;
use yoydiff::render::term::write_figures;

use Qualifier::{Approx, AtLeast, AtMost, Over, Under};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// (as written, value, unit, qualifier)
const PHRASINGS: &[(&str, f64, &str, Option<Qualifier>)] = &[
    // Changning 2025
    ("2500亿元", 2.5e11, "元", None),
    ("180.97亿元", 18_097_000_000.0, "元", None),
    ("7.38%", 7.38, "%", None),
    ("431.78亿元", 43_178_000_000.0, "元", None),
    ("74%", 74.0, "%", None),
    ("28家", 28.0, "家", None),
    ("125家", 125.0, "家", None),
    ("859个", 859.0, "个", None),
    ("72个", 72.0, "个", None),
    ("411.73亿元", 41_173_000_000.0, "元", None),
    ("5629次", 5629.0, "次", None),
    ("932项", 932.0, "项", None),
    ("99%", 99.0, "%", None),
    ("240余场", 240.0, "场", Some(Over)),
    ("超1.1万家", 11_000.0, "家", Some(Over)),
    ("700.6亿元", 70_060_000_000.0, "元", None),
    ("10.5%", 10.5, "%", None),
    ("56.4万平方米", 564_000.0, "平方米", None),
    ("166家", 166.0, "家", None),
    ("10条", 10.0, "条", None),
    ("14座", 14.0, "座", None),
    ("114个", 114.0, "个", None),
    ("1.1万家", 11_000.0, "家", None),
    ("271台", 271.0, "台", None),
    ("11.75%", 11.75, "%", None),
    ("2.42万平方米", 24_200.0, "平方米", None),
    ("377户", 377.0, "户", None),
    ("38项", 38.0, "项", None),
    ("3600套", 3600.0, "套", None),
    ("百余家", 100.0, "家", Some(Over)),
    ("33.68亿元", 3_368_000_000.0, "元", None),
    ("5460件", 5460.0, "件", None),
    ("12.8亿条", 1_280_000_000.0, "条", None),
    ("28.54万人次", 285_400.0, "人次", None),
    ("2.27亿元", 227_000_000.0, "元", None),
    ("611张", 611.0, "张", None),
    ("4.3万个", 43_000.0, "个", None),
    ("1.04公里", 1.04, "公里", None),
    ("500余平方米", 500.0, "平方米", Some(Over)),
    ("6.2万平方米", 62_000.0, "平方米", None),
    ("98.92%", 98.92, "%", None),
    ("超过94%", 94.0, "%", Some(Over)),
    ("44.31亿元", 4_431_000_000.0, "元", None),
    ("6637.46万元", 66_374_600.0, "元", None),
    ("3%左右", 3.0, "%", Some(Approx)),
    // National reports 2013–2023
    ("2.8平方米", 2.8, "平方米", None),
    ("3.5%左右", 3.5, "%", Some(Approx)),
    ("1266万人", 12_660_000.0, "人", None),
    ("7.9亿人", 790_000_000.0, "人", None),
    ("1.17亿吨", 117_000_000.0, "吨", None),
    ("4576亿元", 457_600_000_000.0, "元", None),
    ("1000万人以上", 10_000_000.0, "人", Some(AtLeast)),
    ("1.5万座", 15_000.0, "座", None),
    ("1500多亿元", 150_000_000_000.0, "元", Some(Over)),
    ("80%以上", 80.0, "%", Some(AtLeast)),
    ("1322万人", 13_220_000.0, "人", None),
    ("7%左右", 7.0, "%", Some(Approx)),
    ("超过95%", 95.0, "%", Some(Over)),
    ("40元", 40.0, "元", None),
    ("2700亿元", 270_000_000_000.0, "元", None),
    ("1180亿美元", 118_000_000_000.0, "USD", None),
    ("约1亿人", 100_000_000.0, "人", Some(Approx)),
    ("5000万人以上", 50_000_000.0, "人", Some(AtLeast)),
    ("超过90万亿元", 9e13, "元", Some(Over)),
    ("8000亿元以上", 8e11, "元", Some(AtLeast)),
    ("4.5%以内", 4.5, "%", Some(AtMost)),
    ("超过1900公里", 1900.0, "公里", Some(Over)),
    ("约4000亿元", 4e11, "元", Some(Approx)),
    ("3.4%以上", 3.4, "%", Some(AtLeast)),
    ("3000多亿元", 3e11, "元", Some(Over)),
    ("110多万人", 1_100_000.0, "人", Some(Over)),
    ("1.2万亿斤", 1.2e12, "斤", None),
    ("20万公里", 200_000.0, "公里", None),
    ("1.8万亿元左右", 1.8e12, "元", Some(Approx)),
    ("超过1亿户", 100_000_000.0, "户", Some(Over)),
    ("5%以上", 5.0, "%", Some(AtLeast)),
    ("超过100万亿元", 1e14, "元", Some(Over)),
    ("18亿亩", 1.8e9, "亩", None),
    ("3.2%左右", 3.2, "%", Some(Approx)),
    ("近600万人", 6_000_000.0, "人", Some(Under)),
    ("3.65万亿元", 3.65e12, "元", None),
    ("1亿亩", 1e8, "亩", None),
    ("4.76万亿元", 4.76e12, "元", None),
    ("5.5%以内", 5.5, "%", Some(AtMost)),
    ("约2.5万亿元", 2.5e12, "元", Some(Approx)),
    ("15万元", 150_000.0, "元", None),
    ("14亿多人", 1_400_000_000.0, "人", Some(Over)),
    ("超过10.5亿千瓦", 1.05e9, "千瓦", Some(Over)),
    ("4500多公里", 4500.0, "公里", Some(Over)),
    ("1.5个百分点", 1.5, "pp", None),
    ("1个百分点", 1.0, "pp", None),
    ("8.1个百分点", 8.1, "pp", None),
    ("1270多万人", 12_700_000.0, "人", Some(Over)),
    ("1.37万亿斤", 1.37e12, "斤", None),
    ("1.3万亿斤以上", 1.3e12, "斤", Some(AtLeast)),
    ("1100万人以上", 11_000_000.0, "人", Some(AtLeast)),
    ("1200万人左右", 12_000_000.0, "人", Some(Approx)),
    ("3.8万亿元", 3.8e12, "元", None),
    ("8.2万亿元", 8.2e12, "元", None),
    ("7400亿元", 7.4e11, "元", None),
    ("近70万亿元", 7e13, "元", Some(Under)),
    ("3万亿美元以上", 3e12, "USD", Some(AtLeast)),
    ("十四个", 14.0, "个", None),
    ("二十八个", 28.0, "个", None),
    ("5.6万个", 56_000.0, "个", None),
    ("超过1.5亿户", 150_000_000.0, "户", Some(Over)),
    ("10亿千瓦", 1e9, "千瓦", None),
    ("3倍", 3.0, "倍", None),
    // Changning 2025
    ("210.49亿元", 21_049_000_000.0, "元", None),
    ("2.68万平方米", 26_800.0, "平方米", None),
    ("1034户", 1034.0, "户", None),
    // Digits with Chinese place words inside (national, "由5千多户增加到1万6千多户").
    ("5千多户", 5000.0, "户", Some(Qualifier::Over)),
    ("1万6千多户", 16000.0, "户", Some(Qualifier::Over)),
    ("2075套", 2075.0, "套", None),
    ("1696项", 1696.0, "项", None),
    ("4518项", 4518.0, "项", None),
    ("853件", 853.0, "件", None),
    ("359处", 359.0, "处", None),
    ("20间", 20.0, "间", None),
    ("242个", 242.0, "个", None),
    ("55台", 55.0, "台", None),
    ("27座", 27.0, "座", None),
    ("15公里", 15.0, "公里", None),
    ("17省", 17.0, "省", None),
    // National reports: multipliers
    ("1.12万亿元", 1.12e12, "元", None),
    ("14486亿元", 1_448_600_000_000.0, "元", None),
    ("13500亿元", 1_350_000_000_000.0, "元", None),
    ("114万亿元", 1.14e14, "元", None),
    ("82.7万亿元", 8.27e13, "元", None),
    ("7.79万亿元", 7.79e12, "元", None),
    ("6.12万亿元", 6.12e12, "元", None),
    ("5076亿元", 507_600_000_000.0, "元", None),
    ("8729亿元", 872_900_000_000.0, "元", None),
    ("639亿元", 63_900_000_000.0, "元", None),
    ("8.7万元", 87_000.0, "元", None),
    ("1721元", 1721.0, "元", None),
    ("50万元", 500_000.0, "元", None),
    ("1029亿美元", 102_900_000_000.0, "USD", None),
    ("5528亿美元", 552_800_000_000.0, "USD", None),
    ("4万亿美元", 4e12, "USD", None),
    ("10.5亿人", 1_050_000_000.0, "人", None),
    ("超过1000万人", 10_000_000.0, "人", Some(Over)),
    ("1186万人", 11_860_000.0, "人", None),
    ("8463万人", 84_630_000.0, "人", None),
    ("1100万人次", 11_000_000.0, "人次", None),
    ("4.3亿人次", 430_000_000.0, "人次", None),
    ("1033万户", 10_330_000.0, "户", None),
    ("1.2万户", 12_000.0, "户", None),
    ("14.5亿户", 1_450_000_000.0, "户", None),
    ("110万套", 1_100_000.0, "套", None),
    ("4013万套", 40_130_000.0, "套", None),
    ("16.7万个", 167_000.0, "个", None),
    ("5万台", 50_000.0, "台", None),
    ("380万辆", 3_800_000.0, "辆", None),
    // Areas, lengths, land, grain, energy
    ("1.1万公里", 11_000.0, "公里", None),
    ("1.97万公里", 19_700.0, "公里", None),
    ("146.5万公里", 1_465_000.0, "公里", None),
    ("9.56万公里", 95_600.0, "公里", None),
    ("8427公里", 8427.0, "公里", None),
    ("18万平方公里", 180_000.0, "平方公里", None),
    ("24.6万平方公里", 246_000.0, "平方公里", None),
    ("3.3万平方公里", 33_000.0, "平方公里", None),
    ("32.9平方米", 32.9, "平方米", None),
    ("5.5平方米", 5.5, "平方米", None),
    ("1196万公顷", 11_960_000.0, "公顷", None),
    ("66.7万公顷", 667_000.0, "公顷", None),
    ("1.5亿亩", 150_000_000.0, "亩", None),
    ("1.63亿亩", 163_000_000.0, "亩", None),
    ("4.56亿亩", 456_000_000.0, "亩", None),
    ("500万亩", 5_000_000.0, "亩", None),
    ("74亿斤", 7_400_000_000.0, "斤", None),
    ("2700万吨", 27_000_000.0, "吨", None),
    ("6.07亿吨", 607_000_000.0, "吨", None),
    ("7.75亿吨", 775_000_000.0, "吨", None),
    ("1.3亿千瓦", 130_000_000.0, "千瓦", None),
    ("1500万千瓦", 15_000_000.0, "千瓦", None),
    ("6.5亿千瓦", 650_000_000.0, "千瓦", None),
    // Percentages and percentage points
    ("0.95%", 0.95, "%", None),
    ("13.45%", 13.45, "%", None),
    ("21.58%", 21.58, "%", None),
    ("26.84%", 26.84, "%", None),
    ("59.76%", 59.76, "%", None),
    ("99.98%", 99.98, "%", None),
    ("0.4个百分点", 0.4, "pp", None),
    ("0.7个百分点", 0.7, "pp", None),
    ("2个百分点", 2.0, "pp", None),
    ("2.7个百分点", 2.7, "pp", None),
    ("6.3个百分点", 6.3, "pp", None),
    // Qualifiers after the number
    ("1.5%左右", 1.5, "%", Some(Approx)),
    ("12%左右", 12.0, "%", Some(Approx)),
    ("50%左右", 50.0, "%", Some(Approx)),
    ("1.5亿吨左右", 150_000_000.0, "吨", Some(Approx)),
    ("3000万吨左右", 30_000_000.0, "吨", Some(Approx)),
    ("3500亿元左右", 350_000_000_000.0, "元", Some(Approx)),
    ("10%以上", 10.0, "%", Some(AtLeast)),
    ("6.5%以上", 6.5, "%", Some(AtLeast)),
    ("1.5亿吨以上", 150_000_000.0, "吨", Some(AtLeast)),
    ("5.5亿吨以上", 550_000_000.0, "吨", Some(AtLeast)),
    ("18.2亿亩以上", 1_820_000_000.0, "亩", Some(AtLeast)),
    ("1000万亩以上", 10_000_000.0, "亩", Some(AtLeast)),
    ("12亿千瓦以上", 1_200_000_000.0, "千瓦", Some(AtLeast)),
    ("5000万千瓦以上", 50_000_000.0, "千瓦", Some(AtLeast)),
    ("2.5万亿元以上", 2.5e12, "元", Some(AtLeast)),
    ("12万元以上", 120_000.0, "元", Some(AtLeast)),
    ("1500万人次以上", 15_000_000.0, "人次", Some(AtLeast)),
    ("300万户以上", 3_000_000.0, "户", Some(AtLeast)),
    ("470万套以上", 4_700_000.0, "套", Some(AtLeast)),
    ("200项以上", 200.0, "项", Some(AtLeast)),
    ("2000公里以上", 2000.0, "公里", Some(AtLeast)),
    ("3%以内", 3.0, "%", Some(AtMost)),
    ("4.6%以内", 4.6, "%", Some(AtMost)),
    ("30万千瓦以下", 300_000.0, "千瓦", Some(AtMost)),
    // 多 and 余 inside the number
    ("1000多项", 1000.0, "项", Some(Over)),
    ("100多万吨", 1_000_000.0, "吨", Some(Over)),
    ("1200多万套", 12_000_000.0, "套", Some(Over)),
    ("13亿多人", 1_300_000_000.0, "人", Some(Over)),
    ("9亿多人", 900_000_000.0, "人", Some(Over)),
    ("1700多万人次", 17_000_000.0, "人次", Some(Over)),
    ("2400多万户", 24_000_000.0, "户", Some(Over)),
    ("2000多万辆", 20_000_000.0, "辆", Some(Over)),
    ("2900多万家", 29_000_000.0, "家", Some(Over)),
    ("7万多家", 70_000.0, "家", Some(Over)),
    ("30多万公里", 300_000.0, "公里", Some(Over)),
    ("9000多处", 9000.0, "处", Some(Over)),
    ("5000多亿元", 500_000_000_000.0, "元", Some(Over)),
    // Qualifiers before the number
    ("近9.8万亿元", 9.8e12, "元", Some(Under)),
    ("近14亿人", 1_400_000_000.0, "人", Some(Under)),
    ("近1亿人次", 100_000_000.0, "人次", Some(Under)),
    ("近2000平方公里", 2000.0, "平方公里", Some(Under)),
    ("近70%", 70.0, "%", Some(Under)),
    ("接近60%", 60.0, "%", Some(Under)),
    ("约1.3万亿元", 1.3e12, "元", Some(Approx)),
    ("约3万公里", 30_000.0, "公里", Some(Approx)),
    ("约6700万人", 67_000_000.0, "人", Some(Approx)),
    ("超过1.2万亿斤", 1.2e12, "斤", Some(Over)),
    ("超过1.2亿人次", 120_000_000.0, "人次", Some(Over)),
    ("超过2.9亿吨", 290_000_000.0, "吨", Some(Over)),
    ("超过2100万套", 21_000_000.0, "套", Some(Over)),
    ("超过7.8亿户", 780_000_000.0, "户", Some(Over)),
    ("超过10万公里", 100_000.0, "公里", Some(Over)),
    ("超过18%", 18.0, "%", Some(Over)),
    ("不低于5%", 5.0, "%", Some(AtLeast)),
    // English: Berkshire letters and Singapore budget speeches
    ("$81.4 billion", 8.14e10, "USD", None),
    ("1,900%", 1900.0, "%", None),
    ("$18.3 billion", 1.83e10, "USD", None),
    ("$146,186", 146_186.0, "USD", None),
    ("19.4%", 19.4, "%", None),
    ("$147 billion", 1.47e11, "USD", None),
    ("$19 million", 1.9e7, "USD", None),
    ("$1,000", 1000.0, "USD", None),
    ("$112 billion", 1.12e11, "USD", None),
    ("$90 trillion", 9e13, "USD", None),
    ("$157 million", 1.57e8, "USD", None),
    ("70.5%", 70.5, "%", None),
    ("2.64%", 2.64, "%", None),
    ("more than $30 billion", 3e10, "USD", Some(Over)),
    ("at least 80%", 80.0, "%", Some(AtLeast)),
    ("about 10%", 10.0, "%", Some(Approx)),
    ("roughly $9 million", 9e6, "USD", Some(Approx)),
    ("nearly 50%", 50.0, "%", Some(Under)),
    ("S$1.5 billion", 1.5e9, "SGD", None),
    ("0.5 percentage point", 0.5, "pp", None),
    ("(3.4)", -3.4, "", None),
    ("(0.13)", -0.13, "", None),
    ("$1.15 billion", 1.15e9, "USD", None),
    ("$116.0 billion", 1.16e11, "USD", None),
    ("$172.8 billion", 1.728e11, "USD", None),
    ("$402 billion", 4.02e11, "USD", None),
    ("$108 trillion", 1.08e14, "USD", None),
    ("$0.8 billion", 8e8, "USD", None),
    ("$4.25 billion", 4.25e9, "USD", None),
    ("$22.1 million", 22_100_000.0, "USD", None),
    ("$19.4 million", 19_400_000.0, "USD", None),
    ("$3.4 million", 3_400_000.0, "USD", None),
    ("$12,304", 12_304.0, "USD", None),
    ("$1,118", 1118.0, "USD", None),
    ("$1,434", 1434.0, "USD", None),
    ("$2,222,279", 2_222_279.0, "USD", None),
    ("$40,481,817", 40_481_817.0, "USD", None),
    ("$10.50", 10.5, "USD", None),
    ("$114.75", 114.75, "USD", None),
    ("$2,966", 2966.0, "USD", None),
    ("1,826,163%", 1_826_163.0, "%", None),
    ("11,196%", 11_196.0, "%", None),
    ("40,000%", 40_000.0, "%", None),
    ("125.8%", 125.8, "%", None),
    ("4.56%", 4.56, "%", None),
    ("0.93%", 0.93, "%", None),
    ("1.5 percentage points", 1.5, "pp", None),
    ("2.9 percentage points", 2.9, "pp", None),
    ("about 1.4 million", 1_400_000.0, "", Some(Approx)),
    ("about 24.6 million", 24_600_000.0, "", Some(Approx)),
    ("about $14.7 billion", 1.47e10, "USD", Some(Approx)),
    ("about $150,000", 150_000.0, "USD", Some(Approx)),
    ("about $43,000", 43_000.0, "USD", Some(Approx)),
    ("around $17 billion", 1.7e10, "USD", Some(Approx)),
    ("around 3.5%", 3.5, "%", Some(Approx)),
    ("roughly 60%", 60.0, "%", Some(Approx)),
    ("at least $20 billion", 2e10, "USD", Some(AtLeast)),
    ("at least 90%", 90.0, "%", Some(AtLeast)),
    ("up to $42.9 billion", 4.29e10, "USD", Some(AtMost)),
    ("up to $285", 285.0, "USD", Some(AtMost)),
    ("up to 250%", 250.0, "%", Some(AtMost)),
    ("more than $600 billion", 6e11, "USD", Some(Over)),
    ("more than $700 million", 7e8, "USD", Some(Over)),
    ("more than 100%", 100.0, "%", Some(Over)),
    ("over $140,000", 140_000.0, "USD", Some(Over)),
    ("over $10 billion", 1e10, "USD", Some(Over)),
    ("nearly $173 billion", 1.73e11, "USD", Some(Under)),
    ("nearly 70%", 70.0, "%", Some(Under)),
    ("almost 40%", 40.0, "%", Some(Under)),
    ("less than $150,000", 150_000.0, "USD", Some(Under)),
    ("less than 1%", 1.0, "%", Some(Under)),
    ("(4.65)", -4.65, "", None),
    ("(0.52)", -0.52, "", None),
    ("(58)", -58.0, "", None),
    ("(21)", -21.0, "", None),
];

#[test]
fn parses_real_phrasings() {
    assert!(PHRASINGS.len() >= 260, "{} phrasings", PHRASINGS.len());
    let mut failures = Vec::new();
    for &(text, value, unit, qualifier) in PHRASINGS {
        match parse_quantity(text) {
            None => failures.push(format!("{text}: not read")),
            Some(q) => {
                if !close(q.value, value) || q.unit != unit || q.qualifier != qualifier {
                    failures.push(format!(
                        "{text}: got {} {:?} {:?}, want {value} {unit:?} {qualifier:?}",
                        q.value, q.unit, q.qualifier
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Years, dates, ordinals of meetings and plans, versions, codes and bare numbers are not figures.
#[test]
fn non_figures_are_not_read() {
    for text in [
        "2024年",
        "1月8日",
        "2022-23",
        "第十七届",
        "二十大",
        "十四五",
        "7.0版",
        "第五次",
        "K1-01",
        "3+3",
        "5G",
        "两个",
        "三项",
        "千家",
        "千亿",
        "2021",
        "10-K",
        "1965",
    ] {
        assert!(parse_quantity(text).is_none(), "{text} read as a figure");
    }
}

fn zh_doc(body: &str) -> Document {
    let text = format!(
        "政府工作报告\n\n一、2024年工作回顾\n\n{body}\n\n二、2025年主要任务\n\n做好今年工作，意义重大。\n"
    );
    parse("t.txt", &normalize(&text), OutlineOptions::default())
}

fn figures_of(body: &str) -> Vec<Figure> {
    extract(&zh_doc(body))
}

/// (sentence, index of the figure, label, role, value, qualifier)
type LabelCase = (
    &'static str,
    usize,
    &'static str,
    Role,
    f64,
    Option<Qualifier>,
);

#[test]
fn labels_roles_and_qualifiers() {
    // (sentence, index of the figure, label, role, value, qualifier)
    let cases: &[LabelCase] = &[
        // `十年来` is a time word as a whole, not `十年` and a stray `来` (national report 2023).
        (
            "十年来我国居民消费价格涨幅稳定在2%左右的较低水平。",
            0,
            "我国居民消费价格涨幅",
            Role::Growth,
            2.0,
            Some(Qualifier::Approx),
        ),
        (
            "区级一般公共预算收入完成180.97亿元，同比增长7.38%，增速位居全市第四。",
            0,
            "区级一般公共预算收入",
            Role::Level,
            18_097_000_000.0,
            None,
        ),
        (
            "区级一般公共预算收入完成180.97亿元，同比增长7.38%，增速位居全市第四。",
            1,
            "区级一般公共预算收入",
            Role::Growth,
            7.38,
            None,
        ),
        (
            "区级一般公共预算收入完成180.97亿元，同比增长7.38%，增速位居全市第四。",
            2,
            "区级一般公共预算收入增速",
            Role::Rank,
            4.0,
            None,
        ),
        (
            "全区报警类110、刑事立案数、电信网络诈骗接报既遂数同比分别下降2.6%、21.9%、13.4%。",
            1,
            "刑事立案数",
            Role::Growth,
            -21.9,
            None,
        ),
        (
            "全区报警类110、刑事立案数、电信网络诈骗接报既遂数同比分别下降2.6%、21.9%、13.4%。",
            2,
            "电信网络诈骗接报既遂数",
            Role::Growth,
            -13.4,
            None,
        ),
        (
            "全年基础设施、制造业投资分别增长9.4%、9.1%，带动固定资产投资增长5.1%。",
            1,
            "制造业投资",
            Role::Growth,
            9.1,
            None,
        ),
        (
            "全年基础设施、制造业投资分别增长9.4%、9.1%，带动固定资产投资增长5.1%。",
            2,
            "固定资产投资",
            Role::Growth,
            5.1,
            None,
        ),
        (
            "明亚基金上海分公司、魔量资本等28家金融机构相继落地。",
            0,
            "金融机构",
            Role::Count,
            28.0,
            None,
        ),
        (
            "全年举办各类活动240余场，服务企业超1.1万家。",
            1,
            "服务企业",
            Role::Count,
            11_000.0,
            Some(Over),
        ),
        (
            "实施三年行动，走访企业5629次，解决诉求932项，解决率达99%。",
            2,
            "解决率",
            Role::Share,
            99.0,
            None,
        ),
        (
            "热线万人工单受理量同比下降26.84%，先行联系率同比上升13.45%。",
            0,
            "热线万人工单受理量",
            Role::Growth,
            -26.84,
            None,
        ),
        (
            "全年国内生产总值增长3%，城镇新增就业1206万人，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。",
            2,
            "城镇调查失业率",
            Role::Share,
            5.5,
            None,
        ),
        (
            "全年国内生产总值增长3%，城镇新增就业1206万人，年末城镇调查失业率降到5.5%，居民消费价格上涨2%。",
            3,
            "居民消费价格",
            Role::Growth,
            2.0,
            None,
        ),
        (
            "新增416个公共（含专用）充电桩，新建14个共享充电桩示范小区。",
            0,
            "公共充电桩",
            Role::Count,
            416.0,
            None,
        ),
        (
            "实物商品网上零售额占社会消费品零售总额的比重从15.8%提高到27.2%。",
            1,
            "实物商品网上零售额占社会消费品零售总额的比重",
            Role::Share,
            27.2,
            None,
        ),
        (
            "贷款平均利率较五年前下降1.5个百分点，金融体系总体稳健。",
            0,
            "贷款平均利率",
            Role::Growth,
            -1.5,
            None,
        ),
    ];
    let mut failures = Vec::new();
    for &(body, i, label, role, value, qualifier) in cases {
        let f = figures_of(body);
        match f.get(i) {
            None => failures.push(format!("{body}: no figure {i} in {f:?}")),
            Some(x) => {
                if x.label != label
                    || x.role != role
                    || !close(x.value, value)
                    || x.qualifier != qualifier
                {
                    failures.push(format!(
                        "{body} #{i}: got {:?} {:?} {} {:?}, want {label:?} {role:?} {value} {qualifier:?}",
                        x.label, x.role, x.value, x.qualifier
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn targets_come_from_plan_parts() {
    let text = "政府工作报告\n\n一、2024年工作回顾\n\n全年地区生产总值增长5%，经济平稳。\n\n\
二、2025年主要任务\n\n建议今年全区经济社会发展的主要预期目标是：地区生产总值增长3%左右，区级一般公共预算收入增长2%，城镇登记失业人数控制在指标以内。\n";
    let doc = parse("t.txt", &normalize(text), OutlineOptions::default());
    let f = extract(&doc);
    assert_eq!(f.len(), 3, "{f:#?}");
    assert_eq!(f[0].role, Role::Growth);
    assert_eq!(f[1].role, Role::Target);
    assert_eq!(f[1].label, "地区生产总值");
    assert_eq!(f[1].qualifier, Some(Approx));
    assert_eq!(f[2].role, Role::Target);
    assert_eq!(f[2].label, "区级一般公共预算收入");
    assert_eq!(f[1].section, vec!["二、2025年主要任务".to_string()]);
}

#[test]
fn ordinals_years_dates_and_versions_give_no_figure() {
    for body in [
        "2025年1月8日在长宁区第十七届人民代表大会第六次会议上作报告，请予审议。",
        "全面贯彻落实党的二十大和二十届二中、三中全会精神，完成十四五规划。",
        "实施营商环境建设7.0版行动方案，推动2022-23年度工作。",
        "按照十二届市委六次全会和十一届区委九次全会部署，守正创新。",
        "坚持两个毫不动摇，深化三项制度改革，千家万户受益。",
        "打造四大千亿级产业集群，推动二十国集团合作。",
    ] {
        let f = figures_of(body);
        assert!(f.is_empty(), "{body}: {f:#?}");
    }
}

#[test]
fn english_figures() {
    let text = "To the Shareholders:\n\nBerkshire’s total float has grown from $19 million when we entered the insurance business to $147 billion. \
Our per-share book value increased 8.4% to $146,186 last year, a good result for a company of our size.\n\n\
The components of that figure are $24.8 billion in operating earnings, a $3.0 billion non-cash loss and other items we need not discuss here at all.\n";
    let doc = parse("t.txt", &normalize(text), OutlineOptions::default());
    let f = extract(&doc);
    let find = |text: &str| {
        f.iter()
            .find(|x| x.text == text)
            .unwrap_or_else(|| panic!("{text} not found in {f:#?}"))
    };
    assert_eq!(find("$19 million").label, "total float");
    assert_eq!(find("$147 billion").label, "total float");
    assert!(close(find("$147 billion").value, 1.47e11));
    assert_eq!(find("$147 billion").unit, "USD");
    let growth = find("8.4%");
    assert_eq!(growth.role, Role::Growth);
    assert_eq!(growth.label, "per-share book value");
    assert_eq!(find("$146,186").label, "per-share book value");
    assert_eq!(find("$24.8 billion").label, "operating earnings");
}

/// `a whopping $3.2 billion`, `a modest 1.1%`: one word between an article and an amount
/// qualifies the amount, so the label is the noun phrase before it. Sentences from the
/// Berkshire letters of 2016 and 2019 and the Singapore budget speech of 2024.
#[test]
fn english_words_qualifying_an_amount_are_not_labels() {
    let text = "To the Shareholders:\n\n\
It was a terrible mistake on my part to issue 272,200 shares of Berkshire in buying General Re, an act that increased our outstanding shares by a whopping 21.8%. \
Berkshire has now operated at an underwriting profit for 16 of the last 17 years, the exception being 2017, when our pre-tax loss was a whopping $3.2 billion.\n\n\
The past year has not been easy. Our economy grew by a modest 1.1%, avoiding a recession.\n";
    let doc = parse("t.txt", &normalize(text), OutlineOptions::default());
    let f = extract(&doc);
    let find = |text: &str| {
        f.iter()
            .find(|x| x.text == text)
            .unwrap_or_else(|| panic!("{text} not found in {f:#?}"))
    };
    assert_eq!(find("21.8%").label, "outstanding shares");
    assert_eq!(find("$3.2 billion").label, "pre-tax loss");
    let economy = find("1.1%");
    assert_eq!(economy.label, "economy");
    assert_eq!(economy.role, Role::Growth);
    assert!(close(economy.value, 1.1));
}

/// Container throughput in standard containers is a unit; `省`/`国` opening a word of place
/// (`省外`, `国内`) is no measure word; the count of a list's items (`以下十二个方面`,
/// `10个方面`) is no figure; a verb after who acts (`获评`, `发放`) and an amount before `的`
/// leave the thing measured. Sentences from the Guangdong 2025 and 2026, Zhejiang 2025,
/// Sichuan 2026, Beijing 2025 and Hailar 2013 reports.
#[test]
fn chinese_units_list_counts_and_verbs_after_the_subject() {
    let f = figures_of(
        "港口集装箱吞吐量达8097万标箱、增长4.5%，机场货邮吞吐量增长。\n\n\
保持2300万省外劳动力和240万省外脱贫劳动力在浙稳定就业。\n\n\
重点抓好以下十二个方面：\n\n\
重点做好以下10个方面工作：\n\n\
北京地区获评国家科学技术奖58项、占全国28.7%。\n\n\
为9373人次就业困难人员发放社保补贴2368万元，发放小额担保贷款1850万元。\n\n\
投资836万元的建新养老院、550万元呼伦社区文体馆项目基本完工。",
    );
    let find = |text: &str| {
        f.iter()
            .find(|x| x.text == text)
            .unwrap_or_else(|| panic!("{text} not found in {f:#?}"))
    };
    let teu = find("8097万标箱");
    assert_eq!(teu.unit, "标准箱");
    assert_eq!(teu.label, "港口集装箱吞吐量");
    assert!(close(teu.value, 8.097e7));
    assert_eq!(find("4.5%").label, "港口集装箱吞吐量");
    let outside = find("240万");
    assert_eq!(outside.unit, "");
    assert!(close(outside.value, 2.4e6));
    assert!(f.iter().all(|x| x.unit != "省"), "{f:#?}");
    assert!(
        f.iter().all(|x| x.text != "十二个" && x.text != "10个"),
        "{f:#?}"
    );
    assert_eq!(find("58项").label, "国家科学技术奖");
    assert_eq!(find("2368万元").label, "社保补贴");
    assert_eq!(find("836万元").label, "建新养老院");
}

/// A sentence led by a year that says nothing of the year ahead reports what was done, even
/// in a part that reads as a plan: the open-information reports of Hongze 2023 and 2024
/// (`2024年，我区在政府网站平台主动发布各类政府信息2428条`) under a plan part; the plan's own
/// targets stay.
#[test]
fn year_led_reports_in_a_plan_are_not_targets() {
    let text = "政府工作报告\n\n一、2025年主要任务\n\n\
2024年，我区在政府网站平台主动发布各类政府信息2428条，公开政府常务会议7期，解读信息发布7条。\n\n\
2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。\n\n\
2023年全区受理政府信息公开申请21件，均在法定期限答复。\n\n\
今年发展主要预期目标是：地区生产总值增长5%左右。\n";
    let f = extract(&parse("t.txt", &normalize(text), OutlineOptions::default()));
    let find = |text: &str| {
        f.iter()
            .find(|x| x.text == text)
            .unwrap_or_else(|| panic!("{text} not found in {f:#?}"))
    };
    assert_eq!(find("2428条").role, Role::Count);
    assert_eq!(find("17件").role, Role::Count);
    assert_eq!(find("21件").role, Role::Count);
    assert_eq!(find("5%左右").role, Role::Target);
}

/// The thing an amount measures where the clause before it only links or frames: a gain named
/// by its source, a figure named by what it values, a list inside a noun phrase, a clause of
/// `or`, a participle or `which`, `in the form of`, `as of`, `to date`, modal verbs and time
/// words between a label and its amount. Sentences from the Berkshire letters of 2017, 2019
/// and 2021, the Singapore budget speeches of 2022 and 2024 and the Apple 10-Ks of 2022 and
/// 2023.
#[test]
fn english_labels_reach_past_framing_clauses() {
    let text = "To the Shareholders:\n\n\
The $81.4 billion came from four components: $24 billion of operating earnings, $3.7 billion of realized capital gains and a $53.7 billion gain from an increase in the amount of net unrealized capital gains. \
On our balance sheet, we carry our Kraft Heinz holding at a GAAP figure of $13.8 billion, an amount that represents Berkshire’s share of the audited net worth of Kraft Heinz. \
During the past decade, the company’s internal investments in property, plant and equipment have totaled $121 billion. \
We own 38.6% of Pilot Corp., a leader in travel centers that had revenues last year of $45 billion. \
The compounded annual increase to date for the index fund is 7.1%, which is a return that could easily double your money. \
We believe that the annual probability of a U.S. mega-catastrophe causing $400 billion or more of insured losses is about 2%. \
At last year’s meeting, we set a record for policy sales, up 43% from 2016.\n\n\
Employers will be required to pay all their local employees at least the Local Qualifying Salary, which is currently set at $1,400 per month. \
From 1 January 2023, I will raise the qualifying income cap from the current $2,300 to $2,500 per month. \
The minimum hourly rate will be increased from $9 to $10.50 per hour. \
Our economy should grow by 3% to 5% this year. \
First, companies will receive a 50% Corporate Income Tax Rebate, capped at $40,000, in the Year of Assessment 2024. \
Eligible households can expect to receive two-and-a-half times the amount of regular U-Save rebates, or up to $950, in FY2024. \
Every adult Singaporean will receive $200 in the form of LifeSG credits. \
Government spending on Continuing Education and Training has nearly doubled to $0.9 billion last year.\n\n\
Depreciation expense on property, plant and equipment was $8.5 billion, $8.7 billion and $9.5 billion during 2023, 2022 and 2021, respectively. \
As of September 30, 2023 and September 24, 2022, the fair value of the Companys Notes, based on Level 2 inputs, was $90.8 billion and $98.8 billion, respectively. \
The fair value as of the respective vesting dates of RSUs was $18.2 billion, $19.0 billion and $10.8 billion for 2022, 2021 and 2020, respectively. \
The foreign provision for income taxes is based on foreign pretax earnings of $72.9 billion, $71.3 billion and $68.7 billion in 2023, 2022 and 2021, respectively.\n";
    let doc = parse("t.txt", &normalize(text), OutlineOptions::default());
    let f = extract(&doc);
    let label = |text: &str| {
        f.iter()
            .find(|x| x.text == text)
            .unwrap_or_else(|| panic!("{text} not found in {f:#?}"))
            .label
            .as_str()
    };
    assert_eq!(
        label("$53.7 billion"),
        "gain from net unrealized capital gains"
    );
    assert_eq!(label("$13.8 billion"), "kraft heinz holding");
    assert_eq!(
        label("$121 billion"),
        "internal investments in property plant and equipment"
    );
    assert_eq!(label("$45 billion"), "revenues");
    assert_eq!(label("7.1%"), "compounded annual increase for index fund");
    assert_eq!(label("$400 billion"), "insured losses");
    assert_eq!(label("43%"), "policy sales");
    assert_eq!(label("$1,400"), "local qualifying salary");
    assert_eq!(label("$2,300"), "qualifying income cap");
    assert_eq!(label("$2,500"), "qualifying income cap");
    assert_eq!(label("$9"), "minimum hourly rate");
    assert_eq!(label("$10.50"), "minimum hourly rate");
    assert_eq!(label("3%"), "economy");
    assert_eq!(label("$40,000"), "corporate income tax rebate");
    assert_eq!(label("up to $950"), "amount of regular u-save rebates");
    assert_eq!(label("$200"), "lifesg credits");
    assert_eq!(
        label("$0.9 billion"),
        "government spending on continuing education and training"
    );
    assert_eq!(
        label("$8.5 billion"),
        "depreciation expense on property plant and equipment"
    );
    assert_eq!(label("$90.8 billion"), "fair value of companys notes");
    assert_eq!(label("$18.2 billion"), "fair value");
    assert_eq!(label("$72.9 billion"), "foreign pretax earnings");
}

// ---- samples ----

fn sample(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    yoydiff::load_document(&Source::Path(path), None, OutlineOptions::default()).unwrap()
}

fn find<'a>(f: &'a [Figure], label: &str, text: &str) -> &'a Figure {
    f.iter()
        .find(|x| x.label.contains(label) && x.text == text)
        .unwrap_or_else(|| {
            let near: Vec<String> = f
                .iter()
                .filter(|x| x.text == text || x.label.contains(label))
                .map(|x| format!("{} {} {:?}", x.label, x.text, x.role))
                .collect();
            panic!("no figure {label:?} {text:?}; near: {near:#?}")
        })
}

#[test]
fn changning_figures_a_reader_would_quote() {
    let doc = sample("changning-gwr-2025.txt");
    let f = extract(&doc);
    let revenue = find(&f, "区级一般公共预算收入", "180.97亿元");
    assert_eq!(revenue.label, "区级一般公共预算收入");
    assert_eq!(revenue.role, Role::Level);
    assert_eq!(revenue.value, 18_097_000_000.0);
    assert_eq!(revenue.unit, "元");
    assert_eq!(revenue.line, 38);
    assert_eq!(revenue.section.len(), 2);
    assert_eq!(revenue.section[0], "一、2024年工作回顾");
    let growth = find(&f, "区级一般公共预算收入", "7.38%");
    assert_eq!((growth.role, growth.value), (Role::Growth, 7.38));
    let tax = find(&f, "重点产业综合税收", "431.78亿元");
    assert_eq!(tax.role, Role::Level);
    let share = find(&f, "占全区税收比重", "74%");
    assert_eq!(share.role, Role::Share);
    assert!(
        share.label.starts_with("重点产业综合税收"),
        "{}",
        share.label
    );
    assert_eq!(find(&f, "重点项目", "859个").role, Role::Count);
    assert_eq!(find(&f, "项目", "72个").value, 72.0);
    assert_eq!(find(&f, "项目", "411.73亿元").value, 41_173_000_000.0);
    assert_eq!(find(&f, "走访企业", "5629次").role, Role::Count);
    assert_eq!(find(&f, "房源", "3600套").value, 3600.0);
    assert_eq!(find(&f, "外籍高精尖缺人才工作许可", "853件").value, 853.0);
    assert_eq!(find(&f, "护理型床位", "611张").role, Role::Count);
    assert_eq!(find(&f, "口袋公园", "14座").value, 14.0);
    assert_eq!(find(&f, "公园绿地", "2.42万平方米").value, 24_200.0);
    assert_eq!(find(&f, "公共泊位", "242个").value, 242.0);
    assert_eq!(find(&f, "充电接口", "4.3万个").value, 43_000.0);
    assert_eq!(find(&f, "网办率", "98.92%").role, Role::Share);
    assert_eq!(find(&f, "降本率", "21.1%").role, Role::Share);
    assert_eq!(find(&f, "公物仓调剂", "6637.46万元").value, 66_374_600.0);
    let served = find(&f, "服务企业", "超1.1万家");
    assert_eq!((served.value, served.qualifier), (11_000.0, Some(Over)));
    let rank = find(&f, "区级一般公共预算收入", "位居全市第四");
    assert_eq!((rank.role, rank.value), (Role::Rank, 4.0));

    let gdp = find(&f, "地区生产总值", "3%左右");
    assert_eq!(
        (gdp.role, gdp.value, gdp.qualifier),
        (Role::Target, 3.0, Some(Approx))
    );
    let rev = find(&f, "区级一般公共预算收入", "2%");
    assert_eq!(rev.role, Role::Target);
    assert_eq!(rev.section[0], "二、2025年主要任务");

    // Negatives: nothing from the date line, the congress ordinal or the version number.
    for x in &f {
        assert!(
            !x.text.contains(['年', '月', '日', '届', '版']),
            "not a figure: {x:?}"
        );
    }
    assert!(f.iter().all(|x| !x.text.starts_with("7.0")), "version read");
    // Reading order.
    assert!(f.windows(2).all(|w| w[0].line <= w[1].line));
    // Precision: every figure has a label.
    let unnamed: Vec<&Figure> = f.iter().filter(|x| x.label.is_empty()).collect();
    assert!(unnamed.is_empty(), "{unnamed:#?}");
}

struct National {
    pairs: Vec<FigurePair>,
    promises: Vec<Promise>,
}

fn national() -> National {
    let old = sample("national-gwr-2022.txt");
    let new = sample("national-gwr-2023.txt");
    let (fo, fnew) = (extract(&old), extract(&new));
    let c = compare(&old, &new, &CompareOptions::default());
    National {
        pairs: match_figures(&fo, &fnew, &c.sections),
        promises: promises(&old, &fo, &new, &fnew),
    }
}

fn target_pair<'a>(pairs: &'a [FigurePair], label: &str) -> &'a FigurePair {
    pairs
        .iter()
        .find(|p| {
            p.role == Role::Target && p.label.contains(label) && p.old.is_some() && p.new.is_some()
        })
        .unwrap_or_else(|| {
            let near: Vec<String> = pairs
                .iter()
                .filter(|p| p.label.contains(label))
                .map(|p| format!("{:?} {} {:?}", p.role, p.label, p.status))
                .collect();
            panic!("no target pair {label}: {near:#?}")
        })
}

#[test]
fn national_targets_pair_across_editions() {
    let n = national();
    let texts = |label: &str| {
        let p = target_pair(&n.pairs, label);
        (
            p.old.as_ref().unwrap().text.clone(),
            p.new.as_ref().unwrap().text.clone(),
            p.status,
        )
    };
    use FigureStatus::{Changed, Unchanged};
    assert_eq!(
        texts("国内生产总值"),
        ("5.5%左右".into(), "5%左右".into(), Changed)
    );
    assert_eq!(
        texts("城镇新增就业"),
        ("1100万人以上".into(), "1200万人左右".into(), Changed)
    );
    // The value stays, the bound moves from a ceiling to an approximation.
    assert_eq!(
        texts("城镇调查失业率"),
        ("5.5%以内".into(), "5.5%左右".into(), Changed)
    );
    assert_eq!(
        texts("居民消费价格"),
        ("3%左右".into(), "3%左右".into(), Unchanged)
    );
    assert_eq!(
        texts("粮食产量"),
        ("1.3万亿斤以上".into(), "1.3万亿斤以上".into(), Unchanged)
    );
    assert_eq!(texts("赤字率"), ("2.8%左右".into(), "3%".into(), Changed));
    assert_eq!(
        texts("专项债券"),
        ("3.65万亿元".into(), "3.8万亿元".into(), Changed)
    );

    let gdp = target_pair(&n.pairs, "国内生产总值").change.unwrap();
    assert_eq!((gdp.absolute, gdp.relative), (-0.5, None));
    let bonds = target_pair(&n.pairs, "专项债券").change.unwrap();
    assert_eq!(bonds.absolute, 1.5e11);
    assert!(close(bonds.relative.unwrap(), 0.15 / 3.65), "{bonds:?}");

    // Outcomes reported in the review parts pair too.
    let gdp_growth = n
        .pairs
        .iter()
        .find(|p| {
            p.role == Role::Growth
                && p.label == "国内生产总值"
                && p.old.is_some()
                && p.new.is_some()
        })
        .expect("GDP growth pair");
    assert_eq!(gdp_growth.old.as_ref().unwrap().text, "8.1%");
    assert_eq!(gdp_growth.new.as_ref().unwrap().text, "3%");
}

#[test]
fn national_promises_are_checked() {
    let n = national();
    let verdict = |label: &str| {
        let p = n
            .promises
            .iter()
            .find(|p| p.label.contains(label))
            .unwrap_or_else(|| panic!("no promise {label}: {:#?}", n.promises));
        (
            p.target.text.clone(),
            p.outcome.as_ref().map(|o| o.text.clone()),
            p.verdict,
        )
    };
    assert_eq!(
        verdict("国内生产总值"),
        ("5.5%左右".into(), Some("3%".into()), Verdict::Missed)
    );
    assert_eq!(
        verdict("城镇新增就业"),
        ("1100万人以上".into(), Some("1206万人".into()), Verdict::Met)
    );
    assert_eq!(
        verdict("城镇调查失业率"),
        ("5.5%以内".into(), Some("5.5%".into()), Verdict::Met)
    );
    assert_eq!(
        verdict("居民消费价格"),
        ("3%左右".into(), Some("2%".into()), Verdict::Met)
    );
    assert_eq!(
        verdict("粮食产量"),
        (
            "1.3万亿斤以上".into(),
            Some("1.37万亿斤".into()),
            Verdict::Met
        )
    );
    assert_eq!(
        verdict("赤字率"),
        ("2.8%左右".into(), Some("2.8%".into()), Verdict::Met)
    );
}

#[test]
fn promises_need_consecutive_editions() {
    let old = sample("national-gwr-2022.txt");
    let new = sample("changning-gwr-2025.txt");
    assert!(promises(&old, &extract(&old), &new, &extract(&new)).is_empty());
}

#[test]
fn json_field_names_follow_the_contract() {
    let doc = sample("changning-gwr-2025.txt");
    let f = extract(&doc);
    let v = serde_json::to_value(&f[0]).unwrap();
    for key in [
        "label",
        "role",
        "value",
        "unit",
        "text",
        "qualifier",
        "sentence",
        "section",
        "line",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let served = find(&f, "服务企业", "超1.1万家");
    assert_eq!(serde_json::to_value(served).unwrap()["qualifier"], "over");
    assert_eq!(
        serde_json::to_value(&f[0]).unwrap()["qualifier"],
        serde_json::Value::Null
    );
    let n = national();
    let pair = serde_json::to_value(target_pair(&n.pairs, "国内生产总值")).unwrap();
    assert_eq!(pair["status"], "changed");
    assert_eq!(pair["role"], "target");
    assert_eq!(pair["change"]["relative"], serde_json::Value::Null);
    let promise = serde_json::to_value(&n.promises[0]).unwrap();
    for key in ["label", "target", "outcome", "verdict"] {
        assert!(promise.get(key).is_some(), "missing {key}");
    }
    let not_reported = n
        .promises
        .iter()
        .find(|p| p.verdict == Verdict::NotReported)
        .unwrap();
    assert_eq!(
        serde_json::to_value(not_reported).unwrap()["verdict"],
        "not_reported"
    );
}

#[test]
fn terminal_tables_render() {
    let doc = sample("changning-gwr-2025.txt");
    let f = extract(&doc);
    let mut out = Vec::new();
    write_figures(&mut out, &f, TermOptions::default()).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("区级一般公共预算收入"));
    assert!(text.contains("180.97亿元"));
    for line in text.lines() {
        assert!(console::measure_text_width(line) <= 80, "too wide: {line}");
    }

    let n = national();
    let mut out = Vec::new();
    write_figure_pairs(
        &mut out,
        &n.pairs,
        &n.promises,
        true,
        TermOptions::default(),
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    // Rows read changed first and unchanged last: the status is each row's last word.
    let statuses: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .filter(|w| ["changed", "new", "dropped", "unchanged"].contains(w))
        .collect();
    let last_changed = statuses.iter().rposition(|s| *s == "changed").unwrap();
    let first_unchanged = statuses.iter().position(|s| *s == "unchanged").unwrap();
    assert!(last_changed < first_unchanged, "{statuses:?}");
    assert!(text.contains("Promises"));
    assert!(text.contains("missed"));
    for line in text.lines() {
        assert!(console::measure_text_width(line) <= 80, "too wide: {line}");
    }

    // By default only changed pairs get rows; the others are counted, with the flag to show
    // them.
    let mut out = Vec::new();
    write_figure_pairs(
        &mut out,
        &n.pairs,
        &n.promises,
        false,
        TermOptions::default(),
    )
    .unwrap();
    let folded = String::from_utf8(out).unwrap();
    // Table rows end with their status; the count line under the table is not a row.
    let statuses: Vec<&str> = folded
        .lines()
        .filter(|l| !l.starts_with("figures:"))
        .filter_map(|l| l.split_whitespace().last())
        .filter(|w| ["changed", "new", "dropped", "unchanged"].contains(w))
        .collect();
    assert!(statuses.iter().all(|s| *s == "changed"), "{statuses:?}");
    assert!(statuses.len() < n.pairs.len());
    assert!(folded.contains("--all-figures shows them"), "{folded}");
    assert!(folded.contains("Promises"));
    for line in folded.lines() {
        assert!(console::measure_text_width(line) <= 80, "too wide: {line}");
    }
}

/// A list before `分别` names its head noun once, on its last item; every item measures it.
/// Sentences from the Sichuan, Shanghai, Zhejiang and national 2023 reports.
#[test]
fn respectively_lists_share_their_head_noun() {
    let cases: &[(&str, &[&str])] = &[
        (
            "六大优势产业、高技术制造业、绿色低碳优势产业增加值分别增长6.9%、8.4%、10.2%。",
            &[
                "六大优势产业增加值",
                "高技术制造业增加值",
                "绿色低碳优势产业增加值",
            ],
        ),
        (
            "战略性新兴产业、高新技术产业增加值分别增长10%、7.9%。",
            &["战略性新兴产业增加值", "高新技术产业增加值"],
        ),
        (
            "高技术制造业、装备制造业增加值年均分别增长10.6%、7.9%。",
            &["高技术制造业增加值", "装备制造业增加值"],
        ),
        // `和` inside an item's name (Shanghai 2026), a head noun of the genre (Zhejiang
        // 2026), short items as long as the start of the last (national 2023).
        (
            "金融业、软件和信息服务业增加值分别增长9.7%、15.3%。",
            &["金融业增加值", "软件和信息服务业增加值"],
        ),
        (
            "新能源汽车、集成电路、工业机器人产量分别增长49.8%、11.9%、36.4%。",
            &["新能源汽车产量", "集成电路产量", "工业机器人产量"],
        ),
        (
            "进口、出口通关时间分别压减67%和92%。",
            &["进口通关时间", "出口通关时间"],
        ),
        // Items that name different things keep their own words.
        (
            "专业技术人才、高技能人才分别增加860万人和880万人。",
            &["专业技术人才", "高技能人才"],
        ),
    ];
    for (sentence, labels) in cases {
        let doc = yoydiff::parse_text(
            "t.txt",
            &format!("一、过去一年工作回顾\n{sentence}\n"),
            yoydiff::OutlineOptions::default(),
        )
        .unwrap();
        let got: Vec<String> = yoydiff::extract_figures(&doc)
            .into_iter()
            .map(|f| f.label)
            .collect();
        assert_eq!(&got, labels, "{sentence}");
    }
}

/// English tables and framing words. The rows are from the Apple 10-K of 2023 (segment table
/// under `(dollars in millions)`, the statement of operations under `(In millions, except …)`);
/// the framing sentence is from the Berkshire letter of 2021.
#[test]
fn english_table_rows_and_framing_words() {
    let text = "To the Shareholders:\n\n\
The following table shows net sales by reportable segment for 2023, 2022 and 2021 (dollars in millions):\n\
2023 Change 2022 Change 2021\n\
Net sales by reportable segment:\n\
Americas $ 162,560 (4) % $ 169,658 11 % $ 153,306\n\
Total net sales $ 383,285 (3) % $ 394,328 8 % $ 365,817\n\
Americas net sales decreased 4% or $7.1 billion during 2023 compared to 2022 due to lower net sales of iPhone and Mac.\n\
In 2021, for example, we paid $3.3 billion while the U.S. Treasury reported total corporate income-tax receipts of $402 billion.\n";
    let doc = parse("t.txt", &normalize(text), OutlineOptions::default());
    let f = extract(&doc);
    let find = |text: &str| {
        f.iter()
            .find(|x| x.text == text)
            .unwrap_or_else(|| panic!("{text} not found in {f:#?}"))
    };
    let total = find("$ 383,285");
    assert_eq!(total.label, "total net sales");
    assert_eq!(total.unit, "USD");
    assert!(close(total.value, 383_285e6));
    let change = find("(3) %");
    assert_eq!(change.role, Role::Growth);
    assert!(close(change.value, -3.0));
    assert_eq!(find("$ 162,560").label, "americas net sales");
    // Prior-year columns are not figures of this year.
    assert!(f.iter().all(|x| x.text != "$ 394,328" && x.text != "8 %"));
    let restated = find("$7.1 billion");
    assert_eq!(restated.role, Role::Growth);
    assert!(close(restated.value, -7.1e9));
    assert_eq!(find("$3.3 billion").label, "");
}

/// Verbs and adverbs at either end of a clause go, `新增` stays for new borrowing, increments
/// over last year are changes, a `降幅` is a fall. Sentences from the Changning 2025,
/// Guangdong 2025, Beijing 2026, Hailar 2014 and national 2014 reports.
#[test]
fn chinese_labels_lose_verbs_and_keep_flows() {
    let review = |sentence: &str| {
        let doc = yoydiff::parse_text(
            "t.txt",
            &format!("一、过去一年工作回顾\n{sentence}\n"),
            yoydiff::OutlineOptions::default(),
        )
        .unwrap();
        yoydiff::extract_figures(&doc)
    };
    let label_of = |sentence: &str, text: &str| -> String {
        let f = review(sentence);
        f.iter()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("no {text} in {sentence}"))
            .label
            .clone()
    };
    assert_eq!(
        label_of("建成30处市民益智健身苑点。", "30处"),
        "市民益智健身苑点"
    );
    assert_eq!(label_of("新建公共泊位242个。", "242个"), "公共泊位");
    assert_eq!(
        label_of("全年共实施重点工业项目28个。", "28个"),
        "重点工业项目"
    );
    assert_eq!(label_of("实现再就业2529人。", "2529人"), "再就业");
    assert_eq!(label_of("3条主干道路完工。", "3条"), "主干道路");
    assert_eq!(label_of("优良天数比例首次突破80%。", "80%"), "优良天数比例");
    assert_eq!(
        label_of(
            "新筹建各类保障性住房28.6万套（间），发放租赁补贴惠及6.2万户。",
            "6.2万户"
        ),
        "发放租赁补贴"
    );
    assert_eq!(
        label_of("排水管道从63万公里增加到89万公里。", "89万公里"),
        "排水管道"
    );
    // New borrowing is a quantity of its own; new chargers are only new.
    assert_eq!(
        label_of(
            "争取并用好新增专项债券5085亿元，规模为历年之最。",
            "5085亿元"
        ),
        "新增专项债券"
    );
    assert_eq!(label_of("新增416个公共充电桩。", "416个"), "公共充电桩");

    // An increment in a plan is a change of the level, not a second target under its name.
    let doc = yoydiff::parse_text(
        "t.txt",
        "二、今年工作任务\n今年拟安排财政赤字13500亿元，比上年增加1500亿元。\n",
        yoydiff::OutlineOptions::default(),
    )
    .unwrap();
    let f = yoydiff::extract_figures(&doc);
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].label.as_str(), f[0].role), ("财政赤字", Role::Target));
    assert_eq!((f[1].label.as_str(), f[1].role), ("财政赤字", Role::Change));
    assert_eq!(f[1].value, 150_000_000_000.0);
    assert_eq!(f[1].role.as_str(), "change");

    // The size of a fall is a fall.
    let f = review("能耗降幅超过3%。");
    assert_eq!(
        (f[0].label.as_str(), f[0].role, f[0].value),
        ("能耗", Role::Growth, -3.0)
    );
}

/// A reduction target meets a reduction outcome named by its last word: the energy-intensity
/// target `单位国内生产总值能耗降低3%左右` and the next review's `能耗降幅超过3%`.
#[test]
fn a_fall_in_energy_use_meets_the_reduction_target() {
    let old = yoydiff::parse_text(
        "old.txt",
        "政府工作报告\n\n一、2023年工作回顾\n\n全年国内生产总值增长5.2%。\n\n二、2024年主要任务\n\n今年发展主要预期目标是：国内生产总值增长5%左右；单位国内生产总值能耗降低3%左右。\n",
        yoydiff::OutlineOptions::default(),
    )
    .unwrap();
    let new = yoydiff::parse_text(
        "new.txt",
        "政府工作报告\n\n一、2024年工作回顾\n\n全年国内生产总值增长5%，能耗降幅超过3%。\n\n二、2025年主要任务\n\n做好今年工作，意义重大。\n",
        yoydiff::OutlineOptions::default(),
    )
    .unwrap();
    let (fo, fnew) = (extract(&old), extract(&new));
    let p = yoydiff::internals::promises(&old, &fo, &new, &fnew);
    let energy = p
        .iter()
        .find(|x| x.label.ends_with("能耗"))
        .unwrap_or_else(|| panic!("no energy promise in {p:?}"));
    assert_eq!(energy.verdict, Verdict::Met, "{energy:?}");
    assert_eq!(energy.outcome.as_ref().unwrap().text, "超过3%");
}

#[test]
fn a_five_year_passage_makes_its_figures_multi_year() {
    let f = figures_of(
        "过去一年，城镇新增就业1206万人。\n\n\
         五年来，我们主要做了以下工作。\n\n\
         新建高标准农田4.56亿亩，国内生产总值增加到121万亿元，市场主体总量超过1.6亿户。\n\n\
         各位代表！过去一年，我们新开工改造城镇老旧小区5.3万个。",
    );
    let multi = |label: &str, text: &str| find(&f, label, text).multi_year;
    assert!(!multi("城镇新增就业", "1206万人"));
    // A flow of the five years is theirs; a level reached at their end is the last year's.
    assert!(multi("高标准农田", "4.56亿亩"));
    assert!(!multi("国内生产总值", "121万亿元"));
    assert!(!multi("市场主体总量", "超过1.6亿户"));
    // A paragraph that opens on one year ends the span, past a salutation.
    assert!(!multi("改造城镇老旧小区", "5.3万个"));
}

#[test]
fn five_year_totals_pair_only_with_five_year_figures() {
    // The 2023 report reviews 2022 first, then five years (`过去五年极不寻常`, `五年来，我们……
    // 主要做了以下工作` and ten sections of five-year totals), then plans 2023.
    let new = extract(&sample("national-gwr-2023.txt"));
    let old = extract(&sample("national-gwr-2022.txt"));
    assert!(!find(&new, "城镇新增就业", "1206万人").multi_year);
    assert!(find(&new, "法律议案", "50件").multi_year);
    assert!(find(&new, "改造城镇老旧小区", "16.7万个").multi_year);
    assert!(!find(&new, "国内生产总值", "121万亿元").multi_year);
    assert!(!find(&new, "城镇新增就业", "1200万人左右").multi_year);
    assert!(!find(&old, "法律议案", "10件").multi_year);
    let n = national();
    let paired = |o: &str, nw: &str| {
        n.pairs.iter().any(|p| {
            p.old.as_ref().is_some_and(|f| f.text == o)
                && p.new.as_ref().is_some_and(|f| f.text == nw)
        })
    };
    // One year's bills against five years' are no change of +400%.
    assert!(!paired("10件", "50件"));
    assert!(!paired("5.6万个", "16.7万个"));
    assert!(paired("114万亿元", "121万亿元"));
}

#[test]
fn a_review_that_meets_its_target_reports_an_outcome() {
    let f = figures_of(
        "就业形势总体稳定，城镇新增就业1312万人，超过全年预期目标。\n\n\
         地区生产总值增长5.4%，完成全年主要目标。\n\n\
         下一步，力争高标准农田再建成100万亩。",
    );
    assert_eq!(find(&f, "城镇新增就业", "1312万人").role, Role::Count);
    assert_eq!(find(&f, "地区生产总值", "5.4%").role, Role::Growth);
    // A cue that does not say the target was reached still sets one.
    assert_eq!(find(&f, "高标准农田", "100万亩").role, Role::Target);
}

#[test]
fn one_word_for_two_items_labels_each_value() {
    let f =
        figures_of("城乡居民人均可支配收入分别增长4.4%、5.6%，城乡低保标准分别提高13.1%和17.7%。");
    assert_eq!(find(&f, "居民", "4.4%").label, "城镇居民人均可支配收入");
    assert_eq!(find(&f, "居民", "5.6%").label, "农村居民人均可支配收入");
    assert_eq!(find(&f, "低保", "13.1%").label, "城镇低保标准");
    assert_eq!(find(&f, "低保", "17.7%").label, "农村低保标准");
}
