//! The event calendar: dates in a range (series expanded), details, RSVPs with capacity and a
//! waitlist, attendees, `.ics` files and personal live feeds, cancelling, reports and photos.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use veche_api::Page;
use veche_api::events::{
    self as contract, CancelRequest, EventDetail, EventInput, EventKind, EventPermissions, FeedLink, Occurrence,
    ReportRequest, RsvpRequest, RsvpState, RsvpStatus,
};
use veche_api::member::MemberSummary;
use veche_api::validate::{self, Issue};

use super::{id, offset_page, page_limit, page_offset, query_text};
use crate::access::{self, Need, Reader};
use crate::db::MemberRow;
use crate::db::events::{EventRecord, EventRow, LOCAL_FORMAT};
use crate::http::AppState;
use crate::http::Guard;
use crate::http::error::{ApiError, ApiResult};
use crate::http::extract::{JsonBody, QueryParams};
use crate::http::session::Viewer;
use crate::ics::{IcsEvent, calendar};
use crate::recurrence::rrule;
use crate::{clock, notify};

pub fn router(guard: &Guard) -> Router<AppState> {
    Router::new()
        .route("/events", guard.wrap(get(list).post(create)))
        .route("/events/{id}", guard.wrap(get(show).put(update)))
        .route("/events/{id}/rsvp", guard.wrap(put(rsvp)))
        .route("/events/{id}/attendees", guard.wrap(get(attendees)))
        .route("/events/{id}/cancel", guard.wrap(post(cancel)))
        .route("/events/{id}/report", guard.wrap(put(report)))
        .route("/events/{id}/photos", guard.wrap(post(add_photo)))
        .route("/events/{id}/ics", guard.wrap(get(event_ics)))
        .route("/calendar/feed", guard.wrap(get(feed_link)))
        .route("/calendar/feed/rotate", guard.wrap(post(rotate_feed)))
        .route("/calendar/feed/{file}", get(feed))
}

/// The key of one date: its UTC start, or '' for a one-off event.
fn occurrence_key(event: &EventRow, start: DateTime<Utc>) -> String {
    if event.is_series() { clock::format(start) } else { String::new() }
}

#[derive(Deserialize)]
struct RangeQuery {
    from: String,
    to: String,
    kind: Option<String>,
    city: Option<String>,
    mine: Option<bool>,
    /// A group's slug or id: only its events.
    group: Option<String>,
}

/// Longest range one request may ask for, in days.
const MAX_RANGE_DAYS: i64 = 120;

fn day(text: &str, field: &str) -> ApiResult<DateTime<Utc>> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
        .ok_or_else(|| ApiError::field(field, Issue::Invalid))
}

async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    QueryParams(query): QueryParams<RangeQuery>,
) -> ApiResult<Json<Vec<Occurrence>>> {
    // Whole days, padded by one on each side so every viewer's time zone sees full days.
    let from = day(&query.from, "from")? - Duration::days(1);
    let to = day(&query.to, "to")? + Duration::days(2);
    if to <= from || (to - from).num_days() > MAX_RANGE_DAYS + 3 {
        return Err(ApiError::field("to", Issue::OutOfRange { min: 1, max: MAX_RANGE_DAYS }));
    }
    let kind = match query.kind.as_deref() {
        None => None,
        Some(k) => Some(EventKind::parse_known(k).ok_or_else(|| ApiError::field("kind", Issue::Invalid))?),
    };
    let mine = match query.mine {
        Some(true) => Some(viewer.require()?.id),
        _ => None,
    };
    let rsvps = match viewer.member_id() {
        Some(member) => state.db.member_rsvps(member).await?,
        None => Vec::new(),
    };
    let counts = state.db.going_counts().await?;
    let city = query_text(query.city, "city", veche_api::events::PLACE_MAX)?.trim().to_lowercase();
    let mut dates = Vec::new();
    let reader = viewer.reader();
    let group = access::group_filter(&state.db, reader, query.group.as_deref()).await?;
    for event in state.db.events(reader).await? {
        if group.is_some() && event.group_id != group {
            continue;
        }
        if kind.is_some_and(|k| k != event.kind) {
            continue;
        }
        if !city.is_empty() && !event.city.as_deref().unwrap_or("").to_lowercase().contains(&city) {
            continue;
        }
        for (start, end) in event.dates(from, to) {
            let key = occurrence_key(&event, start);
            let my_status = rsvps
                .iter()
                .filter(|(e, occurrence, _)| *e == event.id && (*occurrence == key || occurrence.is_empty()))
                .max_by_key(|(_, occurrence, _)| occurrence.len())
                .map(|(_, _, status)| *status);
            if mine.is_some()
                && !matches!(my_status, Some(RsvpStatus::Going | RsvpStatus::Interested | RsvpStatus::Waitlisted))
            {
                continue;
            }
            let going_count = counts
                .iter()
                .filter(|(e, o, _)| *e == event.id && (*o == key || o.is_empty()))
                .map(|(_, _, n)| n)
                .sum();
            dates.push(Occurrence {
                event_id: event.id.to_string(),
                title: event.title.clone(),
                kind: event.kind,
                starts_at: clock::format(start),
                ends_at: clock::format(end),
                all_day: event.all_day,
                time_zone: event.zone.name().to_owned(),
                city: event.city.clone(),
                online: event.online_url.is_some(),
                cancelled: event.cancelled_at.is_some(),
                recurring: event.is_series(),
                capacity: event.capacity,
                going_count,
                my_status,
            });
        }
    }
    dates.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then(a.event_id.cmp(&b.event_id)));
    Ok(Json(dates))
}

