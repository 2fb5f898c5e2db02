-- Staff-written names in each of the community's languages: spaces, idea categories and groups
-- keep their English words in `name`/`description` and get Russian ones beside them (empty: not
-- written, readers of Russian see the English). Idea categories get a description too.
ALTER TABLE spaces ADD COLUMN name_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE spaces ADD COLUMN description_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE idea_categories ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE idea_categories ADD COLUMN name_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE idea_categories ADD COLUMN description_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN name_ru TEXT NOT NULL DEFAULT '';
ALTER TABLE groups ADD COLUMN description_ru TEXT NOT NULL DEFAULT '';
