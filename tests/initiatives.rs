//! Initiatives: detection, the noise filter, status across editions and delivery, on
//! hand-made pairs (one per status) and on the real reports in `samples/`.
//!
//! Every name asserted as new or dropped on the sample pair was checked by searching both
//! texts: a new name occurs nowhere in the 2022 report, a dropped one nowhere in 2023.

mod common;

use yoydiff::CompareOptions;
use yoydiff::OutlineOptions;
use yoydiff::Source;
use yoydiff::compare;
use yoydiff::internals::NoiseVerdict as Verdict;
use yoydiff::internals::compare_initiatives;
use yoydiff::internals::detect;
use yoydiff::internals::judge_sentence;
use yoydiff::internals::normalize;
use yoydiff::internals::parse;
use yoydiff::model::Delivery;
use yoydiff::model::Document;
use yoydiff::model::Initiative;
use yoydiff::model::Kind;
use yoydiff::model::Status;
use yoydiff::render::TermOptions;
use yoydiff::render::term::write_initiatives;

fn sample_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

fn load(name: &str) -> Document {
    yoydiff::load_document(
        &Source::Path(sample_path(name)),
        None,
        OutlineOptions::default(),
    )
    .unwrap()
}

fn doc(text: &str) -> Document {
    parse("test", &normalize(text), OutlineOptions::default())
}

fn run(old: &Document, new: &Document) -> (Vec<Initiative>, Delivery) {
    let c = compare(old, new, &CompareOptions::default());
    compare_initiatives(old, new, &c.sections)
}

fn find<'a>(list: &'a [Initiative], name: &str) -> &'a Initiative {
    list.iter()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("{name} not in {:#?}", names(list)))
}

fn names(list: &[Initiative]) -> Vec<(String, Status)> {
    list.iter().map(|i| (i.name.clone(), i.status)).collect()
}

fn with_status(list: &[Initiative], status: Status) -> Vec<&str> {
    list.iter()
        .filter(|i| i.status == status && i.kind != Kind::Term)
        .map(|i| i.name.as_str())
        .collect()
}

/// A two-part report: a review of last year and this year's tasks.
fn report(year: u32, review: &str, plan: &str) -> String {
    format!(
        "政府工作报告\n\n一、{}年工作回顾\n\n（一）经济运行\n\n{review}\n\n二、{year}年主要任务\n\n（一）经济运行\n\n{plan}\n",
        year - 1
    )
}

// ---------------------------------------------------------------- hand-made pairs

#[test]
fn new_dropped_and_continued() {
    let old = doc(&report(
        2024,
        "全年新增企业一千家。",
        "实施“万企兴万村”行动，带动乡村发展。深入推进健康中国行动，提高人民健康水平。",
    ));
    let new = doc(&report(
        2025,
        "全年新增企业两千家。",
        "深入实施“强基计划”，培养基础学科人才。深入推进健康中国行动，提高人民健康水平。",
    ));
    let (list, _) = run(&old, &new);
    assert_eq!(find(&list, "强基计划").status, Status::New);
    assert_eq!(find(&list, "万企兴万村").status, Status::Dropped);
    let cont = find(&list, "健康中国行动");
    assert_eq!(cont.status, Status::Continued);
    assert_eq!(cont.kind, Kind::Programme);
    assert!(!cont.old.is_empty() && !cont.new.is_empty());
    // Each mention carries its sentence, its section path and its line.
    let m = &find(&list, "强基计划").new[0];
    assert!(m.sentence.contains("“强基计划”"), "{m:?}");
    assert_eq!(
        m.section.first().map(String::as_str),
        Some("二、2025年主要任务")
    );
    assert!(m.line > 1);
}

#[test]
fn versioned_plan_is_upgraded() {
    let old = doc(&report(
        2024,
        "营商环境持续改善。",
        "实施营商环境建设 7.0 版行动方案，落实重点企业服务。",
    ));
    let new = doc(&report(
        2025,
        "营商环境建设7.0版行动方案全面完成。",
        "制定并落实区营商环境建设 8.0版行动方案，推广“一址两用”。",
    ));
    let (list, delivery) = run(&old, &new);
    let up = find(&list, "营商环境建设8.0版");
    assert_eq!(up.status, Status::Upgraded, "{:#?}", names(&list));
    assert_eq!(up.old_name.as_deref(), Some("营商环境建设7.0版"));
    let stage = up.stage.as_ref().unwrap();
    assert_eq!((stage.old.as_str(), stage.new.as_str()), ("7.0版", "8.0版"));
    assert!(up.old[0].sentence.contains("7.0"));
    // The 7.0 plan was reported on in the new review.
    assert!(
        delivery
            .delivered
            .iter()
            .any(|i| i.name == "营商环境建设8.0版"),
        "{delivery:#?}"
    );
}

#[test]
fn phase_is_upgraded() {
    let old = doc(&report(
        2024,
        "平台运行平稳。",
        "建设区大数据资源平台三期工程。",
    ));
    let new = doc(&report(
        2025,
        "平台运行平稳。",
        "建设区大数据资源平台四期工程。",
    ));
    let (list, _) = run(&old, &new);
    let up = find(&list, "大数据资源平台四期");
    assert_eq!(up.status, Status::Upgraded);
    assert_eq!(up.old_name.as_deref(), Some("大数据资源平台三期"));
}

