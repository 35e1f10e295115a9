-- teller.open_branch: (administration) a branch, by its code and name; opening the same one
-- again changes nothing, another one under an existing code is refused. Its vault and other
-- cash accounts are made when first needed (teller.internal_account).
-- History: defined in 011; in 013 for the owner too.

CREATE OR REPLACE FUNCTION teller.open_branch(p_code text, p_name text)
RETURNS teller.branches
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v teller.branches;
BEGIN
    PERFORM teller.durable_write();
    PERFORM teller.staff_administrator(); -- an admin, or the owner who provisions the database
    IF p_code IS NULL OR p_code !~ '^[A-Z0-9]{1,8}$' OR p_name IS NULL OR length(btrim(p_name)) NOT BETWEEN 1 AND 100 THEN
        RAISE EXCEPTION 'a branch has a code of 1 to 8 letters or digits and a name' USING ERRCODE = '22023';
    END IF;
    INSERT INTO teller.branches AS b (code, name) VALUES (p_code, btrim(p_name))
    ON CONFLICT (code) DO NOTHING
    RETURNING b.* INTO v;
    IF NOT FOUND THEN
        SELECT * INTO STRICT v FROM teller.branches WHERE code = p_code;
        IF v.name <> btrim(p_name) THEN
            RAISE EXCEPTION 'branch % already exists with another name', p_code USING ERRCODE = '23505';
        END IF;
        RETURN v;
    END IF;
    INSERT INTO teller.audit_log (action, subject, details) VALUES ('branch_open', p_code, jsonb_build_object('name', v.name));
    RETURN v;
END
$$;

REVOKE ALL ON FUNCTION teller.open_branch(text, text)
    FROM PUBLIC, teller_staff, teller_tellers, teller_supervisors, teller_admins;
GRANT EXECUTE ON FUNCTION teller.open_branch(text, text) TO teller_admins;
