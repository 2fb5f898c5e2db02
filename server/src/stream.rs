//! The live stream's fan-out. One task (the pump) reads new rows of the event log
//! (`db::stream`) in order and broadcasts them; every open stream filters them for its viewer
//! *when it sends them*, with the same rules as the pages (`access`), keeping per connection
//! only what it learnt about the viewer's groups until the viewer's access changes.
//!
//! Memory stays bounded: the broadcast holds the last [`BACKLOG`] events for all streams
//! together; a stream that falls further behind (a slow reader) is ended, and its client
//! reconnects with `Last-Event-ID`, replaying from the log.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, broadcast, watch};

use crate::access::{GroupAccess, Reader};
use crate::db::Db;
use crate::db::stream::{ACCESS_CHANGED, StoredEvent};

/// Events the broadcast keeps for streams that have not sent them yet.
pub const BACKLOG: usize = 1024;
/// How often the pump looks at the log when nobody rang (a write inside a request's
/// transaction commits after its handler rang).
const LOOK_EVERY: Duration = Duration::from_millis(200);
/// At most this many missed events are replayed; further behind, the client reads its page again.
pub const REPLAY_MAX: i64 = 1_000;

/// What every stream listens to. Cheap to clone.
#[derive(Clone)]
pub struct Hub {
    sender: broadcast::Sender<Arc<StoredEvent>>,
    /// Rung after an event is committed, so the pump reads it at once.
    written: Arc<Notify>,
    /// Becomes `true` when the server shuts down: every stream ends, so shutdown does not wait.
    closing: watch::Sender<bool>,
}

impl Hub {
    /// A hub woken by `written` (the database's `stream_written`).
    pub fn new(written: Arc<Notify>) -> Hub {
        Hub { sender: broadcast::channel(BACKLOG).0, written, closing: watch::channel(false).0 }
    }

    /// Starts the pump: from the log's newest event on, every new one goes to every stream.
    pub fn spawn_pump(&self, db: Db) -> tokio::task::JoinHandle<()> {
        let hub = self.clone();
        tokio::spawn(async move {
            let mut last = match db.stream_bounds().await {
                Ok((newest, _)) => newest,
                Err(error) => {
                    tracing::error!(%error, "the live stream cannot read its log");
                    return;
                }
            };
            let mut closing = hub.closing.subscribe();
            let mut prune = tokio::time::interval(Duration::from_secs(600));
            loop {
                tokio::select! {
                    _ = hub.written.notified() => {}
                    _ = tokio::time::sleep(LOOK_EVERY) => {}
                    _ = prune.tick() => {
                        if let Err(error) = db.prune_stream_events().await {
                            tracing::warn!(%error, "pruning the live stream's log failed");
                        }
                    }
                    _ = closing.changed() => return,
                }
                match db.stream_events_after(last, 500).await {
                    Ok(events) => {
                        for event in events {
                            last = event.id;
                            // No stream listening is fine.
                            let _ = hub.sender.send(Arc::new(event));
                        }
                    }
                    Err(error) => tracing::warn!(%error, "reading the live stream's log failed"),
                }
            }
        })
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<StoredEvent>> {
        self.sender.subscribe()
    }

    /// Ends every stream (server shutdown).
    pub fn close(&self) {
        let _ = self.closing.send(true);
    }

    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Open streams right now.
    pub fn listeners(&self) -> usize {
        self.sender.receiver_count()
    }
}

/// One viewer's filter: who they are, and what the stream learnt about their groups.
pub struct Audience {
    pub reader: Reader,
    /// Group id → may read its content; filled as events of a group first arrive, emptied when
    /// the viewer's access changes.
    readable: HashMap<i64, bool>,
}

impl Audience {
    pub fn new(reader: Reader) -> Audience {
        Audience { reader, readable: HashMap::new() }
    }

    /// Forgets what was learnt (the viewer's memberships or role changed).
    pub fn reset(&mut self, reader: Reader) {
        self.reader = reader;
        self.readable.clear();
    }

    /// Whether `event` may go to this viewer now. Asks the database at most once per group
    /// until the next [`Audience::reset`].
    pub async fn admits(&mut self, db: &Db, event: &StoredEvent) -> anyhow::Result<bool> {
        if event.kind == ACCESS_CHANGED {
            return Ok(false);
        }
        if let Some(member) = event.member_id {
            return Ok(self.reader.member_id == Some(member));
        }
        if event.moderators_only && !(self.reader.moderator || self.reader.staff) {
            return Ok(false);
        }
        let Some(group) = event.group_id else { return Ok(true) };
        if self.reader.staff {
            return Ok(true);
        }
        if let Some(&known) = self.readable.get(&group) {
            return Ok(known);
        }
        let readable = GroupAccess::load(db, self.reader, group).await?.is_some_and(|access| access.can_read());
        self.readable.insert(group, readable);
        Ok(readable)
    }
}

/// Whether `event` tells this viewer's stream to look at their access again.
pub fn concerns_access(event: &StoredEvent, reader: Reader) -> bool {
    event.kind == ACCESS_CHANGED && (event.member_id.is_none() || event.member_id == reader.member_id)
}

/// Where a new stream starts, given the `Last-Event-ID` it sent: the events to replay first
/// and the id after which live events count, or `None` when what was missed cannot be replayed
/// (too old, or from another database): the client must read its page again.
pub async fn resume(db: &Db, last_event_id: i64) -> anyhow::Result<Option<VecDeque<StoredEvent>>> {
    let (newest, oldest) = db.stream_bounds().await?;
    if last_event_id > newest || oldest.is_some_and(|oldest| last_event_id + 1 < oldest) {
        return Ok(None);
    }
    if newest - last_event_id > REPLAY_MAX {
        return Ok(None);
    }
    Ok(Some(db.stream_events_after(last_event_id, REPLAY_MAX).await?.into()))
}
