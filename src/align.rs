//! Section alignment: which section of the old edition became which of the new.
//!
//! 1. Level by level inside aligned parents: score every old child against every new child
//!    (title similarity after numbering and shifted years are set aside, plus content cosine),
//!    then take the optimal one-to-one assignment (Kuhn–Munkres).
//! 2. Split and merge: a section left over on one side whose content is largely contained in a
//!    section already paired on the same level joins that pair as a group (two old sections
//!    merged into one new, or one old split into two new). Groups align their children as one.
//! 3. Moves: sections still unpaired anywhere in the tree are matched across the whole tree,
//!    with a stricter threshold, widening to their children round by round. Pairs found this
//!    way, and pairs whose order among their siblings changed, are moves.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::hash::{Hash, Hasher};

use pathfinding::prelude::{Matrix, kuhn_munkres};

use crate::model::{Document, Section, SectionKind};
use crate::similarity::{Idf, TermCounts, TermVector, TitleTerms, candidate_pairs};
use crate::year::{YearMasked, mask_years};

/// Minimum score for two sections on the same level under aligned parents to pair.
const PAIR_THRESHOLD: f64 = 0.25;
/// Minimum score to pair sections found anywhere in the tree (a move must be convincing).
const MOVE_THRESHOLD: f64 = 0.55;
/// Share of a leftover section's content that must be found in a paired section to join it.
const CONTAINMENT_THRESHOLD: f64 = 0.35;
/// Candidate pairs come from sections sharing a signature term held by at most this many
/// sections on the other side; commoner terms tell nothing.
const MAX_POSTING: usize = 200;
/// Heaviest terms kept per section to rule out pairs across the tree cheaply.
const SIGNATURE_TERMS: usize = 16;
/// Copies with the same masked text tried per section before the exact step gives up on it
/// (they differ only in years the shift does not explain); bounds the step to linear time.
const MAX_EXACT_PROBES: usize = 8;
/// Above this many candidate pairs a level is matched greedily instead of optimally.
const MAX_OPTIMAL_CELLS: usize = 250_000;

/// An old node, a new node and their pairing score.
type ScoredPair = (usize, usize, f64);

/// A section of one edition, flattened out of the tree with what alignment needs.
#[derive(Debug)]
pub struct Node<'a> {
    /// The section itself.
    pub section: &'a Section,
    /// Index of the parent node, if any.
    pub parent: Option<usize>,
    /// Indices of the child nodes.
    pub children: Vec<usize>,
    /// Headings from the top of the tree down to this section.
    pub path: Vec<String>,
    /// The section's own text: its title and its own paragraphs, not its children's.
    pub own_text: String,
    vector: TermVector,
    /// The title with its years masked, and the terms of that masked title; `None` when the
    /// section has no title.
    title_key: Option<(YearMasked, TitleTerms)>,
    /// The heaviest terms of the subtree, to rule out hopeless pairs across the tree.
    signature: Vec<u64>,
    /// A hash of the whole subtree's text with years masked: equal keys on both sides mean
    /// the same section, whatever else the level holds.
    exact_key: u64,
}

/// One edition flattened for alignment. Node indices follow reading order.
#[derive(Debug)]
pub struct Tree<'a> {
    /// All sections, depth first.
    pub nodes: Vec<Node<'a>>,
    /// Indices of the top-level sections.
    pub roots: Vec<usize>,
}