#[test]
fn pilot_rolled_out_is_upgraded() {
    let old = doc(&report(
        2024,
        "养老服务不断完善。",
        "开展长期护理保险制度试点，减轻失能老人家庭负担。",
    ));
    let new = doc(&report(
        2025,
        "养老服务不断完善。",
        "全面推广长期护理保险制度，减轻失能老人家庭负担。",
    ));
    let (list, _) = run(&old, &new);
    let up = find(&list, "长期护理保险制度");
    assert_eq!(up.status, Status::Upgraded, "{:#?}", names(&list));
    let stage = up.stage.as_ref().unwrap();
    assert_eq!((stage.old.as_str(), stage.new.as_str()), ("试点", "推广"));
}

#[test]
fn same_sentence_with_a_new_name_is_a_rename() {
    let old = doc(&report(
        2024,
        "企业服务持续优化。",
        "实施“企业服务专员”计划，全年走访重点企业五千家，解决企业诉求一千件。",
    ));
    let new = doc(&report(
        2025,
        "企业服务持续优化。",
        "实施“企业服务管家”计划，全年走访重点企业五千家，解决企业诉求一千件。",
    ));
    let (list, _) = run(&old, &new);
    let r = find(&list, "企业服务管家");
    assert_eq!(r.status, Status::Renamed, "{:#?}", names(&list));
    assert_eq!(r.old_name.as_deref(), Some("企业服务专员"));
    assert!(r.old[0].sentence.contains("企业服务专员"));
    assert!(r.new[0].sentence.contains("企业服务管家"));
    // Neither side is left over as new or dropped.
    assert!(with_status(&list, Status::New).is_empty());
    assert!(with_status(&list, Status::Dropped).is_empty());
}

/// A name replaced in the same place of a reworded sentence, sharing most of its characters,
/// is renamed, even when the rest of the sentence changed too much for the context rule; read
/// the other way it is the same rename backwards.
#[test]
fn a_name_replaced_inside_an_aligned_sentence_is_renamed() {
    let a = doc(&report(
        2023,
        "房地产市场平稳运行。",
        "坚决做好“保交楼”工作，防范化解房地产市场风险，满足刚性住房需求。",
    ));
    let b = doc(&report(
        2024,
        "房地产市场平稳运行。",
        "扎实做好“保交房”工作，防范化解优质头部房企风险，更好满足居民刚性住房需求。",
    ));
    let (ab, _) = run(&a, &b);
    let r = find(&ab, "保交房");
    assert_eq!(r.status, Status::Renamed, "{:?}", names(&ab));
    assert_eq!(r.old_name.as_deref(), Some("保交楼"));
    assert!(r.old[0].sentence.contains("“保交楼”"));
    assert!(r.new[0].sentence.contains("“保交房”"));
    assert!(!ab.iter().any(|i| i.name == "保交楼"), "{:?}", names(&ab));
    let (ba, _) = run(&b, &a);
    assert_eq!(entries(&ba), swapped(&ab));
    let back = find(&ba, "保交楼");
    assert_eq!(back.status, Status::Renamed);
    assert_eq!(back.old_name.as_deref(), Some("保交房"));
}

/// Replacing one programme by another in the same place is no rename when the two share
/// nothing but their suffix.
#[test]
fn a_different_programme_in_the_same_place_is_not_a_rename() {
    let a = doc(&report(
        2022,
        "工作有序。",
        "深入开展粮食节约行动，推动粮食生产稳定发展。",
    ));
    let b = doc(&report(
        2023,
        "工作有序。",
        "深入开展重点产业强链补链行动，推动产业链供应链稳定发展。",
    ));
    let (ab, _) = run(&a, &b);
    assert!(
        !ab.iter().any(|i| i.status == Status::Renamed),
        "{:?}",
        names(&ab)
    );
}

fn terms(list: &[Initiative], status: Status) -> Vec<&Initiative> {
    list.iter()
        .filter(|i| i.kind == Kind::Term && i.status == status)
        .collect()
}

/// New wording by keyness: a phrase the new edition uses four times and the old one never is
/// a new key term, with its G² and the sentences that use it; a phrase cut inside a word is
/// not; a coinage between quotation marks counts from its first use; swapping the editions
/// makes each new term a dropped one.
#[test]
fn new_wording_is_ranked_by_keyness_at_word_edges() {
    let common = "全年经济运行总体平稳，就业形势保持稳定，居民收入稳步增长。";
    // The reference edition is the larger one here, as a whole report is against a few
    // sentences: G² weighs absence from a larger text more.
    let a = doc(&report(
        2024,
        &format!(
            "{common}{}",
            "农业生产保持稳定，粮食产量再创新高，乡村面貌持续改善。".repeat(6)
        ),
        "稳步推进城乡建设，持续改善人居环境，加强基层治理。",
    ));
    let b = doc(&report(
        2025,
        common,
        "着力稳定宏观经济大盘，加力推进设备更新。稳住宏观经济大盘，做好设备更新工作。\
         宏观经济大盘总体稳定，设备更新带动投资。设备更新成效明显。提出“青绿共富”，持续改善人居环境。",
    ));
    let (ab, _) = run(&a, &b);
    let new_terms = terms(&ab, Status::New);
    let names: Vec<&str> = new_terms.iter().map(|i| i.name.as_str()).collect();
    for want in ["宏观经济大盘", "设备更新", "青绿共富"] {
        let t = new_terms
            .iter()
            .find(|i| i.name == want)
            .unwrap_or_else(|| panic!("{want} not in {names:?}"));
        assert!(!t.new.is_empty() && t.new[0].sentence.contains(want));
        assert!(t.keyness.is_some_and(|g| g > 0.0), "{t:?}");
    }
    // Pieces of those, and pieces cut inside a word, are not terms of their own.
    for noise in ["经济大", "宏观经济", "备更新", "设备更"] {
        assert!(!names.contains(&noise), "{noise} in {names:?}");
    }
    // Four uses weigh more than three.
    let g = |n: &str| {
        new_terms
            .iter()
            .find(|i| i.name == n)
            .unwrap()
            .keyness
            .unwrap()
    };
    assert!(g("设备更新") > g("宏观经济大盘"), "{names:?}");
    // The coinage comes first: quoting is the report's own mark of a new phrase.
    assert_eq!(names[0], "青绿共富");
    let (ba, _) = run(&b, &a);
    assert_eq!(entries(&ba), swapped(&ab));
    assert!(
        terms(&ba, Status::Dropped)
            .iter()
            .any(|i| i.name == "设备更新")
    );
}

