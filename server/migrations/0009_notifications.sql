-- Notifications name who caused them (the replier, the one who mentioned), and the bell's
-- unread count reads only unread rows.
ALTER TABLE notifications ADD COLUMN actor_id INTEGER REFERENCES members(id) ON DELETE SET NULL;
CREATE INDEX notifications_unread ON notifications(member_id) WHERE read_at IS NULL;