impl<'a> Tree<'a> {
    fn build(doc: &'a Document, idf: &Idf) -> Tree<'a> {
        let mut tree = Tree {
            nodes: Vec::new(),
            roots: Vec::new(),
        };
        for s in &doc.sections {
            let (id, _) = tree.add(s, None, Vec::new(), idf);
            tree.roots.push(id);
        }
        tree
    }

    /// The outline of one edition as a tree, without what scoring needs (term vectors, keys,
    /// signatures): for a comparison that aligns nothing, such as a file with itself. Such a
    /// tree must not be handed to the aligner.
    pub fn outline(doc: &'a Document) -> Tree<'a> {
        let mut tree = Tree {
            nodes: Vec::new(),
            roots: Vec::new(),
        };
        for s in &doc.sections {
            let id = tree.add_outline(s, None, Vec::new());
            tree.roots.push(id);
        }
        tree
    }

    /// Adds a section and its children without scoring data; returns its index.
    fn add_outline(
        &mut self,
        section: &'a Section,
        parent: Option<usize>,
        mut path: Vec<String>,
    ) -> usize {
        path.push(section.heading_text());
        let id = self.nodes.len();
        self.nodes.push(Node {
            section,
            parent,
            children: Vec::new(),
            path: path.clone(),
            own_text: own_text(section),
            vector: TermVector::default(),
            title_key: None,
            signature: Vec::new(),
            exact_key: 0,
        });
        for c in &section.children {
            let child = self.add_outline(c, Some(id), path.clone());
            self.nodes[id].children.push(child);
        }
        id
    }

    /// Adds a section and its children; returns its index and the term counts of its subtree.
    fn add(
        &mut self,
        section: &'a Section,
        parent: Option<usize>,
        mut path: Vec<String>,
        idf: &Idf,
    ) -> (usize, TermCounts) {
        path.push(section.heading_text());
        let own = own_text(section);
        let mut parts = vec![TermCounts::of(&own)];
        let mut key = rustc_hash::FxHasher::default();
        section.kind.hash(&mut key);
        mask_years(&own).skeleton.hash(&mut key);
        let title_key = (!section.title.is_empty()).then(|| {
            let masked = mask_years(&section.title);
            let terms = TitleTerms::new(&masked.skeleton);
            (masked, terms)
        });
        let id = self.nodes.len();
        self.nodes.push(Node {
            section,
            parent,
            children: Vec::new(),
            path: path.clone(),
            own_text: own,
            vector: TermVector::default(),
            title_key,
            signature: Vec::new(),
            exact_key: 0,
        });
        for c in &section.children {
            let (child, child_counts) = self.add(c, Some(id), path.clone(), idf);
            self.nodes[id].children.push(child);
            self.nodes[child].exact_key.hash(&mut key);
            parts.push(child_counts);
        }
        let counts = TermCounts::sum(parts);
        self.nodes[id].exact_key = key.finish();
        self.nodes[id].vector = idf.weigh(&counts);
        self.nodes[id].signature = self.nodes[id].vector.top_terms(SIGNATURE_TERMS);
        (id, counts)
    }

    /// Frees what only scoring reads (term vectors, title keys, signatures) once the
    /// sections are aligned: the sentence diffs that follow read the outline and the own
    /// texts only, and the vectors of every section of both editions are the largest part of
    /// the tree.
    fn forget_scoring(&mut self) {
        for node in &mut self.nodes {
            node.vector = TermVector::default();
            node.title_key = None;
            node.signature = Vec::new();
        }
    }

    /// The vector of a group of nodes taken together; a single node lends its own.
    fn group_vector(&self, ids: &[usize]) -> Cow<'_, TermVector> {
        match ids {
            [one] => Cow::Borrowed(&self.nodes[*one].vector),
            _ => Cow::Owned(TermVector::sum(ids.iter().map(|&i| &self.nodes[i].vector))),
        }
    }
}

/// A section's own text: its title and its own paragraphs, one a line.
fn own_text(section: &Section) -> String {
    let mut own = section.title.clone();
    for p in &section.paragraphs {
        own.push('\n');
        own.push_str(&p.text);
    }
    own
}

/// How a group of sections was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Paired under aligned parents, in the same order as their siblings.
    InPlace,
    /// Paired under aligned parents, but their order among siblings changed.
    Reordered,
    /// Paired across the tree: the parents are not aligned to each other.
    Relocated,
}

/// A set of old sections that correspond to a set of new sections. One side may be empty
/// (added or removed sections); both sides hold more than one section only for splits and merges.
#[derive(Debug, Clone)]
pub struct AlignedGroup {
    /// Old node indices, in reading order.
    pub old: Vec<usize>,
    /// New node indices, in reading order.
    pub new: Vec<usize>,
    /// How the pairing was found.
    pub placement: Placement,
    /// Content similarity of the two sides in [0, 1].
    pub similarity: f64,
}

