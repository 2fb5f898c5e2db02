-- News: a space whose threads are staff announcements; members answer them with replies.
ALTER TABLE spaces ADD COLUMN news INTEGER NOT NULL DEFAULT 0;