#[derive(Deserialize)]
struct DateQuery {
    occurrence: Option<String>,
}

/// The date of an event a request is about: the one asked for (it must be a real date of the
/// series), else the next to come (or the last one, for a past event).
fn pick_date(event: &EventRow, asked: Option<&str>) -> ApiResult<(DateTime<Utc>, DateTime<Utc>)> {
    let all = event.dates(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
    match asked {
        Some(asked) => {
            let wanted = clock::parse(asked).ok_or_else(|| ApiError::field("occurrence", Issue::Invalid))?;
            all.into_iter()
                .find(|(start, _)| *start == wanted)
                .ok_or_else(|| ApiError::field("occurrence", Issue::NotFound))
        }
        None => {
            let now = Utc::now();
            all.iter().find(|(_, end)| *end > now).or(all.last()).copied().ok_or(ApiError::NotFound)
        }
    }
}

async fn detail(
    state: &AppState,
    event: &EventRow,
    date: (DateTime<Utc>, DateTime<Utc>),
    viewer: Option<&MemberRow>,
) -> ApiResult<EventDetail> {
    let reader = viewer.map_or(Reader::GUEST, Reader::member);
    let group = access::gate(&state.db, reader, event.group_id, Need::Read).await?;
    let key = occurrence_key(event, date.0);
    let attendance = state.db.attendance(event.id, &key).await?;
    let mine = match viewer {
        Some(v) => state.db.my_rsvp(event.id, &key, v.id).await?,
        None => None,
    };
    let staff = viewer.is_some_and(|v| v.access().is_staff());
    let going = matches!(mine, Some((RsvpStatus::Going, _)));
    Ok(EventDetail {
        id: event.id.to_string(),
        title: event.title.clone(),
        kind: event.kind,
        description: event.description.clone(),
        organizer: event.organizer.clone(),
        starts_at: clock::format(date.0),
        ends_at: clock::format(date.1),
        starts_local: event.starts_local.format(LOCAL_FORMAT).to_string(),
        ends_local: event.ends_local.format(LOCAL_FORMAT).to_string(),
        all_day: event.all_day,
        time_zone: event.zone.name().to_owned(),
        city: event.city.clone(),
        region: event.region.clone(),
        address: event.address.clone(),
        online: event.online_url.is_some(),
        // The join link is only for those going (and the staff running it).
        online_url: event.online_url.clone().filter(|_| going || staff),
        capacity: event.capacity,
        going_count: attendance.going,
        waitlist_count: attendance.waitlisted,
        recurrence: event.recurrence.clone(),
        my_status: mine.map(|(status, _)| status),
        waitlist_position: mine.and_then(|(_, position)| position),
        cancelled: event.cancelled_at.is_some(),
        cancel_reason: event.cancel_reason.clone(),
        report: event.report.clone(),
        photos: state.db.event_photos(event.id).await?,
        permissions: EventPermissions {
            rsvp: viewer.is_some()
                && event.cancelled_at.is_none()
                && date.1 > Utc::now()
                && access::may_take_part(group.as_ref()),
            manage: staff,
        },
        group: access::group_ref(group.as_ref()),
        article: state.db.event_article(event.id, reader).await?,
    })
}

async fn show(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(event): Path<String>,
    QueryParams(query): QueryParams<DateQuery>,
) -> ApiResult<Json<EventDetail>> {
    let event = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    let date = pick_date(&event, query.occurrence.as_deref())?;
    Ok(Json(detail(&state, &event, date, viewer.member.as_deref()).await?))
}

/// Checks an event and reads its local times in its zone.
fn record(input: &EventInput) -> ApiResult<EventRecord<'_>> {
    let mut errors = contract::check_event(input);
    let zone = input.time_zone.parse::<Tz>().ok();
    if zone.is_none() {
        errors.add("time_zone", Issue::Invalid);
    }
    let starts = NaiveDateTime::parse_from_str(&input.starts_local, LOCAL_FORMAT).ok();
    let ends = NaiveDateTime::parse_from_str(&input.ends_local, LOCAL_FORMAT).ok();
    if starts.is_none() {
        errors.add("starts_local", Issue::Invalid);
    }
    match (starts, ends) {
        (Some(s), Some(e)) if e > s && e - s <= Duration::days(14) => {}
        _ => errors.add("ends_local", Issue::Invalid),
    }
    if let Some(until) = input.recurrence.as_ref().and_then(|r| r.until.as_deref())
        && NaiveDate::parse_from_str(until, "%Y-%m-%d").is_err()
    {
        errors.add("recurrence.until", Issue::Invalid);
    }
    errors.into_result().map_err(ApiError::Validation)?;
    Ok(EventRecord {
        input,
        kind: EventKind::parse(&input.kind),
        zone: zone.unwrap_or(Tz::UTC),
        starts_local: starts.unwrap_or_default(),
        ends_local: ends.unwrap_or_default(),
    })
}