/// The alignment of two editions: every section of both appears in exactly one group.
#[derive(Debug)]
pub struct SectionAlignment<'a> {
    /// The old edition, flattened.
    pub old: Tree<'a>,
    /// The new edition, flattened.
    pub new: Tree<'a>,
    /// The groups, in no particular order.
    pub groups: Vec<AlignedGroup>,
    /// Cosine similarity of the two whole documents.
    pub overall_similarity: f64,
    /// The year shift the alignment used.
    pub year_shift: i32,
}

/// Aligns the sections of two documents. `year_shift` is how many years the new edition's
/// years are ahead of the old one's (0 compares years literally).
pub fn align<'a>(old: &'a Document, new: &'a Document, year_shift: i32) -> SectionAlignment<'a> {
    let paragraphs = old
        .walk()
        .into_iter()
        .chain(new.walk())
        .flat_map(|s| s.paragraphs.iter().map(|p| p.text.as_str()))
        .collect::<Vec<_>>();
    let idf = Idf::learn(paragraphs);
    let mut old_tree = Tree::build(old, &idf);
    let mut new_tree = Tree::build(new, &idf);
    let overall = old_tree
        .group_vector(&old_tree.roots)
        .cosine(&new_tree.group_vector(&new_tree.roots));
    let mut aligner = Aligner {
        old: &old_tree,
        new: &new_tree,
        shift: year_shift,
        old_done: vec![false; old_tree.nodes.len()],
        new_done: vec![false; new_tree.nodes.len()],
        groups: Vec::new(),
        scores: FxHashMap::default(),
    };
    aligner.align_level(&old_tree.roots, &new_tree.roots);
    aligner.match_across_tree();
    let mut groups = aligner.groups;
    for (i, done) in aligner.old_done.iter().enumerate() {
        if !done {
            groups.push(AlignedGroup {
                old: vec![i],
                new: vec![],
                placement: Placement::InPlace,
                similarity: 0.0,
            });
        }
    }
    for (i, done) in aligner.new_done.iter().enumerate() {
        if !done {
            groups.push(AlignedGroup {
                old: vec![],
                new: vec![i],
                placement: Placement::InPlace,
                similarity: 0.0,
            });
        }
    }
    old_tree.forget_scoring();
    new_tree.forget_scoring();
    SectionAlignment {
        old: old_tree,
        new: new_tree,
        groups,
        overall_similarity: overall,
        year_shift,
    }
}

struct Aligner<'t, 'a> {
    old: &'t Tree<'a>,
    new: &'t Tree<'a>,
    shift: i32,
    old_done: Vec<bool>,
    new_done: Vec<bool>,
    groups: Vec<AlignedGroup>,
    /// Pairing scores computed so far, by (old, new).
    scores: FxHashMap<(usize, usize), f64>,
}

/// Kinds of section that may be paired with each other, and at what discount.
fn kind_affinity(a: SectionKind, b: SectionKind) -> f64 {
    use SectionKind::*;
    match (a, b) {
        _ if a == b => 1.0,
        (Heading, Item) | (Item, Heading) => 0.8,
        (Paragraph, Item) | (Item, Paragraph) => 0.8,
        _ => 0.0,
    }
}

impl<'t, 'a> Aligner<'t, 'a> {
    fn title_score(&self, o: &Node, n: &Node) -> Option<f64> {
        let ((om, ot), (nm, nt)) = (o.title_key.as_ref()?, n.title_key.as_ref()?);
        if om.same_under_shift(nm, self.shift) {
            return Some(1.0);
        }
        Some(ot.dice(nt))
    }

    /// The pairing score of an old and a new node, computed once and cached: the cross-tree
    /// rounds ask for the same pairs again and again.
    fn score(&mut self, o: usize, n: usize) -> f64 {
        if let Some(&s) = self.scores.get(&(o, n)) {
            return s;
        }
        let s = self.compute_score(o, n);
        self.scores.insert((o, n), s);
        s
    }

