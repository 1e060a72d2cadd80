//! The directory's index, changed in place one entry at a time.
//!
//! Every active PoC has a slot (reused when freed). Each filter value (a
//! role, a primary language, a time zone and its hours, a region, a
//! participant, a folded text) holds the slots that have it, so a search
//! combines a few sets instead of reading every entry; the directory's
//! order is kept as a list of slots with each slot's position, so a page is
//! the smallest positions among the matches. A change touches the slot of
//! one PoC (and moves the positions after it): no rebuild.

use super::bits::{Bits, Posting};
use super::ngram::TextIndex;
use super::{
    fold, primary_subtag, AwakeCache, DirectoryEntry, ParticipantSummary, SearchQuery, Sight,
};
use chrono_tz::Tz;
use pocdir_domain::directory::lifecycle::UnreadableDetails;
use pocdir_domain::directory::poc::{parse_time_zone, Availability};
use pocdir_store::{Poc, PocStatus};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;
use time::OffsetDateTime;

#[derive(Debug)]
struct Part {
    code: String,
    /// None for a code only PoCs name: its entries are never shown.
    summary: Option<ParticipantSummary>,
    /// Code and names in the six languages, folded, one per line.
    folded_names: String,
    english: String,
    slots: Posting,
}

#[derive(Debug)]
struct Slot {
    entry: Arc<DirectoryEntry>,
    part: u16,
    role: usize,
    schedule: u32,
    languages: Vec<u16>,
    /// Name, title and organisation, as values of the text index.
    fields: [u32; 3],
}

#[derive(Debug)]
struct Schedule {
    zone: u32,
    availability: Availability,
    slots: Posting,
}

type ScheduleKey = (u32, [bool; 7], u16, u16);

/// An active PoC read and folded, ready to enter the index (made outside
/// its lock).
#[derive(Debug)]
pub(crate) struct Prepared {
    id: i64,
    version: i64,
    entry: Option<(Arc<DirectoryEntry>, [String; 3])>,
}

impl Prepared {
    /// A PoC as the store has it now: an entry if it is active, else the
    /// word to drop it. A PoC whose verified details cannot be read is an
    /// error naming it, never an entry silently left out.
    pub(crate) fn of(poc: &Poc) -> Result<Prepared, UnreadableDetails> {
        let entry = if poc.status == PocStatus::Active {
            let Some(details) = poc.active_details()? else {
                return Err(UnreadableDetails {
                    poc: poc.id,
                    which: "verified",
                    reason: "an active PoC has none".to_string(),
                });
            };
            let folded = [
                fold(&details.name),
                fold(&details.title),
                fold(&details.organisation),
            ];
            Some((
                Arc::new(DirectoryEntry {
                    id: poc.id,
                    version: poc.version,
                    participant: poc.participant.clone(),
                    role: poc.role,
                    confirmed_at: poc.confirmed_at,
                    pending_action: poc.pending_action,
                    proposed: poc.pending.clone(),
                    tz: parse_time_zone(&details.time_zone),
                    details,
                }),
                folded,
            ))
        } else {
            None
        };
        Ok(Prepared {
            id: poc.id,
            version: poc.version,
            entry,
        })
    }
}

#[derive(Debug, Default)]
pub(crate) struct Directory {
    parts: Vec<Part>,
    part_ids: HashMap<String, u16>,
    /// Participants in the directory's order: English name, then code.
    part_order: Vec<u16>,
    summaries: Arc<HashMap<String, ParticipantSummary>>,
    regions: HashMap<String, Posting>,
    slots: Vec<Option<Slot>>,
    free: Vec<u32>,
    live: Bits,
    by_id: HashMap<i64, u32>,
    /// The last version applied per PoC, also of those that left: a late
    /// read of an older version never undoes a newer one.
    versions: HashMap<i64, i64>,
    /// Slots in the directory's order, and each slot's place in it.
    order: Vec<u32>,
    position: Vec<u32>,
    roles: Vec<Posting>,
    languages: Vec<Posting>,
    language_ids: HashMap<String, u16>,
    zones: Vec<(String, Option<Tz>)>,
    zone_ids: HashMap<String, u32>,
    schedules: Vec<Schedule>,
    schedule_ids: HashMap<ScheduleKey, u32>,
    text: TextIndex,
}