/// The group an event is put in: a 422 on `group_id` when there is none such.
async fn event_group(state: &AppState, me: &MemberRow, input: &EventInput) -> ApiResult<Option<i64>> {
    match access::group_filter(&state.db, Reader::member(me), input.group_id.as_deref()).await {
        Ok(group) => Ok(group),
        Err(access::Refusal::NoSuchGroup) => Err(ApiError::field("group_id", Issue::NotFound)),
        Err(other) => Err(other.into()),
    }
}

async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    JsonBody(input): JsonBody<EventInput>,
) -> ApiResult<(StatusCode, Json<EventDetail>)> {
    let me = viewer.require_staff("Only staff can manage events.")?;
    let record = record(&input)?;
    let group = event_group(&state, me, &input).await?;
    let id = state.db.save_event(None, &record, me.id).await?;
    state.db.set_event_group(id, group).await?;
    let event = state.db.event(id).await?.ok_or(ApiError::NotFound)?;
    let date = pick_date(&event, None)?;
    Ok((StatusCode::CREATED, Json(detail(&state, &event, date, Some(me)).await?)))
}

async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(event): Path<String>,
    JsonBody(input): JsonBody<EventInput>,
) -> ApiResult<Json<EventDetail>> {
    let me = viewer.require_staff("Only staff can manage events.")?;
    let current = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    let record = record(&input)?;
    let group = event_group(&state, me, &input).await?;
    state.db.save_event(Some(current.id), &record, current.organizer_id).await?;
    state.db.set_event_group(current.id, group).await?;
    let event = state.db.event(current.id).await?.ok_or(ApiError::NotFound)?;
    if let Some(what_changed) = notify::event_change(&current, &event) {
        state.db.tell_event_change(&event, &what_changed, me.id).await?;
    }
    let date = pick_date(&event, None)?;
    Ok(Json(detail(&state, &event, date, Some(me)).await?))
}