    fn compute_score(&self, o: usize, n: usize) -> f64 {
        let (on, nn) = (&self.old.nodes[o], &self.new.nodes[n]);
        let affinity = kind_affinity(on.section.kind, nn.section.kind);
        if affinity == 0.0 {
            return 0.0;
        }
        // Cosine alone under-rates a section that shrank to a summary of itself; the overlap
        // of the smaller text in the larger one makes up for it (geometric mean, so a tiny
        // section inside a large one does not score on overlap alone).
        let (cosine, overlap) = on.vector.cosine_and_overlap(&nn.vector);
        let content = (cosine * overlap).sqrt();
        let score = match self.title_score(on, nn) {
            Some(t) if on.section.kind == SectionKind::Heading => 0.4 * t + 0.6 * content,
            // Items are titled by their lead sentence, which is part of their content.
            Some(t) => 0.35 * t + 0.65 * content,
            None => content,
        };
        // Reports keep their numbering more often than not: same number, small bonus.
        let same_number = !on.section.number.is_empty() && on.section.number == nn.section.number;
        (score * affinity + if same_number { 0.05 } else { 0.0 }).min(1.0)
    }

    fn pairs(&mut self, old: &[usize], new: &[usize], threshold: f64) -> Vec<(usize, usize, f64)> {
        if old.is_empty() || new.is_empty() {
            return Vec::new();
        }
        if threshold < MOVE_THRESHOLD && old.len() * new.len() > MAX_OPTIMAL_CELLS {
            return self.pairs_on_large_level(old, new, threshold);
        }
        self.scored_pairs(old, new, threshold)
    }