/// What a query matched: a page of entries and the count.
pub(crate) type Matched = (usize, Vec<(Arc<DirectoryEntry>, bool)>);

impl Directory {
    /// Builds the whole index (at start, and when the log feed says
    /// changes were missed).
    pub(crate) fn build(
        participants: Vec<ParticipantSummary>,
        active: &[Poc],
    ) -> Result<Directory, UnreadableDetails> {
        let mut d = Directory::default();
        for p in participants {
            d.set_participant(p);
        }
        for poc in active {
            let prepared = Prepared::of(poc)?;
            d.apply_unordered(prepared);
        }
        d.resort();
        Ok(d)
    }

    pub(crate) fn summaries(&self) -> Arc<HashMap<String, ParticipantSummary>> {
        Arc::clone(&self.summaries)
    }

    pub(crate) fn len(&self) -> usize {
        self.by_id.len()
    }

    /// The active PoC `id`.
    pub(crate) fn entry(&self, id: i64) -> Option<Arc<DirectoryEntry>> {
        let slot = self.by_id.get(&id)?;
        self.slot(*slot).map(|slot| Arc::clone(&slot.entry))
    }

    /// The entries in the directory's order.
    pub(crate) fn entries(&self) -> Vec<Arc<DirectoryEntry>> {
        self.order
            .iter()
            .filter_map(|&s| self.slot(s).map(|slot| Arc::clone(&slot.entry)))
            .collect()
    }

    fn slot(&self, s: u32) -> Option<&Slot> {
        self.slots.get(s as usize).and_then(Option::as_ref)
    }

    fn part_id(&mut self, code: &str) -> u16 {
        if let Some(&id) = self.part_ids.get(code) {
            return id;
        }
        self.parts.push(Part {
            code: code.to_string(),
            summary: None,
            folded_names: String::new(),
            english: String::new(),
            slots: Posting::default(),
        });
        let id = u16::try_from(self.parts.len() - 1).unwrap_or(u16::MAX);
        self.part_ids.insert(code.to_string(), id);
        self.sort_parts();
        id
    }

    fn sort_parts(&mut self) {
        let parts = &self.parts;
        let mut order: Vec<u16> = (0..parts.len())
            .filter_map(|i| u16::try_from(i).ok())
            .collect();
        order.sort_by(
            |&a, &b| match (parts.get(a as usize), parts.get(b as usize)) {
                (Some(x), Some(y)) => x.english.cmp(&y.english).then_with(|| x.code.cmp(&y.code)),
                _ => Ordering::Equal,
            },
        );
        self.part_order = order;
    }

    /// A participant as it is now (new, renamed, its status or region changed).
    pub(crate) fn set_participant(&mut self, summary: ParticipantSummary) {
        let id = self.part_id(&summary.code);
        let universe = self.slots.len();
        let Some(part) = self.parts.get_mut(id as usize) else {
            return;
        };
        let old_region = part.summary.as_ref().map(|s| s.region.clone());
        let renamed = part.summary.is_none() || part.english != summary.names.en;
        let n = &summary.names;
        part.folded_names = fold(
            &[&n.en, &n.fr, &n.es, &n.ru, &n.ar, &n.zh]
                .map(|s| s.as_str())
                .join("\n"),
        );
        part.english = summary.names.en.clone();
        let region = summary.region.clone();
        part.summary = Some(summary.clone());
        let slots: Vec<u32> = part.slots.iter().collect();
        if old_region.as_deref() != Some(region.as_str()) {
            if let Some(old) = old_region.and_then(|r| self.regions.get_mut(&r)) {
                slots.iter().for_each(|&s| old.remove(s, universe));
            }
            if !region.is_empty() {
                let new = self.regions.entry(region).or_default();
                slots.iter().for_each(|&s| new.insert(s, universe));
            }
        }
        Arc::make_mut(&mut self.summaries).insert(summary.code.clone(), summary);
        if renamed {
            self.sort_parts();
            if !slots.is_empty() {
                self.resort();
            }
        }
    }

