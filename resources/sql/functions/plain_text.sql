-- teller.plain_text: whether a text a person typed (a workstation's name, a note, a document
-- number) is plain: no control characters (newline, ESC, ...) and no invisible or
-- bidirectional formatting characters (U+202E and the like), which would let one line pass
-- for another in a log, a report or a supervisor's list. NULL counts as plain.
-- History: defined in 013.

CREATE OR REPLACE FUNCTION teller.plain_text(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN p IS NULL OR p !~ '[\x01-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]';

REVOKE ALL ON FUNCTION teller.plain_text(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
