//! Demo events this month and next in several cities: a meetup that is full with a waitlist, a
//! weekly webinar series, a regional meeting with two time zones in play, an exhibition, a
//! cancelled event, a past meetup with its report and photos, and in past months a monthly call
//! and two meetups (so the staff's KPIs have events to count).

use std::collections::HashMap;

use chrono::{Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use veche_api::events::{EventInput, EventKind, Frequency, Recurrence, RsvpStatus};

use crate::db::Db;
use crate::db::events::{EventRecord, LOCAL_FORMAT};
use crate::images;
use crate::images::gradient_png;

struct DemoEvent {
    title: &'static str,
    kind: EventKind,
    description: &'static str,
    zone: &'static str,
    /// Days from today and local start hour.
    day: i64,
    hour: u32,
    hours: i64,
    city: &'static str,
    address: &'static str,
    online_url: &'static str,
    capacity: Option<i64>,
    recurrence: Option<Recurrence>,
    going: &'static [&'static str],
    interested: &'static [&'static str],
}

pub async fn seed(db: &Db, ids: &HashMap<&str, i64>) -> anyhow::Result<()> {
    let weekly = Recurrence { frequency: Frequency::Weekly, interval: 1, until: None, count: Some(12) };
    let events = [
        DemoEvent {
            title: "Kazan user group: dashboards workshop",
            kind: EventKind::Meetup,
            description: "A hands-on workshop on the **new dashboards**, then tea and questions. Bring a laptop.\n\nPlaces are limited to 5 this time: join the waitlist if it is full.",
            zone: "Europe/Moscow",
            day: 6,
            hour: 18,
            hours: 3,
            city: "Kazan",
            address: "ul. Baumana 44, IT Park",
            online_url: "",
            capacity: Some(5),
            recurrence: None,
            going: &["olga", "ivan", "pavel", "dmitry", "sergey"],
            interested: &["anna"],
        },
        DemoEvent {
            title: "Product webinar: what's new this week",
            kind: EventKind::Webinar,
            description: "Thirty minutes with the product team every Thursday: what shipped, what's next, your questions.",
            zone: "Europe/Moscow",
            day: -7,
            hour: 16,
            hours: 1,
            city: "",
            address: "",
            online_url: "https://meet.example.com/sever-weekly",
            capacity: None,
            recurrence: Some(weekly),
            going: &["anna", "james"],
            interested: &["ivan"],
        },
        DemoEvent {
            title: "Regional customer meeting: Ural and Siberia",
            kind: EventKind::RegionalMeeting,
            description: "Yearly meeting of customers from the Ural and Siberia: the roadmap, the ballot results, and Elena Sokolova answering questions in person.",
            zone: "Asia/Yekaterinburg",
            day: 12,
            hour: 11,
            hours: 6,
            city: "Yekaterinburg",
            address: "Hyatt Regency, ul. Borisa Yeltsina 8",
            online_url: "",
            capacity: Some(120),
            recurrence: None,
            going: &["elena", "maria", "dmitry", "pavel"],
            interested: &["olga"],
        },
        DemoEvent {
            title: "Sever at the Retail Tech exhibition",
            kind: EventKind::Exhibition,
            description: "Visit our stand B-14: live demos of dashboards and the mobile app.",
            zone: "Europe/Moscow",
            day: 20,
            hour: 10,
            hours: 8,
            city: "Moscow",
            address: "Crocus Expo, pavilion 3",
            online_url: "",
            capacity: None,
            recurrence: None,
            going: &["maria"],
            interested: &["james", "anna"],
        },
        DemoEvent {
            title: "Saint Petersburg meetup: single sign-on in practice",
            kind: EventKind::Meetup,
            description: "Three short talks on SSO with AD FS, Google and Keycloak.",
            zone: "Europe/Moscow",
            day: 35,
            hour: 19,
            hours: 2,
            city: "Saint Petersburg",
            address: "ul. Lva Tolstogo 9",
            online_url: "",
            capacity: Some(40),
            recurrence: None,
            going: &["oleg", "pavel"],
            interested: &[],
        },
        DemoEvent {
            title: "Novosibirsk meetup (moved)",
            kind: EventKind::Meetup,
            description: "Our Novosibirsk meetup.",
            zone: "Asia/Novosibirsk",
            day: 9,
            hour: 18,
            hours: 2,
            city: "Novosibirsk",
            address: "Akademgorodok, Technopark",
            online_url: "",
            capacity: Some(30),
            recurrence: None,
            going: &["olga"],
            interested: &[],
        },
        DemoEvent {
            title: "Kaliningrad meetup: reporting tips",
            kind: EventKind::Meetup,
            description: "Anna shared her favourite reporting tricks.",
            zone: "Europe/Kaliningrad",
            day: -14,
            hour: 18,
            hours: 2,
            city: "Kaliningrad",
            address: "ul. Teatralnaya 30",
            online_url: "",
            capacity: Some(25),
            recurrence: None,
            going: &["anna", "james", "ivan"],
            interested: &[],
        },
        // Past months, so the staff's KPIs have events to count: a monthly customer call (all
        // six dates past) and two regional meetups.
        DemoEvent {
            title: "Monthly customer call",
            kind: EventKind::Webinar,
            description: "An hour with the product managers once a month: the roadmap, your questions, a short demo.",
            zone: "Europe/Moscow",
            day: -165,
            hour: 15,
            hours: 1,
            city: "",
            address: "",
            online_url: "https://meet.example.com/sever-monthly",
            capacity: None,
            recurrence: Some(Recurrence {
                frequency: Frequency::MonthlyByDate,
                interval: 1,
                until: None,
                count: Some(6),
            }),
            going: &["anna", "ivan", "olga", "james", "pavel"],
            interested: &["sergey"],
        },
        DemoEvent {
            title: "Yekaterinburg meetup: data import at scale",
            kind: EventKind::Meetup,
            description: "Pavel showed how his team loads a million rows a night, then questions and tea.",
            zone: "Asia/Yekaterinburg",
            day: -120,
            hour: 18,
            hours: 2,
            city: "Yekaterinburg",
            address: "ul. Malysheva 51",
            online_url: "",
            capacity: Some(30),
            recurrence: None,
            going: &["pavel", "dmitry", "sergey", "olga", "ivan", "elena"],
            interested: &[],
        },
        DemoEvent {
            title: "Moscow meetup: permissions and roles",
            kind: EventKind::Meetup,
            description: "How to set up roles for a company of five hundred, with examples from three customers.",
            zone: "Europe/Moscow",
            day: -75,
            hour: 19,
            hours: 2,
            city: "Moscow",
            address: "ul. Lva Tolstogo 16",
            online_url: "",
            capacity: Some(40),
            recurrence: None,
            going: &["maria", "anna", "james", "dmitry"],
            interested: &["oleg"],
        },
    ];
    let organizer = ids["maria"];
    let today = Utc::now().date_naive();
    let mut created = HashMap::new();
    for demo in &events {
        let zone: Tz = demo.zone.parse().map_err(|_| anyhow::anyhow!("zone {}", demo.zone))?;
        let start =
            (today + Duration::days(demo.day)).and_time(NaiveTime::from_hms_opt(demo.hour, 0, 0).unwrap_or_default());
        let end = start + Duration::hours(demo.hours);
        let input = EventInput {
            title: demo.title.to_owned(),
            kind: demo.kind.as_str().to_owned(),
            description: demo.description.to_owned(),
            starts_local: start.format(LOCAL_FORMAT).to_string(),
            ends_local: end.format(LOCAL_FORMAT).to_string(),
            all_day: demo.kind == EventKind::Exhibition,
            time_zone: demo.zone.to_owned(),
            city: demo.city.to_owned(),
            region: String::new(),
            address: demo.address.to_owned(),
            online_url: demo.online_url.to_owned(),
            capacity: demo.capacity,
            recurrence: demo.recurrence.clone(),
            group_id: None,
        };
        let record = EventRecord { input: &input, kind: demo.kind, zone, starts_local: start, ends_local: end };
        let id = db.save_event(None, &record, organizer).await?;
        let event = db.event(id).await?.ok_or_else(|| anyhow::anyhow!("event {id} missing"))?;
        for (handles, status) in [(demo.going, RsvpStatus::Going), (demo.interested, RsvpStatus::Interested)] {
            for handle in handles {
                db.rsvp(&event, "", ids[handle], status).await?;
            }
        }
        created.insert(demo.title, id);
    }
    // The Kazan workshop is full: two more join the waitlist, in order.
    let kazan =
        db.event(created["Kazan user group: dashboards workshop"]).await?.ok_or_else(|| anyhow::anyhow!("kazan"))?;
    for handle in ["anna", "james"] {
        db.rsvp(&kazan, "", ids[handle], RsvpStatus::Going).await?;
    }
    db.cancel_event(
        created["Novosibirsk meetup (moved)"],
        "The venue is closed for repairs; we will announce a new date soon.",
    )
    .await?;
    let past = created["Kaliningrad meetup: reporting tips"];
    db.set_report(past, "Twenty-two people came. Anna showed **conditional formatting** tricks and how to schedule exports; slides are in the knowledge base. Thank you all!").await?;
    for (caption, colours) in [
        ("Anna's talk", ((200, 80, 60), (250, 190, 120))),
        ("Questions after the talk", ((60, 90, 180), (150, 200, 240))),
    ] {
        let bytes = gradient_png(320, 200, colours.0, colours.1);
        if let Some(info) = images::inspect(&bytes) {
            let upload = db.insert_upload(organizer, info, &bytes).await?;
            db.add_event_photo(past, &upload, caption).await?;
        }
    }
    Ok(())
}