async fn rsvp(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(event): Path<String>,
    JsonBody(request): JsonBody<RsvpRequest>,
) -> ApiResult<Json<RsvpState>> {
    let me = viewer.require()?;
    let event = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    access::gate(&state.db, Reader::member(me), event.group_id, Need::TakePart).await?;
    if !matches!(request.status, RsvpStatus::Going | RsvpStatus::Interested | RsvpStatus::NotGoing) {
        return Err(ApiError::field("status", Issue::Invalid));
    }
    if event.cancelled_at.is_some() {
        return Err(ApiError::Conflict("This event was cancelled.".into()));
    }
    let key = match request.occurrence.as_deref() {
        // The whole series: only where places are not limited.
        None if event.is_series() => {
            if event.capacity.is_some() {
                return Err(ApiError::field("occurrence", Issue::Required));
            }
            String::new()
        }
        None => String::new(),
        Some(asked) => {
            let (start, _) = pick_date(&event, Some(asked))?;
            occurrence_key(&event, start)
        }
    };
    // Answers about dates that are over change nothing.
    let ends = match clock::parse(&key) {
        Some(start) => Some(start + (event.ends_local - event.starts_local)),
        None if !event.is_series() => Some(pick_date(&event, None)?.1),
        None => None,
    };
    if ends.is_some_and(|end| end <= Utc::now()) {
        return Err(ApiError::Conflict("This date has passed.".into()));
    }
    let status = state.db.rsvp(&event, &key, me.id, request.status).await?;
    state.db.refresh_reputation(&[me.id]).await?;
    let attendance = state.db.attendance(event.id, &key).await?;
    let position = state.db.my_rsvp(event.id, &key, me.id).await?.and_then(|(_, p)| p);
    Ok(Json(RsvpState { status, waitlist_position: position, going_count: attendance.going, capacity: event.capacity }))
}

#[derive(Deserialize)]
struct AttendeesQuery {
    occurrence: Option<String>,
    limit: Option<u32>,
    cursor: Option<String>,
}

async fn attendees(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(event): Path<String>,
    QueryParams(query): QueryParams<AttendeesQuery>,
) -> ApiResult<Json<Page<MemberSummary>>> {
    let event = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    access::gate(&state.db, viewer.reader(), event.group_id, Need::Read).await?;
    let (start, _) = pick_date(&event, query.occurrence.as_deref())?;
    let (limit, offset) = (page_limit(query.limit, 50)?, page_offset(query.cursor.as_deref())?);
    let (rows, more) = state.db.attendees(event.id, &occurrence_key(&event, start), offset, limit).await?;
    Ok(Json(offset_page(rows.iter().map(MemberRow::summary).collect(), more, offset, limit)))
}

async fn cancel(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(event): Path<String>,
    JsonBody(request): JsonBody<CancelRequest>,
) -> ApiResult<Json<EventDetail>> {
    let me = viewer.require_staff("Only staff can manage events.")?;
    let event = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    if let Some(issue) = validate::text(&request.reason, 3, 500) {
        return Err(ApiError::field("reason", issue));
    }
    state.db.cancel_event(event.id, &request.reason).await?;
    let event = state.db.event(event.id).await?.ok_or(ApiError::NotFound)?;
    let date = pick_date(&event, None)?;
    Ok(Json(detail(&state, &event, date, Some(me)).await?))
}

async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(event): Path<String>,
    JsonBody(request): JsonBody<ReportRequest>,
) -> ApiResult<Json<EventDetail>> {
    let me = viewer.require_staff("Only staff can manage events.")?;
    let event = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    if let Some(issue) = validate::optional_text(&request.report, contract::DESCRIPTION_MAX) {
        return Err(ApiError::field("report", issue));
    }
    state.db.set_report(event.id, &request.report).await?;
    let event = state.db.event(event.id).await?.ok_or(ApiError::NotFound)?;
    let date = pick_date(&event, None)?;
    Ok(Json(detail(&state, &event, date, Some(me)).await?))
}

#[derive(Deserialize)]
struct PhotoQuery {
    caption: Option<String>,
}