    /// Puts `order` and `position` right from scratch.
    fn resort(&mut self) {
        let mut order: Vec<u32> = self.by_id.values().copied().collect();
        order.sort_by(|&a, &b| self.compare(a, b));
        self.position = vec![u32::MAX; self.slots.len()];
        for (i, &s) in order.iter().enumerate() {
            if let Some(p) = self.position.get_mut(s as usize) {
                *p = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
        self.order = order;
    }

    /// The directory's order: participant (English name, code), role, name, id.
    fn compare(&self, a: u32, b: u32) -> Ordering {
        let (Some(x), Some(y)) = (self.slot(a), self.slot(b)) else {
            return Ordering::Equal;
        };
        let (Some(px), Some(py)) = (
            self.parts.get(x.part as usize),
            self.parts.get(y.part as usize),
        ) else {
            return Ordering::Equal;
        };
        px.english
            .cmp(&py.english)
            .then_with(|| px.code.cmp(&py.code))
            .then_with(|| x.role.cmp(&y.role))
            .then_with(|| x.entry.details.name.cmp(&y.entry.details.name))
            .then_with(|| x.entry.id.cmp(&y.entry.id))
    }

    /// Applies one PoC as read from the store, keeping the order (an older
    /// version than the one applied is ignored).
    pub(crate) fn apply(&mut self, prepared: Prepared) {
        if let Some(slot) = self.apply_unordered(prepared) {
            let at = self
                .order
                .partition_point(|&other| self.compare(other, slot) == Ordering::Less);
            self.order.insert(at, slot);
            if self.position.len() < self.slots.len() {
                self.position.resize(self.slots.len(), u32::MAX);
            }
            self.renumber(at);
        }
    }

    /// Positions from `from` on, after an insertion or a removal there.
    fn renumber(&mut self, from: usize) {
        for (i, &s) in self.order.iter().enumerate().skip(from) {
            if let Some(p) = self.position.get_mut(s as usize) {
                *p = u32::try_from(i).unwrap_or(u32::MAX);
            }
        }
    }

    /// Applies a PoC to everything but the order; the slot it now has, if
    /// it is active (for the caller to place).
    fn apply_unordered(&mut self, prepared: Prepared) -> Option<u32> {
        if self
            .versions
            .get(&prepared.id)
            .is_some_and(|&v| v > prepared.version)
        {
            return None;
        }
        self.versions.insert(prepared.id, prepared.version);
        if let Some(old) = self.by_id.remove(&prepared.id) {
            self.vacate(old);
        }
        let (entry, folded) = prepared.entry?;
        Some(self.occupy(entry, folded))
    }

    fn vacate(&mut self, s: u32) {
        let universe = self.slots.len();
        let Some(slot) = self.slots.get_mut(s as usize).and_then(Option::take) else {
            return;
        };
        if let Some(p) = self.position.get(s as usize).copied() {
            let p = p as usize;
            if self.order.get(p) == Some(&s) {
                self.order.remove(p);
                self.renumber(p);
            }
        }
        if let Some(p) = self.position.get_mut(s as usize) {
            *p = u32::MAX;
        }
        self.live.clear(s);
        if let Some(part) = self.parts.get_mut(slot.part as usize) {
            part.slots.remove(s, universe);
            let region = part.summary.as_ref().map(|p| p.region.as_str());
            if let Some(r) = region.and_then(|r| self.regions.get_mut(r)) {
                r.remove(s, universe);
            }
        }
        if let Some(p) = self.roles.get_mut(slot.role) {
            p.remove(s, universe);
        }
        for &l in &slot.languages {
            if let Some(p) = self.languages.get_mut(l as usize) {
                p.remove(s, universe);
            }
        }
        if let Some(sch) = self.schedules.get_mut(slot.schedule as usize) {
            sch.slots.remove(s, universe);
        }
        let mut fields = slot.fields.to_vec();
        fields.sort_unstable();
        fields.dedup();
        for v in fields {
            self.text.remove(v, s, universe);
        }
        self.free.push(s);
    }

    fn occupy(&mut self, entry: Arc<DirectoryEntry>, folded: [String; 3]) -> u32 {
        let s = match self.free.pop() {
            Some(s) => s,
            None => {
                self.slots.push(None);
                u32::try_from(self.slots.len() - 1).unwrap_or(u32::MAX)
            }
        };
        let universe = self.slots.len();
        let part = self.part_id(&entry.participant);
        if let Some(p) = self.parts.get_mut(part as usize) {
            p.slots.insert(s, universe);
            if let Some(region) = p.summary.as_ref().map(|p| p.region.clone()) {
                if !region.is_empty() {
                    self.regions.entry(region).or_default().insert(s, universe);
                }
            }
        }
        let role = entry.role as usize;
        if self.roles.len() <= role {
            self.roles.resize_with(role + 1, Posting::default);
        }
        if let Some(p) = self.roles.get_mut(role) {
            p.insert(s, universe);
        }
        let mut languages = Vec::with_capacity(entry.details.languages.len());
        for tag in &entry.details.languages {
            let primary = primary_subtag(tag);
            let id = match self.language_ids.get(&primary) {
                Some(&id) => id,
                None => {
                    self.languages.push(Posting::default());
                    let id = u16::try_from(self.languages.len() - 1).unwrap_or(u16::MAX);
                    self.language_ids.insert(primary, id);
                    id
                }
            };
            if let Some(p) = self.languages.get_mut(id as usize) {
                p.insert(s, universe);
            }
            if !languages.contains(&id) {
                languages.push(id);
            }
        }
        let zone = match self.zone_ids.get(&entry.details.time_zone) {
            Some(&z) => z,
            None => {
                self.zones.push((entry.details.time_zone.clone(), entry.tz));
                let z = u32::try_from(self.zones.len() - 1).unwrap_or(u32::MAX);
                self.zone_ids.insert(entry.details.time_zone.clone(), z);
                z
            }
        };
        let a = entry.details.availability;
        let key = (zone, a.days, a.start, a.end);
        let schedule = match self.schedule_ids.get(&key) {
            Some(&id) => id,
            None => {
                self.schedules.push(Schedule {
                    zone,
                    availability: a,
                    slots: Posting::default(),
                });
                let id = u32::try_from(self.schedules.len() - 1).unwrap_or(u32::MAX);
                self.schedule_ids.insert(key, id);
                id
            }
        };
        if let Some(sch) = self.schedules.get_mut(schedule as usize) {
            sch.slots.insert(s, universe);
        }
        let [name, title, organisation] = &folded;
        let fields = [
            self.text.add(name, s, universe),
            self.text.add(title, s, universe),
            self.text.add(organisation, s, universe),
        ];
        self.live.set(s);
        self.by_id.insert(entry.id, s);
        if let Some(place) = self.slots.get_mut(s as usize) {
            *place = Some(Slot {
                entry,
                part,
                role,
                schedule,
                languages,
                fields,
            });
        }
        s
    }

    /// The entries `query` admits for a reader with `sight`: the count, and
    /// those from `skip` on, up to `limit`, in the directory's order, each
    /// with whether it is within its hours at `now`.
    pub(crate) fn find(
        &self,
        query: &SearchQuery,
        now: OffsetDateTime,
        sight: &dyn Fn(&ParticipantSummary) -> Sight,
        skip: usize,
        limit: usize,
    ) -> Matched {
        let text = fold(query.text.trim());
        let region = query.region.trim();
        let participant = query.participant.trim().to_ascii_uppercase();
        let language = primary_subtag(query.language.trim());
        let zone = query.time_zone.trim();
        // Per participant: how much the reader sees of it, if the
        // participant-level filters admit it at all.
        let seen: Vec<Sight> = self
            .parts
            .iter()
            .map(|p| match &p.summary {
                Some(s)
                    if (region.is_empty() || s.region == region)
                        && (participant.is_empty() || p.code == participant) =>
                {
                    sight(s)
                }
                _ => Sight::Hidden,
            })
            .collect();
        let seen_of = |part: usize| seen.get(part).copied().unwrap_or(Sight::Hidden);
        let language_id = if language.is_empty() {
            None
        } else {
            match self.language_ids.get(&language) {
                Some(&id) => Some(id),
                // Nobody speaks it: nothing can match.
                None => return (0, Vec::new()),
            }
        };
        let mut awake_in: Vec<Option<AwakeCache>> = vec![None; self.zones.len()];
        let mut awake = |schedule: u32| -> bool {
            let Some(sch) = self.schedules.get(schedule as usize) else {
                return false;
            };
            let Some(slot) = awake_in.get_mut(sch.zone as usize) else {
                return false;
            };
            let tz = self.zones.get(sch.zone as usize).and_then(|(_, tz)| *tz);
            slot.get_or_insert_with(|| AwakeCache::new(tz, now))
                .covers(&sch.availability)
        };
        let per_entry = query.role.is_some()
            || language_id.is_some()
            || !zone.is_empty()
            || !text.is_empty()
            || query.within_hours_now;
        let mut shown = Vec::new();
        if !per_entry {
            // Every entry of an admitted participant matches: count whole
            // participants, read only the page.
            let mut total = 0;
            let mut at = 0;
            for &p in &self.part_order {
                let Some(part) = self.parts.get(p as usize) else {
                    continue;
                };
                let len = part.slots.len();
                if seen_of(p as usize) != Sight::Hidden {
                    let from = skip.saturating_sub(total).min(len);
                    let wanted = limit.saturating_sub(shown.len());
                    let first = at + from;
                    for i in first..first.saturating_add(wanted).min(at + len) {
                        if let Some(slot) = self.order.get(i).and_then(|&s| self.slot(s)) {
                            shown.push((Arc::clone(&slot.entry), awake(slot.schedule)));
                        }
                    }
                    total += len;
                }
                at += len;
            }
            return (total, shown);
        }
        let mut found: Option<Bits> = None;
        let narrow = |found: &mut Option<Bits>, by: Bits| match found {
            Some(f) => f.and(&by),
            None => *found = Some(by),
        };
        if let Some(p) = query.role.and_then(|r| self.roles.get(r as usize)) {
            narrow(&mut found, p.to_bits());
        } else if query.role.is_some() {
            return (0, Vec::new());
        }
        if let Some(p) = language_id.and_then(|l| self.languages.get(l as usize)) {
            match &mut found {
                Some(f) => p.and_into(f),
                None => found = Some(p.to_bits()),
            }
        }
        if !zone.is_empty() || query.within_hours_now {
            let zone_ok = |name: &str| {
                zone.is_empty()
                    || name == zone
                    || (!zone.contains('/')
                        && name.strip_prefix(zone).is_some_and(|r| r.starts_with('/')))
                    || (zone.ends_with('/') && name.starts_with(zone))
            };
            let mut when = Bits::default();
            for (i, sch) in self.schedules.iter().enumerate() {
                if sch.slots.is_empty() {
                    continue;
                }
                let name = self.zones.get(sch.zone as usize).map(|(n, _)| n.as_str());
                if !name.is_some_and(zone_ok) {
                    continue;
                }
                if query.within_hours_now && !awake(u32::try_from(i).unwrap_or(u32::MAX)) {
                    continue;
                }
                sch.slots.or_into(&mut when);
            }
            narrow(&mut found, when);
        }
        if let Some(admitted) = self.admitted(&seen, region, &participant) {
            narrow(&mut found, admitted);
        }
        if !text.is_empty() {
            let hits = self.text_matches(&text, &seen, found.as_ref());
            narrow(&mut found, hits);
        }
        let found = found.unwrap_or_else(|| self.live.clone());
        let total = found.count();
        let end = skip.saturating_add(limit).min(total);
        if skip >= end {
            return (total, shown);
        }
        // Many matches: walking the directory's order finds the page's
        // entries after about end × (entries / matches) steps, fewer than
        // collecting and ordering every match.
        if end.saturating_mul(self.order.len()) / total.max(1) < total {
            let mut taken = 0;
            for &s in &self.order {
                if !found.get(s) {
                    continue;
                }
                if taken >= skip {
                    if let Some(slot) = self.slot(s) {
                        shown.push((Arc::clone(&slot.entry), awake(slot.schedule)));
                    }
                }
                taken += 1;
                if taken >= end {
                    break;
                }
            }
            return (total, shown);
        }
        let mut positions: Vec<u32> = found
            .iter()
            .filter_map(|s| self.position.get(s as usize).copied())
            .collect();
        if end < positions.len() {
            positions.select_nth_unstable(end - 1);
            positions.truncate(end);
        }
        positions.sort_unstable();
        for &at in positions.iter().skip(skip) {
            if let Some(slot) = self.order.get(at as usize).and_then(|&s| self.slot(s)) {
                shown.push((Arc::clone(&slot.entry), awake(slot.schedule)));
            }
        }
        (total, shown)
    }

    /// The slots of admitted participants, or None for every slot.
    fn admitted(&self, seen: &[Sight], region: &str, participant: &str) -> Option<Bits> {
        let (mut shown, mut hidden) = (0, 0);
        for (part, sight) in self.parts.iter().zip(seen) {
            if *sight == Sight::Hidden {
                hidden += part.slots.len();
            } else {
                shown += part.slots.len();
            }
        }
        if hidden == 0 {
            return None;
        }
        if shown == 0 {
            return Some(Bits::default());
        }
        if !participant.is_empty() {
            return self
                .part_ids
                .get(participant)
                .and_then(|&p| self.parts.get(p as usize))
                .map(|p| p.slots.to_bits());
        }
        let mut bits = if !region.is_empty() {
            let mut bits = self
                .regions
                .get(region)
                .map(Posting::to_bits)
                .unwrap_or_default();
            // Participants of the region the reader may not see.
            for (part, sight) in self.parts.iter().zip(seen) {
                let in_region = part.summary.as_ref().is_some_and(|s| s.region == region);
                if in_region && *sight == Sight::Hidden {
                    part.slots.remove_from(&mut bits);
                }
            }
            return Some(bits);
        } else if shown <= hidden {
            Bits::default()
        } else {
            self.live.clone()
        };
        for (part, sight) in self.parts.iter().zip(seen) {
            match (*sight == Sight::Hidden, shown <= hidden) {
                (false, true) => part.slots.or_into(&mut bits),
                (true, false) => part.slots.remove_from(&mut bits),
                _ => {}
            }
        }
        Some(bits)
    }

    /// The slots whose text holds `text` (folded, not empty) where the
    /// reader sees people, and every slot of a participant whose code or
    /// names hold it. `within` (if any) bounds the slots worth checking.
    fn text_matches(&self, text: &str, seen: &[Sight], within: Option<&Bits>) -> Bits {
        let mut hits = if text.contains('\0') {
            Bits::default()
        } else if text.contains('\n') {
            // A line break spans fields: read each candidate's whole text.
            let candidates = within.unwrap_or(&self.live);
            let mut hits = Bits::default();
            for s in candidates.iter() {
                if let Some(slot) = self.slot(s) {
                    let [a, b, c] = slot.fields.map(|v| self.text.text(v));
                    if format!("{a}\n{b}\n{c}").contains(text) {
                        hits.set(s);
                    }
                }
            }
            hits
        } else {
            self.text.find(text)
        };
        // A name never matches for a reader who may not see who it is:
        // such a match would confirm the name.
        let (mut people, mut others) = (0, 0);
        for (part, sight) in self.parts.iter().zip(seen) {
            match sight {
                Sight::People => people += part.slots.len(),
                Sight::WithoutPeople => others += part.slots.len(),
                Sight::Hidden => {}
            }
        }
        if others > 0 {
            if people < others {
                let mut kept = Bits::default();
                for (part, sight) in self.parts.iter().zip(seen) {
                    if *sight == Sight::People {
                        part.slots.or_into(&mut kept);
                    }
                }
                hits.and(&kept);
            } else {
                for (part, sight) in self.parts.iter().zip(seen) {
                    if *sight == Sight::WithoutPeople {
                        part.slots.remove_from(&mut hits);
                    }
                }
            }
        }
        // A participant found by its code or names: all its entries.
        for (part, sight) in self.parts.iter().zip(seen) {
            if *sight != Sight::Hidden
                && part.summary.is_some()
                && (part.code.to_lowercase() == text || part.folded_names.contains(text))
            {
                part.slots.or_into(&mut hits);
            }
        }
        hits
    }
}