/// English key terms are runs of one to four words; a single common word that one speech
/// happens to use and the other not is no new wording, a name written with capitals is.
#[test]
fn english_new_wording() {
    let text = |body: &str| {
        yoydiff::parse_text(
            "t",
            &format!("Budget Statement\n\nThe economy grew steadily this year and jobs were created.\n\n{body}\n"),
            OutlineOptions::default(),
        )
        .unwrap()
    };
    let a = text(&"We will support workers and households through the year. ".repeat(8));
    let b = text(
        "We will speed up the energy transition this decade. The energy transition needs \
         investment. Workers gain from the energy transition. Prices rose again and prices may \
         rise; prices matter.",
    );
    let (ab, _) = run(&a, &b);
    let names: Vec<&str> = terms(&ab, Status::New)
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert!(names.contains(&"energy transition"), "{names:?}");
    assert!(
        !names.iter().any(|n| n.eq_ignore_ascii_case("prices")),
        "{names:?}"
    );
}

#[test]
fn unrelated_names_are_not_renames() {
    let old = doc(&report(
        2024,
        "工作有序。",
        "实施“万企兴万村”行动，带动乡村发展。",
    ));
    let new = doc(&report(
        2025,
        "工作有序。",
        "举办“五五购物节”，全年社会消费品零售总额增长百分之五。",
    ));
    let (list, _) = run(&old, &new);
    assert_eq!(find(&list, "五五购物节").status, Status::New);
    assert_eq!(find(&list, "万企兴万村").status, Status::Dropped);
}

#[test]
fn delivered_and_silent_plans() {
    let old = doc(&report(
        2024,
        "全年工作有序推进。",
        "启动乡村建设行动。实施龙头企业保链稳链工程。",
    ));
    let new = doc(&report(
        2025,
        "乡村建设行动扎实推进，新建改建农村公路十万公里。",
        "继续推进乡村建设行动。",
    ));
    let (_, delivery) = run(&old, &new);
    let delivered: Vec<&str> = delivery.delivered.iter().map(|i| i.name.as_str()).collect();
    let silent: Vec<&str> = delivery.silent.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(delivered, ["乡村建设行动"]);
    assert_eq!(silent, ["龙头企业保链稳链工程"]);
    let d = &delivery.delivered[0];
    assert!(d.old[0].section[0].contains("主要任务"));
    assert!(d.new[0].section[0].contains("工作回顾"), "{:?}", d.new);
}

#[test]
fn emphasis_and_idioms_never_become_initiatives() {
    let old = doc(&report(
        2024,
        "坚持“稳”字当头，不搞“大水漫灌”。",
        "防止“一刀切”，给企业吃下“定心丸”。",
    ));
    let new = doc(&report(
        2025,
        "坚持“进”字当头，避免经济“硬着陆”。",
        "既有“诗与远方”，又有烟火气。深刻领悟“两个确立”的决定性意义。",
    ));
    let (list, _) = run(&old, &new);
    let named: Vec<&str> = list
        .iter()
        .filter(|i| i.kind != Kind::Term)
        .map(|i| i.name.as_str())
        .collect();
    assert!(named.is_empty(), "{named:?}");
}

#[test]
fn json_field_names_follow_the_contract() {
    let old = doc(&report(2024, "工作有序。", "实施“万企兴万村”行动。"));
    let new = doc(&report(2025, "工作有序。", "深入实施“强基计划”。"));
    let (list, delivery) = run(&old, &new);
    let v = serde_json::to_value(&list).unwrap();
    let first = &v[0];
    for key in ["name", "status", "old", "new", "kind"] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
    assert_eq!(first["status"], "new");
    let m = &first["new"][0];
    for key in ["sentence", "section", "line"] {
        assert!(m.get(key).is_some(), "{key} missing in {m}");
    }
    let d = serde_json::to_value(&delivery).unwrap();
    assert!(d.get("delivered").is_some() && d.get("silent").is_some());
}