async fn add_photo(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(event): Path<String>,
    QueryParams(query): QueryParams<PhotoQuery>,
    bytes: Bytes,
) -> ApiResult<(StatusCode, Json<EventDetail>)> {
    let me = viewer.require_staff("Only staff can manage events.")?;
    let caption = query.caption.unwrap_or_default();
    if let Some(issue) = validate::optional_text(&caption, veche_api::members::PHOTO_CAPTION_MAX) {
        return Err(ApiError::field("caption", issue));
    }
    let picture = super::members::picture(bytes).await?;
    let event = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    let upload = state.db.insert_upload(me.id, picture.info, &picture.bytes).await?;
    state.db.add_event_photo(event.id, &upload, &caption).await?;
    let date = pick_date(&event, None)?;
    Ok((StatusCode::CREATED, Json(detail(&state, &event, date, Some(me)).await?)))
}

fn host(state: &AppState) -> String {
    state
        .config
        .public_url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap_or("veche")
        .to_owned()
}

fn ics_event(state: &AppState, event: &EventRow) -> IcsEvent {
    let location =
        [event.address.as_deref(), event.city.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
    IcsEvent {
        uid: format!("event-{}@{}", event.id, host(state)),
        summary: event.title.clone(),
        description: crate::db::threads::excerpt(&event.description, 1000),
        location: if location.is_empty() { event.online_url.clone().unwrap_or_default() } else { location },
        url: format!("{}/events/{}", state.config.public_url.trim_end_matches('/'), event.id),
        start_local: event.starts_local,
        end_local: event.ends_local,
        all_day: event.all_day,
        zone: event.zone,
        rrule: event.recurrence.as_ref().and_then(|r| rrule(r, event.starts_local, event.zone)),
        cancelled: event.cancelled_at.is_some(),
        last_modified: clock::parse(&event.updated_at).unwrap_or_else(Utc::now),
    }
}

fn ics_response(body: String, file: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")),
            (header::CACHE_CONTROL, "no-cache".to_owned()),
        ],
        body,
    )
        .into_response()
}

async fn event_ics(State(state): State<AppState>, viewer: Viewer, Path(event): Path<String>) -> ApiResult<Response> {
    let event = state.db.event(id(&event)?).await?.ok_or(ApiError::NotFound)?;
    access::gate(&state.db, viewer.reader(), event.group_id, Need::Read).await?;
    let body = calendar(&event.title, &[ics_event(&state, &event)], Utc::now());
    Ok(ics_response(body, &format!("event-{}.ics", event.id)))
}

async fn feed_link_for(state: &AppState, member: i64, rotate: bool) -> ApiResult<FeedLink> {
    let token = state.db.feed_token(member, rotate).await?;
    let url = format!("{}/api/v1/calendar/feed/{token}.ics", state.config.public_url.trim_end_matches('/'));
    let webcal_url = url.replacen("https://", "webcal://", 1).replacen("http://", "webcal://", 1);
    Ok(FeedLink { url, webcal_url })
}

async fn feed_link(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<FeedLink>> {
    Ok(Json(feed_link_for(&state, viewer.require()?.id, false).await?))
}

async fn rotate_feed(State(state): State<AppState>, viewer: Viewer) -> ApiResult<Json<FeedLink>> {
    Ok(Json(feed_link_for(&state, viewer.require()?.id, true).await?))
}

/// The live feed: every event the feed's owner is going to. The secret address is the only key.
async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> ApiResult<Response> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    let member = state.db.feed_owner(token).await?.ok_or(ApiError::NotFound)?;
    let owner = state.db.member_by_id(member).await?.ok_or(ApiError::NotFound)?;
    // Only what the owner may still read: leaving a group takes its events out of the feed.
    let readable: Vec<i64> = state.db.events(Reader::member(&owner)).await?.iter().map(|e| e.id).collect();
    let mut events = Vec::new();
    for (event_id, _, status) in state.db.member_rsvps(member).await? {
        if status == RsvpStatus::Going
            && readable.contains(&event_id)
            && !events.iter().any(|e: &IcsEvent| e.uid.starts_with(&format!("event-{event_id}@")))
            && let Some(event) = state.db.event(event_id).await?
        {
            events.push(ics_event(&state, &event));
        }
    }
    let name = state.db.community().await?.map(|c| c.name).unwrap_or_else(|| "Veche".into());
    Ok(ics_response(calendar(&name, &events, Utc::now()), "veche.ics"))
}
