-- teller.setting: a value from teller.settings (home_currency, approval_hold_minutes), NULL if
-- it is not set. A helper; staff cannot call it.
-- History: defined in 001; search_path reset in 006.

CREATE OR REPLACE FUNCTION teller.setting(p_key text) RETURNS text
LANGUAGE sql STABLE
RETURN (SELECT value FROM teller.settings WHERE key = p_key);

REVOKE ALL ON FUNCTION teller.setting(text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