#[test]
fn abbreviation_and_expansion_are_one_name() {
    let old = doc(&report(
        2024,
        "工作有序。",
        "扎实推进自贸试验区、海南自由贸易港建设，推动开发区改革创新。",
    ));
    let new = doc(&report(
        2025,
        "工作有序。",
        "深入推进自由贸易试验区建设，推动开发区改革创新。",
    ));
    let (list, _) = run(&old, &new);
    assert!(
        with_status(&list, Status::New).is_empty(),
        "{:#?}",
        names(&list)
    );
    assert!(
        with_status(&list, Status::Dropped).is_empty(),
        "{:#?}",
        names(&list)
    );
    let c = find(&list, "自由贸易试验区");
    assert_eq!(c.status, Status::Continued);
    assert!(c.old[0].sentence.contains("自贸试验区"), "{:?}", c.old);
    // Seen from the old edition alone: the short form is continued by its expansion.
    let (list, _) = run(&new, &old);
    assert!(
        with_status(&list, Status::New).is_empty(),
        "{:#?}",
        names(&list)
    );
    assert!(
        with_status(&list, Status::Dropped).is_empty(),
        "{:#?}",
        names(&list)
    );
}

#[test]
fn the_same_head_with_new_modifiers_is_upgraded() {
    let old = doc(&report(
        2024,
        "工作有序。",
        "实施降低物流成本行动，推动物流提质增效。",
    ));
    let new = doc(&report(
        2025,
        "工作有序。",
        "实施降低全社会物流成本专项行动，推动物流提质增效。",
    ));
    let (list, _) = run(&old, &new);
    let up = find(&list, "降低全社会物流成本专项行动");
    assert_eq!(up.status, Status::Upgraded, "{:#?}", names(&list));
    assert_eq!(up.old_name.as_deref(), Some("降低物流成本行动"));
    assert!(up.old[0].sentence.contains("降低物流成本行动"));
    assert!(
        with_status(&list, Status::New).is_empty(),
        "{:#?}",
        names(&list)
    );
    assert!(
        with_status(&list, Status::Dropped).is_empty(),
        "{:#?}",
        names(&list)
    );
}

/// The hand-made pairs of each upgrade rule, read the other way: the same entry, downgraded,
/// with the stages or names exchanged.
#[test]
fn swapped_upgrades_are_downgrades() {
    let pairs = [
        (
            "实施营商环境建设 7.0 版行动方案，落实重点企业服务。",
            "制定并落实区营商环境建设 8.0版行动方案，推广“一址两用”。",
            "营商环境建设7.0版",
            Some(("8.0版", "7.0版")),
            "营商环境建设8.0版",
        ),
        (
            "建设区大数据资源平台三期工程。",
            "建设区大数据资源平台四期工程。",
            "大数据资源平台三期",
            Some(("四期", "三期")),
            "大数据资源平台四期",
        ),
        (
            "开展长期护理保险制度试点，减轻失能老人家庭负担。",
            "全面推广长期护理保险制度，减轻失能老人家庭负担。",
            "长期护理保险制度",
            Some(("推广", "试点")),
            "长期护理保险制度推广",
        ),
        (
            "实施降低物流成本行动，推动物流提质增效。",
            "实施降低全社会物流成本专项行动，推动物流提质增效。",
            "降低物流成本行动",
            None,
            "降低全社会物流成本专项行动",
        ),
    ];
    for (older, newer, name, stage, old_name) in pairs {
        let a = doc(&report(2024, "工作有序。", older));
        let b = doc(&report(2025, "工作有序。", newer));
        let (ab, _) = run(&a, &b);
        let (ba, _) = run(&b, &a);
        assert_eq!(
            entries(&ba),
            swapped(&ab),
            "{:?} / {:?}",
            names(&ab),
            names(&ba)
        );
        let down = find(&ba, name);
        assert_eq!(down.status, Status::Downgraded, "{:?}", names(&ba));
        assert_eq!(down.old_name.as_deref(), Some(old_name));
        let st = down
            .stage
            .as_ref()
            .map(|s| (s.old.as_str(), s.new.as_str()));
        assert_eq!(st, stage);
    }
}

#[test]
fn unrelated_names_with_one_head_stay_apart() {
    // Same suffix, and `重大工程` is inside the new name, but it is a quarter of it and no
    // characters of the old name run in order through the new one from its first.
    let old = doc(&report(
        2024,
        "工作有序。",
        "实施城市燃气管道更新工程，改造老旧管网。",
    ));
    let new = doc(&report(
        2025,
        "工作有序。",
        "实施国家水网骨干工程，建设重大引调水项目。",
    ));
    let (list, _) = run(&old, &new);
    assert_eq!(find(&list, "国家水网骨干工程").status, Status::New);
    assert_eq!(find(&list, "城市燃气管道更新工程").status, Status::Dropped);
}

#[test]
fn english_names_in_another_number_or_case_are_continued() {
    let old = doc(
        "We will top up the Post-Secondary Education Accounts of eligible children.\n\n\
         The SkillsFuture Enterprise Credit will be extended for another year.\n",
    );
    let new = doc(
        "Each Post-Secondary Education Account will receive a top-up of $500.\n\n\
         Employers may use the SkillsFuture Enterprise credit until June.\n",
    );
    let (list, _) = run(&old, &new);
    assert!(
        with_status(&list, Status::New).is_empty(),
        "{:#?}",
        names(&list)
    );
    assert!(
        with_status(&list, Status::Dropped).is_empty(),
        "{:#?}",
        names(&list)
    );
    assert!(
        list.iter()
            .filter(|i| i.status == Status::Continued)
            .count()
            == 2,
        "{:#?}",
        names(&list)
    );
}

