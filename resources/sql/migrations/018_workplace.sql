-- 018: the workplace's names, for receipts and decisions.
--
-- A receipt and a decision name the bank, the branch and people by their names, not by their
-- logins ("approved by Clara Supervisor", not "clara"). Staff read no table of staff
-- (migration 014), so the names come through two functions for the signed-in member:
-- teller.workplace() (the bank's name, the member's branch's code and name) and
-- teller.workplace_staff() (login, display name and role of the active staff of the member's
-- own branch; nothing else about them).
--
-- The bank's name is a bank-set value in teller.settings ('bank_name'), like the approval
-- hold or the default limits: 'Teller Bank' until the bank's owner sets its own
-- (UPDATE teller.settings SET value = '...' WHERE key = 'bank_name'). It is printed on every
-- receipt, so it is a name: 1 to 100 characters, plain text (no control or bidirectional
-- formatting characters, as teller.plain_text says; written out here, a migration relies on
-- no function's later definition).
--
-- New functions: workplace, workplace_staff (staff).

INSERT INTO teller.settings (key, value) VALUES ('bank_name', 'Teller Bank')
ON CONFLICT (key) DO NOTHING;

ALTER TABLE teller.settings
    ADD CONSTRAINT settings_bank_name_is_a_name
    CHECK (key <> 'bank_name'
           OR (length(btrim(value)) BETWEEN 1 AND 100
               AND value !~ '[\x01-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]'));