    /// A level too large to score every pair: sections whose title occurs once on each side
    /// pair first (when they score well enough and keep their order, as patience diff
    /// anchors on unique lines), then each gap between two such anchors is aligned on its
    /// own, in full when it is small enough. A section that moved across an anchor is left
    /// for the matching across the tree, where it is found as a move.
    fn pairs_on_large_level(
        &mut self,
        old: &[usize],
        new: &[usize],
        threshold: f64,
    ) -> Vec<ScoredPair> {
        let title = |tree: &'t Tree<'a>, id: usize| -> Option<&'t str> {
            tree.nodes[id]
                .title_key
                .as_ref()
                .map(|(masked, _)| masked.skeleton.as_str())
        };
        let mut count: FxHashMap<&str, (u32, u32, usize, usize)> = FxHashMap::default();
        for (i, &o) in old.iter().enumerate() {
            if let Some(t) = title(self.old, o) {
                let e = count.entry(t).or_insert((0, 0, 0, 0));
                e.0 += 1;
                e.2 = i;
            }
        }
        for (j, &n) in new.iter().enumerate() {
            if let Some(t) = title(self.new, n) {
                let e = count.entry(t).or_insert((0, 0, 0, 0));
                e.1 += 1;
                e.3 = j;
            }
        }
        let mut unique: Vec<(usize, usize, f64)> = count
            .values()
            .filter(|&&(a, b, _, _)| a == 1 && b == 1)
            .map(|&(_, _, i, j)| (i, j, self.compute_score(old[i], new[j])))
            .filter(|&(_, _, s)| s >= threshold)
            .collect();
        unique.sort_unstable_by_key(|&(i, _, _)| i);
        let columns: Vec<usize> = unique.iter().map(|&(_, j, _)| j).collect();
        let anchors: Vec<(usize, usize, f64)> = longest_increasing(&columns)
            .into_iter()
            .map(|k| unique[k])
            .collect();
        let mut out: Vec<ScoredPair> = anchors
            .iter()
            .map(|&(i, j, s)| (old[i], new[j], s))
            .collect();
        let (mut from_old, mut from_new) = (0, 0);
        for &(i, j, _) in anchors.iter().chain([&(old.len(), new.len(), 0.0)]) {
            let (gap_old, gap_new) = (&old[from_old..i], &new[from_new..j]);
            if !gap_old.is_empty() && !gap_new.is_empty() {
                out.extend(self.scored_pairs(gap_old, gap_new, threshold));
            }
            (from_old, from_new) = (i + 1, j + 1);
        }
        out
    }

    /// Pairs of one level (or one gap of a large level): every pair scored and the optimal
    /// assignment taken when the level is small enough, else only candidates that share a
    /// rare signature term, assigned best first.
    fn scored_pairs(&mut self, old: &[usize], new: &[usize], threshold: f64) -> Vec<ScoredPair> {
        // Across the tree only a convincing pair counts, and a convincing pair shares some of
        // its heaviest terms; so does any pair worth the work on a very large level. Those
        // levels score only such candidates. Scores are cached for the rounds across the tree,
        // which ask for the same pairs again.
        let across = threshold >= MOVE_THRESHOLD;
        let cells: Vec<(usize, usize)> = if across || old.len() * new.len() > MAX_OPTIMAL_CELLS {
            let sig = |tree: &Tree, ids: &[usize]| -> Vec<Vec<u64>> {
                ids.iter()
                    .map(|&i| tree.nodes[i].signature.clone())
                    .collect()
            };
            let (a, b) = (sig(self.old, old), sig(self.new, new));
            let a: Vec<&[u64]> = a.iter().map(Vec::as_slice).collect();
            let b: Vec<&[u64]> = b.iter().map(Vec::as_slice).collect();
            candidate_pairs(&a, &b, MAX_POSTING)
        } else {
            (0..old.len())
                .flat_map(|i| (0..new.len()).map(move |j| (i, j)))
                .collect()
        };
        let mut candidates = Vec::with_capacity(cells.len());
        for (i, j) in cells {
            let (o, n) = (old[i], new[j]);
            let s = if across {
                self.score(o, n)
            } else {
                self.compute_score(o, n)
            };
            if s >= threshold {
                candidates.push((i, j, s));
            }
        }
        let score_of: FxHashMap<(usize, usize), f64> =
            candidates.iter().map(|&(i, j, s)| ((i, j), s)).collect();
        assign_sparse(old.len(), new.len(), &candidates, threshold)
            .into_iter()
            .map(|(i, j)| (old[i], new[j], score_of[&(i, j)]))
            .collect()
    }

    /// Sections of `old` and `new` whose whole subtree is the same text (allowing for the year
    /// shift), paired in reading order: the k-th copy on one side with the k-th on the other.
    /// Linear in the level's size, and right whatever the level holds: an identical section
    /// scores the maximum against its copy, so no assignment would pair it otherwise. Returns
    /// the pairs and the sections left for scoring.
    fn exact_pairs(
        &self,
        old: &[usize],
        new: &[usize],
    ) -> (Vec<ScoredPair>, Vec<usize>, Vec<usize>) {
        let mut by_key: FxHashMap<u64, std::collections::VecDeque<usize>> = FxHashMap::default();
        for &n in new {
            by_key
                .entry(self.new.nodes[n].exact_key)
                .or_default()
                .push_back(n);
        }
        let mut pairs = Vec::new();
        let mut rest_old = Vec::new();
        let mut paired_new = rustc_hash::FxHashSet::default();
        for &o in old {
            let on = &self.old.nodes[o];
            let partner = by_key.get_mut(&on.exact_key).and_then(|queue| {
                let pos = queue.iter().take(MAX_EXACT_PROBES).position(|&n| {
                    let nn = &self.new.nodes[n];
                    crate::year::same_under_shift(&on.own_text, &nn.own_text, self.shift)
                })?;
                queue.remove(pos)
            });
            match partner {
                Some(n) => {
                    paired_new.insert(n);
                    pairs.push((o, n, 1.0));
                }
                None => rest_old.push(o),
            }
        }
        let rest_new = new
            .iter()
            .copied()
            .filter(|n| !paired_new.contains(n))
            .collect();
        (pairs, rest_old, rest_new)
    }

    fn align_level(&mut self, old: &[usize], new: &[usize]) {
        let (mut pairs, rest_old, rest_new) = self.exact_pairs(old, new);
        pairs.extend(self.pairs(&rest_old, &rest_new, PAIR_THRESHOLD));
        let reordered: rustc_hash::FxHashSet<(usize, usize)> =
            out_of_order(&pairs).into_iter().collect();
        let mut groups: Vec<AlignedGroup> = pairs
            .iter()
            .map(|&(o, n, s)| AlignedGroup {
                old: vec![o],
                new: vec![n],
                placement: if reordered.contains(&(o, n)) {
                    Placement::Reordered
                } else {
                    Placement::InPlace
                },
                similarity: s,
            })
            .collect();
        self.absorb_leftovers(old, new, &mut groups);
        for g in &mut groups {
            for &o in &g.old {
                self.old_done[o] = true;
            }
            for &n in &g.new {
                self.new_done[n] = true;
            }
            g.similarity = self
                .old
                .group_vector(&g.old)
                .cosine(&self.new.group_vector(&g.new));
        }
        for g in &groups {
            let old_children: Vec<usize> = g
                .old
                .iter()
                .flat_map(|&o| self.old.nodes[o].children.clone())
                .collect();
            let new_children: Vec<usize> = g
                .new
                .iter()
                .flat_map(|&n| self.new.nodes[n].children.clone())
                .collect();
            self.align_level(&old_children, &new_children);
        }
        self.groups.extend(groups);
    }

    /// Split and merge: a leftover section joins the pair next to it (holding its nearest
    /// paired sibling before or after) whose other side is most like it, when enough of its
    /// content is found there. Old leftovers make merges, new leftovers make splits.
    fn absorb_leftovers(&self, old: &[usize], new: &[usize], groups: &mut [AlignedGroup]) {
        absorb_side(old, groups, Side::Old, self.old, self.new);
        absorb_side(new, groups, Side::New, self.new, self.old);
    }

    /// Matches sections still unpaired anywhere in the tree, starting with the largest
    /// unpaired subtrees and widening to their children when they find no partner.
    fn match_across_tree(&mut self) {
        let top = |done: &[bool], tree: &Tree| -> Vec<usize> {
            (0..tree.nodes.len())
                .filter(|&i| !done[i] && tree.nodes[i].parent.is_none_or(|p| done[p]))
                .collect()
        };
        let mut old_pool = top(&self.old_done, self.old);
        let mut new_pool = top(&self.new_done, self.new);
        for _round in 0..6 {
            if old_pool.is_empty() && new_pool.is_empty() {
                break;
            }
            let pairs = self.pairs(&old_pool, &new_pool, MOVE_THRESHOLD);
            for (o, n, _) in pairs {
                // A node may already be taken by a group formed while aligning an earlier pair's children.
                if self.old_done[o] || self.new_done[n] {
                    continue;
                }
                self.old_done[o] = true;
                self.new_done[n] = true;
                let similarity = self.old.nodes[o].vector.cosine(&self.new.nodes[n].vector);
                self.groups.push(AlignedGroup {
                    old: vec![o],
                    new: vec![n],
                    placement: Placement::Relocated,
                    similarity,
                });
                let (oc, nc) = (
                    self.old.nodes[o].children.clone(),
                    self.new.nodes[n].children.clone(),
                );
                self.align_level(&oc, &nc);
            }
            let widen = |pool: &[usize], done: &[bool], tree: &Tree| -> Vec<usize> {
                let mut next: Vec<usize> = pool
                    .iter()
                    .filter(|&&i| !done[i])
                    .flat_map(|&i| std::iter::once(i).chain(tree.nodes[i].children.iter().copied()))
                    .filter(|&i| !done[i])
                    .collect();
                next.sort_unstable();
                next.dedup();
                next
            };
            let next_old = widen(&old_pool, &self.old_done, self.old);
            let next_new = widen(&new_pool, &self.new_done, self.new);
            if next_old == old_pool && next_new == new_pool {
                break;
            }
            old_pool = next_old;
            new_pool = next_new;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

impl AlignedGroup {
    fn side(&self, side: Side) -> &Vec<usize> {
        match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        }
    }

    fn side_mut(&mut self, side: Side) -> &mut Vec<usize> {
        match side {
            Side::Old => &mut self.old,
            Side::New => &mut self.new,
        }
    }
}

/// One side of [`Aligner::absorb_leftovers`]: `level` lists the siblings of `this` tree in
/// reading order, `other` is the tree on the far side of the groups.
fn absorb_side(
    level: &[usize],
    groups: &mut [AlignedGroup],
    side: Side,
    this: &Tree,
    other: &Tree,
) {
    let far = match side {
        Side::Old => Side::New,
        Side::New => Side::Old,
    };
    // Which group each sibling belongs to; the nearest grouped sibling after each position is
    // fixed before the pass (later leftovers are not absorbed yet), the one before it is
    // carried along as the pass goes.
    let member: FxHashMap<usize, usize> = groups
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| g.side(side).iter().map(move |&id| (id, gi)))
        .collect();
    let mut next_group: Vec<Option<usize>> = vec![None; level.len() + 1];
    for pos in (0..level.len()).rev() {
        next_group[pos] = member.get(&level[pos]).copied().or(next_group[pos + 1]);
    }
    let mut last_group: Option<usize> = None;
    for (pos, &id) in level.iter().enumerate() {
        if let Some(&gi) = member.get(&id) {
            last_group = Some(gi);
            continue;
        }
        let (before, after) = (last_group, next_group[pos + 1]);
        let node = &this.nodes[id];
        let best = [before, after]
            .into_iter()
            .flatten()
            .filter(|&gi| groups[gi].side(side).len() == 1 && !groups[gi].side(far).is_empty())
            .filter(|&gi| {
                kind_affinity(
                    node.section.kind,
                    other.nodes[groups[gi].side(far)[0]].section.kind,
                ) > 0.0
            })
            .map(|gi| (gi, other.group_vector(groups[gi].side(far))))
            .max_by(|a, b| {
                node.vector
                    .cosine(&a.1)
                    .total_cmp(&node.vector.cosine(&b.1))
            });
        if let Some((gi, v)) = best
            && node.vector.contained_in(&v) >= CONTAINMENT_THRESHOLD
        {
            let members = groups[gi].side_mut(side);
            members.push(id);
            members.sort_unstable();
            last_group = Some(gi);
        }
    }
}