/// The same English head with a modifier in one edition only is one programme, continued,
/// not a dropped and a new one, whichever way the editions are read (the shorter name stands
/// for the longer one); a shorter form that only occurs inside another name (`Proximity
/// Housing Grant`) does not stand for it.
#[test]
fn an_english_name_with_a_modifier_taken_away_is_one_name() {
    // As the 2023 Singapore budget speech writes it.
    let a = doc(
        "Members save in the Central Provident Fund (CPF) for their homes.\n\n\
         Buyers of resale flats will qualify for this increased CPF Housing Grant.\n\n\
         First-timers get an increased CPF Housing Grant of up to $80,000.\n",
    );
    let b = doc(
        "First-time buyers receive a higher Housing Grant from this year.\n\n\
         Families living near their parents receive the Proximity Housing Grant.\n",
    );
    for (old, new) in [(&a, &b), (&b, &a)] {
        let (list, _) = run(old, new);
        let grants: Vec<&Initiative> = list
            .iter()
            .filter(|i| i.name.ends_with("Housing Grant") && !i.name.starts_with("Proximity"))
            .collect();
        assert_eq!(grants.len(), 1, "{:?}", names(&list));
        assert!(
            !matches!(grants[0].status, Status::New | Status::Dropped),
            "{:?}",
            names(&list)
        );
        assert!(!grants[0].old.is_empty() && !grants[0].new.is_empty());
    }
    let (ab, _) = run(&a, &b);
    let (ba, _) = run(&b, &a);
    assert_eq!(entries(&ba), swapped(&ab));
    // Only inside another name: no counterpart.
    let c = doc("Families living near their parents receive the Proximity Housing Grant.\n");
    let (ac, _) = run(&a, &c);
    assert_eq!(find(&ac, "CPF Housing Grant").status, Status::Dropped);
}

/// A lower-case programme noun after an English name is no part of it, and neither is the
/// initialism of its system: the other speech naming the rest names the programme, unless
/// the rest is the end of a longer name there. Sentences as the Singapore budget speeches of
/// 2023 and 2024 write them.
#[test]
fn an_english_name_without_its_generic_noun_or_initialism_is_one_name() {
    let a = doc(
        "First, I will enhance the Workfare Income Supplement scheme from next year.\n\n\
         Members can put more into their CPF Retirement Accounts to receive CPF payouts.\n",
    );
    let b = doc(
        "We will raise the Workfare Income Supplement and the Silver Support Scheme.\n\n\
         Savings go to a Retirement Account (RA) at 55.\n",
    );
    for (old, new) in [(&a, &b), (&b, &a)] {
        let (list, _) = run(old, new);
        for i in list.iter().filter(|i| i.kind != Kind::Term) {
            if i.name.contains("Workfare") || i.name.contains("Retirement Account") {
                assert_eq!(i.status, Status::Continued, "{:?}", names(&list));
            }
        }
    }
    let (ab, _) = run(&a, &b);
    let (ba, _) = run(&b, &a);
    assert_eq!(entries(&ba), swapped(&ab));
    // Only the end of a longer name: another programme.
    let c = doc(
        "We will raise the Enhanced Workfare Income Supplement and the Silver Support Scheme.\n",
    );
    let (ac, _) = run(&a, &c);
    assert_eq!(
        find(&ac, "Workfare Income Supplement scheme").status,
        Status::Dropped
    );
}

/// A result verb opens its object: `疫情防控取得重大战略成果` names no strategy, and an idiom
/// in quotation marks names no programme.
#[test]
fn a_clause_and_a_quoted_idiom_are_not_names() {
    let a = doc(&report(
        2021,
        "疫情防控取得重大战略成果，经济发展稳定恢复。以“十年磨一剑”精神在关键核心领域实现重大突破。",
        "实施乡村建设行动。",
    ));
    let b = doc(&report(2022, "经济发展稳定恢复。", "实施乡村建设行动。"));
    let (ab, _) = run(&a, &b);
    assert!(
        !ab.iter()
            .any(|i| i.kind != Kind::Term && (i.name.contains("取得") || i.name.contains("磨一剑"))),
        "{:?}",
        names(&ab)
    );
    assert_eq!(find(&ab, "乡村建设行动").status, Status::Continued);
}

#[test]
fn an_english_name_and_its_defined_initialism_are_one_name() {
    let old = doc("Members can use their CPF savings for housing.\n\n\
         We will raise the CPF Housing Grant for first-time buyers.\n");
    let new = doc(
        "The Central Provident Fund (CPF) remains the bedrock of retirement adequacy.\n\n\
         We will raise the Central Provident Fund Housing Grant for first-time buyers.\n",
    );
    let (list, _) = run(&old, &new);
    assert!(
        with_status(&list, Status::New).is_empty(),
        "{:#?}",
        names(&list)
    );
    assert!(
        with_status(&list, Status::Dropped).is_empty(),
        "{:#?}",
        names(&list)
    );
    let c = find(&list, "Central Provident Fund");
    assert_eq!(c.status, Status::Continued);
    assert!(c.old[0].sentence.contains("CPF"), "{:?}", c.old);
}

#[test]
fn a_short_name_the_other_edition_contains_is_never_new() {
    // `三保` stands inside `三保障` in the old text: a reader searching for it finds it there.
    let old = doc(&report(2024, "工作有序。", "巩固两不愁三保障成果。"));
    let new = doc(&report(2025, "工作有序。", "做好基层“三保”工作。"));
    let (list, _) = run(&old, &new);
    assert_eq!(find(&list, "三保").status, Status::Continued);
}

