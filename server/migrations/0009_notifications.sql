-- Notifications name who caused them (the replier, the one who mentioned) and the group whose
-- content they are about (only those who may read that group's content see them, as for every
-- list); the bell's unread count reads only unread rows.
ALTER TABLE notifications ADD COLUMN actor_id INTEGER REFERENCES members(id) ON DELETE SET NULL;
ALTER TABLE notifications ADD COLUMN group_id INTEGER REFERENCES groups(id) ON DELETE CASCADE;
CREATE INDEX notifications_unread ON notifications(member_id) WHERE read_at IS NULL;