/// Pairs (old, new) that are not part of the longest run kept in the same order.
fn out_of_order(pairs: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
    let mut by_old: Vec<(usize, usize)> = pairs.iter().map(|&(o, n, _)| (o, n)).collect();
    by_old.sort_unstable();
    let news: Vec<usize> = by_old.iter().map(|&(_, n)| n).collect();
    let mut kept = vec![false; news.len()];
    for i in longest_increasing(&news) {
        kept[i] = true;
    }
    by_old
        .iter()
        .enumerate()
        .filter(|(i, _)| !kept[*i])
        .map(|(_, &p)| p)
        .collect()
}

/// Indices of one longest strictly increasing subsequence (patience sorting).
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into values
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let pos = tails.partition_point(|&t| values[t] < v);
        if pos > 0 {
            prev[i] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut out = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(i);
        cur = prev[i];
    }
    out.reverse();
    out
}

/// The best one-to-one assignment of rows to columns over a sparse list of scored candidates
/// `(row, column, score)` at or above `threshold` (cells not listed score zero): optimal
/// (Kuhn–Munkres) when the matrix is small enough, best-first greedy otherwise, so large
/// matrices are never built.
pub(crate) fn assign_sparse(
    rows: usize,
    cols: usize,
    candidates: &[(usize, usize, f64)],
    threshold: f64,
) -> Vec<(usize, usize)> {
    if rows == 0 || cols == 0 || candidates.is_empty() {
        return Vec::new();
    }
    if rows * cols <= MAX_OPTIMAL_CELLS {
        let mut dense = vec![vec![0.0; cols]; rows];
        for &(i, j, s) in candidates {
            dense[i][j] = s;
        }
        optimal_assignment(&dense, threshold)
    } else {
        greedy_assignment(candidates, threshold)
    }
}