#[test]
fn a_plan_reported_on_by_its_distinctive_part_is_delivered() {
    let old = doc(&report(
        2024,
        "全年工作有序推进。",
        "实施城市更新行动，改造老旧小区。",
    ));
    let new = doc(&report(
        2025,
        "扎实推进城市更新，改造老旧小区五万个。",
        "继续推进城镇老旧小区改造。",
    ));
    let (list, delivery) = run(&old, &new);
    assert_eq!(find(&list, "城市更新行动").status, Status::Continued);
    let delivered: Vec<&str> = delivery.delivered.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(delivered, ["城市更新行动"], "{delivery:#?}");
    assert!(delivery.silent.is_empty(), "{delivery:#?}");
    assert!(
        delivery.delivered[0].new[0]
            .sentence
            .contains("扎实推进城市更新")
    );
}

// ---------------------------------------------------------------- noise filter table

/// Quoted words from the corpus, in their own sentences, and whether they are initiatives.
#[test]
fn quoted_words_from_the_corpus() {
    let table: &[(&str, &str, bool)] = &[
        // Initiatives: the object of an action verb, followed by a programme word, or a formula.
        (
            "深入实施“强基计划”和基础学科拔尖人才培养计划。",
            "强基计划",
            true,
        ),
        ("改革商事制度，推行“证照分离”改革。", "证照分离", true),
        ("大力实施“万企兴万村”行动。", "万企兴万村", true),
        ("“最虹桥”品牌不断打响。", "最虹桥", true),
        ("深入开展“双拥”活动。", "双拥", true),
        ("打造“上海硅巷”科创街区。", "上海硅巷", true),
        ("深化“一网通办”改革。", "一网通办", true),
        ("推进“一业一证”改革。", "一业一证", true),
        ("发展“互联网+”。", "互联网+", true),
        ("做好“六稳”“六保”工作。", "六稳", true),
        ("做好“六稳”“六保”工作。", "六保", true),
        ("持续擦亮“智慧好办”服务品牌。", "智慧好办", true),
        ("举办“五五购物节”。", "五五购物节", true),
        // A programme word after the quote names an action, whatever the quoted word means.
        (
            "“12345”市民服务热线“削峰”行动成效显现，热线万人工单受理量同比下降26.84%。",
            "削峰",
            true,
        ),
        // Not initiatives: emphasis, idioms, principles, things to avoid, honours, places.
        ("坚持“稳”字当头。", "稳", false),
        ("坚定反“独”促统。", "独", false),
        ("有的地方政策执行“一刀切”、层层加码。", "一刀切", false),
        ("不搞“大水漫灌”、透支未来。", "大水漫灌", false),
        ("依法严惩黑恶势力及其“保护伞”。", "保护伞", false),
        ("给市场主体吃下“定心丸”。", "定心丸", false),
        ("既有“诗与远方”，又有人间烟火。", "诗与远方", false),
        ("深刻领悟“两个确立”的决定性意义。", "两个确立", false),
        ("增强“四个意识”、坚定“四个自信”。", "四个意识", false),
        ("全面准确贯彻“一国两制”方针。", "一国两制", false),
        ("落实“爱国者治港”原则。", "爱国者治港", false),
        ("坚决遏制耕地“非农化”。", "非农化", false),
        ("持之以恒纠治“四风”。", "四风", false),
        ("聚焦“三区三州”等深度贫困地区。", "三区三州", false),
        ("荣获“全国优秀教师”称号。", "全国优秀教师", false),
        (
            "以“绿韵映芳华，润泽最长宁”为主题。",
            "绿韵映芳华，润泽最长宁",
            false,
        ),
        ("建立“政、校、楼、企”联动机制。", "政、校、楼、企", false),
        ("物价保持“稳”的态势。", "稳", false),
        // No action verb before it and no programme word after it: nothing says it is a name.
        (
            "守护好“最柔软的群体”，加快建设儿童友好城区，推动妇女儿童发展纲要和规划任务落地落实。",
            "最柔软的群体",
            false,
        ),
    ];
    let mut wrong = Vec::new();
    for &(sentence, word, expected) in table {
        let verdicts = judge_sentence(sentence);
        let Some(&(_, v)) = verdicts.iter().find(|(w, _)| w == word) else {
            wrong.push(format!("{word}: not found in {sentence}"));
            continue;
        };
        if v.is_initiative() != expected {
            wrong.push(format!("{word}: {v:?} in {sentence}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(
        judge_sentence("防止“一刀切”。")[0].1,
        Verdict::FigureOfSpeech
    );
    assert_eq!(judge_sentence("坚持“稳”字当头。")[0].1, Verdict::TooShort);
    assert_eq!(
        judge_sentence("守护好“最柔软的群体”，加快建设儿童友好城区。")[0].1,
        Verdict::NoEvidence
    );
    assert_eq!(
        judge_sentence("“12345”市民服务热线“削峰”行动成效显现。")[1],
        ("削峰".to_string(), Verdict::NameSuffix)
    );
}

// ---------------------------------------------------------------- real reports

#[test]
fn national_2022_to_2023() {
    let old = load("national-gwr-2022.txt");
    let new = load("national-gwr-2023.txt");
    let (list, delivery) = run(&old, &new);
    let old_text = std::fs::read_to_string(sample_path("national-gwr-2022.txt")).unwrap();
    let new_text = std::fs::read_to_string(sample_path("national-gwr-2023.txt")).unwrap();
    let new_names = with_status(&list, Status::New);
    let dropped = with_status(&list, Status::Dropped);
    for expected in [
        "强基计划",
        "证照分离",
        "千亿斤粮食产能提升行动",
        "自由贸易试验区提升战略",
        "基础学科拔尖人才培养计划",
    ] {
        assert!(
            new_names.contains(&expected),
            "{expected} not new: {new_names:?}"
        );
    }
    for expected in [
        "万企兴万村",
        "碳达峰行动方案",
        "互联网+督查",
        "龙头企业保链稳链工程",
    ] {
        assert!(
            dropped.contains(&expected),
            "{expected} not dropped: {dropped:?}"
        );
    }
    // Checked like grep: a new name occurs nowhere in the old text, a dropped one nowhere in
    // the new text (text joined across wrapped lines).
    let flat = |t: &str| t.replace(['\n', ' '], "");
    let (old_flat, new_flat) = (flat(&old_text), flat(&new_text));
    for n in &new_names {
        assert!(!old_flat.contains(n), "{n} is called new but 2022 has it");
        assert!(new_flat.contains(n), "{n} is not in the 2023 text");
    }
    for n in &dropped {
        assert!(
            !new_flat.contains(n),
            "{n} is called dropped but 2023 has it"
        );
    }
    // No emphasis words, idioms or principles among them.
    for noise in [
        "稳",
        "独",
        "一刀切",
        "大水漫灌",
        "保护伞",
        "两个确立",
        "两个维护",
        "四个意识",
        "一国两制",
        "九二共识",
        "四风",
        "非农化",
        "非粮化",
        "放水养鱼",
    ] {
        assert!(
            !list.iter().any(|i| i.name == noise),
            "{noise} listed as an initiative"
        );
    }
    // A short list: twenty-odd real names each way, not two hundred quoted words.
    assert!(
        new_names.len() <= 30 && dropped.len() <= 30,
        "{new_names:?} {dropped:?}"
    );
    // Continued names are found across the editions.
    assert_eq!(find(&list, "一带一路").status, Status::Continued);
    assert_eq!(find(&list, "国企改革三年行动").status, Status::Continued);
    // The 2022 plan's state-enterprise reform is reported on in the 2023 review.
    assert!(
        delivery
            .delivered
            .iter()
            .any(|i| i.name == "国企改革三年行动"),
        "{:?}",
        delivery
            .delivered
            .iter()
            .map(|i| &i.name)
            .collect::<Vec<_>>()
    );
    assert!(!delivery.silent.is_empty());
}

/// The judged list of `tests/fixtures/initiatives-national-2022-2023.tsv`: every new,
/// dropped, upgraded or renamed initiative of the sample pair is judged there against both
/// texts, and at least 90% of them are real; at least 95% of the rows judged real are still
/// reported with their status.
#[test]
fn sample_pair_precision() {
    let old = load("national-gwr-2022.txt");
    let new = load("national-gwr-2023.txt");
    let (list, _) = run(&old, &new);
    let problems = common::judged_problems(&list, "initiatives-national-2022-2023.tsv");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

use common::{initiative_entries as entries, swapped_entries as swapped};

#[test]
fn a_shorter_name_in_the_other_edition_stands_for_the_longer_both_ways() {
    // The 2022 and 2023 national reports: `学生营养改善计划` becomes `营养改善计划`;
    // `重点产业强链补链行动` is in both and 2023 also writes `产业强链补链行动`.
    let a = doc(&report(
        2022,
        "提高学生营养改善计划补助标准，3700多万学生受益。",
        "开展重点产业强链补链行动。推进上海自贸试验区和海南自贸试验区建设。",
    ));
    let b = doc(&report(
        2023,
        "持续实施营养改善计划，每年惠及3700多万学生。",
        "开展重点产业强链补链行动。持续开展产业强链补链行动，集中优质资源合力攻关。深化自贸试验区改革。",
    ));
    let (ab, _) = run(&a, &b);
    let (ba, _) = run(&b, &a);
    assert_eq!(
        entries(&ba),
        swapped(&ab),
        "{:?} / {:?}",
        names(&ab),
        names(&ba)
    );
    for list in [&ab, &ba] {
        // One continued entry for the nutrition plan, under the shorter name both editions
        // contain, never a dropped `学生营养改善计划` beside it.
        assert_eq!(find(list, "营养改善计划").status, Status::Continued);
        assert!(
            !list.iter().any(|i| i.name == "学生营养改善计划"),
            "{:?}",
            names(list)
        );
        // `产业强链补链行动` stands for the pair `重点产业强链补链行动` of both editions.
        let chain = find(list, "产业强链补链行动");
        assert_eq!(chain.status, Status::Continued);
        assert!(
            !list.iter().any(|i| i.name == "重点产业强链补链行动"),
            "{:?}",
            names(list)
        );
    }
    // `自贸试验区` is in both zones' names: it stands for neither, each zone keeps its entry.
    assert_eq!(find(&ab, "自贸试验区").status, Status::Continued);
    assert_eq!(find(&ab, "上海自贸试验区").status, Status::Dropped);
    assert_eq!(find(&ba, "上海自贸试验区").status, Status::New);
    assert_eq!(find(&ba, "海南自贸试验区").status, Status::New);
}

#[test]
fn swapping_the_samples_mirrors_every_initiative() {
    let old = load("national-gwr-2022.txt");
    let new = load("national-gwr-2023.txt");
    let (ab, _) = run(&old, &new);
    let (ba, _) = run(&new, &old);
    assert!(ab.len() > 50, "{}", ab.len());
    // Every entry mirrors: new ↔ dropped, upgraded ↔ downgraded, mentions swapped, among
    // them the abbreviation `自贸试验区` / `自由贸易试验区` and the upgrade by modifiers
    // `生态保护修复重大工程` → `重要生态系统保护和修复重大工程`.
    let (left, right) = (entries(&ba), swapped(&ab));
    for e in &left {
        assert!(right.contains(e), "only swapped: {e:?}");
    }
    for e in &right {
        assert!(left.contains(e), "only forwards: {e:?}");
    }
    let up = find(&ab, "重要生态系统保护和修复重大工程");
    assert_eq!(up.status, Status::Upgraded);
    assert_eq!(up.old_name.as_deref(), Some("生态保护修复重大工程"));
    let down = find(&ba, "生态保护修复重大工程");
    assert_eq!(down.status, Status::Downgraded);
    assert_eq!(
        down.old_name.as_deref(),
        Some("重要生态系统保护和修复重大工程")
    );
    for list in [&ab, &ba] {
        let zones: Vec<&Initiative> = list
            .iter()
            .filter(|i| i.name == "自贸试验区" || i.name == "自由贸易试验区")
            .collect();
        assert_eq!(zones.len(), 1, "{:?}", names(list));
        assert_eq!(zones[0].status, Status::Continued);
    }
    assert_eq!(left, right);
}

#[test]
fn changning_versioned_plans() {
    let d = load("changning-gwr-2025.txt");
    let found = detect(&d);
    let versioned: Vec<&str> = found
        .iter()
        .filter(|f| f.kind == Kind::Versioned)
        .map(|f| f.name.as_str())
        .collect();
    for name in [
        "营商环境建设7.0版",
        "营商环境建设8.0版",
        "“智慧好办”3.0版",
        "“服务包”2.0版",
    ] {
        assert!(versioned.contains(&name), "{name} not in {versioned:?}");
    }
    let v8 = found
        .iter()
        .find(|f| f.name == "营商环境建设8.0版")
        .unwrap();
    assert_eq!(v8.stage.as_ref().unwrap().rank, 8.0);
    assert!(v8.mention.section[0].contains("主要任务"));
    // Quoted brands are found, and so is a quoted word a programme word names
    // (`“削峰”行动`); idioms, phrases without evidence, shorthand and honours are not.
    let names: Vec<&str> = found.iter().map(|f| f.name.as_str()).collect();
    for name in [
        "上海硅巷",
        "最虹桥",
        "五五购物节",
        "一网统管",
        "一业一证",
        "削峰",
    ] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    for noise in ["诗与远方", "最柔软的群体", "政、校、楼、企", "全国优秀教师"]
    {
        assert!(!names.contains(&noise), "{noise} found");
    }
}

#[test]
fn an_edition_against_itself_has_only_continued_initiatives() {
    let d = load("changning-gwr-2025.txt");
    let (list, _) = run(&d, &d);
    assert!(!list.is_empty());
    assert!(
        list.iter().all(|i| i.status == Status::Continued),
        "{:?}",
        names(&list)
            .into_iter()
            .filter(|(_, s)| *s != Status::Continued)
            .collect::<Vec<_>>()
    );
}

// ---------------------------------------------------------------- terminal output

#[test]
fn terminal_lists_new_and_dropped_with_snippets() {
    let old = load("national-gwr-2022.txt");
    let new = load("national-gwr-2023.txt");
    let (list, delivery) = run(&old, &new);
    let mut plain = Vec::new();
    write_initiatives(&mut plain, &list, &delivery, TermOptions::default()).unwrap();
    let plain = String::from_utf8(plain).unwrap();
    assert!(plain.starts_with("Initiatives"), "{plain}");
    assert!(plain.contains("+ 强基计划"), "{plain}");
    assert!(plain.contains("- 万企兴万村"), "{plain}");
    assert!(plain.contains("Plans reported on"), "{plain}");
    assert!(!plain.contains('\u{1b}'));
    for line in plain.lines() {
        assert!(
            yoydiff::internals::display_width(line) <= 80,
            "too wide: {line}"
        );
    }
    let opts = TermOptions {
        color: true,
        ..TermOptions::default()
    };
    let mut colored = Vec::new();
    write_initiatives(&mut colored, &list, &delivery, opts).unwrap();
    assert!(String::from_utf8(colored).unwrap().contains('\u{1b}'));
}

/// Two Chinese characters without quotation marks are a word of the language, not new
/// wording: on the sample pair `公里` (ten uses in 2023, none in 2022) is no key
/// term, while the numbered formula `双控` still is.
#[test]
fn a_common_two_character_word_is_no_new_wording() {
    let old = load("national-gwr-2022.txt");
    let new = load("national-gwr-2023.txt");
    let (list, _) = run(&old, &new);
    let terms: Vec<(&str, Status)> = list
        .iter()
        .filter(|i| i.kind == Kind::Term)
        .map(|i| (i.name.as_str(), i.status))
        .collect();
    assert!(!terms.iter().any(|(t, _)| *t == "公里"), "{terms:?}");
    assert!(terms.contains(&("双控", Status::Dropped)), "{terms:?}");
}