/// Maximum-weight one-to-one assignment over scores at or above `threshold`.
fn optimal_assignment(scores: &[Vec<f64>], threshold: f64) -> Vec<(usize, usize)> {
    // Rows and columns without a single candidate cannot be paired; leaving them out keeps
    // the cubic assignment small (most leftovers across the tree have no partner at all).
    let rows: Vec<usize> = (0..scores.len())
        .filter(|&i| scores[i].iter().any(|&s| s >= threshold))
        .collect();
    let cols: Vec<usize> = (0..scores[0].len())
        .filter(|&j| scores.iter().any(|row| row[j] >= threshold))
        .collect();
    if rows.is_empty() || cols.is_empty() {
        return Vec::new();
    }
    let transpose = rows.len() > cols.len();
    let (r, c) = if transpose {
        (&cols, &rows)
    } else {
        (&rows, &cols)
    };
    let weight = |i: usize, j: usize| -> i64 {
        let s = if transpose {
            scores[c[j]][r[i]]
        } else {
            scores[r[i]][c[j]]
        };
        if s >= threshold {
            (s * 1_000_000.0) as i64
        } else {
            0
        }
    };
    let matrix = Matrix::from_fn(r.len(), c.len(), |(i, j)| weight(i, j));
    let (_, assignment) = kuhn_munkres(&matrix);
    assignment
        .into_iter()
        .enumerate()
        .filter(|&(i, j)| weight(i, j) > 0)
        .map(|(i, j)| {
            if transpose {
                (c[j], r[i])
            } else {
                (r[i], c[j])
            }
        })
        .collect()
}

/// Best-first greedy assignment, for levels too large for the optimal one.
pub(crate) fn greedy_assignment(
    candidates: &[(usize, usize, f64)],
    threshold: f64,
) -> Vec<(usize, usize)> {
    let mut cells: Vec<(usize, usize, f64)> = candidates
        .iter()
        .copied()
        .filter(|c| c.2 >= threshold)
        .collect();
    // Ties broken by position, so the result never depends on input order; by the sum and
    // the spread of the two positions first, so that swapping the two sides (rows for
    // columns) breaks the same ties the same way and the result mirrors.
    let tie = |c: &(usize, usize, f64)| (c.0 + c.1, c.0.abs_diff(c.1), c.0.min(c.1), c.0);
    cells.sort_by(|a, b| b.2.total_cmp(&a.2).then(tie(a).cmp(&tie(b))));
    let mut used_r: rustc_hash::FxHashSet<usize> = Default::default();
    let mut used_c: rustc_hash::FxHashSet<usize> = Default::default();
    let mut out = Vec::new();
    for (i, j, _) in cells {
        if !used_r.contains(&i) && !used_c.contains(&j) {
            used_r.insert(i);
            used_c.insert(j);
            out.push((i, j));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lis_keeps_longest_run() {
        assert_eq!(longest_increasing(&[0, 1, 2, 3]), vec![0, 1, 2, 3]);
        assert_eq!(longest_increasing(&[2, 0, 1, 3]), vec![1, 2, 3]);
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn assignment_prefers_total_over_greedy() {
        // Greedy would take (0,0)=0.9 and then (1,1)=0.1 (below threshold); optimal takes
        // (0,1)=0.8 and (1,0)=0.8.
        let scores = vec![vec![0.9, 0.8], vec![0.8, 0.1]];
        let mut got = optimal_assignment(&scores, 0.3);
        got.sort_unstable();
        assert_eq!(got, vec![(0, 1), (1, 0)]);
        let cells: Vec<(usize, usize, f64)> =
            vec![(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.8), (1, 1, 0.1)];
        assert_eq!(greedy_assignment(&cells, 0.3), vec![(0, 0)]);
    }

    #[test]
    fn assignment_leaves_weak_pairs_out_and_handles_wide_and_tall() {
        let tall = vec![vec![0.9], vec![0.2], vec![0.5]];
        assert_eq!(optimal_assignment(&tall, 0.3), vec![(0, 0)]);
        let wide = vec![vec![0.1, 0.6, 0.2]];
        assert_eq!(optimal_assignment(&wide, 0.3), vec![(0, 1)]);
    }
}
